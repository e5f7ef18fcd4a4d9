console.log(Array.from({ length: 12 }, (_, i) => ({ id: i, name: 'item' + i })));
console.log({ users: [{ name: 'alice', roles: ['admin', 'dev'], active: true }, { name: 'bob', roles: [], active: false }], total: 2 });
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon', 'mango', 'nectarine']);
console.log([true, false, true, false, true, false, true, false]);
console.log([1, 'two', 3, 'four', 5, 'six', 7]);
console.log(Array.from({ length: 30 }, (_, i) => i * 1.5));
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18], [19, 20, 21]]);
console.log({ matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], label: 'identity' });
console.log(new Map(Array.from({ length: 5 }, (_, i) => ['key' + i, { value: i * i }])));
console.log(new Set(Array.from({ length: 20 }, (_, i) => i * 3)));
console.log({ s: 'a string that is quite long indeed, longer than eighty characters for sure, really long' });
console.log([undefined, null, NaN, -0, 0, '', [], {}]);
console.log({ 'a-b': 1, 'c d': 2, e: { 'f.g': [1, { h: null }] } });
console.log([[[[]]]], [[[[1]]]], { a: { b: { c: {} } } }, { a: { b: { c: { d: 1 } } } });
console.log(Array(5), [1, , 3, , , 6], [, , 1]);

// Expected output (checked against Node v20.20.2):
// expect: [
// expect:   { id: 0, name: 'item0' },
// expect:   { id: 1, name: 'item1' },
// expect:   { id: 2, name: 'item2' },
// expect:   { id: 3, name: 'item3' },
// expect:   { id: 4, name: 'item4' },
// expect:   { id: 5, name: 'item5' },
// expect:   { id: 6, name: 'item6' },
// expect:   { id: 7, name: 'item7' },
// expect:   { id: 8, name: 'item8' },
// expect:   { id: 9, name: 'item9' },
// expect:   { id: 10, name: 'item10' },
// expect:   { id: 11, name: 'item11' }
// expect: ]
// expect: {
// expect:   users: [
// expect:     { name: 'alice', roles: [Array], active: true },
// expect:     { name: 'bob', roles: [], active: false }
// expect:   ],
// expect:   total: 2
// expect: }
// expect: [
// expect:   'apple',      'banana',
// expect:   'cherry',     'date',
// expect:   'elderberry', 'fig',
// expect:   'grape',      'honeydew',
// expect:   'kiwi',       'lemon',
// expect:   'mango',      'nectarine'
// expect: ]
// expect: [
// expect:   true, false,
// expect:   true, false,
// expect:   true, false,
// expect:   true, false
// expect: ]
// expect: [
// expect:   1, 'two',
// expect:   3, 'four',
// expect:   5, 'six',
// expect:   7
// expect: ]
// expect: [
// expect:    0,  1.5,  3,  4.5,  6,  7.5,
// expect:    9, 10.5, 12, 13.5, 15, 16.5,
// expect:   18, 19.5, 21, 22.5, 24, 25.5,
// expect:   27, 28.5, 30, 31.5, 33, 34.5,
// expect:   36, 37.5, 39, 40.5, 42, 43.5
// expect: ]
// expect: [
// expect:   [ 1, 2, 3 ],
// expect:   [ 4, 5, 6 ],
// expect:   [ 7, 8, 9 ],
// expect:   [ 10, 11, 12 ],
// expect:   [ 13, 14, 15 ],
// expect:   [ 16, 17, 18 ],
// expect:   [ 19, 20, 21 ]
// expect: ]
// expect: {
// expect:   matrix: [ [ 1, 0, 0 ], [ 0, 1, 0 ], [ 0, 0, 1 ] ],
// expect:   label: 'identity'
// expect: }
// expect: Map(5) {
// expect:   'key0' => { value: 0 },
// expect:   'key1' => { value: 1 },
// expect:   'key2' => { value: 4 },
// expect:   'key3' => { value: 9 },
// expect:   'key4' => { value: 16 }
// expect: }
// expect: Set(20) {
// expect:   0,
// expect:   3,
// expect:   6,
// expect:   9,
// expect:   12,
// expect:   15,
// expect:   18,
// expect:   21,
// expect:   24,
// expect:   27,
// expect:   30,
// expect:   33,
// expect:   36,
// expect:   39,
// expect:   42,
// expect:   45,
// expect:   48,
// expect:   51,
// expect:   54,
// expect:   57
// expect: }
// expect: {
// expect:   s: 'a string that is quite long indeed, longer than eighty characters for sure, really long'
// expect: }
// expect: [ undefined, null, NaN, -0, 0, '', [], {} ]
// expect: { 'a-b': 1, 'c d': 2, e: { 'f.g': [ 1, [Object] ] } }
// expect: [ [ [ [] ] ] ] [ [ [ [Array] ] ] ] { a: { b: { c: {} } } } { a: { b: { c: [Object] } } }
// expect: [ <5 empty items> ] [ 1, <1 empty item>, 3, <2 empty items>, 6 ] [ <2 empty items>, 1 ]

console.log([1, 2, 3, 4, 5, 6, 7]);
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i)));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log([1.5, -2.25, 100, 3, 44444, 5, 6, 7, 8]);
console.log(['short', 'a much longer string here', 'x', 'y', 'z', 'w', 'v']);
console.log({ name: 'Alice', age: 30, address: { city: 'Paris', zip: '75001', geo: { lat: 48.8, lng: 2.3 } }, tags: ['a', 'b'] });
console.log({ a: 'a'.repeat(30), b: 'b'.repeat(30), c: 'c'.repeat(30) });
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }], [[1, 2], [3, 4]], [[[1, [2, [3]]]]]);
console.log({ fn: function () {}, arrow: () => {}, named: function foo() {}, cls: class Bar {}, sub: class extends Array {} });
console.log([undefined, null], [ , 1, , , 2], { 'key with space': 1, valid_id: 2, $dollar: 3, '123': 4, 'é': 5 });
console.log(new Error('printed error').message, [new Map([[1, { deep: { deeper: { deepest: 1 } } }]])]);
console.log('%s is %d years and %i, %f', 'Bob', 42.5, 42.9, 1.5, 'extra');
console.log('%o and %j %%', { a: 1 }, { b: 2 });
console.log(-0, [-0], 0.000001, 1e-7, 123456789.123, [0.1, 0.2]);
console.log(Symbol('desc'), [Symbol.iterator], { [Symbol('k')]: 'v' });
console.log(new Number(5), new String('str'), new Boolean(false));
console.log([new Set([1, [2, 3]]), new Map([['k', new Map([['inner', 1]])]])]);
console.log({ und: undefined }, [function () {}], [class A {}]);
const inst = new (class Person { constructor() { this.first = 'Ada'; this.last = 'Lovelace'; } })(); console.log(inst, [inst]);
console.log(Object.assign(Object.create(null), { x: 1 }), Object.create(null));
console.log('multi\nline', ['multi\nline'], "it's", ["it's"], ['"dq"'], [`both'"`]);
const longArr = Array.from({ length: 10 }, (_, i) => ({ id: i })); console.log(longArr);
console.log(new Array(3).fill({}), [[]], [{}], {});
console.log(true, false, null, undefined, NaN, Infinity, -Infinity);
console.log([true, false, null, undefined, NaN, Infinity]);
console.log(new Uint8Array(3), new Float32Array([1.5, 2]), new ArrayBuffer(4));
console.log([1, 2, 3].map(String), ['x'].entries(), new Map().keys());
console.log({ a: [1, 2, { b: [3, { c: [4] }] }] });
console.log(Array.from({ length: 7 }, (_, i) => 'item' + i));
console.log(Array.from({ length: 8 }, (_, i) => i * 1000));

// Expected output (checked against Node v20.20.2):
// expect: [
// expect:   1, 2, 3, 4,
// expect:   5, 6, 7
// expect: ]
// expect: [
// expect:   'a', 'b', 'c', 'd', 'e', 'f',
// expect:   'g', 'h', 'i', 'j', 'k', 'l',
// expect:   'm', 'n', 'o', 'p', 'q', 'r',
// expect:   's', 't', 'u', 'v', 'w', 'x',
// expect:   'y', 'z'
// expect: ]
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
// expect:   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
// expect:   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
// expect:   36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
// expect:   48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
// expect:   60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
// expect:   72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,
// expect:   84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
// expect:   96, 97, 98, 99,
// expect:   ... 20 more items
// expect: ]
// expect: [
// expect:   1.5, -2.25, 100,
// expect:     3, 44444,   5,
// expect:     6,     7,   8
// expect: ]
// expect: [ 'short', 'a much longer string here', 'x', 'y', 'z', 'w', 'v' ]
// expect: {
// expect:   name: 'Alice',
// expect:   age: 30,
// expect:   address: { city: 'Paris', zip: '75001', geo: { lat: 48.8, lng: 2.3 } },
// expect:   tags: [ 'a', 'b' ]
// expect: }
// expect: {
// expect:   a: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
// expect:   b: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
// expect:   c: 'cccccccccccccccccccccccccccccc'
// expect: }
// expect: [ { a: 1, b: 2 }, { a: 3, b: 4 } ] [ [ 1, 2 ], [ 3, 4 ] ] [ [ [ 1, [Array] ] ] ]
// expect: {
// expect:   fn: [Function: fn],
// expect:   arrow: [Function: arrow],
// expect:   named: [Function: foo],
// expect:   cls: [class Bar],
// expect:   sub: [class sub extends Array]
// expect: }
// expect: [ undefined, null ] [ <1 empty item>, 1, <2 empty items>, 2 ] { '123': 4, 'key with space': 1, valid_id: 2, '$dollar': 3, 'é': 5 }
// expect: printed error [ Map(1) { 1 => { deep: [Object] } } ]
// expect: Bob is 42.5 years and 42, 1.5 extra
// expect: { a: 1 } and {"b":2} %
// expect: -0 [ -0 ] 0.000001 1e-7 123456789.123 [ 0.1, 0.2 ]
// expect: Symbol(desc) [ Symbol(Symbol.iterator) ] { [Symbol(k)]: 'v' }
// expect: [Number: 5] [String: 'str'] [Boolean: false]
// expect: [ Set(2) { 1, [ 2, 3 ] }, Map(1) { 'k' => Map(1) { 'inner' => 1 } } ]
// expect: { und: undefined } [ [Function (anonymous)] ] [ [class A] ]
// expect: Person { first: 'Ada', last: 'Lovelace' } [ Person { first: 'Ada', last: 'Lovelace' } ]
// expect: [Object: null prototype] { x: 1 } [Object: null prototype] {}
// expect: multi
// expect: line [ 'multi\nline' ] it's [ "it's" ] [ '"dq"' ] [ `both'"` ]
// expect: [
// expect:   { id: 0 }, { id: 1 },
// expect:   { id: 2 }, { id: 3 },
// expect:   { id: 4 }, { id: 5 },
// expect:   { id: 6 }, { id: 7 },
// expect:   { id: 8 }, { id: 9 }
// expect: ]
// expect: [ {}, {}, {} ] [ [] ] [ {} ] {}
// expect: true false null undefined NaN Infinity -Infinity
// expect: [ true, false, null, undefined, NaN, Infinity ]
// expect: Uint8Array(3) [ 0, 0, 0 ] Float32Array(2) [ 1.5, 2 ] ArrayBuffer { [Uint8Contents]: <00 00 00 00>, byteLength: 4 }
// expect: [ '1', '2', '3' ] Object [Array Iterator] {} [Map Iterator] {  }
// expect: { a: [ 1, 2, { b: [Array] } ] }
// expect: [
// expect:   'item0', 'item1',
// expect:   'item2', 'item3',
// expect:   'item4', 'item5',
// expect:   'item6'
// expect: ]
// expect: [
// expect:      0, 1000, 2000,
// expect:   3000, 4000, 5000,
// expect:   6000, 7000
// expect: ]

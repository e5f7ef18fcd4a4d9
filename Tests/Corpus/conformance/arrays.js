const a = [5, 1, 4, 2, 3];
console.log(a.slice().sort(), a.slice().sort((x, y) => y - x), a.indexOf(4), a.includes(9), a.join('-'));
console.log(a.map(x => x * 2), a.filter(x => x % 2), a.reduce((s, x) => s + x, 0), a.reduceRight((s, x) => s + x));
console.log(a.find(x => x > 3), a.findIndex(x => x > 3), a.findLast(x => x > 3), a.findLastIndex(x => x > 100));
console.log(a.some(x => x > 4), a.every(x => x > 0), [1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity));
console.log([1, 2].flatMap(x => [x, x * 10]), Array.from('abc'), Array.from({ length: 3 }, (_, i) => i * i), Array.of(7, 8));
const b = [1, 2, 3, 4, 5];
console.log(b.splice(1, 2), b, b.splice(-1, 1, 'x', 'y'), b);
b.unshift(0); b.push(9); console.log(b, b.shift(), b.pop(), b);
console.log([3, 1, 2].reverse(), new Array(5).fill(0), [1, 2, 3, 4].fill(9, 1, 3), [1, 2, 3].at(-1));
console.log([..."ab"].entries().next(), [...[7, 8].keys()], [...[7, 8].entries()]);
console.log(Array.isArray([]), Array.isArray({}), [1, 2, 3].lastIndexOf(3), [0, -0, NaN].includes(NaN), [NaN].indexOf(NaN));
const holes = [1, , 3]; console.log(holes, holes.length, 1 in holes);
const arr = []; arr[5] = 1; console.log(arr, arr.length);
const long = Array.from({ length: 30 }, (_, i) => i); console.log(long);
const strs = ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']; console.log(strs);
const people = [{ n: 'b', a: 30 }, { n: 'a', a: 25 }, { n: 'c', a: 30 }];
console.log(people.sort((x, y) => x.a - y.a).map(p => p.n).join(''));
console.log([10, 9, 1, 100].sort(), ['b', 'a', 'C'].sort(), [3, 2, 1].sort((a, b) => a - b));
const copy = [1, 2, 3, 4, 5].copyWithin(0, 3); console.log(copy, [1, 2, 3].concat([4, 5], 6, [[7]]));
let total = 0; for (const v of [1, 2, 3]) total += v; console.log(total);
for (const [i, v] of ['x', 'y'].entries()) console.log(i, v);
for (const k in [4, 5]) console.log(typeof k, k);
const nums = [1, 2, 3]; nums.length = 1; console.log(nums, nums.length);
console.log([1, 2, 3].join(), [null, undefined, 1].join('|'), [[1, 2], [3]].join(';'));
console.log(Array.prototype.slice.call({ 0: 'a', 1: 'b', length: 2 }), Array.from(new Set([1, 1, 2])));
console.log([1, 2, 3].keys().toString(), typeof [][Symbol.iterator]);
const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]; console.log(matrix, matrix.map(r => r.reduce((a, b) => a + b)));
console.log(new Array(3), new Array('3'), Array(2, 3), [].concat.apply([], [[1], [2]]));
console.log([5, 10, 1].sort().reverse(), [1.5, -2, 0].map(Math.abs), ['1', '2', '3'].map(Number), ['a', 'b'].map((x, i) => x + i));

const byCopy = [3, 1, 2];
console.log(byCopy.toReversed(), byCopy.toSorted(), byCopy.toSorted((x, y) => y - x), byCopy.toSpliced(1, 1, 'x', 'y'), byCopy.with(-1, 9), byCopy);
try { byCopy.with(5, 1); } catch (e) { console.log(e.name, e.message); }
console.log([1, , 3].toReversed(), [].toSorted(), [5].toSpliced(0));

// Expected output (checked against Node v20.20.2):
// expect: [ 1, 2, 3, 4, 5 ] [ 5, 4, 3, 2, 1 ] 2 false 5-1-4-2-3
// expect: [ 10, 2, 8, 4, 6 ] [ 5, 1, 3 ] 15 15
// expect: 5 0 4 -1
// expect: true true [ 1, 2, [ 3, [ 4 ] ] ] [ 1, 2, 3, 4 ]
// expect: [ 1, 10, 2, 20 ] [ 'a', 'b', 'c' ] [ 0, 1, 4 ] [ 7, 8 ]
// expect: [ 2, 3 ] [ 1, 4, 'x', 'y' ] [ 5 ] [ 1, 4, 'x', 'y' ]
// expect: [ 1, 4, 'x', 'y' ] 0 9 [ 1, 4, 'x', 'y' ]
// expect: [ 2, 1, 3 ] [ 0, 0, 0, 0, 0 ] [ 1, 9, 9, 4 ] 3
// expect: { value: [ 0, 'a' ], done: false } [ 0, 1 ] [ [ 0, 7 ], [ 1, 8 ] ]
// expect: true false 2 true -1
// expect: [ 1, <1 empty item>, 3 ] 3 false
// expect: [ <5 empty items>, 1 ] 6
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,
// expect:    9, 10, 11, 12, 13, 14, 15, 16, 17,
// expect:   18, 19, 20, 21, 22, 23, 24, 25, 26,
// expect:   27, 28, 29
// expect: ]
// expect: [
// expect:   'apple',
// expect:   'banana',
// expect:   'cherry',
// expect:   'date',
// expect:   'elderberry',
// expect:   'fig',
// expect:   'grape',
// expect:   'honeydew'
// expect: ]
// expect: abc
// expect: [ 1, 10, 100, 9 ] [ 'C', 'a', 'b' ] [ 1, 2, 3 ]
// expect: [ 4, 5, 3, 4, 5 ] [
// expect:   1,     2, 3,
// expect:   4,     5, 6,
// expect:   [ 7 ]
// expect: ]
// expect: 6
// expect: 0 x
// expect: 1 y
// expect: string 0
// expect: string 1
// expect: [ 1 ] 1
// expect: 1,2,3 ||1 1,2;3
// expect: [ 'a', 'b' ] [ 1, 2 ]
// expect: [object Array Iterator] function
// expect: [ [ 1, 2, 3 ], [ 4, 5, 6 ], [ 7, 8, 9 ] ] [ 6, 15, 24 ]
// expect: [ <3 empty items> ] [ '3' ] [ 2, 3 ] [ 1, 2 ]
// expect: [ 5, 10, 1 ] [ 1.5, 2, 0 ] [ 1, 2, 3 ] [ 'a0', 'b1' ]
// expect: [ 2, 1, 3 ] [ 1, 2, 3 ] [ 3, 2, 1 ] [ 3, 'x', 'y', 2 ] [ 3, 1, 9 ] [ 3, 1, 2 ]
// expect: RangeError Invalid index : 5
// expect: [ 3, undefined, 1 ] [] []

// Builtins that take the list of what an array spreads (Array.from, the Set
// constructor, super(...)) walk it as [...x] does: the length read at every
// step, and what a getter at a hole returns kept reachable. (A file of its
// own: Array.prototype[Symbol.iterator] must never have been replaced.)
const a = [1, , 3, , 5];
let reads = 0;
Object.defineProperty(Array.prototype, 1, { get() { reads++; a.length = 4; return { fresh: reads }; }, configurable: true });
const copied = Array.from(a);
console.log(copied.length, JSON.stringify(copied), reads, a.length);
const set = new Set([1, , 2]);
console.log(set.size, [...set].map(v => typeof v).join());
delete Array.prototype[1];
const many = [];
for (let i = 0; i < 200; i++) many[i * 2] = i;
let n = 0;
Object.defineProperty(Array.prototype, 3, { get() { n++; return { made: "v" + n, list: [n, n + 1] }; }, configurable: true });
const spread = Array.from(many);
console.log(spread.length, spread[3].made, spread[3].list.join(), spread[5], spread[398], n);
delete Array.prototype[3];
class B { constructor(...xs) { this.n = xs.length; } }
class D extends B { constructor(...xs) { super(...xs, ...xs); } }
console.log(new D(1, 2, 3).n, new D().n);

// Expected output (checked against Node v20.20.2):
// expect: 4 [1,{"fresh":1},3,null] 1 4
// expect: 3 number,object,number
// expect: 399 v1 1,2 undefined 199 1
// expect: 6 0

// Array.prototype.fill: holes and ranges, and the cases where it must
// behave as [[Set]] does (setters and read-only elements on the prototype
// chain, frozen, sealed and non-extensible arrays, array-likes, lengths
// past the element storage), and arrays made by a subclass of Array.
const a = new Array(6).fill(0);
console.log(a.join(), a.length, 3 in a);
// expect: 0,0,0,0,0,0 6 true
console.log([1, 2, 3, 4, 5].fill(9, 1, -1).join(), [1, 2, 3].fill(7, -2).join(), [1, 2, 3].fill(7, 5).join());
// expect: 1,9,9,9,5 1,7,7 1,2,3
console.log(new Array(4).fill().map((_, i) => i * 2).join(), [].fill(1).length);
// expect: 0,2,4,6 0
const sparse = [1, , 3, , 5];
console.log(sparse.fill("x", 1, 4).join(), Object.keys(sparse).join());
// expect: 1,x,x,x,5 0,1,2,3,4
const big = new Array(1100000).fill(1);
console.log(big.length, big[0], big[1048575], big[1048576], big[1099999], big.reduce((s, x) => s + x, 0));
// expect: 1100000 1 1 1 1 1100000

let seen = [];
Object.defineProperty(Array.prototype, 2, { set(v) { seen.push(v); }, get() { return "proto"; }, configurable: true });
const holes = new Array(4);
holes.fill("h");
console.log(seen.join(), holes[2], Object.keys(holes).join());
// expect: h proto 0,1,3
delete Array.prototype[2];
Object.defineProperty(Object.prototype, 1, { value: "ro", writable: false, configurable: true });
let readOnly = "no error";
try { new Array(3).fill(1); } catch (e) { readOnly = e.constructor.name; }
delete Object.prototype[1];
console.log("read-only on the prototype:", readOnly);
// expect: read-only on the prototype: TypeError

try { Object.freeze([1, 2, 3]).fill(0); } catch (e) { console.log("frozen", e.constructor.name); }
// expect: frozen TypeError
const sealed = Object.seal([1, 2, 3]);
sealed.fill(8);
console.log(sealed.join());
// expect: 8,8,8
try { Object.seal(new Array(2)).fill(0); } catch (e) { console.log("sealed holes", e.constructor.name); }
// expect: sealed holes TypeError
const closed = Object.preventExtensions([1, , 3]);
try { closed.fill(4); } catch (e) { console.log("non-extensible", e.constructor.name, closed.join()); }
// expect: non-extensible TypeError 4,,3
const like = { length: 3, 1: "b" };
Array.prototype.fill.call(like, "z", 1);
console.log(JSON.stringify(like));
// expect: {"1":"z","2":"z","length":3}
const typed = new Uint8Array(5).fill(300, 1, 3);
console.log(typed.join());
// expect: 0,44,44,0,0
class MyArray extends Array {}
const mine = new MyArray(3).fill(5);
console.log(mine.join(), mine instanceof MyArray, new MyArray(1, 2).length, Array.isArray(mine), Object.getPrototypeOf(new Array(2)) === Array.prototype);
// expect: 5,5,5 true 2 true true

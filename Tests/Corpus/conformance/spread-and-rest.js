// Spread arguments and array literals, rest parameters: what each call
// builds, how often iteration runs, and what the callee may change.

// A spread call iterates each spread operand once, and never the argument
// list it builds from them. (The counts are printed after the iterator is
// restored: console.log may iterate arrays itself.)
const originalIterator = Array.prototype[Symbol.iterator];
let iterations = 0;
Array.prototype[Symbol.iterator] = function () { iterations++; return originalIterator.call(this); };
function joined(...parts) { return parts.join("-"); }
class Base { constructor(...values) { this.values = values; } }
class Derived extends Base { constructor(...values) { super(...values, "s"); } }
const counted = [];
counted.push(joined(...[1, 2, 3]), iterations);
counted.push(joined(0, ...[1, , 3], 4), iterations);
counted.push(new Derived(...[7, 8]).values.join(), iterations);
counted.push(new Base(...["n"]).values.join(), iterations);
counted.push(Math.max(...[1, 5], ...[3]), iterations);
Array.prototype[Symbol.iterator] = originalIterator;
console.log(counted.join(" "));

// More arguments than the register stack holds: a RangeError, as in node.
// (In a function, so that the big arrays are garbage once it returns.)
function tooManyArguments() {
  const many = new Array(1100000).fill(0);
  try { joined(...many); } catch (e) { console.log(e instanceof RangeError, e.message); }
  try { new Base(...many); } catch (e) { console.log(e instanceof RangeError, e.message); }
}
tooManyArguments();

// Holes read through the prototype chain; a getter there may change the length.
const holey = [1, , 3];
Object.defineProperty(Array.prototype, 1, { get() { holey.length = 5; return "got"; }, configurable: true });
console.log([...holey].join(), holey.length);
delete Array.prototype[1];
console.log([...[, 2]].length, [...[, 2]][0]);

// Other iterables, and an array whose own iterator is patched.
function* numbers() { yield 1; yield 2; }
console.log([...new Set([3, 4]), ..."ab", ...numbers(), ...new Map([[5, 6]])].join());
const own = [1, 2];
own[Symbol.iterator] = function* () { yield "own"; };
console.log(joined(...own), [...own].length);

// Rest parameters: a new array per call, with only the arguments past the parameters.
function rest(x, ...more) { return [x, more.length, more.join()].join("|"); }
console.log(rest(), rest(1), rest(1, 2, 3));
function keep(...r) { return r; }
const first = keep(1, 2), second = keep(1, 2);
first.push(3);
console.log(first === second, first.join(), second.join(), Array.isArray(first));
function both(x, ...r) { return [arguments.length, r.join(), arguments[0]].join("|"); }
console.log(both(1, 2, 3), both());
function outer(...r) { return () => arguments.length + ":" + r.length; }
console.log(outer(1, 2)());
function* generatorRest(x, ...r) { yield r.length; yield r.join(); }
const generator = generatorRest(1, 2, 3);
console.log(generator.next().value, generator.next().value);
const arrow = (...r) => { r.push(9); return r; };
console.log(arrow(1, 2).join(), arrow().join());
class List extends Array { constructor(...items) { super(...items); } }
console.log(new List(1, 2, 3).length, new List(4).length);
function changeRest(x, y, ...r) { r[0] = "z"; return [x, y, r.join()].join("|"); }
console.log(changeRest(1), changeRest(1, 2, 3, 4));
const partial = (f, ...bound) => (...later) => f(...bound, ...later);
const add3 = partial((x, y, z) => x + y + z, 1, 2);
let sum = 0;
for (let i = 0; i < 3000; i++) sum += add3(i);
console.log(sum);
console.log(Math.max(...[1, 5, 3]), String.fromCharCode(...[104, 105]));

// Spreading what is not iterable is a TypeError.
try { joined(...1); } catch (e) { console.log(e instanceof TypeError); }
try { [...{}]; } catch (e) { console.log(e instanceof TypeError); }

// Expected output (checked against Node v20.20.2):
// expect: 1-2-3 1 0-1--3-4 2 7,8,s 4 n 5 5 7
// expect: true Maximum call stack size exceeded
// expect: true Maximum call stack size exceeded
// expect: 1,got,3,, 5
// expect: 2 undefined
// expect: 3,4,a,b,1,2,5,6
// expect: own 1
// expect: |0| 1|0| 1|2|2,3
// expect: false 1,2,3 1,2 true
// expect: 3|2,3|1 0||
// expect: 2:2
// expect: 2 2,3
// expect: 1,2,9 9
// expect: 3 4
// expect: 1||z 1|2|z,4
// expect: 4507500
// expect: 5 hi
// expect: true
// expect: true

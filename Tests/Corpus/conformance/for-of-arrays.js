// for-of over arrays, the step compiled code takes inline: elements in
// order, the array growing and shrinking while it is walked, holes (read
// through the prototype), empty arrays, break and continue, and iterables
// that are not arrays (strings, Sets, generators, custom iterators).

function walk(a) {
  let n = 0, sum = 0;
  for (const x of a) { n++; if (typeof x === "number") sum += x; }
  return n + ":" + sum;
}

function growing(limit) {
  const a = [1, 2, 3];
  let seen = 0;
  for (const x of a) { seen += x; if (a.length < limit) a.push(x + 3); }
  return seen + "/" + a.length;
}

function shrinking() {
  const a = [1, 2, 3, 4, 5, 6, 7, 8];
  const out = [];
  for (const x of a) { out.push(x); if (x === 3) a.length = 5; }
  return out.join(",");
}

function holes() {
  const a = [1, , 3, , 5];
  Array.prototype[3] = "proto";
  const out = [];
  for (const x of a) out.push(String(x));
  delete Array.prototype[3];
  return out.join(",");
}

function early(a) {
  let total = 0;
  for (const x of a) {
    if (x % 2 === 0) continue;
    if (x > 40) break;
    total += x;
  }
  return total;
}

// Leaving a loop early closes the iterator: arrays have nothing to close,
// an iterator with return() gets the call (break, destructuring).
let closed = 0;
const closing = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ >= 9 }), return() { closed++; return {}; } }; } };
function closes(pairs) {
  let s = 0;
  for (const x of closing) { if (x === 3) break; s += x; }
  const [a, b] = closing;
  for (const [p, q] of pairs) s += p * q;
  for (const x of [5, 6, 7]) { if (x === 6) break; s += x; }
  return s + a + b + "/" + closed;
}

function* numbers(n) { for (let i = 0; i < n; i++) yield i * 1.5; }
const custom = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ >= 4 }) }; } };

// Arrays that do not iterate as arrays do: an own [Symbol.iterator]; and a
// named own property, which changes nothing.
const ownIterator = [1, 2, 3];
ownIterator[Symbol.iterator] = function* () { yield 10; yield 20; };
const labelled = [4, 5];
labelled.label = "mine";
Object.setPrototypeOf(labelled, Object.create(Array.prototype));

const big = [];
for (let i = 0; i < 200; i++) big.push(i % 3 === 0 ? i * 0.5 : i);
for (let round = 0; round < 30; round++) {
  const results = [walk(big), walk([]), walk([1.5, 2.5]), walk("héllo"), walk(new Set([1, 2, 2, 3])),
                   walk(numbers(5)), walk(custom), growing(10 + round % 3), shrinking(), holes(), early(big), closes([[1, 2], [3, 4]]), walk(ownIterator), walk(labelled), [...ownIterator].join("+")];
  if (round % 10 === 0 || round === 29) console.log(results.join(" "));
}



// Replacing the array iterator's methods after the walks above: for-of,
// spread and destructuring must call the replacements (the same shapes,
// new values in the slots), and the originals again once restored.
const originalValues = Array.prototype[Symbol.iterator];
const iteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const originalNext = iteratorPrototype.next;
function sample() { const [first] = [7, 8]; return [walk([1, 2, 3]), [...[4, 5]].length, first].join(" "); }
console.log(sample());
Array.prototype[Symbol.iterator] = function* () { yield 100; };
console.log(sample());
Array.prototype[Symbol.iterator] = originalValues;
console.log(sample());
// Each iterator yields 50 once, then is done.
iteratorPrototype.next = function () { const done = this.yielded === true; this.yielded = true; return { value: 50, done }; };
console.log(sample());
iteratorPrototype.next = originalNext;
console.log(sample());


// Expected output (checked against Node v20.20.2):
// expect: 200:16583.5 0:0 2:4 5:0 3:6 5:15 4:6 55/10 1,2,3,4,5 1,undefined,3,proto,5 353.5 23/2 2:30 2:9 10+20
// expect: 200:16583.5 0:0 2:4 5:0 3:6 5:15 4:6 66/11 1,2,3,4,5 1,undefined,3,proto,5 353.5 23/22 2:30 2:9 10+20
// expect: 200:16583.5 0:0 2:4 5:0 3:6 5:15 4:6 78/12 1,2,3,4,5 1,undefined,3,proto,5 353.5 23/42 2:30 2:9 10+20
// expect: 200:16583.5 0:0 2:4 5:0 3:6 5:15 4:6 78/12 1,2,3,4,5 1,undefined,3,proto,5 353.5 23/60 2:30 2:9 10+20
// expect: 3:6 2 7
// expect: 1:100 1 100
// expect: 3:6 2 7
// expect: 1:50 1 50
// expect: 3:6 2 7

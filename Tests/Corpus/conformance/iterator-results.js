// Iterator result objects ({value, done}): the ones builtins and generators
// make are ordinary objects, and for-of, spread and destructuring read any
// result the way the spec does (own data properties, getters, inherited
// properties, extra keys) whether or not it looks like the builtins' own.
const m = new Map([[1, "a"], [2, "b"]]);
const r = m.entries().next();
console.log(Object.keys(r).join(), JSON.stringify(r), r.done, Object.getPrototypeOf(r) === Object.prototype);
// expect: value,done {"value":[1,"a"],"done":false} false true
r.done = 5; delete r.value; r.extra = 1;
console.log(JSON.stringify(r), JSON.stringify(m.keys().next()));
// expect: {"done":5,"extra":1} {"value":1,"done":false}
function* g() { yield 1; yield 2; return 3; }
const it = g();
console.log(JSON.stringify([it.next(), it.next(), it.next(), it.next()]));
// expect: [{"value":1,"done":false},{"value":2,"done":false},{"value":3,"done":true},{"done":true}]
const pairs = [];
for (const [k, v] of m) pairs.push(k + v);
for (const v of new Set([3, 3, 4])) pairs.push(v);
console.log(pairs.join(), [...m.values()].join(), [...g()].join());
// expect: 1a,2b,3,4 a,b 1,2

function iterable(results) {
  return { [Symbol.iterator]() { let i = 0; return { next() { return results[i++] ?? { value: undefined, done: true }; } }; } };
}
console.log([...iterable([{ value: 1, done: false }, { done: false, value: 2 }, { value: 3, done: 0 }])].join());
// expect: 1,2,3
let reads = 0;
const counted = { get value() { reads++; return "g"; }, get done() { return reads > 1; } };
console.log([...iterable([counted, counted, counted])].join(), reads);
// expect: g,g 2
console.log([...iterable([{ value: "x", done: false, more: 1 }, Object.create({ value: "inherited", done: false })])].join());
// expect: x,inherited
Object.prototype.done = true;
console.log([...iterable([{ value: "no own done" }])].length);
// expect: 0
delete Object.prototype.done;
const [first, second] = iterable([{ value: "d1", done: false }, { value: "d2", done: false }]);
console.log(first, second);
// expect: d1 d2
try { for (const x of iterable([5])) console.log(x); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError

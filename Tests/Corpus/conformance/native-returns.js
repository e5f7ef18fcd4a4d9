// Returns from compiled code reach every kind of caller with the same value:
// builtins calling back, the interpreter, compiled callers, `new`,
// bound functions, getters; numbers kept unboxed in the callee come back
// as the numbers they are (-0 stays -0, integral doubles compare equal).

function half(x) { const y = x / 2; return y; }
function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
function big(n) { let s = 2147483600; for (let i = 0; i < n; i++) s += i; return s; }
let total = 0;
for (let i = 0; i < 300; i++) total += half(i) + sum(i % 7);
console.log(total);
// expect: 23915
console.log(half(6), Object.is(half(6), 3), 1 / half(-0), half(1), big(100));
// expect: 3 true -Infinity 0.5 2147488550

// Builtins calling compiled callbacks.
const xs = [];
for (let i = 0; i < 200; i++) xs.push(i);
console.log(xs.map(x => x * 0.5).reduce((a, b) => a + b, 0));
// expect: 9950
console.log(xs.map(half).filter(x => x % 1 === 0).length, xs.map(x => "v" + x).slice(-2).join());
// expect: 100 v198,v199
console.log(xs.slice(0, 6).sort((a, b) => b - a).join(), xs.reduce((a, x) => a + x * 21474836, 0));
// expect: 5,4,3,2,1,0 427349236400
console.log(xs.map(x => ({ x })).at(-1).x, xs.find(x => x * x > 150));
// expect: 199 13

// Constructors: a primitive return gives `this`, an object return replaces it.
function Point(x) { this.x = x; if (x < 0) return 5; if (x > 1000) return { boxed: x }; }
let points = 0;
for (let i = 0; i < 300; i++) points += new Point(i).x;
console.log(points, new Point(-1).x, new Point(2000).boxed, new (Point.bind(null, 7))().x);
// expect: 44850 -1 2000 7
console.log([1, 2, 3].map(x => new Point(x * 1.5).x).join());
// expect: 1.5,3,4.5

class Base { constructor(v) { this.v = v; } }
class Derived extends Base {
  constructor(v, mode) {
    super(v);
    if (mode === 1) return { replaced: v };
    if (mode === 2) return 42;
  }
}
let derived = 0;
for (let i = 0; i < 300; i++) derived += new Derived(i, 0).v;
console.log(derived, new Derived(3, 1).replaced);
// expect: 44850 3
try { new Derived(3, 2); } catch (e) { console.log(e instanceof TypeError); }
// expect: true

// Getters and methods called from compiled loops.
const counter = { n: 0, get next() { return ++this.n; }, twice(v) { return v * 2; } };
let got = 0;
for (let i = 0; i < 300; i++) got += counter.next + counter.twice(i);
console.log(got, counter.n);
// expect: 134850 300

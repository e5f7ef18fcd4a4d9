// Objects with many named properties: past 8 keys a shape looks keys up
// through its own hash table, which must agree with insertion order,
// deletion, re-adding, attributes and lookups of keys that are absent.
const o = {};
for (let i = 0; i < 100; i++) o["k" + i] = i;
let sum = 0;
for (let i = 0; i < 120; i++) sum += o["k" + i] === undefined ? 1000 : o["k" + i];
console.log(sum, Object.keys(o).length, Object.keys(o).slice(0, 3).join(), Object.keys(o).slice(-3).join());

// Deleting turns the object into a dictionary; lookups must still find the rest.
for (let i = 0; i < 100; i += 3) delete o["k" + i];
console.log(Object.keys(o).length, "k3" in o, "k4" in o, o.k98, o.k99, o.k0);
for (let i = 0; i < 100; i += 6) o["k" + i] = -i;
console.log(Object.keys(o).length, Object.keys(o).slice(-3).join(), o.k6, o.k12, o.k3);

// Two objects built alike share shapes (transitions); one diverging must not disturb the other.
function make(n, extra) { const r = {}; for (let i = 0; i < n; i++) r["p" + i] = i; if (extra) r.extra = extra; return r; }
const a = make(20), b = make(20, "x"), c = make(20);
console.log(a.p19, b.extra, c.extra, "extra" in a, Object.keys(b).length, Object.keys(c).join() === Object.keys(a).join());

// Symbols, accessors and non-enumerable keys among many keys.
const s = Symbol("s");
const p = make(12);
p[s] = "sym";
Object.defineProperty(p, "hidden", { value: 1, enumerable: false });
Object.defineProperty(p, "getter", { get() { return this.p11 * 2; }, enumerable: true });
console.log(p[s], p.hidden, p.getter, Object.keys(p).length, JSON.stringify(p).length, Object.getOwnPropertyNames(p).length);

// Globals: many properties of the global object, read as names.
for (let i = 0; i < 12; i++) globalThis["g" + i] = i;
console.log(g0 + g5 + g11, typeof g11, typeof g12);

// Builtin prototypes have many keys: lookups through them, and misses.
console.log(typeof [].map, typeof ({}).toJSON, typeof "".padStart, typeof Math.hypot, typeof Math.nope);

// Expected output (checked against Node v20.20.2):
// expect: 24950 100 k0,k1,k2 k97,k98,k99
// expect: 66 false true 98 undefined undefined
// expect: 83 k84,k90,k96 -6 -12 undefined
// expect: 19 x undefined false 21 true
// expect: sym 1 22 13 101 14
// expect: 16 number undefined
// expect: function undefined function function undefined

// Property sites that see more shapes than an inline cache holds
// (megamorphic): reads and writes through the isolate's megamorphic cache
// must keep every property's semantics.
function make(i) {
  const o = {};
  o["k" + (i % 12)] = i;
  o.x = i; o.y = i * 2;
  return o;
}
function read(o) { return o.x + o.y; }
function write(o, v) { o.x = v; return o.x; }
const objs = [];
for (let i = 0; i < 48; i++) objs.push(make(i));
let sum = 0;
for (let r = 0; r < 50; r++) for (const o of objs) sum += read(o);
console.log(sum);
for (let r = 0; r < 50; r++) for (const o of objs) write(o, r);
console.log(objs.map(o => o.x).join(","));

// Same shapes, but a frozen object (writes ignored), a deleted property
// (dictionary mode), a getter, an inherited property, a read-only property.
const frozen = make(3); Object.freeze(frozen);
console.log(write(frozen, 99), frozen.x);
const deleted = make(5); delete deleted.k5; deleted.x = 7;
console.log(read(deleted), write(deleted, 8));
const getter = make(6); Object.defineProperty(getter, "x", { get() { return 1000; } });
console.log(read(getter));
const inherited = Object.create({ x: 40, y: 2 });
console.log(read(inherited), write(inherited, 41), Object.getPrototypeOf(inherited).x);
const readOnly = make(7); Object.defineProperty(readOnly, "x", { writable: false });
console.log(write(readOnly, 123), read(readOnly));
const missing = {};
console.log(read(missing), write(missing, 1), Object.keys(missing).join());
// A read-only property of a builtin object seen by megamorphic sites.
function readPI(o) { return o.PI; }
function writePI(o, v) { o.PI = v; return o.PI; }
const withPI = objs.slice(0, 12).map((o, i) => Object.assign(make(i), { PI: i }));
for (let r = 0; r < 20; r++) for (const o of withPI) { readPI(o); readPI(Math); writePI(o, r); }
console.log(writePI(Math, 3), readPI(Math) === Math.PI, withPI[5].PI);
function strictWrite(o) { "use strict"; o.x = 5; }
for (const o of objs) strictWrite(o);
try { strictWrite(frozen); } catch (e) { console.log(e.constructor.name, e.message); }

// Expected output (checked against Node v20.20.2):
// expect: 169200
// expect: 49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49,49
// expect: 3 3
// expect: 17 8
// expect: 1012
// expect: 42 41 40
// expect: 7 21
// expect: NaN 1 x
// expect: 3.141592653589793 true 19
// expect: TypeError Cannot assign to read only property 'x' of object '#<Object>'

// Inline caches must stay correct when shapes, prototypes and accessors change.
function getX(o) { return o.x; }
const shapes = [{ x: 1 }, { y: 0, x: 2 }, { z: 0, y: 0, x: 3 }, { w: 0, z: 0, y: 0, x: 4 }, { v: 0, w: 0, z: 0, y: 0, x: 5 }, Object.create({ x: 6 })];
for (let round = 0; round < 3; round++) console.log(shapes.map(getX).join(','));
const proto = { m() { return 'proto m'; } };
const a = Object.create(proto), b = Object.create(proto);
function callM(o) { return o.m(); }
console.log(callM(a), callM(b));
proto.m = function () { return 'replaced'; };
console.log(callM(a), callM(b));
a.m = () => 'own';
console.log(callM(a), callM(b));
delete a.m; console.log(callM(a));
function setP(o, v) { o.p = v; return o; }
const made = []; for (let i = 0; i < 3; i++) made.push(setP({}, i)); console.log(made);
const guarded = Object.create({ set p(v) { this.viaSetter = v; } });
setP(guarded, 'S'); console.log(guarded.viaSetter, Object.keys(guarded));
const readOnlyProto = Object.create(Object.defineProperty({}, 'p', { value: 'ro', writable: false }));
setP(readOnlyProto, 'W'); console.log(readOnlyProto.p, Object.keys(readOnlyProto));
class C { constructor(v) { this.v = v; } get dbl() { return this.v * 2; } }
const cs = [new C(1), new C(2)]; console.log(cs.map(c => c.dbl));
Object.defineProperty(C.prototype, 'dbl', { get() { return this.v * 10; } }); console.log(cs.map(c => c.dbl));
Object.setPrototypeOf(cs[0], { get dbl() { return 'swapped'; } }); console.log(cs.map(c => c.dbl));
const arr = [1, 2, 3]; function len(x) { return x.length; } console.log(len(arr), len('abcd'), len({ length: 7 }), len([]));
arr.push(4); console.log(len(arr));
const dict = {}; for (let i = 0; i < 300; i++) dict['k' + i] = i; for (let i = 0; i < 300; i += 2) delete dict['k' + i];
console.log(Object.keys(dict).length, dict.k1, dict.k2, dict.k299, Object.keys(dict).slice(0, 3));
function readMany(o) { let t = 0; for (const k of ['a', 'b', 'c']) t += o[k] ?? 0; return t; }
console.log(readMany({ a: 1 }), readMany({ b: 2, a: 1 }), readMany({ c: 3 }), readMany(Object.assign(Object.create({ a: 100 }), { b: 1 })));
globalThis.dynamicGlobal = 1; function readGlobal() { return typeof dynamicGlobal === 'undefined' ? 'none' : dynamicGlobal; }
console.log(readGlobal()); dynamicGlobal = 2; console.log(readGlobal()); delete globalThis.dynamicGlobal; console.log(readGlobal());
var counter = 0; function bump() { counter++; } for (let i = 0; i < 5; i++) bump(); console.log(counter);
const poly = [1, 'a', 2.5, true, null, [1], { v: 1 }];
function describe(v) { return typeof v + ':' + (v === null ? 'null' : v.toString()); }
for (let r = 0; r < 2; r++) console.log(poly.map(describe).join(' '));
let s = 0; for (let i = 0; i < 100; i++) s += i % 2 ? i : i / 2; console.log(s);
let big = 2147483647; big++; console.log(big, big | 0, -big - 2, 2147483647 * 2, 46341 * 46341, (-1) * 0);

// Expected output (checked against Node v20.20.2):
// expect: 1,2,3,4,5,6
// expect: 1,2,3,4,5,6
// expect: 1,2,3,4,5,6
// expect: proto m proto m
// expect: replaced replaced
// expect: own replaced
// expect: replaced
// expect: [ { p: 0 }, { p: 1 }, { p: 2 } ]
// expect: S [ 'viaSetter' ]
// expect: ro []
// expect: [ 2, 4 ]
// expect: [ 10, 20 ]
// expect: [ 'swapped', 20 ]
// expect: 3 4 7 0
// expect: 4
// expect: 150 1 undefined 299 [ 'k1', 'k3', 'k5' ]
// expect: 1 3 3 101
// expect: 1
// expect: 2
// expect: none
// expect: 5
// expect: number:1 string:a number:2.5 boolean:true object:null object:1 object:[object Object]
// expect: number:1 string:a number:2.5 boolean:true object:null object:1 object:[object Object]
// expect: 3725
// expect: 2147483648 -2147483648 -2147483650 4294967294 2147488281 -0

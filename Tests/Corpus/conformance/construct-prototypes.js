// 'new' through compiled code's direct construct: the object's prototype is the
// constructor's 'prototype' at the time, Object.prototype when that is not an
// object, after reassignment and after the function's own shape changed.
function F(x) { this.x = x; }
function G(x) { this.x = x; }
function make(C, i) { return new C(i); }
let s = 0;
for (let i = 0; i < 3000; i++) s += make(F, i).x + make(G, i).x;
console.log(s, Object.getPrototypeOf(make(F, 1)) === F.prototype);
F.prototype = 5;
let o = make(F, 2), o2 = make(F, 3);
console.log(Object.getPrototypeOf(o) === Object.prototype, o.x, Object.getPrototypeOf(o2) === Object.prototype, o2.x);
F.prototype = { y: 7 };
o = make(F, 3);
console.log(o.y, o.x, Object.getPrototypeOf(o) === F.prototype);
F.extra = 1; delete F.extra;   // the function's own properties change shape
o = make(F, 4);
console.log(o.y, o.x);
G.prototype.z = 9;
console.log(make(G, 5).z);

// Expected output (checked against Node v20.20.2):
// expect: 8997000 true
// expect: true 2 true 3
// expect: 7 3 true
// expect: 7 4
// expect: 9

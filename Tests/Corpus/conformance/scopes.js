// Closures, block scoping, TDZ and per-iteration bindings.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map(f => f()));
const vars = [];
for (var j = 0; j < 3; j++) vars.push(() => j);
console.log(vars.map(f => f()));
const ofs = [];
for (const x of ['a', 'b']) ofs.push(() => x);
console.log(ofs.map(f => f()));
const ins = [];
for (const k in { p: 1, q: 2 }) ins.push(() => k);
console.log(ins.map(f => f()));
let shadow = 'outer';
{ let shadow = 'inner'; console.log(shadow); }
console.log(shadow);
function tdz() { try { return before; } catch (e) { return e.message; } let before = 1; }
console.log(tdz());
function laterClosure() { const get = () => value; let value = 42; return get(); }
console.log(laterClosure());
function closureBeforeInit() { const get = () => value; try { get(); } catch (e) { return e.message; } let value = 1; }
console.log(closureBeforeInit());
switch (1) { case 0: let s = 'zero'; break; case 1: try { console.log(s); } catch (e) { console.log(e.message); } }
function counterFactory() { let n = 0; return function () { n += 1; return n; }; }
const ca = counterFactory(); ca(); ca(); console.log(ca());
const adders = [1, 2, 3].map(n => m => n + m); console.log(adders.map(f => f(10)));
let captured = 1; const readCaptured = () => captured; captured = 2; console.log(readCaptured());
function outerFn() { const a = 1; function mid() { const b = 2; function inner() { return a + b + c; } const c = 3; return inner(); } return mid(); }
console.log(outerFn());
var hoistMe = 'before'; function useHoisted() { return hoistMe; var hoistMe = 'local'; } console.log(useHoisted());
function declaredLater() { return helper(); function helper() { return 'helper hoisted'; } } console.log(declaredLater());
{ function blockFn() { return 'block fn'; } console.log(blockFn()); }
const obj = { value: 1, nested() { return [1, 2].map(x => this.value + x); } }; console.log(obj.nested());
let loopClosures = []; for (let i = 0; i < 3; i++) { let j = i * 10; loopClosures.push(() => i + j); i += 0; } console.log(loopClosures.map(f => f()));
const once = (() => { let done = false; return () => { if (done) return 'again'; done = true; return 'first'; }; })(); console.log(once(), once());
function params(a, b) { const inner = () => a + b; a = 10; return inner(); } console.log(params(1, 2));
function argsAlias(a) { arguments[0] = 99; return a; } console.log(typeof argsAlias(1));
const curry = f => a => b => c => f(a, b, c); console.log(curry((x, y, z) => x * y * z)(2)(3)(4));
let x1 = 1; { let x1 = 2; { let x1 = 3; console.log(x1); } console.log(x1); } console.log(x1);
try { (() => { 'use strict'; leak = 1; })(); } catch (e) { console.log(e.name, e.message); }
sloppyGlobal = 'created'; console.log(sloppyGlobal, typeof globalThis.sloppyGlobal);
console.log(typeof notDeclaredAnywhere, delete globalThis.sloppyGlobal, typeof sloppyGlobal);
const memo = (() => { const cache = new Map(); return n => { if (cache.has(n)) return cache.get(n); const r = n < 2 ? n : memo(n - 1) + memo(n - 2); cache.set(n, r); return r; }; })();
console.log(memo(80));

// Expected output (checked against Node v20.20.2):
// expect: [ 0, 1, 2 ]
// expect: [ 3, 3, 3 ]
// expect: [ 'a', 'b' ]
// expect: [ 'p', 'q' ]
// expect: inner
// expect: outer
// expect: Cannot access 'before' before initialization
// expect: 42
// expect: Cannot access 'value' before initialization
// expect: Cannot access 's' before initialization
// expect: 3
// expect: [ 11, 12, 13 ]
// expect: 2
// expect: 6
// expect: undefined
// expect: helper hoisted
// expect: block fn
// expect: [ 2, 3 ]
// expect: [ 0, 11, 22 ]
// expect: first again
// expect: 12
// expect: number
// expect: 24
// expect: 3
// expect: 2
// expect: 1
// expect: ReferenceError leak is not defined
// expect: created string
// expect: undefined true undefined
// expect: 23416728348467684

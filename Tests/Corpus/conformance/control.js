function f(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'two-three'; default: return 'other'; } }
console.log(f(1), f(3), f(9));
outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; console.log(i, j); } }
function tf() { try { return 'try'; } finally { console.log('finally runs'); } }
console.log(tf());
function tf2() { for (const x of [1, 2, 3]) { try { if (x === 2) break; } finally { console.log('f', x); } } return 'done'; }
console.log(tf2());
function tf3() { try { throw new Error('boom'); } catch (e) { return 'caught ' + e.message; } finally { console.log('cleanup'); } }
console.log(tf3());
function tf4() { try { try { throw 1; } finally { console.log('inner'); } } catch (e) { console.log('outer caught', e); } }
tf4();
let w = 0; while (w < 3) w++; do { w--; } while (w > 0); console.log(w);
const res = []; for (let i = 0, j = 10; i < j; i += 3, j -= 3) res.push([i, j]); console.log(res);
label: { console.log('in block'); break label; console.log('never'); }
console.log(typeof undefinedVar, (() => { try { undefinedVar; } catch (e) { return e.name + ': ' + e.message; } })());
try { const c = 1; c = 2; } catch (e) { console.log(e.constructor.name, e.message); }
try { (function () { 'use strict'; undeclared = 5; })(); } catch (e) { console.log(e.message); }
try { let z = z + 1; } catch (e) { console.log(e.message); }
try { null.foo(); } catch (e) { console.log(e.message); }
try { undefined.foo = 1; } catch (e) { console.log(e.message); }
try { ({}).notAFunction(); } catch (e) { console.log(e.message); }
try { const obj = { nested: {} }; obj.nested.fn(); } catch (e) { console.log(e.message); }
try { new (() => {})(); } catch (e) { console.log(e.message); }
try { class K {} K(); } catch (e) { console.log(e.message); }
try { [].reduce((a, b) => a); } catch (e) { console.log(e.message); }
try { new Array(-1); } catch (e) { console.log(e.name, e.message); }
try { Symbol() + ''; } catch (e) { console.log(e.message); }
try { JSON.parse('{bad'); } catch (e) { console.log(e.name, e.message); }
try { 'x'.repeat(-1); } catch (e) { console.log(e.message); }
try { (1).toFixed(200); } catch (e) { console.log(e.message); }
try { throw { custom: true }; } catch ({ custom }) { console.log('destructured catch', custom); }
try { x.y.z } catch { console.log('optional catch binding'); }
const e1 = new Error('with cause', { cause: 'root' }); console.log(e1.cause, e1 instanceof Error, e1.name, String(e1));
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
const me = new MyErr('custom'); console.log(me instanceof MyErr, me instanceof Error, me.message, `${me}`, me.stack.split('\n')[0]);
console.log(new TypeError('t').name, new RangeError('r') instanceof Error, Object.prototype.toString.call(new Error('x')));
function rec(n) { return n === 0 ? 0 : 1 + rec(n - 1); } console.log(rec(10000));
function inf() { return inf(); } try { inf(); } catch (e) { console.log(e instanceof RangeError, e.message); }
const opt = { a: { b: null } }; console.log(opt?.a?.b?.c, opt.x?.y.z, opt.a?.['b'], opt.fn?.(), opt ?? 'd', null ?? 'd', 0 || 'or', 0 ?? 'nc');
let la = null; la ??= 5; let lb = 1; lb &&= 7; let lc = 0; lc ||= 9; console.log(la, lb, lc);
var hoisted = typeof hoistedFn; function hoistedFn() {} console.log(hoisted);
console.log(void 0, typeof null, typeof function () {}, typeof class {}, typeof Symbol());

// Expected output (checked against Node v20.20.2):
// expect: one two-three other
// expect: 0 0
// expect: 1 0
// expect: finally runs
// expect: try
// expect: f 1
// expect: f 2
// expect: done
// expect: cleanup
// expect: caught boom
// expect: inner
// expect: outer caught 1
// expect: 0
// expect: [ [ 0, 10 ], [ 3, 7 ] ]
// expect: in block
// expect: undefined ReferenceError: undefinedVar is not defined
// expect: TypeError Assignment to constant variable.
// expect: undeclared is not defined
// expect: Cannot access 'z' before initialization
// expect: Cannot read properties of null (reading 'foo')
// expect: Cannot set properties of undefined (setting 'foo')
// expect: {}.notAFunction is not a function
// expect: obj.nested.fn is not a function
// expect: (intermediate value) is not a constructor
// expect: Class constructor K cannot be invoked without 'new'
// expect: Reduce of empty array with no initial value
// expect: RangeError Invalid array length
// expect: Cannot convert a Symbol value to a string
// expect: SyntaxError Expected property name or '}' in JSON at position 1
// expect: Invalid count value: -1
// expect: toFixed() digits argument must be between 0 and 100
// expect: destructured catch true
// expect: optional catch binding
// expect: root true Error Error: with cause
// expect: true true custom MyErr: custom MyErr: custom
// expect: TypeError true [object Error]
// expect: 10000
// expect: true Maximum call stack size exceeded
// expect: undefined undefined null undefined { a: { b: null } } d or 0
// expect: 5 7 9
// expect: function
// expect: undefined object function function symbol

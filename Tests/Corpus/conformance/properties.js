const o = {};
Object.defineProperty(o, 'ro', { value: 1, writable: false, enumerable: true, configurable: false });
o.ro = 2; console.log(o.ro);
(function () { 'use strict'; try { o.ro = 3; } catch (e) { console.log(e.name); } })();
try { Object.defineProperty(o, 'ro', { value: 5 }); } catch (e) { console.log(e.message); }
console.log(delete o.ro, o.ro);
(function () { 'use strict'; try { delete o.ro; } catch (e) { console.log(e.name); } })();
const acc = { _v: 1, get v() { return this._v; }, set v(x) { this._v = x * 2; } };
acc.v = 5; console.log(acc.v, Object.getOwnPropertyDescriptor(acc, 'v').set !== undefined, acc);
const onlyGet = { get g() { return 'g'; } }; onlyGet.g = 'changed'; console.log(onlyGet.g);
const proto = { set p(v) { this._p = 'via setter ' + v; } }; const child = Object.create(proto); child.p = 1; console.log(child._p, Object.keys(child));
const ne = Object.preventExtensions({ a: 1 }); ne.b = 2; console.log(ne.b, Object.isExtensible(ne));
const sealed = Object.seal({ a: 1 }); sealed.a = 2; delete sealed.a; sealed.c = 3; console.log(sealed, Object.isSealed(sealed));
const frozenArr = Object.freeze([1, 2]); frozenArr[0] = 9; frozenArr.push?.call; console.log(frozenArr);
try { 'use strict'; frozenArr.push(3); } catch (e) { console.log(e.name); }
const order = { b: 1, 2: 'two', a: 2, 1: 'one', [Symbol('s')]: 3 }; console.log(Object.keys(order), JSON.stringify(order));
const arrLike = { length: 2, 0: 'x', 1: 'y' }; console.log(Array.from(arrLike), Array.prototype.map.call(arrLike, s => s.toUpperCase()));
const del = { a: 1, b: 2, c: 3 }; delete del.b; del.d = 4; console.log(del, Object.keys(del));
for (let i = 0; i < 20; i++) { const t = { x: i }; if (i % 2) t.y = i; if (i % 3) delete t.x; if (i === 19) console.log(t); }
const inherit = Object.create({ base: 1 }); inherit.own = 2; const seen = []; for (const k in inherit) seen.push(k); console.log(seen);
console.log('toString' in {}, Object.keys(Object.prototype).length, ({}).propertyIsEnumerable('toString'), [].hasOwnProperty('length'));
const fnProps = function named(a, b) {}; console.log(fnProps.length, fnProps.name, Object.keys(fnProps), typeof fnProps.prototype, fnProps.prototype.constructor === fnProps);
const arrow = () => {}; console.log(arrow.prototype, 'prototype' in arrow);
class K { m() {} } console.log(Object.getOwnPropertyDescriptor(K.prototype, 'm').enumerable, Object.getOwnPropertyDescriptor(K, 'prototype').writable);
const getterInProto = Object.create({ get computed() { return this.n * 2; } }); getterInProto.n = 21; console.log(getterInProto.computed);
const numKeys = {}; numKeys[1.5] = 'a'; numKeys[-1] = 'b'; numKeys['01'] = 'c'; numKeys[2] = 'd'; console.log(Object.keys(numKeys));
const arr = [1, 2, 3]; arr.extra = 'e'; console.log(arr, arr.length, Object.keys(arr));
arr.length = 5; console.log(arr); arr.length = 1; console.log(arr, arr[2]);
const sparse = []; sparse[2] = 'c'; sparse[0] = 'a'; console.log(sparse, sparse.indexOf(undefined), sparse.findIndex(v => v === undefined));
console.log(Object.entries({ a: 1 }).flat(), Object.getPrototypeOf([]) === Array.prototype, [].constructor === Array);
const withProto = { __proto__: { inherited: 'yes' }, own: 1 }; console.log(withProto.inherited, Object.keys(withProto));
const dyn = {}; ['alpha', 'beta', 'gamma'].forEach((k, i) => { dyn[k] = i; }); console.log(dyn, dyn['be' + 'ta']);

// Expected output (checked against Node v20.20.2):
// expect: 1
// expect: TypeError
// expect: Cannot redefine property: ro
// expect: false 1
// expect: TypeError
// expect: 10 true { _v: 10, v: [Getter/Setter] }
// expect: g
// expect: via setter 1 [ '_p' ]
// expect: undefined false
// expect: { a: 2 } true
// expect: [ 1, 2 ]
// expect: TypeError
// expect: [ '1', '2', 'b', 'a' ] {"1":"one","2":"two","b":1,"a":2}
// expect: [ 'x', 'y' ] [ 'X', 'Y' ]
// expect: { a: 1, c: 3, d: 4 } [ 'a', 'c', 'd' ]
// expect: { y: 19 }
// expect: [ 'own', 'base' ]
// expect: true 0 false true
// expect: 2 named [] object true
// expect: undefined false
// expect: false false
// expect: 42
// expect: [ '2', '1.5', '-1', '01' ]
// expect: [ 1, 2, 3, extra: 'e' ] 3 [ '0', '1', '2', 'extra' ]
// expect: [ 1, 2, 3, <2 empty items>, extra: 'e' ]
// expect: [ 1, extra: 'e' ] undefined
// expect: [ 'a', <1 empty item>, 'c' ] -1 1
// expect: [ 'a', 1 ] true true
// expect: yes [ 'own' ]
// expect: { alpha: 0, beta: 1, gamma: 2 } 1

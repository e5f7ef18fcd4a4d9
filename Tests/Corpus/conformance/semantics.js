const base = { greet() { return 'base'; } };
const derived = { __proto__: base, greet() { return 'derived+' + super.greet(); } };
console.log(derived.greet());
function Target() { return new.target === Target; } console.log(new Target() instanceof Target, Target());
class NT { constructor() { this.t = new.target.name; } } class NT2 extends NT {} console.log(new NT2().t);
const key = 'dyn'; class Comp { [key + 'Method']() { return 1; } static [Symbol.for('s')]() { return 2; } get [key]() { return 3; } }
console.log(new Comp().dynMethod(), Comp[Symbol.for('s')](), new Comp().dyn, Object.getOwnPropertyNames(Comp.prototype));
class SA { static who() { return 'SA:' + this.name; } } class SB extends SA {} console.log(SB.who(), Object.getPrototypeOf(SB) === SA);
const boundFn = function () { return this.v; }.bind({ v: 'bound' }); console.log(boundFn(), boundFn.call({ v: 'ignored' }), new (function F() { this.a = 1; }.bind(null))().a);
console.log(Math.max.call(null, 1, 3), Array.prototype.join.call('abc', '-'), [].slice.call('xyz'));
console.log([...new Map([[1, 2]])], [...new Set('aab')], Array.from(new Map([['k', 'v']]).entries()), [...'ab'].map(c => c.charCodeAt(0)));
const stable = [{ k: 1, v: 'a' }, { k: 0, v: 'b' }, { k: 1, v: 'c' }, { k: 0, v: 'd' }].sort((x, y) => x.k - y.k).map(o => o.v).join('');
console.log(stable);
const withGetters = { get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} }; console.log(withGetters);
function withProps() {} withProps.extra = 1; console.log(withProps, [withProps]);
(function () { console.log(arguments, arguments.length, [...arguments]); })(1, 'two');
console.log([[[[[1]]]]], { l1: { l2: { l3: { l4: 'deep' } } } }, [{ a: [{ b: [{ c: 1 }] }] }]);
console.log([new Error('in array')].length, { e: new RangeError('x') }.e.name);
class Statics { static a = 1; static b = [1, 2]; static m() {} } console.log(Statics, Object.keys(Statics));
const fnArr = [function named() {}, () => {}, async => 1]; console.log(fnArr.map(f => f.name));
let { a: { b: deepB = 'default' } = {}, ...others } = { c: 3, d: 4 }; console.log(deepB, others);
const [x = 1, [y = 2, z = 3] = []] = [undefined, [20]]; console.log(x, y, z);
function swap([a, b]) { return [b, a]; } console.log(swap([1, 2]));
let p = 1, q = 2; [p, q] = [q, p]; console.log(p, q);
const obj = {}; [obj.first, obj['second']] = ['f', 's']; ({ v: obj.third } = { v: 't' }); console.log(obj);
for (const { id, tags: [firstTag = 'none'] = [] } of [{ id: 1, tags: ['x'] }, { id: 2 }]) console.log(id, firstTag);
const nestedFn = ({ cb = () => 'default cb' } = {}) => cb(); console.log(nestedFn(), nestedFn({ cb: () => 'custom' }));
console.log(((a, b = a) => [a, b])(5), (function (a, b) { return arguments.length; })(1), ((...args) => args)());
console.log(typeof (() => {}).call, (function () { return this; }).call(5) instanceof Number, (function () { 'use strict'; return this; }).call(5));
switch ('b') { case 'a': console.log('a'); case 'b': console.log('b'); case 'c': console.log('c'); break; case 'd': console.log('d'); }
let i = 0; do { if (i === 1) { i++; continue; } console.log('do', i); i++; } while (i < 3);
console.log([1, 2, 3].indexOf(2, -1), [1, 2, 3].slice(-2), 'abc'.slice(-2, -1), [1, 2, 3].splice(-1), Array(3).join('-'));
console.log(0 === -0, [0].includes(-0), new Set([0, -0]).size, new Map([[0, 'a']]).get(-0), Object.is([-0].at(0), -0));
console.log(String(Symbol.iterator), Symbol('x').description, Object(Symbol('y')) instanceof Symbol, typeof Object(Symbol('y')));
const spreadObj = { ...{ a: 1, b: 2 }, b: 3, ...null, ...'hi' }; console.log(spreadObj);
console.log(Object.keys('str'), Object.values('ab'), Object.entries([7]), Object.assign([1, 2], [3]));
const frozenObj = Object.freeze({ nested: { v: 1 } }); frozenObj.nested.v = 2; console.log(frozenObj.nested.v);
console.log(parseInt(''), parseInt('0.9'), parseInt('1e3'), Number('1e3'), +'', +' ', +'\n', -'5', +[], +{}, +[1, 2]);
console.log(1 + - + + + - + 1, '3' * '4', '10' / '2', '7' - 2, true + true, [] == false, [0] == false, '' == 0);
console.log(null + 'x', [null] + '', [undefined] + '', [[]] + '', ({}).toString(), (() => {}) + '');

// Expected output (checked against Node v20.20.2):
// expect: derived+base
// expect: true false
// expect: NT2
// expect: 1 2 3 [ 'constructor', 'dynMethod', 'dyn' ]
// expect: SA:SB true
// expect: bound bound 1
// expect: 3 a-b-c [ 'x', 'y', 'z' ]
// expect: [ [ 1, 2 ] ] [ 'a', 'b' ] [ [ 'k', 'v' ] ] [ 97, 98 ]
// expect: bdac
// expect: { a: [Getter], b: [Setter], c: [Getter/Setter] }
// expect: [Function: withProps] { extra: 1 } [ [Function: withProps] { extra: 1 } ]
// expect: [Arguments] { '0': 1, '1': 'two' } 2 [ 1, 'two' ]
// expect: [ [ [ [Array] ] ] ] { l1: { l2: { l3: [Object] } } } [ { a: [ [Object] ] } ]
// expect: 1 RangeError
// expect: [class Statics] { a: 1, b: [ 1, 2 ] } [ 'a', 'b' ]
// expect: [ 'named', '', '' ]
// expect: default { c: 3, d: 4 }
// expect: 1 20 3
// expect: [ 2, 1 ]
// expect: 2 1
// expect: { first: 'f', second: 's', third: 't' }
// expect: 1 x
// expect: 2 none
// expect: default cb custom
// expect: [ 5, 5 ] 1 []
// expect: function true 5
// expect: b
// expect: c
// expect: do 0
// expect: do 2
// expect: -1 [ 2, 3 ] b [ 3 ] --
// expect: true true 1 a true
// expect: Symbol(Symbol.iterator) x true object
// expect: { '0': 'h', '1': 'i', a: 1, b: 3 }
// expect: [ '0', '1', '2' ] [ 'a', 'b' ] [ [ '0', 7 ] ] [ 3, 2 ]
// expect: 2
// expect: NaN 0 1 1000 0 0 0 -5 0 NaN NaN
// expect: 2 12 5 5 2 true true true
// expect: nullx    [object Object] () => {}

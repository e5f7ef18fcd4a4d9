const o = { a: 1, b: 2, [Symbol.iterator]: null, 'x-y': 3, 10: 'ten', 2: 'two' };
console.log(Object.keys(o), Object.values(o).length, Object.entries({p: 1, q: [2]}));
console.log(Object.assign({}, {a: 1}, null, {b: 2}));
const p = Object.create({inherited: true}, { own: { value: 42, enumerable: true } });
console.log(p.own, p.inherited, Object.getPrototypeOf(p).inherited, 'own' in p, p.hasOwnProperty('inherited'));
const frozen = Object.freeze({ k: 1 });
frozen.k = 2;
console.log(frozen.k, Object.isFrozen(frozen), Object.isFrozen({}), Object.isSealed(Object.seal({z: 1})));
const d = {};
Object.defineProperty(d, 'hidden', { value: 7, enumerable: false });
Object.defineProperty(d, 'g', { get() { return this.hidden * 2; }, enumerable: true, configurable: true });
console.log(d, d.g, Object.getOwnPropertyNames(d), JSON.stringify(Object.getOwnPropertyDescriptor(d, 'hidden')));
console.log(Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; } }));
console.log(Object.fromEntries([['a', 1], ['b', 2]]), Object.fromEntries(new Map([['m', 3]])));
const proto = { hello() { return 'hi ' + this.name; } };
const obj = Object.setPrototypeOf({ name: 'x' }, proto);
console.log(obj.hello(), Object.getPrototypeOf(obj) === proto);
console.log(Object.is(NaN, NaN), Object.is(0, -0), typeof Object.prototype.toString.call([]));
console.log(Object.prototype.toString.call(null), Object.prototype.toString.call([]), String({}));
let counter = { count: 0, inc() { this.count++; return this; } };
console.log(counter.inc().inc().count);
const nested = { a: { b: { c: { d: { e: 1 } } } }, arr: [[1, [2, [3, [4]]]]] };
console.log(nested);
console.log({ f() {}, g: function () {}, h: () => 1, k: class K {} });
const big = {}; for (let i = 0; i < 30; i++) big['key' + i] = i;
console.log(big);
delete big.key5; console.log(Object.keys(big).length, big.key5, 'key6' in big);
console.log([1, 2, 3].toString(), String([1, [2, 3]]), `${[1, 2]}`);
const sym = Symbol('tag'); const withSym = { [sym]: 1, regular: 2 };
console.log(withSym, Object.getOwnPropertySymbols(withSym).length, sym.toString(), sym.description);
console.log(Object.entries('ab'), Object.keys([4, 5]));
class Point { constructor(x, y) { this.x = x; this.y = y; } toString() { return `(${this.x}, ${this.y})`; } }
console.log(new Point(1, 2), `${new Point(3, 4)}`, [new Point(5, 6)]);
console.log(Object.create(null));
const circ = { name: 'c' }; circ.self = circ; console.log(circ);
console.log([undefined, null, true, 1.5, -0, 'str', Symbol('s')]);
console.log({ und: undefined, nul: null, nan: NaN, inf: -Infinity });

// Expected output (checked against Node v20.20.2):
// expect: [ '2', '10', 'a', 'b', 'x-y' ] 5 [ [ 'p', 1 ], [ 'q', [ 2 ] ] ]
// expect: { a: 1, b: 2 }
// expect: 42 true true true false
// expect: 1 true false true
// expect: { g: [Getter] } 14 [ 'hidden', 'g' ] {"value":7,"writable":false,"enumerable":false,"configurable":false}
// expect: {
// expect:   a: { value: 1, writable: true, enumerable: true, configurable: true },
// expect:   b: {
// expect:     get: [Function: get b],
// expect:     set: undefined,
// expect:     enumerable: true,
// expect:     configurable: true
// expect:   }
// expect: }
// expect: { a: 1, b: 2 } { m: 3 }
// expect: hi x true
// expect: true false string
// expect: [object Null] [object Array] [object Object]
// expect: 2
// expect: { a: { b: { c: [Object] } }, arr: [ [ 1, [Array] ] ] }
// expect: { f: [Function: f], g: [Function: g], h: [Function: h], k: [class K] }
// expect: {
// expect:   key0: 0,
// expect:   key1: 1,
// expect:   key2: 2,
// expect:   key3: 3,
// expect:   key4: 4,
// expect:   key5: 5,
// expect:   key6: 6,
// expect:   key7: 7,
// expect:   key8: 8,
// expect:   key9: 9,
// expect:   key10: 10,
// expect:   key11: 11,
// expect:   key12: 12,
// expect:   key13: 13,
// expect:   key14: 14,
// expect:   key15: 15,
// expect:   key16: 16,
// expect:   key17: 17,
// expect:   key18: 18,
// expect:   key19: 19,
// expect:   key20: 20,
// expect:   key21: 21,
// expect:   key22: 22,
// expect:   key23: 23,
// expect:   key24: 24,
// expect:   key25: 25,
// expect:   key26: 26,
// expect:   key27: 27,
// expect:   key28: 28,
// expect:   key29: 29
// expect: }
// expect: 29 undefined true
// expect: 1,2,3 1,2,3 1,2
// expect: { regular: 2, [Symbol(tag)]: 1 } 1 Symbol(tag) tag
// expect: [ [ '0', 'a' ], [ '1', 'b' ] ] [ '0', '1' ]
// expect: Point { x: 1, y: 2 } (3, 4) [ Point { x: 5, y: 6 } ]
// expect: [Object: null prototype] {}
// expect: <ref *1> { name: 'c', self: [Circular *1] }
// expect: [ undefined, null, true, 1.5, -0, 'str', Symbol(s) ]
// expect: { und: undefined, nul: null, nan: NaN, inf: -Infinity }

class Animal {
  static count = 0;
  name; sound = 'generic';
  constructor(name) { this.name = name; Animal.count++; }
  speak() { return `${this.name} says ${this.sound}`; }
  get upper() { return this.name.toUpperCase(); }
  set upper(v) { this.name = v.toLowerCase(); }
  static create(n) { return new this(n); }
  toString() { return `Animal(${this.name})`; }
}
class Dog extends Animal {
  sound = 'woof';
  constructor(name) { super(name); this.tricks = []; }
  speak() { return super.speak() + '!'; }
  static create(n) { const d = super.create(n); d.tricks.push('sit'); return d; }
}
const d = Dog.create('rex');
console.log(d.speak(), d.upper, Animal.count, d instanceof Animal, d, String(d));
d.upper = 'MAX'; console.log(d.name, Object.keys(d), typeof Dog, Dog.name, Dog.length, Object.getPrototypeOf(Dog) === Animal);
console.log(Animal, Dog, class {}, Object.getOwnPropertyNames(Animal.prototype));
const Anon = class { m() { return 1; } }; console.log(Anon.name, new Anon().m());
class Shape { area() { return 0; } describe() { return `${this.constructor.name} with area ${this.area().toFixed(2)}`; } }
class Circle extends Shape { constructor(r) { super(); this.r = r; } area() { return Math.PI * this.r ** 2; } }
class Sq extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s * this.s; } }
for (const s of [new Circle(1), new Sq(2)]) console.log(s.describe());
class Temp { static fromF(f) { return new Temp((f - 32) * 5 / 9); } constructor(c) { this.c = c; } valueOf() { return this.c; } }
console.log(Temp.fromF(212) + 0, Temp.fromF(32) < Temp.fromF(50));
class Vec { constructor(x, y) { Object.assign(this, { x, y }); } [Symbol.toPrimitive](hint) { return hint === 'number' ? Math.hypot(this.x, this.y) : `Vec(${this.x},${this.y})`; } }
const v = new Vec(3, 4); console.log(+v, `${v}`, v + '');
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } } console.log(2 instanceof Even, 3 instanceof Even);
class Range { constructor(a, b) { this.a = a; this.b = b; } [Symbol.iterator]() { let i = this.a; const b = this.b; return { next: () => i <= b ? { value: i++, done: false } : { value: undefined, done: true } }; } }
console.log([...new Range(1, 5)], Array.from(new Range(2, 3)), Math.max(...new Range(1, 9)));
const [first, , third = 'def', ...others] = new Range(1, 6); console.log(first, third, others);
class Base { constructor() { this.init(); } init() { this.kind = 'base'; } }
class Derived extends Base { init() { this.kind = 'derived'; } }
console.log(new Derived().kind);
function Legacy(v) { this.v = v; } Legacy.prototype.get = function () { return this.v; };
const l = new Legacy(9); console.log(l.get(), l instanceof Legacy, l.constructor === Legacy, l);
class Ext extends Legacy { constructor() { super(10); } } console.log(new Ext().get());
const objWithMethods = { base: 10, add(n) { return this.base + n; }, get twice() { return this.base * 2; }, ['comp' + 'uted']: true };
console.log(objWithMethods.add(5), objWithMethods.twice, objWithMethods);
const bound = objWithMethods.add.bind({ base: 100 }, 1); console.log(bound(), bound.name, bound.length);
function sum() { let t = 0; for (let i = 0; i < arguments.length; i++) t += arguments[i]; return t; }
console.log(sum(1, 2, 3), sum.call(null, 4, 5), sum.apply(null, [6, 7]), ((...r) => r.length)(1, 2, 3));
function defaults(a, b = a * 2, { c = 3, d } = {}, [e = 5] = []) { return [a, b, c, d, e]; }
console.log(defaults(1), defaults(1, 1, { d: 4 }, [0]));
const add = a => b => a + b; console.log(add(2)(3), [1, 2, 3].map(add(10)));
function makeCounter() { let c = 0; return { inc: () => ++c, get: () => c }; }
const c1 = makeCounter(), c2 = makeCounter(); c1.inc(); c1.inc(); c2.inc(); console.log(c1.get(), c2.get());
console.log((function () { return typeof this; })(), (function () { 'use strict'; return typeof this; })(), (() => typeof this)());
const fnName = function namedFn() { return typeof namedFn; }; console.log(fnName(), fnName.name, (() => {}).name, (function () {}).name);
console.log(sum.toString().slice(0, 14), Dog.toString().slice(0, 17), Math.max.toString());
const self = { name: 'o', arrow: () => typeof this, regular() { return [1].map(() => this.name); } }; console.log(self.regular());
class StaticBlock { static x; static { this.x = 42; } } console.log(StaticBlock.x);
class Getter { static get info() { return 'static getter'; } } console.log(Getter.info);
console.log(Object.getOwnPropertyNames(class { static s() {} a() {} }), new (class Foo { constructor() { return { replaced: true }; } })());

// Expected output (checked against Node v20.20.2):
// expect: rex says woof! REX 1 true Dog { name: 'rex', sound: 'woof', tricks: [ 'sit' ] } Animal(rex)
// expect: max [ 'name', 'sound', 'tricks' ] function Dog 1 true
// expect: [class Animal] { count: 1 } [class Dog extends Animal] [class (anonymous)] [ 'constructor', 'speak', 'upper', 'toString' ]
// expect: Anon 1
// expect: Circle with area 3.14
// expect: Sq with area 4.00
// expect: 100 true
// expect: 5 Vec(3,4) Vec(3,4)
// expect: true false
// expect: [ 1, 2, 3, 4, 5 ] [ 2, 3 ] 9
// expect: 1 3 [ 4, 5, 6 ]
// expect: derived
// expect: 9 true true Legacy { v: 9 }
// expect: 10
// expect: 15 20 { base: 10, add: [Function: add], twice: [Getter], computed: true }
// expect: 101 bound add 0
// expect: 6 9 13 3
// expect: [ 1, 2, 3, undefined, 5 ] [ 1, 1, 3, 4, 0 ]
// expect: 5 [ 11, 12, 13 ]
// expect: 2 1
// expect: object undefined object
// expect: function namedFn
// expect: function sum() class Dog extends function max() { [native code] }
// expect: [ 'o' ]
// expect: 42
// expect: static getter
// expect: [ 'length', 'name', 'prototype', 's' ] { replaced: true }

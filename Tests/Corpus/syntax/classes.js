class Empty {}
class Point {
  x = 0;
  y = 0;
  static origin = new Point();
  static #count = 0;
  #secret = 42;
  static ["computed" + 1] = 1;
  'quoted' = 2;
  3 = 3;
  constructor(x, y) { this.x = x; this.y = y; Point.#count++; }
  get length() { return Math.hypot(this.x, this.y); }
  set length(v) {}
  static get count() { return Point.#count; }
  #privateMethod() { return this.#secret; }
  get #privateGetter() { return 1; }
  set #privateGetter(v) {}
  static #staticPrivate() {}
  has(o) { return #secret in o; }
  *[Symbol.iterator]() { yield this.x; }
  async load() { await 1; }
  async *stream() {}
  static { Point.ready = true; var local = 1; }
  static async method() {}
  ['constructor']() {}
}
class Derived extends Point {
  constructor(...args) { super(...args); super.toString(); }
  toString() { return super.toString() + "!"; }
  static create() { return new this(); }
  field = () => this.x;
  other = super.x;
  target = new.target;
}
class Expr extends (class {}) {}
class Calls extends mixin(A, B) {}
class Statics { static; static static; static async; get; set; async; }
class WithAsi { a = 1
  b
  ['c']
  static d }
var C = class Inner { m() { return Inner; } };

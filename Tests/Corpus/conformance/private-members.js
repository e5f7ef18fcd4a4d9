class Counter {
  #count = 0;
  static #instances = 0;
  #log = [];
  constructor(start = 0) { this.#count = start; Counter.#instances++; }
  #record(what) { this.#log.push(what); return this; }
  increment() { this.#count++; return this.#record('inc'); }
  get value() { return this.#count; }
  get #secret() { return 'secret:' + this.#count; }
  set #secret(v) { this.#count = v.length; }
  reveal() { return this.#secret; }
  reset(word) { this.#secret = word; return this; }
  history() { return this.#log.join(','); }
  static get instances() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  equals(other) { return this.#count === other.#count; }
  static #helper(x) { return x * 2; }
  static double(x) { return Counter.#helper(x); }
}
const c = new Counter(5);
c.increment().increment();
console.log(c.value, c.reveal(), c.history(), Counter.instances, new Counter().value, Counter.instances);
console.log(c.reset('four').value, Counter.isCounter(c), Counter.isCounter({}), Counter.double(21));
console.log(c, Object.keys(c), JSON.stringify(c), Object.getOwnPropertySymbols(c).length, Object.getOwnPropertyNames(c));
console.log(c.equals(new Counter(4)), c.equals(new Counter(1)));
try { c.equals({}); } catch (e) { console.log(e.constructor.name, e.message); }
try { Counter.prototype.increment.call({}); } catch (e) { console.log(e.message); }
class Sub extends Counter { #own = 'sub'; describe() { return this.#own + ':' + this.value; } }
const s = new Sub(3); s.increment(); console.log(s.describe(), Counter.isCounter(s), s);
class Pt { #x; #y; constructor(x, y) { this.#x = x; this.#y = y; } toString() { return `(${this.#x}, ${this.#y})`; } static from({ x, y }) { return new Pt(x, y); } }
console.log(`${Pt.from({ x: 1, y: 2 })}`, String(new Pt(3, 4)));
class Frozen { #v = 1; constructor() { Object.freeze(this); } bump() { this.#v++; return this.#v; } } console.log(new Frozen().bump());
class Opt { #data = { inner: 42 }; get(o) { return o?.#data?.inner; } } console.log(new Opt().get(new Opt()), new Opt().get(null));
class M { #m() { return 1; } tryWrite() { try { this.#m = 2; } catch (e) { return e.message; } } } console.log(new M().tryWrite());
class G { get #only() { return 1; } tryWrite() { try { this.#only = 2; } catch (e) { return e.message; } } } console.log(new G().tryWrite());

// Expected output (checked against Node v20.20.2):
// expect: 7 secret:7 inc,inc 1 0 2
// expect: 4 true false 42
// expect: Counter {} [] {} 0 []
// expect: true false
// expect: TypeError Cannot read private member #count from an object whose class did not declare it
// expect: Cannot read private member #count from an object whose class did not declare it
// expect: sub:4 true Sub {}
// expect: (1, 2) (3, 4)
// expect: 2
// expect: 42 undefined
// expect: Private method '#m' is not writable
// expect: '#only' was defined without a setter

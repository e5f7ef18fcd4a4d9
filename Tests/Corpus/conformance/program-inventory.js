class Item {
  constructor(name, price, qty) { this.name = name; this.price = price; this.qty = qty; }
  get total() { return this.price * this.qty; }
  toJSON() { return { name: this.name, total: this.total }; }
}
class Inventory {
  constructor() { this.items = new Map(); }
  add(item) { this.items.set(item.name, item); return this; }
  remove(name) { return this.items.delete(name); }
  get value() { let v = 0; for (const item of this.items.values()) v += item.total; return v; }
  byPrice() { return [...this.items.values()].sort((a, b) => a.price - b.price || a.name.localeCompare(b.name)); }
  report() {
    return this.byPrice().map(i => `${i.name.padEnd(10)}${String(i.qty).padStart(4)} x ${i.price.toFixed(2).padStart(8)} = ${i.total.toFixed(2)}`).join('\n');
  }
}
const inv = new Inventory();
inv.add(new Item('widget', 2.5, 10)).add(new Item('gadget', 13.99, 3)).add(new Item('doohickey', 0.75, 120)).add(new Item('gizmo', 13.99, 1));
console.log(inv.report());
console.log('Total:', inv.value.toFixed(2));
console.log(JSON.stringify([...inv.items.values()]));
inv.remove('gizmo');
console.log(inv.items.size, [...inv.items.keys()]);
const grouped = {};
for (const item of inv.items.values()) { const bucket = item.price > 5 ? 'expensive' : 'cheap'; (grouped[bucket] ??= []).push(item.name); }
console.log(grouped);
const { widget: { price: widgetPrice = 0 } = {} } = Object.fromEntries(inv.items);
console.log(widgetPrice);
function primes(n) { const sieve = new Array(n + 1).fill(true); sieve[0] = sieve[1] = false; for (let i = 2; i * i <= n; i++) if (sieve[i]) for (let j = i * i; j <= n; j += i) sieve[j] = false; return sieve.reduce((acc, isP, i) => (isP && acc.push(i), acc), []); }
console.log(primes(50), primes(10000).length);
const text = 'the quick brown fox jumps over the lazy dog the fox';
const counts = text.split(' ').reduce((m, w) => m.set(w, (m.get(w) || 0) + 1), new Map());
console.log([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3));
const matrix = Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => i * 3 + j));
const transpose = m => m[0].map((_, c) => m.map(row => row[c]));
console.log(transpose(matrix), matrix.flat().filter(x => x % 2).map(x => x ** 2));
const deepClone = o => JSON.parse(JSON.stringify(o));
const orig = { a: [1, { b: 2 }], c: 'x' }; const cl = deepClone(orig); cl.a[1].b = 99; console.log(orig.a[1].b, cl.a[1].b);
const memoize = fn => { const cache = {}; return n => cache[n] ?? (cache[n] = fn(n)); };
const slowSquare = memoize(n => { console.log('computing', n); return n * n; });
console.log(slowSquare(4), slowSquare(4), slowSquare(5));
const queue = []; queue.push(1, 2, 3); console.log(queue.shift(), queue.length, queue);
const stack = [..."hello"].reverse().join(''); console.log(stack, stack.toUpperCase().split('').sort().join(''));
const dates = [3, 1, 2].map(n => ({ id: n, label: `#${n}` })).sort((a, b) => a.id - b.id); console.log(dates);
console.log([1, 2, 3, 4, 5].findLast(n => n % 2 === 0), Number.parseFloat('3.14'), (123.456).toFixed(1), Math.max(...[1, 5, 3]));
let str = ''; for (const [k, v] of Object.entries({ x: 1, y: 2 })) str += `${k}=${v};`; console.log(str);
const binary = n => n.toString(2).padStart(8, '0'); console.log(binary(5), binary(255), parseInt('11111111', 2));
console.log([3, 1, 2].toString(), String([1, [2, [3]]]), [] + [], [] + {}, typeof ([] + {}));
const counter = (() => { let c = 0; return { next: () => ++c, reset() { c = 0; } }; })(); counter.next(); counter.next(); console.log(counter.next()); counter.reset(); console.log(counter.next());
const pipeline = [x => x + 1, x => x * 2, x => `result: ${x}`].reduce((f, g) => x => g(f(x))); console.log(pipeline(3));
console.log(Array.from({ length: 5 }, (_, i) => i).map(i => '*'.repeat(i + 1)).join('\n'));

// Expected output (checked against Node v20.20.2):
// expect: doohickey  120 x     0.75 = 90.00
// expect: widget      10 x     2.50 = 25.00
// expect: gadget       3 x    13.99 = 41.97
// expect: gizmo        1 x    13.99 = 13.99
// expect: Total: 170.96
// expect: [{"name":"widget","total":25},{"name":"gadget","total":41.97},{"name":"doohickey","total":90},{"name":"gizmo","total":13.99}]
// expect: 3 [ 'widget', 'gadget', 'doohickey' ]
// expect: { cheap: [ 'widget', 'doohickey' ], expensive: [ 'gadget' ] }
// expect: 2.5
// expect: [
// expect:    2,  3,  5,  7, 11, 13,
// expect:   17, 19, 23, 29, 31, 37,
// expect:   41, 43, 47
// expect: ] 1229
// expect: [ [ 'the', 3 ], [ 'fox', 2 ], [ 'brown', 1 ] ]
// expect: [ [ 0, 3, 6 ], [ 1, 4, 7 ], [ 2, 5, 8 ] ] [ 1, 9, 25, 49 ]
// expect: 2 99
// expect: computing 4
// expect: computing 5
// expect: 16 16 25
// expect: 1 2 [ 2, 3 ]
// expect: olleh EHLLO
// expect: [
// expect:   { id: 1, label: '#1' },
// expect:   { id: 2, label: '#2' },
// expect:   { id: 3, label: '#3' }
// expect: ]
// expect: 4 3.14 123.5 5
// expect: x=1;y=2;
// expect: 00000101 11111111 255
// expect: 3,1,2 1,2,3  [object Object] string
// expect: 3
// expect: 1
// expect: result: 8
// expect: *
// expect: **
// expect: ***
// expect: ****
// expect: *****

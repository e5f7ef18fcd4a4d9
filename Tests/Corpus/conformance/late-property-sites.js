// Property sites that first run after their function was compiled: a loop
// tiers the function up before the code after it ever ran. Compiled code
// hands such sites outside loops to the runtime, checks them inline in loops,
// or leaves; each way must read and fill the same caches the interpreter does
// (own slots, transitions into inline and out-of-line slots, prototype
// methods, getters and setters, globals, elements).

class Item {
  constructor(a) { this.a = a; }
  get doubled() { return this.a * 2; }
  set half(v) { this.a = v / 2; }
  label() { return "item" + this.a; }
}

var counter = 0;

function late(n, items, wide, elements) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  const sink = {};
  for (const o of items) {
    o.copy = o.a;
    sink.last = o.copy;
    sink.twice = o.doubled;
    sink.name = o.label;
    elements[o.a] = sink.twice;
    sink.element = elements[o.a];
    counter = o.a;
    sink.counter = counter;
  }
  for (const w of wide) {
    w.p5 = w.p1;
    w.p6 = w.p5;
    w.p7 = w.p6;
    sink.wide = w.p7;
  }
  for (const o of items) o.half = 10;
  return [s, sink.last, sink.twice, typeof sink.name, sink.element, sink.counter, counter,
          sink.wide, items[0].a, items[0].copy, elements.length].join(",");
}

function makeItems(count) {
  const items = [];
  for (let i = 0; i < count; i++) items.push(new Item(i));
  return items;
}
function makeWide(count) {
  const wide = [];
  for (let i = 0; i < count; i++) wide.push({ p1: i, p2: 0, p3: 0, p4: 0 });
  return wide;
}

for (let round = 0; round < 3; round++) {
  console.log(late(2000, makeItems(50), makeWide(50), []));
}
const items = makeItems(5);
console.log(late(10, items, makeWide(3), [1, 2, 3]));
console.log(items.map(o => o.label()).join(" "));

// A global that turns into an accessor after a compiled site cached it.
globalThis.g = 1;
function readG(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s + g; }
console.log(readG(1000), readG(1000));
Object.defineProperty(globalThis, "g", { get() { return 100; }, configurable: true });
console.log(readG(1000));


// Expected output (checked against Node v20.20.2):
// expect: 1999000,49,98,function,98,49,49,49,5,0,50
// expect: 1999000,49,98,function,98,49,49,49,5,0,50
// expect: 1999000,49,98,function,98,49,49,49,5,0,50
// expect: 45,4,8,function,8,4,4,2,5,0,5
// expect: item5 item5 item5 item5 item5
// expect: 499501 499501
// expect: 499600

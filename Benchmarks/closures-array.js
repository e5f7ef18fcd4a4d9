// closures-array: closures (counters, composition, partial application) and the
// higher-order array methods: map, filter, reduce, forEach, some, every, find,
// sort with a comparator, flatMap.
// iterations: 8
// checksum: 9999800001,20000,2500100000,1250125000,998,59000,9999,true,true,150002

function makeCounter() { let n = 0; return { next: () => ++n, get value() { return n; } }; }
const compose = (...fns) => x => fns.reduceRight((acc, f) => f(acc), x);
const partial = (f, ...bound) => (...rest) => f(...bound, ...rest);

function benchmark() {
  const a = [];
  for (let i = 0; i < 100000; i++) a.push(i * 2);
  let t = 0;
  for (let r = 0; r < 3; r++) {
    t += a.map(x => x + 1).filter(x => x % 3 === 0).reduce((s, x) => s + x, 0);
  }
  const counter = makeCounter();
  a.forEach(x => { if (x % 10 === 0) counter.next(); });
  const inc = x => x + 1, twice = x => x * 2;
  const f = compose(inc, twice, inc);
  let composed = 0;
  for (let i = 0; i < 50000; i++) composed += f(i);
  const add3 = partial((x, y, z) => x + y + z, 1, 2);
  let partials = 0;
  for (let i = 0; i < 50000; i++) partials += add3(i);
  const sorted = a.slice(0, 30000).sort((x, y) => (y % 1000) - (x % 1000) || x - y);
  const flat = a.slice(0, 10000).flatMap(x => [x, -x]).filter(x => x > 0).length;
  const some = a.some(x => x === 99998), every = a.every(x => x % 2 === 0);
  const found = a.find(x => x > 150000);
  return [t, counter.value, composed, partials, sorted[0], sorted[29999], flat, some, every, found].join(",");
}

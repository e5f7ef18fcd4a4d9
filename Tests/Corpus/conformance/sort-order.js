// Array.prototype.sort: stable, undefined and holes last, and as few
// comparator calls as the input's order allows.

function counted(values, compare) {
  let calls = 0;
  const sorted = values.slice().sort((a, b) => { calls++; return compare(a, b); });
  return { sorted, calls };
}
const byNumber = (a, b) => a - b;
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

// Sorted and strictly reversed input: one run, n - 1 comparisons.
for (const n of [0, 1, 2, 3, 31, 32, 33, 1000]) {
  const up = counted(range(n, i => i), byNumber);
  const down = counted(range(n, i => n - i), byNumber);
  console.log(n, up.calls, down.calls, up.sorted.join() === range(n, i => i).join(),
              down.sorted.join() === range(n, i => i + 1).join());
}

// Stability: equal keys keep their order, in every shape of input.
function checkStable(name, keys) {
  const records = keys.map((key, index) => ({ key, index }));
  const { sorted } = counted(records, (a, b) => a.key - b.key);
  let ok = sorted.length === records.length;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1], b = sorted[i];
    if (a.key > b.key || (a.key === b.key && a.index > b.index)) ok = false;
  }
  console.log(name, ok, sorted.slice(0, 6).map(r => r.key + ":" + r.index).join(" "));
}
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
checkStable("few keys", range(500, () => Math.floor(random() * 5)));
checkStable("descending with ties", range(300, i => 100 - Math.floor(i / 3)));
checkStable("sawtooth", range(700, i => i % 37));
checkStable("random", range(2000, () => Math.floor(random() * 1000)));
checkStable("all equal", range(100, () => 4));
checkStable("runs", range(1000, i => (i % 250) < 125 ? i % 250 : 250 - i % 250));

// The comparator's sign is all that counts; NaN is 0.
console.log([3, 1, 2].sort(() => NaN).join(), [3, 1, 2].sort((a, b) => (a < b ? -5 : 5)).join());
// Without a comparator: string order; undefined and holes go last.
console.log([10, 9, 1, undefined, , "b", "a"].sort().map(String).join(), [, 2, , 1].sort().length);
const holey = [3, , undefined, 1];
holey.sort();
console.log(0 in holey, 1 in holey, 2 in holey, 3 in holey, holey[2], holey[3]);
// toSorted leaves the receiver alone.
const original = [2, 3, 1];
console.log(original.toSorted().join(), original.join());
// An inconsistent comparator still ends with every item once.
const shuffled = range(200, i => i).sort(() => (random() < 0.5 ? -1 : 1));
console.log(shuffled.length, shuffled.slice().sort(byNumber).every((v, i) => v === i));
// A comparator that throws: the error reaches the caller.
try { [2, 1, 3].sort(() => { throw new Error("compare failed"); }); } catch (e) { console.log(e.message); }

// Expected output (checked against Node v20.20.2):
// expect: 0 0 0 true true
// expect: 1 0 0 true true
// expect: 2 1 1 true true
// expect: 3 2 2 true true
// expect: 31 30 30 true true
// expect: 32 31 31 true true
// expect: 33 32 32 true true
// expect: 1000 999 999 true true
// expect: few keys true 0:8 0:11 0:13 0:15 0:16 0:21
// expect: descending with ties true 1:297 1:298 1:299 2:294 2:295 2:296
// expect: sawtooth true 0:0 0:37 0:74 0:111 0:148 0:185
// expect: random true 0:104 0:534 0:630 0:1612 1:306 1:652
// expect: all equal true 4:0 4:1 4:2 4:3 4:4 4:5
// expect: runs true 0:0 0:250 0:500 0:750 1:1 1:249
// expect: 3,1,2 1,2,3
// expect: 1,10,9,a,b,undefined, 4
// expect: true true true false undefined undefined
// expect: 1,2,3 2,3,1
// expect: 200 true
// expect: compare failed

// Map and Set methods at call sites that only ever called them (compiled
// code runs these straight on the table), and what happens when the
// receiver, the key or the callee changes after the function compiled.
function fill(m, s, n) {
  for (let i = 0; i < n; i++) { m.set(i, i * 2); s.add(i % 50); }
  return m.size + s.size;
}
function probe(m, s, n) {
  let hits = 0, sum = 0;
  for (let i = 0; i < n; i++) {
    if (s.has(i % 80)) hits++;
    const v = m.get(i);
    if (v !== undefined) sum += v;
  }
  return hits + ':' + sum;
}
function drop(m, s, n) {
  let removed = 0;
  for (let i = 0; i < n; i += 3) { if (m.delete(i)) removed++; if (s.delete(i)) removed++; }
  return removed;
}
const m = new Map(), s = new Set();
for (let round = 0; round < 20; round++) console.log(round, fill(m, s, 300), probe(m, s, 400), drop(m, s, 30 + round));

// The same sites with keys that need work: -0, NaN, doubles, strings and ropes.
const keys = [-0, NaN, 1.5, 'short', 'a long key built by concatenation' + ', long enough for a rope', undefined];
function useKeys(map, set, ks) {
  const out = [];
  for (const k of ks) { map.set(k, typeof k); set.add(k); }
  for (const k of ks) out.push(map.get(k), set.has(k), map.has(k));
  return out.join(' ');
}
for (let r = 0; r < 150; r++) useKeys(new Map(), new Set(), keys);
let rope = 'a long key built by concatenation'; rope += ', long enough for a rope';
console.log(useKeys(new Map(), new Set(), [0, NaN, 3 / 2, 'sho' + 'rt', rope, undefined]));

// Results: set and add return the receiver, get of a missing key undefined,
// a call with fewer arguments passes undefined.
function shapes(map, set) {
  return [map.set(1, 'one') === map, set.add(2) === set, map.get(99), map.get(), map.has(), set.has(), map.set(undefined).get(undefined)].join();
}
for (let r = 0; r < 150; r++) shapes(new Map(), new Set());
console.log(shapes(new Map(), new Set()));

// A subclass instance is still a Map; an object that borrowed the method is not.
class Counted extends Map { constructor() { super(); this.extra = true; } }
function reads(map, k) { return map.get(k); }
for (let r = 0; r < 300; r++) reads(m, r);
console.log(reads(new Counted([[7, 'seven']]), 7));
try { reads({ get: Map.prototype.get }, 7); } catch (e) { console.log(e.constructor.name, e.message); }
const setWithGet = new Set([7]); setWithGet.get = Map.prototype.get;
try { reads(setWithGet, 7); } catch (e) { console.log(e.constructor.name, e.message); }

// The callee changes: an own method, then a patched prototype method.
const own = new Map([[7, 'seven']]);
own.get = k => 'own ' + k;
console.log(reads(own, 7));
const original = Map.prototype.get;
Map.prototype.get = function (k) { return 'patched ' + original.call(this, k); };
console.log(reads(new Map([[7, 'seven']]), 7));
Map.prototype.get = original;
console.log(reads(new Map([[7, 'seven']]), 7));


// Expected output (checked against Node v20.20.2):
// expect: 0 350 250:89700 20
// expect: 1 350 250:89700 22
// expect: 2 350 250:89700 22
// expect: 3 350 250:89700 22
// expect: 4 350 250:89700 24
// expect: 5 350 250:89700 24
// expect: 6 350 250:89700 24
// expect: 7 350 250:89700 26
// expect: 8 350 250:89700 26
// expect: 9 350 250:89700 26
// expect: 10 350 250:89700 28
// expect: 11 350 250:89700 28
// expect: 12 350 250:89700 28
// expect: 13 350 250:89700 30
// expect: 14 350 250:89700 30
// expect: 15 350 250:89700 30
// expect: 16 350 250:89700 32
// expect: 17 350 250:89700 32
// expect: 18 350 250:89700 32
// expect: 19 350 250:89700 34
// expect: number true true number true true number true true string true true string true true undefined true true
// expect: true,true,,,false,false,
// expect: undefined
// expect: TypeError Method Map.prototype.get called on incompatible receiver #<Object>
// expect: TypeError Method Map.prototype.get called on incompatible receiver #<Set>
// expect: own 7
// expect: patched seven
// expect: seven

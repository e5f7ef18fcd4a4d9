// Map and Set storage: insertion order, SameValueZero keys, and live
// iterators that keep their place while deletes and additions rebuild the
// table under them.

// Keys: numbers by value, strings by content (flat or built by concatenation).
const m = new Map();
m.set(1, 'int').set(1.5, 'double').set(-0, 'zero').set(NaN, 'nan');
console.log(m.get(1.0), m.get(3 / 2), m.get(0), m.get(+0), m.get(0 / 0), m.size, [...m.keys()]);
m.set(2 ** 31, 'big').set(-(2 ** 31), 'small').set(2 ** 53, 'huge');
console.log(m.get(2147483648), m.get(-2147483648), m.get(9007199254740992), m.has(2147483647));
const long = 'a fairly long string key, longer than a rope threshold';
const built = ['a fairly long', ' string key, ', 'longer than a rope threshold'].join('');
let rope = 'a fairly long'; rope += ' string key, '; rope += 'longer than a rope threshold';
m.set(long, 'long');
console.log(m.get(built), m.get(rope), m.has(rope + '!'), m.delete(rope), m.has(long));
m.set(rope, 'again'); console.log(m.get(long), [...m.keys()].pop() === long);
const sym = Symbol('s'), obj = {};
m.set(sym, 'symbol').set(obj, 'object').set(undefined, 'undefined').set(null, 'null').set(true, 'true');
console.log(m.get(sym), m.get(obj), m.get({}), m.get(undefined), m.get(null), m.get(true), m.get('true'), m.size);

// Insertion order: a re-added key goes to the end; replacing keeps its place.
const order = new Map([['a', 1], ['b', 2], ['c', 3]]);
order.delete('a'); order.set('a', 4); order.set('b', 5);
console.log([...order]);

// An iterator that is part way through when most entries are deleted
// (the table shrinks) and many are added (it grows).
const big = new Map();
for (let i = 0; i < 1000; i++) big.set(i, i);
const it = big.keys();
const firsts = [it.next().value, it.next().value, it.next().value];
for (let i = 0; i < 990; i++) big.delete(i);
console.log(firsts, big.size, it.next().value, it.next().value);
for (let i = 1000; i < 3000; i++) big.set(i, i);
let seen = 0, last = -1;
for (const k of it) { seen++; last = k; }
console.log(seen, last, it.next().done);

// Deleting entries not yet visited skips them; entries added while
// iterating are visited.
const s = new Set([1, 2, 3, 4, 5, 6]);
const visited = [];
for (const x of s) {
  visited.push(x);
  if (x === 2) { s.delete(3); s.delete(1); s.add(7); }
  if (x === 7) s.add(8);
}
console.log(visited.join(','), [...s].join(','));

// forEach sees changes the callback makes, as for-of does.
const f = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const calls = [];
f.forEach((v, k, map) => {
  calls.push(k + v);
  if (k === 1) { map.delete(2); for (let i = 10; i < 40; i++) map.set(i, 'x'); for (let i = 10; i < 38; i++) map.delete(i); }
});
console.log(calls.join(' '), f.size);

// clear() while an iterator is open: the iterator goes on with what is added after.
const c = new Set(['x', 'y', 'z']);
const ci = c.values();
console.log(ci.next().value);
c.clear(); c.add('after');
console.log(c.size, [...ci]);

// A done iterator stays done even when entries are added later.
const d = new Map([[1, 1]]);
const di = d.entries(); di.next(); console.log(di.next().done); d.set(2, 2); console.log(di.next().done);

// Many unfinished iterators, then churn that rebuilds the table many times.
const churn = new Map();
const open = [];
for (let i = 0; i < 100; i++) { churn.set(i, i); const e = churn.entries(); for (let j = 0; j <= i; j++) e.next(); open.push(e); }
for (let i = 0; i < 20000; i++) { churn.set('k' + i, i); churn.delete('k' + i); }
for (let i = 0; i < 95; i++) churn.delete(i);
console.log(churn.size, open[0].next().value, open[99].next().done, open[50].next().value, open[97].next().value);

// Inspecting an iterator part way shows what is left.
const shown = new Map([['p', 1], ['q', 2], ['r', 3]]);
const si = shown.entries(); si.next(); shown.delete('q');
console.log(si, new Set([1, 2]).values());

// Incompatible receivers throw.
try { Map.prototype.get.call(new Set(), 1); } catch (e) { console.log(e.message); }
try { Set.prototype.add.call({}, 1); } catch (e) { console.log(e.message); }
try { Map.prototype.forEach.call(new Map(), undefined); } catch (e) { console.log(e.message); }

// for-of and spread step a Map or Set iterator directly only while its next
// is the builtin one.
const mapIteratorProto = Object.getPrototypeOf(new Map().entries());
const builtinNext = mapIteratorProto.next;
mapIteratorProto.next = function () { const r = builtinNext.call(this); if (!r.done) r.value = [r.value[0], 'patched']; return r; };
console.log([...new Map([[1, 'x'], [2, 'y']])].join(' '));
mapIteratorProto.next = builtinNext;
console.log([...new Map([[1, 'x']])].join(' '), [...new Set(['s']).entries()].join(' '), [...new Map([[3, 'z']]).values()]);
try { builtinNext.call(new Set([1]).values()); } catch (e) { console.log(e.constructor.name); }
const setIterator = new Set([1, 2]).values();
setIterator.next = builtinNext;
try { [...{ [Symbol.iterator]() { return setIterator; } }]; } catch (e) { console.log(e.constructor.name, 'from a Map iterator next on a Set iterator'); }

// Expected output (checked against Node v20.20.2):
// expect: int double zero zero nan 4 [ 1, 1.5, 0, NaN ]
// expect: big small huge false
// expect: long long false true false
// expect: again true
// expect: symbol object undefined undefined null true undefined 13
// expect: [ [ 'b', 5 ], [ 'c', 3 ], [ 'a', 4 ] ]
// expect: [ 0, 1, 2 ] 10 990 991
// expect: 2008 2999 true
// expect: 1,2,4,5,6,7,8 2,4,5,6,7,8
// expect: 1a 3c 38x 39x 4
// expect: x
// expect: 1 [ 'after' ]
// expect: true
// expect: true
// expect: 5 [ 95, 95 ] true [ 95, 95 ] [ 98, 98 ]
// expect: [Map Entries] { [ 'r', 3 ] } [Set Iterator] { 1, 2 }
// expect: Method Map.prototype.get called on incompatible receiver #<Set>
// expect: Method Set.prototype.add called on incompatible receiver #<Object>
// expect: undefined is not a function
// expect: 1,patched 2,patched
// expect: 1,x s,s [ 'z' ]
// expect: TypeError
// expect: TypeError from a Map iterator next on a Set iterator

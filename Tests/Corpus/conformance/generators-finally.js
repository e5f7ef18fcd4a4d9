function* resource(name) { console.log('open', name); try { yield 1; yield 2; yield 3; } finally { console.log('close', name); } }
for (const v of resource('a')) { console.log('got', v); if (v === 2) break; }
const r = resource('b'); r.next(); console.log(r.return('bye'), r.next());
function* nested() { try { try { yield 'x'; } finally { console.log('inner finally'); } } finally { console.log('outer finally'); } }
const n = nested(); n.next(); console.log(n.return(7));
function* overrides() { try { yield 1; } finally { return 'from finally'; } }
const o = overrides(); o.next(); console.log(o.return('ignored'));
function* yieldsInFinally() { try { yield 1; } finally { yield 'cleanup'; } }
const y = yieldsInFinally(); y.next(); console.log(y.return('r'), y.next(), y.next());
const [first] = resource('c'); console.log(first);

// Expected output (checked against Node v20.20.2):
// expect: open a
// expect: got 1
// expect: got 2
// expect: close a
// expect: open b
// expect: close b
// expect: { value: 'bye', done: true } { value: undefined, done: true }
// expect: inner finally
// expect: outer finally
// expect: { value: 7, done: true }
// expect: { value: 'from finally', done: true }
// expect: { value: 'cleanup', done: false } { value: 'r', done: true } { value: undefined, done: true }
// expect: open c
// expect: close c
// expect: 1

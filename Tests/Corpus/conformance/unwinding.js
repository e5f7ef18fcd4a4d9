function thrower(x) { if (x === 3) throw new Error('at ' + x); return x; }
try { [1, 2, 3, 4].forEach(thrower); } catch (e) { console.log('forEach:', e.message); }
try { [1, 2, 3].map(x => [x].map(y => thrower(y + 2))); } catch (e) { console.log('nested map:', e.message); }
const obj = { get bad() { throw new TypeError('getter failed'); } };
for (let i = 0; i < 3; i++) { try { obj.bad; } catch (e) { console.log(i, e.message); } }
const weird = { toString() { throw new Error('no string'); } };
try { 'x' + weird; } catch (e) { console.log(e.message); }
try { `${weird}`; } catch (e) { console.log(e.message); }
try { [weird].join(); } catch (e) { console.log(e.message); }
try { JSON.stringify({ toJSON() { throw new RangeError('json fail'); } }); } catch (e) { console.log(e.name, e.message); }
function deepNative(n) { return n === 0 ? 0 : [n].map(x => deepNative(x - 1))[0] + 1; }
console.log(deepNative(500));
try { (function r() { [1].forEach(r); })(); } catch (e) { console.log(e instanceof RangeError, e.message); }
const iterable = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i++, done: i > 5 }), return: () => { console.log('closed at', i); return {}; } }; } };
for (const v of iterable) { if (v === 2) break; }
try { for (const v of iterable) { if (v === 1) throw new Error('thrown in body'); } } catch (e) { console.log(e.message); }
outer: for (const a of [1, 2]) { for (const v of iterable) { if (v === 1) continue outer; } }
function early() { for (const v of iterable) { if (v === 3) return 'returned ' + v; } } console.log(early());
const [first] = iterable; console.log(first);
function fin() { let log = []; for (let i = 0; i < 3; i++) { try { if (i === 1) continue; if (i === 2) break; log.push('body' + i); } finally { log.push('fin' + i); } } return log.join(','); }
console.log(fin());
function nestedFinally() { try { try { return 'inner'; } finally { console.log('f1'); } } finally { console.log('f2'); } }
console.log(nestedFinally());
function finallyOverrides() { try { return 'try'; } finally { return 'finally'; } } console.log(finallyOverrides());
function catchRethrow() { try { throw new Error('orig'); } catch (e) { throw new Error('wrapped', { cause: e }); } }
try { catchRethrow(); } catch (e) { console.log(e.message, e.cause.message); }
let count = 0; while (true) { try { count++; if (count > 3) break; } finally { if (count === 2) console.log('finally at 2'); } } console.log(count);
console.log((() => { try { throw 1; } catch { return 'caught'; } finally { console.log('cleanup'); } })());

// Expected output (checked against Node v20.20.2):
// expect: forEach: at 3
// expect: nested map: at 3
// expect: 0 getter failed
// expect: 1 getter failed
// expect: 2 getter failed
// expect: no string
// expect: no string
// expect: no string
// expect: RangeError json fail
// expect: 500
// expect: true Maximum call stack size exceeded
// expect: closed at 3
// expect: closed at 2
// expect: thrown in body
// expect: closed at 2
// expect: closed at 2
// expect: closed at 4
// expect: returned 3
// expect: closed at 1
// expect: 0
// expect: body0,fin0,fin1,fin2
// expect: f1
// expect: f2
// expect: inner
// expect: finally
// expect: wrapped orig
// expect: finally at 2
// expect: 4
// expect: cleanup
// expect: caught

function* count(n) { for (let i = 0; i < n; i++) yield i; return 'done'; }
console.log([...count(4)], Array.from(count(3), x => x * 10));
const it = count(2); console.log(it.next(), it.next(), it.next(), it.next());
function* echo() { let received = []; while (true) { const v = yield received.length; if (v === undefined) break; received.push(v); } return received; }
const e = echo(); e.next(); e.next('a'); e.next('b'); console.log(e.next());
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const first10 = []; for (const f of fib()) { if (first10.length === 10) break; first10.push(f); } console.log(first10);
function* inner() { yield 1; yield 2; } function* outer() { yield 0; yield* inner(); yield* [3, 4]; yield 5; }
console.log([...outer()]);
class Tree { constructor(v, l, r) { this.v = v; this.l = l; this.r = r; } *[Symbol.iterator]() { if (this.l) yield* this.l; yield this.v; if (this.r) yield* this.r; } }
console.log([...new Tree(2, new Tree(1), new Tree(3, null, new Tree(4)))]);
const obj = { *pairs() { for (const k of Object.keys(this)) if (k !== 'pairs') yield [k, this[k]]; }, a: 1, b: 2 };
console.log([...obj.pairs()], Object.fromEntries(obj.pairs()));
function* guarded() { try { yield 1; yield 2; } catch (err) { yield 'caught ' + err; } finally { console.log('cleanup'); } }
const g = guarded(); console.log(g.next(), g.throw('boom'), g.next(), g.next());
const g2 = count(5); console.log(g2.next(), g2.return('early'), g2.next());
function* thrower() { yield 1; throw new Error('inside'); }
const t = thrower(); t.next(); try { t.next(); } catch (err) { console.log(err.message, t.next()); }
console.log(typeof count, count.constructor === Function, Object.prototype.toString.call(count()), count());
try { new count(); } catch (err) { console.log(err.message); }
function* withArgs() { yield arguments.length; yield [...arguments]; } console.log([...withArgs(1, 2, 3)]);
const lazy = (function* () { let i = 0; while (true) yield i++; })(); const taken = []; for (const v of lazy) { if (v > 4) break; taken.push(v); } console.log(taken, lazy.next());
function* take(n, it) { for (const v of it) { if (n-- <= 0) return; yield v; } } function* map(f, it) { for (const v of it) yield f(v); }
console.log([...take(3, map(x => x * x, count(10)))]);
const [x1, y1, ...rest1] = count(6); console.log(x1, y1, rest1);

// Expected output (checked against Node v20.20.2):
// expect: [ 0, 1, 2, 3 ] [ 0, 10, 20 ]
// expect: { value: 0, done: false } { value: 1, done: false } { value: 'done', done: true } { value: undefined, done: true }
// expect: { value: [ 'a', 'b' ], done: true }
// expect: [
// expect:   0, 1,  1,  2,  3,
// expect:   5, 8, 13, 21, 34
// expect: ]
// expect: [ 0, 1, 2, 3, 4, 5 ]
// expect: [ 1, 2, 3, 4 ]
// expect: [ [ 'a', 1 ], [ 'b', 2 ] ] { a: 1, b: 2 }
// expect: cleanup
// expect: { value: 1, done: false } { value: 'caught boom', done: false } { value: undefined, done: true } { value: undefined, done: true }
// expect: { value: 0, done: false } { value: 'early', done: true } { value: undefined, done: true }
// expect: inside { value: undefined, done: true }
// expect: function false [object Generator] Object [Generator] {}
// expect: count is not a constructor
// expect: [ 3, [ 1, 2, 3 ] ]
// expect: [ 0, 1, 2, 3, 4 ] { value: undefined, done: true }
// expect: [ 0, 1, 4 ]
// expect: 0 1 [ 2, 3, 4, 5 ]

class ListNode { constructor(value, next = null) { this.value = value; this.next = next; } }
class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  push(v) { const n = new ListNode(v); if (!this.head) this.head = n; else { let c = this.head; while (c.next) c = c.next; c.next = n; } this.size++; return this; }
  [Symbol.iterator]() { let c = this.head; return { next() { if (!c) return { done: true, value: undefined }; const value = c.value; c = c.next; return { done: false, value }; } }; }
  reverse() { let prev = null, cur = this.head; while (cur) { const next = cur.next; cur.next = prev; prev = cur; cur = next; } this.head = prev; return this; }
}
const list = new LinkedList().push(1).push(2).push(3);
console.log([...list], [...list.reverse()], list.size);
console.log(list.head);
class BST {
  constructor() { this.root = null; }
  insert(v) { const node = { v, l: null, r: null }; if (!this.root) { this.root = node; return; } let c = this.root; for (;;) { if (v < c.v) { if (!c.l) { c.l = node; return; } c = c.l; } else { if (!c.r) { c.r = node; return; } c = c.r; } } }
  inorder(n = this.root, out = []) { if (n) { this.inorder(n.l, out); out.push(n.v); this.inorder(n.r, out); } return out; }
  height(n = this.root) { return n ? 1 + Math.max(this.height(n.l), this.height(n.r)) : 0; }
}
const t = new BST(); [50, 30, 70, 20, 40, 60, 80, 35].forEach(v => t.insert(v));
console.log(t.inorder(), t.height());
class Emitter {
  constructor() { this.handlers = {}; }
  on(evt, fn) { (this.handlers[evt] ||= []).push(fn); return () => this.off(evt, fn); }
  off(evt, fn) { this.handlers[evt] = (this.handlers[evt] || []).filter(h => h !== fn); }
  emit(evt, ...args) { (this.handlers[evt] || []).forEach(h => h(...args)); return this.handlers[evt]?.length ?? 0; }
}
const em = new Emitter(); const log = [];
const unsub = em.on('data', (a, b) => log.push(`1:${a}+${b}`)); em.on('data', a => log.push(`2:${a}`));
console.log(em.emit('data', 1, 2)); unsub(); console.log(em.emit('data', 3), em.emit('none'), log);
class InsufficientFunds extends Error { constructor(needed) { super(`Insufficient funds: need ${needed}`); this.name = 'InsufficientFunds'; this.needed = needed; } }
class Account {
  constructor(owner, balance = 0) { this.owner = owner; this._balance = balance; this.history = []; }
  get balance() { return this._balance; }
  deposit(n) { if (n <= 0) throw new RangeError('Deposit must be positive'); this._balance += n; this.history.push(['dep', n]); return this; }
  withdraw(n) { if (n > this._balance) throw new InsufficientFunds(n - this._balance); this._balance -= n; this.history.push(['wd', n]); return this; }
}
const acct = new Account('ann', 100);
acct.deposit(50).withdraw(30);
try { acct.withdraw(500); } catch (e) { console.log(e.name, e.message, e.needed, e instanceof InsufficientFunds, e instanceof Error); }
try { acct.deposit(-1); } catch (e) { console.log(`${e}`); }
console.log(acct.balance, acct.history, acct);
const fizz = Array.from({ length: 15 }, (_, i) => (i + 1) % 15 === 0 ? 'FizzBuzz' : (i + 1) % 3 === 0 ? 'Fizz' : (i + 1) % 5 === 0 ? 'Buzz' : i + 1);
console.log(fizz.join(' '));
const students = [{ name: 'Ann', grade: 91 }, { name: 'Bob', grade: 78 }, { name: 'Cid', grade: 85 }, { name: 'Dee', grade: 91 }];
const byGrade = students.reduce((acc, s) => { (acc[s.grade >= 90 ? 'A' : s.grade >= 80 ? 'B' : 'C'] ??= []).push(s.name); return acc; }, {});
console.log(byGrade, students.map(({ name }) => name).join(', '), Math.max(...students.map(s => s.grade)));
const avg = students.reduce((s, x) => s + x.grade, 0) / students.length; console.log(avg, avg.toFixed(1), Math.round(avg * 100) / 100);
console.log(students.filter(s => s.grade > 80).sort((a, b) => b.grade - a.grade || a.name.localeCompare(b.name)));
const hanoi = (n, from = 'A', to = 'C', via = 'B') => n === 0 ? 0 : hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
console.log(hanoi(10));
const perms = s => s.length <= 1 ? [s] : [...s].flatMap((c, i) => perms(s.slice(0, i) + s.slice(i + 1)).map(p => c + p));
console.log(perms('abc'), perms('abcd').length);
const gcd = (a, b) => b ? gcd(b, a % b) : a; console.log(gcd(48, 18), [12, 18, 24].reduce(gcd));
const isPalindrome = s => { const c = s.toLowerCase().split('').filter(ch => ch >= 'a' && ch <= 'z').join(''); return c === [...c].reverse().join(''); };
console.log(isPalindrome('A man, a plan, a canal: Panama'), isPalindrome('hello'));
const chunk = (arr, n) => arr.length ? [arr.slice(0, n), ...chunk(arr.slice(n), n)] : []; console.log(chunk([1, 2, 3, 4, 5], 2));
const zip = (...arrs) => arrs[0].map((_, i) => arrs.map(a => a[i])); console.log(zip([1, 2], ['a', 'b'], [true, false]));
const uniq = [...new Set([3, 1, 3, 2, 1])]; console.log(uniq, uniq.includes(2));
const wordFreq = 'b a c b a b'.split(' ').reduce((m, w) => ({ ...m, [w]: (m[w] || 0) + 1 }), {}); console.log(wordFreq);
const sumDigits = n => String(n).split('').map(Number).reduce((a, b) => a + b, 0); console.log(sumDigits(98765));
console.log(Number.MAX_SAFE_INTEGER + 2, 0.1 * 0.2, 1e21 + 1, (0.1 + 0.2).toFixed(10), 9.95.toFixed(1), 1.45.toFixed(1));

// Expected output (checked against Node v20.20.2):
// expect: [ 1, 2, 3 ] [ 3, 2, 1 ] 3
// expect: ListNode {
// expect:   value: 3,
// expect:   next: ListNode { value: 2, next: ListNode { value: 1, next: null } }
// expect: }
// expect: [
// expect:   20, 30, 35, 40,
// expect:   50, 60, 70, 80
// expect: ] 4
// expect: 2
// expect: 1 0 [ '1:1+2', '2:1', '2:3' ]
// expect: InsufficientFunds Insufficient funds: need 380 380 true true
// expect: RangeError: Deposit must be positive
// expect: 120 [ [ 'dep', 50 ], [ 'wd', 30 ] ] Account {
// expect:   owner: 'ann',
// expect:   _balance: 120,
// expect:   history: [ [ 'dep', 50 ], [ 'wd', 30 ] ]
// expect: }
// expect: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz
// expect: { A: [ 'Ann', 'Dee' ], C: [ 'Bob' ], B: [ 'Cid' ] } Ann, Bob, Cid, Dee 91
// expect: 86.25 86.3 86.25
// expect: [
// expect:   { name: 'Ann', grade: 91 },
// expect:   { name: 'Dee', grade: 91 },
// expect:   { name: 'Cid', grade: 85 }
// expect: ]
// expect: 1023
// expect: [ 'abc', 'acb', 'bac', 'bca', 'cab', 'cba' ] 24
// expect: 6 6
// expect: true false
// expect: [ [ 1, 2 ], [ 3, 4 ], [ 5 ] ]
// expect: [ [ 1, 'a', true ], [ 2, 'b', false ] ]
// expect: [ 3, 1, 2 ] true
// expect: { b: 3, a: 2, c: 1 }
// expect: 35
// expect: 9007199254740992 0.020000000000000004 1e+21 0.3000000000 9.9 1.4

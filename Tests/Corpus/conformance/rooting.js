const churn = () => { const a = []; for (let i = 0; i < 30; i++) a.push({ i }); return a.length; };
const weird = { toString() { return 'weird-' + churn(); } };
const idx = { valueOf() { churn(); return 2; } };
console.log(String.prototype.slice.call(weird, idx), 'x'.concat(weird, weird), [..."ab"].concat(weird).length);
console.log(Object.fromEntries(new Map([['a', { n: churn() }], ['b', [churn()]]])), new Set([weird, idx]).size);
console.log(new Error(weird).message, Object.create({}, { p: { get() { return churn(); }, enumerable: true } }).p);
function f() { return this; } const bf = Object.defineProperty(f, 'name', { get() { churn(); return 'custom'; } }).bind(1);
console.log(bf.name, typeof bf());

// Expected output (checked against Node v20.20.2):
// expect: ird-30 xweird-30weird-30 3
// expect: { a: { n: 30 }, b: [ 30 ] } 2
// expect: weird-30 30
// expect: bound custom object

// Method lookups on primitive strings are cached; changes to String.prototype and Object.prototype must still show.
function f(s) { return s.charCodeAt(0) + ":" + s.slice(1) + ":" + s.myMethod; }
const out = [];
for (let i = 0; i < 5; i++) {
  if (i === 1) Object.prototype.myMethod = "fromObject";
  if (i === 2) String.prototype.myMethod = "fromString";
  if (i === 3) { String.prototype.charCodeAt = function () { return -1; }; delete String.prototype.myMethod; }
  if (i === 4) { String.prototype.slice = function () { return "sliced"; }; delete Object.prototype.myMethod; }
  out.push(f("abc"));
}
console.log(out.join(" | "));
function g(x) { return x.toString(); }
console.log(g("s"), g(5), g(true), g("t"), g([1, 2]));

// Expected output (checked against Node v20.20.2):
// expect: 97:bc:undefined | 97:bc:fromObject | 97:bc:fromString | -1:bc:fromObject | -1:sliced:undefined
// expect: s 5 true t 1,2

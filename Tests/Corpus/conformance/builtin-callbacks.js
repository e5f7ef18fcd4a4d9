// Builtins calling back into script functions (map, forEach, reduce, sort,
// Array.from): `this`, missing and extra arguments, `arguments` and rest,
// exceptions, and collections while a builtin loops over its callbacks
// (recursion through them is in unwinding.js).

function sloppy(x) { return typeof this + (this === globalThis) + x; }
function strict(x) { "use strict"; return typeof this + String(this) + x; }
for (let round = 0; round < 3; round++) {
  console.log([1].map(sloppy).join(), [1].map(sloppy, 5).join(), [1].map(sloppy, null).join(),
              [1].map(strict).join(), [1].map(strict, 5).join(), [1].map(strict, null).join());
  console.log([1, 2].map(x => typeof this).join(), [1, 2].map(sloppy, "s").join());
}

// More parameters than the builtin passes, fewer, `arguments`, rest.
console.log([3].map((a, b, c, d, e) => [a, b, c.length, d, e].join()).join());
// (The registers a callback's missing parameters live in held another
// function's values just before.)
function leaveValues() { const a = "a", b = "b", c = "c", d = "d", e = "e", f = "f", g = "g"; return a + b + c + d + e + f + g; }
function missingParameters() { leaveValues(); return [3].map((a, b, c, d, e, f) => [d, e, f].map(String).join("/")).join(); }
for (let round = 0; round < 3; round++) console.log(missingParameters());
console.log([3, 4].map(() => 1).join(), [3, 4].map(function () { return arguments.length + ":" + arguments[0]; }).join());
console.log([5, 6].map((...all) => all.length + ":" + all[1]).join(), [5, 6].map((first, ...others) => others.length).join());
console.log([1, 2, 3].reduce(function (sum, x, i, array) { return sum + x * i + arguments.length + array.length; }, 0));

// A bound function, a method, a class constructor (which cannot be called).
const scale = function (factor, x) { return this.base + factor * x; }.bind({ base: 100 }, 2);
console.log([1, 2].map(scale).join());
const counter = { total: 0, add(x) { this.total += x; } };
[1, 2, 3].forEach(counter.add, counter);
console.log(counter.total);
class Point { constructor(x) { this.x = x; } }
try { [1].map(Point); } catch (e) { console.log(e instanceof TypeError, e.message); }

// An exception in a callback leaves the builtin at that element.
let visited = 0;
try { [1, 2, 3, 4].forEach(x => { visited++; if (x === 3) throw new Error("stop at " + x); }); }
catch (e) { console.log(e.message, visited); }
console.log([1, 2, 3].map(x => { try { if (x === 2) throw x; return x; } catch (v) { return -v; } }).join());

// Callbacks that allocate enough for collections to run while the builtin loops.
const made = Array.from({ length: 600 }, (_, i) => ({ i, tags: [i, "t" + (i % 7)] }));
let check = 0;
made.forEach(record => { check += record.i + record.tags[1].length; });
console.log(made.length, check, made[599].tags[1]);
const pairs = made.map(record => [record.i, { twice: record.i * 2 }]).filter(pair => pair[0] % 20 === 0);
console.log(pairs.length, pairs[29][1].twice);
const sorted = made.slice(0, 300).sort((a, b) => (b.i % 10) - (a.i % 10) || a.i - b.i);
console.log(sorted[0].i, sorted[299].i, sorted.slice(0, 3).map(r => r.i).join());


// Expected output (checked against Node v20.20.2):
// expect: objecttrue1 objectfalse1 objecttrue1 undefinedundefined1 number51 objectnull1
// expect: object,object objectfalse1,objectfalse2
// expect: objecttrue1 objectfalse1 objecttrue1 undefinedundefined1 number51 objectnull1
// expect: object,object objectfalse1,objectfalse2
// expect: objecttrue1 objectfalse1 objecttrue1 undefinedundefined1 number51 objectnull1
// expect: object,object objectfalse1,objectfalse2
// expect: 3,0,1,,
// expect: undefined/undefined/undefined
// expect: undefined/undefined/undefined
// expect: undefined/undefined/undefined
// expect: 1,1 3:3,3:4
// expect: 3:0,3:1 2,2
// expect: 29
// expect: 102,104
// expect: 6
// expect: true Class constructor Point cannot be invoked without 'new'
// expect: stop at 3 3
// expect: 1,-2,3
// expect: 600 180900 t4
// expect: 30 1160
// expect: 9 290 9,19,29

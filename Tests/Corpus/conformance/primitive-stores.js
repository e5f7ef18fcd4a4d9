// Stores to a property of a primitive: a sloppy store is dropped, a strict
// one throws (a primitive has no properties of its own), and a setter on the
// primitive's prototype chain runs with the primitive as `this` either way.
function strictStore(v) {
  "use strict";
  try { v.a = 1; return "stored"; } catch (e) { return e.constructor.name + ": " + e.message; }
}
function sloppyStore(v) { v.a = 1; return String(v.a); }
for (const v of ["text", 5, true, Symbol("s"), 2.5]) console.log(strictStore(v), sloppyStore(v));
Object.defineProperty(Number.prototype, "viaSetter", { set(x) { "use strict"; console.log("setter", x, typeof this); }, configurable: true });
(function () { "use strict"; (7).viaSetter = 3; })();
(7).viaSetter = 4;
(function () { "use strict"; try { "abc".length = 1; } catch (e) { console.log(e.constructor.name); } })();

// Expected output (checked against Node v20.20.2):
// expect: TypeError: Cannot create property 'a' on string 'text' undefined
// expect: TypeError: Cannot create property 'a' on number '5' undefined
// expect: TypeError: Cannot create property 'a' on boolean 'true' undefined
// expect: TypeError: Cannot create property 'a' on symbol 'Symbol(s)' undefined
// expect: TypeError: Cannot create property 'a' on number '2.5' undefined
// expect: setter 3 number
// expect: setter 4 number
// expect: TypeError

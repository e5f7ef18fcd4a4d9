// One-unit strings as compiled code makes them inline: s[i] of a flat
// one-byte string and String.fromCharCode of an ASCII code give the
// isolate's atoms; === tells distinct strings apart by length or because
// both are atoms, and compares contents otherwise. Each site also meets
// what takes the long way: ropes, two-byte strings, units past ASCII,
// indices outside or not int32, several arguments, equal strings that are
// not the same cell.

function countE(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === "e") n++;
  return n;
}
function at(s, i) { return s[i]; }
function code(c) { return String.fromCharCode(c); }
function codes(a, b) { return String.fromCharCode(a, b); }
function same(a, b) { return a === b; }

let rope = "";
for (let i = 0; i < 30; i++) rope += "tree" + i;
const wide = "élan vital ∑";
const lines = [];
for (let round = 0; round < 300; round++) {
  const built = "ab" + (round % 3 === 0 ? "c" : "d");
  const parts = [countE("the cheese trees " + round), countE(rope), countE(wide),
                 at("hello", round % 7), at(wide, 0), at(wide, 11), at(rope, 5), at("x", -1), at("xyz", 1.5), at("xyz", "1"),
                 code(65 + round % 26), code(233), code(0x2211), code(66.7), code("67"), codes(72, 105),
                 same(built, "abc"), same(built, "abd"), same(at("hello", 1), "e"), same(code(101), "e"), same("e", "ee"),
                 same(rope, rope + ""), same(wide, "élan vital ∑")];
  if (round % 100 === 0 || round === 299) lines.push(parts.join(" "));
}
console.log(lines.join("\n"));

// Expected output (checked against Node v20.20.2):
// expect: 6 60 0 h é ∑ t   y A é ∑ B C Hi true false true true false true true
// expect: 6 60 0 l é ∑ t   y W é ∑ B C Hi false true true true false true true
// expect: 6 60 0 o é ∑ t   y S é ∑ B C Hi false true true true false true true
// expect: 6 60 0  é ∑ t   y N é ∑ B C Hi false true true true false true true

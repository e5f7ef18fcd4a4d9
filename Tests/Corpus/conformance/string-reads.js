// Reads of strings that compiled code does inline: `length` and a cached
// String.prototype method on a primitive string, and charCodeAt's code
// unit on a flat string. Each site also meets what must take the long way:
// ropes, two-byte strings, indices outside or not int32, String objects,
// objects with a length, and String.prototype.charCodeAt replaced mid-run.

function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function probe(s, k) { return s.charCodeAt(k); }
function len(x) { return x.length; }
function upper(s) { return s.toUpperCase(); }

let rope = "";
for (let i = 0; i < 40; i++) rope += "ab" + i;

const lines = [];
for (let round = 0; round < 400; round++) {
  const flat = "key" + round;
  const wide = "ключ" + round + "√";
  const parts = [hash(flat), hash(wide), hash(rope), probe(flat, 1), probe(wide, 0), probe(flat, 99),
                 probe(flat, -1), probe(flat, "2"), probe(flat, 1.5), probe(rope, 3), probe(new String("xyz"), 2),
                 len(flat), len(wide), len(rope), len([1, 2, 3]), len({ length: "own" }), len(new String("four")),
                 upper(flat)];
  if (round === 300) String.prototype.charCodeAt = function (k) { return "patched " + k; };
  if (round % 100 === 0 || round === 301 || round === 399) lines.push(parts.join(" "));
}
console.log(lines.join("\n"));

// Expected output (checked against Node v20.20.2):
// expect: 910846164 351775651 569273515 101 1082 NaN NaN 121 101 97 122 4 6 150 3 own 4 KEY0
// expect: 3001075743 1970032486 569273515 101 1082 NaN NaN 121 101 97 122 6 8 150 3 own 4 KEY100
// expect: 829959754 1703280793 569273515 101 1082 NaN NaN 121 101 97 122 6 8 150 3 own 4 KEY200
// expect: 290283541 3097579068 569273515 101 1082 NaN NaN 121 101 97 122 6 8 150 3 own 4 KEY300
// expect: 2138539933 2615243109 227570397 patched 1 patched 0 patched 99 patched -1 patched 2 patched 1.5 patched 3 patched 2 6 8 150 3 own 4 KEY301
// expect: 2138539933 2615243109 227570397 patched 1 patched 0 patched 99 patched -1 patched 2 patched 1.5 patched 3 patched 2 6 8 150 3 own 4 KEY399

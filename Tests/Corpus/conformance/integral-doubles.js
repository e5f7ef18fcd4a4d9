// Compiled code stores double results into properties and elements as
// doubles, even when their value is a whole number (the interpreter makes
// those int32). Every reader must see the same number: indexes, keys,
// equality, switch, printing, typed arrays, bitwise operators.
function fill(n) {
  const points = [], halves = [];
  for (let i = 0; i < n; i++) {
    const p = { x: 0, y: 0 };
    p.x = i * 0.5 * 2;          // whole numbers from double arithmetic
    p.y = (i + 0.25) - 0.25;
    points.push(p);
    halves[i] = i * 1.5 - i * 0.5;
  }
  return { points, halves };
}
const { points, halves } = fill(2000);
const table = ["zero", "one", "two", "three"];
const map = new Map([[3, "three"], [1999, "last"]]);
const typed = new Int32Array(4), floats = new Float64Array(4);
let same = 0, keys = 0;
for (let i = 0; i < points.length; i++) {
  const p = points[i];
  if (p.x === i && p.y === i && halves[i] === i && Object.is(p.x, i)) same++;
  if (map.has(p.x)) keys++;
  if (p.x < 4) { typed[p.x] = p.y; floats[halves[i]] = p.x / 2; }
}
const p3 = points[3];
let word;
switch (p3.x) { case 3: word = table[p3.y]; break; default: word = "none"; }
console.log(same, keys, word, map.get(points[1999].y));
console.log(String(p3.x), JSON.stringify(p3), `${halves[2]}`, p3.x.toString(2), p3.y | 8, p3.x << 2);
console.log(Array.from(typed).join(), Array.from(floats).join(), [10, 20, 30, 40].at(p3.x));
const o = {}; o[p3.x] = "by key"; console.log(Object.keys(o), o[3], halves.indexOf(3), halves.includes(1999));

// Expected output (checked against Node v20.20.2):
// expect: 2000 2 three last
// expect: 3 {"x":3,"y":3} 2 11 11 12
// expect: 0,1,2,3 0,0.5,1,1.5 40
// expect: [ '3' ] by key 3 true

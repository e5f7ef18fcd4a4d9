// What compiled code reads from its frame inline: the closure context of
// the callee (closures over outer variables), the home object (super
// calls), the callee itself (a named function expression calling itself),
// new.target, the global this, and ~ on int32s and on other values.

function makeCounter(step) {
  let count = 0;
  return function next() { count += step; return count; };
}

class Shape {
  area() { return 0; }
  describe() { return "shape " + this.area(); }
}
class Square extends Shape {
  constructor(side) { super(); this.side = side; }
  area() { return this.side * this.side; }
  describe() { return super.describe() + " (square " + super.area() + ")"; }
}

function Maker() { this.made = new.target === Maker ? "new" : "other"; }
function called() { return new.target === undefined ? "call" : "new"; }

const countdown = function down(n) { return n <= 0 ? 0 : 1 + down(n - 1); };
function globalName() { return this === globalThis; }

function complement(values) {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += ~values[i];
  return s;
}

let text = [];
for (let round = 0; round < 300; round++) {
  const inc = makeCounter(round % 5 + 1);
  let last = 0;
  for (let k = 0; k < 4; k++) last = inc();
  const sq = new Square(round % 7);
  const parts = [last, sq.describe(), new Maker().made, called(), countdown(round % 20), globalName(),
                 complement([round, -round, 3.7, "12", -0, 2 ** 31, null])];
  if (round % 100 === 0 || round === 299) text.push(parts.join(" | "));
}
console.log(text.join("\n"));

// Expected output (checked against Node v20.20.2):
// expect: 4 | shape 0 (square 0) | new | call | 0 | true | 2147483626
// expect: 4 | shape 4 (square 0) | new | call | 0 | true | 2147483626
// expect: 4 | shape 16 (square 0) | new | call | 0 | true | 2147483626
// expect: 20 | shape 25 (square 0) | new | call | 19 | true | 2147483626

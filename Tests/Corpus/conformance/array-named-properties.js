// Named properties read from arrays: methods found on Array.prototype and
// Object.prototype, own named properties, an own property shadowing a
// method, Array.prototype changed after the reads were cached, subclasses,
// and `length`, through the same sites many times.

class Stack extends Array {
  peek() { return this[this.length - 1]; }
}

function describe(a) {
  return [typeof a.push, typeof a.hasOwnProperty, a.label, a.length, typeof a.peek, a.size].join(" ");
}

function fill(a, n) {
  for (let i = 0; i < n; i++) a.push(i);
  return a.length;
}

const out = [];
for (let round = 0; round < 200; round++) {
  const plain = [1, 2, 3];
  const labelled = [4, 5];
  labelled.label = "l" + round;
  const shadowed = [6];
  shadowed.push = function (x) { return "own push " + x; };
  const stack = new Stack();
  stack.push(7, 8);
  if (round === 150) Array.prototype.size = "added";
  if (round === 180) delete Array.prototype.size;
  const line = [describe(plain), describe(labelled), describe(shadowed), describe(stack),
                shadowed.push(9), stack.peek(), fill([], round % 10)].join(" / ");
  if (round % 50 === 0 || round === 160 || round === 199) out.push(line);
}
console.log(out.join("\n"));

// Expected output (checked against Node v20.20.2):
// expect: function function  3 undefined  / function function l0 2 undefined  / function function  1 undefined  / function function  2 function  / own push 9 / 8 / 0
// expect: function function  3 undefined  / function function l50 2 undefined  / function function  1 undefined  / function function  2 function  / own push 9 / 8 / 0
// expect: function function  3 undefined  / function function l100 2 undefined  / function function  1 undefined  / function function  2 function  / own push 9 / 8 / 0
// expect: function function  3 undefined added / function function l150 2 undefined added / function function  1 undefined added / function function  2 function added / own push 9 / 8 / 0
// expect: function function  3 undefined added / function function l160 2 undefined added / function function  1 undefined added / function function  2 function added / own push 9 / 8 / 0
// expect: function function  3 undefined  / function function l199 2 undefined  / function function  1 undefined  / function function  2 function  / own push 9 / 8 / 9

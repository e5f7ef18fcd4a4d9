// Registers a loop writes before it reads them (temporaries) are not boxed
// on the back-edge when compiled code keeps them unboxed; registers the
// next trip, the code after the loop or a deopt's interpreter still reads
// must arrive with their last value. Each loop mixes the two kinds.

// Temporaries of the body beside a sum that crosses the header.
function distances(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const dx = i * 0.5 - 3, dy = i * 0.25 + 1;
    const d = Math.sqrt(dx * dx + dy * dy);
    total += d;
  }
  return total.toFixed(6);
}
console.log(distances(10), distances(3000));

// A value written on some trips and read at the top of the next one.
function previous(n) {
  let prev = 0.5, changes = 0;
  for (let i = 0; i < n; i++) {
    const now = (i % 5) * 1.5;
    if (now !== prev) changes++;
    if (i % 3 === 0) prev = now;
  }
  return changes + " " + prev;
}
console.log(previous(10), previous(4000));

// The last value of a temporary, read after the loop (live on the way out only).
function lastBefore(limit) {
  let last;
  for (let i = 1; ; i++) {
    last = i * 1.25;
    if (last > limit) break;
  }
  return last;
}
console.log(lastBefore(10), lastBefore(5000.3));

// An inner loop's temporary read by the outer loop after the inner ends.
function innerLast(rows) {
  let t = 0, sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 30; c++) t = r * 0.5 + c;
    sum += t;
  }
  return sum + " " + t;
}
console.log(innerLast(3), innerLast(300));

// Types change halfway: the compiled loop deopts with typed temporaries and
// the interpreter finishes the trip from the frame.
function mixed(values) {
  let out = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const scaled = v * 2.5;
    const shifted = scaled - 1;
    out = out + shifted;
  }
  return out;
}
const numbers = [];
for (let i = 0; i < 3000; i++) numbers.push(i % 7 === 0 ? i + 0.5 : i);
console.log(mixed(numbers));
numbers[2500] = "4";
numbers[2700] = null;
console.log(mixed(numbers));

// A temporary that holds an object on one trip and a double on the next.
function alternate(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let tmp = i % 2 === 0 ? { v: i } : i * 0.5;
    sum += typeof tmp === "object" ? tmp.v : tmp;
  }
  return sum;
}
console.log(alternate(9), alternate(5000));

// A do-while whose condition reads a temporary of the body, and closures
// made in the loop that read the trip's own binding.
function doWhile(limit) {
  let x = 1.5, steps = 0, y;
  do {
    y = x * 1.1;
    x = y + 0.25;
    steps++;
  } while (y < limit);
  return steps + " " + x.toFixed(4);
}
console.log(doWhile(2), doWhile(1e6));
const readers = [];
for (let i = 0; i < 2000; i++) {
  const half = i * 0.5;
  if (i % 500 === 0) readers.push(() => half);
}
console.log(readers.map((f) => f()).join(","));

// Expected output (checked against Node v20.20.2):
// expect: 27.340021 2508082.197372
// expect: 10 6 4000 6
// expect: 11.25 5001.25
// expect: 88.5 30 31125 178.5
// expect: 11243786.25
// expect: 11230796.25
// expect: 28 9372500
// expect: 2 2.3400 131 1058036.6722
// expect: 0,250,500,750

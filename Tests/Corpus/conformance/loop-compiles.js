// Loops of the top-level script and of functions entered once or twice
// compile alone (an OSR loop compile): code before and after them stays in
// the interpreter, and every way out of the loop lands where it should.
// break, continue and labels; return and throw from inside; an exception
// caught around the loop and one caught inside it; a loop after a loop;
// values defined before the loop and read after it; types that change
// halfway, so the loop's code deopts and compiles again.
const words = ["alpha", "beta", "gamma"];
let setup = words.join("-");
let total = 0;
for (let i = 0; i < 3000; i++) {
  if (i % 1000 === 999) continue;
  total += i % 7;
}
console.log(setup, total);

let found = -1;
outer: for (let i = 0; i < 200; i++) {
  for (let j = 0; j < 200; j++) {
    if (i * j === 3599) { found = i * 1000 + j; break outer; }
  }
}
console.log("found", found);

function firstOver(limit) {
  let sum = 0;
  for (let i = 0; ; i++) {
    sum += i;
    if (sum > limit) return "at " + i + " sum " + sum;
  }
}
console.log(firstOver(100000), firstOver(50), firstOver(2000000));

function throwsAt(n) {
  let acc = 0;
  for (let i = 0; i < 5000; i++) {
    acc += i;
    if (i === n) throw new RangeError("stop at " + i + " acc " + acc);
  }
  return acc;
}
for (const n of [4000, 6000]) {
  try { console.log("returned", throwsAt(n)); } catch (e) { console.log(e.name, e.message); }
}

let caught = 0, kept = 0;
for (let i = 0; i < 3000; i++) {
  try {
    if (i % 500 === 0) throw i;
    kept++;
  } catch (e) { caught += e; }
}
console.log("caught", caught, kept);

let mixed = 0, text = "";
for (let i = 0; i < 4000; i++) {
  const v = i < 2000 ? i : i === 3000 ? "x" : i * 0.5;
  if (typeof v === "string") text += v; else mixed += v;
}
console.log(mixed, text);

function driver(rounds) {
  const before = { label: "r" + rounds };
  let a = 0;
  for (let i = 0; i < 2000; i++) a = (a + i * 3) % 10007;
  let b = 1;
  for (let i = 0; i < 1500; i++) b = (b * 31 + i) % 65521;
  const after = [before.label, a, b];
  return after.join(":");
}
console.log(driver(1), driver(2), driver(3));

let collected = [];
let k = 0;
while (k < 2500) { k += 3; if (k % 625 === 1) collected.push(k); }
do { k -= 7; } while (k > 2000);
console.log(collected.join(","), k);

// Expected output (checked against Node v20.20.2):
// expect: alpha-beta-gamma 8982
// expect: found 59061
// expect: at 447 sum 100128 at 10 sum 55 at 2000 sum 2001000
// expect: RangeError stop at 4000 acc 8002000
// expect: returned 12497500
// expect: caught 7500 2994
// expect: 4997000 x
// expect: r1:2807:25466 r2:2807:25466 r3:2807:25466
// expect: 1251 1998

// Unboxed numbers in functions with handlers (try/catch/finally, for-of):
// an exception raised in compiled code leaves with the typed registers
// written back to the frame, where the interpreter's handler reads them.
// `sum`, `d` and `k` are int32 and double registers live at each throw.

function f(n) {
  let sum = 0, d = 0.5, k = 0;
  for (let i = 0; i < n; i++) {
    try {
      sum += i * 3;
      d = d * 1.0001 + i;
      k = i | 0;
      if (i % 1000 === 999) throw new Error("e" + i);
      if (i % 777 === 5) null.x;
    } catch (e) {
      sum -= k;
      d -= 1;
    } finally {
      sum += 1;
    }
  }
  const values = [1.5, 2.5, 3, 4];
  let t = 0;
  for (const x of values) { t += x * 2; if (t > 100) break; }
  for (const x of [sum, d]) t += x;
  return [sum, d.toFixed(3), k, t.toFixed(3)].join(",");
}

// A callee that throws into the caller's handler while the caller holds
// typed registers (direct calls between compiled functions).
function thrower(i) { if (i % 97 === 0) throw i; return i * 0.5; }
function caller(n) {
  let acc = 0, count = 0;
  for (let i = 1; i < n; i++) {
    try { acc += thrower(i); count = count + 2; } catch (e) { acc -= e; count--; }
  }
  return acc + "/" + count;
}

for (let r = 0; r < 4; r++) console.log(f(5000 + r));
for (let r = 0; r < 4; r++) console.log(caller(3000 + r));

// Expected output (checked against Node v20.20.2):
// expect: 37466153,14867991.003,4999,52334166.003
// expect: 37481154,14874477.802,5000,52355653.802
// expect: 37496158,14880966.250,5001,52377146.250
// expect: 37511165,14887456.346,5002,52398643.346
// expect: 2181592.5/5908
// expect: 2183092.5/5910
// expect: 2184593/5912
// expect: 2186094/5914

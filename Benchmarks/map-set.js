// map-set: the built-in Map and Set with integer and string keys; for-of over
// entries with destructuring, deletes, has.
// iterations: 8
// checksum: 4999950000,50000,5000,45042,1000,50000

function benchmark() {
  const m = new Map();
  for (let i = 0; i < 100000; i++) m.set(i, i * 2);
  let sum = 0;
  for (const [k, v] of m) sum += v - k;
  for (let i = 0; i < 100000; i += 2) m.delete(i);
  const names = new Map();
  for (let i = 0; i < 50000; i++) names.set("n" + (i % 5000), i);
  const st = new Set();
  for (let i = 0; i < 100000; i++) st.add(i % 1000);
  let hits = 0;
  for (let i = 0; i < 100000; i++) if (st.has(i % 2000)) hits++;
  return [sum, m.size, names.size, names.get("n42"), st.size, hits].join(",");
}

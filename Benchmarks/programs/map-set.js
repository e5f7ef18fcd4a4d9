const m = new Map();
for (let i = 0; i < 300000; i++) m.set(i, i * 2);
let sum = 0; for (const [k, v] of m) sum += v;
const st = new Set(); for (let i = 0; i < 300000; i++) st.add(i % 1000);
console.log(sum, st.size);

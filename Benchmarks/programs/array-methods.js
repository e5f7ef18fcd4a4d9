const a = [];
for (let i = 0; i < 300000; i++) a.push(i * 2);
let t = 0;
for (let r = 0; r < 10; r++) { t += a.map(x => x + 1).filter(x => x % 3 === 0).reduce((s, x) => s + x, 0); }
const sorted = a.slice().sort((x, y) => y - x);
console.log(t, sorted[0]);

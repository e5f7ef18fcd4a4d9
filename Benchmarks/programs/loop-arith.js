let s = 0; for (let i = 0; i < 3e7; i++) s = (s + i * 7) % 1000003;
console.log(s);

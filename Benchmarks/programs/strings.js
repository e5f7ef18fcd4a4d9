let s = '';
for (let i = 0; i < 300000; i++) s += String.fromCharCode(97 + i % 26);
let count = 0;
for (let i = 0; i < s.length; i++) if (s[i] === 'e') count++;
const words = []; for (let i = 0; i < 100000; i++) words.push('w' + (i % 1000));
const freq = {}; for (const w of words) freq[w] = (freq[w] || 0) + 1;
console.log(count, Object.keys(freq).length, s.split('a').length);

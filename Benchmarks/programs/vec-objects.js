class Vec { constructor(x, y) { this.x = x; this.y = y; } add(o) { return new Vec(this.x + o.x, this.y + o.y); } len() { return Math.sqrt(this.x * this.x + this.y * this.y); } }
let acc = new Vec(0, 0);
for (let i = 0; i < 2000000; i++) { acc = acc.add(new Vec(i % 7, i % 3)); }
console.log(acc.x, acc.y, Math.round(acc.len()));

// Objects get inline slots from their allocation site: an object literal has
// room for the properties it names, a constructor's objects for the names
// it assigns to `this` (and its class's fields). Past that room, properties
// go to a side buffer; layouts of different sizes with the same keys are
// different shapes to the inline caches.
function literal(i) { return { a: i, b: i + 1, c: i + 2, d: i + 3, e: i + 4, f: i + 5, g: i + 6 }; }
function grown(i) { const o = {}; o.a = i; o.b = i + 1; o.c = i + 2; o.d = i + 3; o.e = i + 4; o.f = i + 5; o.g = i + 6; return o; }
function sum(o) { return o.a + o.b + o.c + o.d + o.e + o.f + o.g; }
let total = 0;
const kept = [];
for (let i = 0; i < 300; i++) {
  const x = literal(i), y = grown(i);
  total += sum(x) - sum(y) + sum(i % 2 ? x : y);
  if (i % 50 === 0) kept.push(x, y);
}
console.log(total, kept.length, JSON.stringify(kept[2]), Object.keys(kept[3]).join());
// expect: 320250 12 {"a":50,"b":51,"c":52,"d":53,"e":54,"f":55,"g":56} a,b,c,d,e,f,g

// More properties than the literal named: the rest go past the inline room.
const big = literal(10);
for (let k = 0; k < 30; k++) big["x" + k] = k * k;
big.h = "h";
let bigSum = 0;
for (const key of Object.keys(big)) bigSum += typeof big[key] === "number" ? big[key] : 0;
console.log(Object.keys(big).length, bigSum, big.x29, big.g, big.h);
// expect: 38 8646 841 16 h

// Deleting makes a dictionary of a sized object; what is left stays readable.
const d = literal(1);
delete d.c;
d.z = 26;
delete d.a;
console.log(JSON.stringify(d), d.g, "c" in d);
// expect: {"b":2,"d":4,"e":5,"f":6,"g":7,"z":26} 7 false

// A literal naming more than the largest inline room (16) and one with a spread.
const wide = {};
for (let k = 0; k < 20; k++) wide["w" + k] = k;
const copy = { ...wide, extra: 1 };
const named = { p0: 0, p1: 1, p2: 2, p3: 3, p4: 4, p5: 5, p6: 6, p7: 7, p8: 8, p9: 9, p10: 10,
  p11: 11, p12: 12, p13: 13, p14: 14, p15: 15, p16: 16, p17: 17, p18: 18, p19: 19 };
let namedSum = 0;
for (let k = 0; k < 20; k++) namedSum += named["p" + k];
console.log(Object.keys(copy).length, copy.w19, copy.extra, namedSum, named.p19, named.p15, named.p16);
// expect: 21 19 1 190 19 15 16

// Constructors: the names assigned to `this`, conditional ones included.
function Point(x, y, z, w, tag) {
  this.x = x; this.y = y; this.z = z; this.w = w;
  if (tag) this.tag = tag;
  this.len = x * x + y * y + z * z + w * w;
}
const points = [];
for (let i = 0; i < 200; i++) points.push(new Point(i, i + 1, i + 2, i + 3, i % 3 ? "t" + i : undefined));
let pointSum = 0, tags = 0;
for (const p of points) { pointSum += p.len + p.w; if (p.tag) tags++; }
points[7].extra = "e";
console.log(pointSum, tags, points[7].tag, points[7].extra, Object.keys(points[6]).join());
// expect: 10848900 133 t7 e x,y,z,w,len

// Classes: constructor assignments plus public and private fields.
class Body {
  kind = "body";
  #secret = 0;
  constructor(x, vx) { this.x = x; this.vx = vx; this.mass = 1; this.ax = 0; this.ay = 0; }
  step(n) { for (let i = 0; i < n; i++) { this.x += this.vx; this.#secret++; } return this.#secret; }
}
class Heavy extends Body {
  extraField = 2;
  constructor(x) { super(x, 2); this.mass = 10; this.charge = -1; }
}
let steps = 0;
const bodies = [];
for (let i = 0; i < 60; i++) {
  const b = i % 2 ? new Heavy(i) : new Body(i, 1);
  steps += b.step(10);
  bodies.push(b);
}
let bodySum = 0;
for (const b of bodies) bodySum += b.x * b.mass + (b.charge || 0) + (b.extraField || 0);
console.log(steps, bodySum, bodies[1].kind, Object.keys(bodies[1]).join());
// expect: 600 16200 body kind,x,vx,mass,ax,ay,extraField,charge

// One site reading objects of both layouts (same keys, different room).
function pick(o) { return o.f * 10 + o.g; }
let picked = 0;
for (let i = 0; i < 500; i++) picked += pick(i % 3 ? literal(i) : grown(i));
console.log(picked);
// expect: 1400250

// Inline slots past the default four hold references the collector must
// keep (under collector stress, any slot it missed would be reused).
function holder(i) { return { a: 1, b: 2, c: 3, d: 4, e: { n: i }, f: "s" + i, g: [i, i + 1], h: null }; }
function Holder(i) { this.a = 1; this.b = 2; this.c = 3; this.d = 4; this.e = { n: -i }; this.f = "S" + i + i; }
const holders = [];
for (let i = 0; i < 100; i++) holders.push(holder(i), new Holder(i));
let churn = 0;
for (let i = 0; i < 2000; i++) churn += ({ tmp: "t" + i, o: { i } }).tmp.length;
let held = 0;
for (const h of holders) held += h.e.n + h.f.length + (h.g ? h.g[1] : 0);
console.log(held, churn, holders[198].f, holders[199].f);
// expect: 5820 8890 s99 S9999

// vec-objects: short-lived small objects: a constructor and a method that returns a
// new instance per call; allocation and collection of young objects.
// iterations: 20
// checksum: 899997,300000,948680

class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  length() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}

function benchmark() {
  let acc = new Vec(0, 0);
  for (let i = 0; i < 300000; i++) acc = acc.add(new Vec(i % 7, i % 3));
  return acc.x + "," + acc.y + "," + Math.round(acc.length());
}

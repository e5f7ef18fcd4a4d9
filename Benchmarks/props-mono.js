// props-mono: property reads and writes at sites that only ever see one shape
// (monomorphic inline caches).
// iterations: 7
// checksum: 12023999000

class Point { constructor(x, y, z) { this.x = x; this.y = y; this.z = z; } }

function sumPoints(points) {
  let s = 0;
  for (let i = 0; i < points.length; i++) { const p = points[i]; s += p.x + p.y * 2 + p.z * 3; p.x = p.y; }
  return s;
}

function benchmark() {
  const points = [];
  for (let i = 0; i < 1000; i++) points.push(new Point(i, i + 1, i + 2));
  let total = 0;
  for (let r = 0; r < 4000; r++) total += sumPoints(points);
  return total;
}

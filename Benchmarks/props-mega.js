// props-mega: the same property reads and writes at sites that see 40 shapes
// (each object has one distinguishing property first): megamorphic inline caches.
// iterations: 8
// checksum: 1803599000

function makePoint(i) {
  const p = {};
  p["k" + (i % 40)] = i;
  p.x = i; p.y = i + 1; p.z = i + 2;
  return p;
}

function sumPoints(points) {
  let s = 0;
  for (let i = 0; i < points.length; i++) { const p = points[i]; s += p.x + p.y * 2 + p.z * 3; p.x = p.y; }
  return s;
}

function benchmark() {
  const points = [];
  for (let i = 0; i < 1000; i++) points.push(makePoint(i));
  let total = 0;
  for (let r = 0; r < 600; r++) total += sumPoints(points);
  return total;
}

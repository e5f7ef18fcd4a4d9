// props-poly: the same property reads and writes at sites that see four shapes
// (the same properties added in different orders and with extra fields):
// polymorphic inline caches.
// iterations: 8
// checksum: 6011999000

function makePoint(i) {
  switch (i % 4) {
    case 0: return { x: i, y: i + 1, z: i + 2 };
    case 1: return { y: i + 1, x: i, z: i + 2 };
    case 2: return { z: i + 2, y: i + 1, x: i };
    default: return { tag: "p", x: i, y: i + 1, z: i + 2 };
  }
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
  for (let r = 0; r < 2000; r++) total += sumPoints(points);
  return total;
}

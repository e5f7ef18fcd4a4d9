// mandelbrot: the Mandelbrot set on a grid; a tight double loop with an early exit,
// packing the in-set bits into bytes as the Benchmarks Game's version does.
// iterations: 20
// checksum: 10192,-1146347749

function benchmark() {
  const size = 160, maxIter = 50;
  let hash = 0, inside = 0;
  for (let y = 0; y < size; y++) {
    const ci = 2 * y / size - 1;
    let bits = 0;
    for (let x = 0; x < size; x++) {
      const cr = 2 * x / size - 1.5;
      let zr = 0, zi = 0, tr = 0, ti = 0, i = 0;
      while (i < maxIter && tr + ti <= 4) {
        zi = 2 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      bits = (bits << 1) | (tr + ti <= 4 ? 1 : 0);
      if (tr + ti <= 4) inside++;
      if ((x & 7) === 7) { hash = (Math.imul(hash, 31) + bits) | 0; bits = 0; }
    }
  }
  return inside + "," + hash;
}

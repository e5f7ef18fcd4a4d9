// spectral-norm: the largest singular value of an infinite matrix by power iteration;
// nested double loops over typed arrays and a small function call per element.
// iterations: 10
// checksum: 1.274223265

function a(i, j) { return 1 / ((i + j) * (i + j + 1) / 2 + i + 1); }

function multiplyAv(n, v, out) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    out[i] = sum;
  }
}

function multiplyAtv(n, v, out) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    out[i] = sum;
  }
}

function multiplyAtAv(n, v, out, tmp) { multiplyAv(n, v, tmp); multiplyAtv(n, tmp, out); }

function benchmark() {
  const n = 170;
  const u = new Float64Array(n).fill(1), v = new Float64Array(n), tmp = new Float64Array(n);
  for (let i = 0; i < 10; i++) { multiplyAtAv(n, u, v, tmp); multiplyAtAv(n, v, u, tmp); }
  let vBv = 0, vv = 0;
  for (let i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
  return Math.sqrt(vBv / vv).toFixed(9);
}

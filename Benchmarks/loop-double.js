// loop-double: a counted loop over doubles (midpoint-rule integral of 4/(1+x^2), i.e. pi).
// iterations: 10
// checksum: 3.141592653590

function benchmark() {
  const n = 2000000, h = 1 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = (i + 0.5) * h;
    sum += 4 / (1 + x * x);
  }
  return (sum * h).toFixed(12);
}

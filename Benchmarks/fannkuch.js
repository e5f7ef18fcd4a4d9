// fannkuch: permutations of a small integer array, flipping prefixes (the Computer
// Language Benchmarks Game's fannkuch-redux); integer array reads and writes.
// iterations: 25
// checksum: 1616,22

function fannkuch(n) {
  const perm = new Array(n), perm1 = new Array(n), count = new Array(n);
  for (let i = 0; i < n; i++) perm1[i] = i;
  let maxFlips = 0, checksum = 0, permCount = 0, r = n;
  for (;;) {
    while (r !== 1) { count[r - 1] = r; r--; }
    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0, k;
    while ((k = perm[0]) !== 0) {
      for (let i = 0, j = k; i < j; i++, j--) { const t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
      flips++;
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;
    for (;;) {
      if (r === n) return checksum + "," + maxFlips;
      const first = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      if (--count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

function benchmark() { return fannkuch(8); }

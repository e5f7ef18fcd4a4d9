// sieve: the sieve of Eratosthenes over a plain array of booleans, then over a Uint8Array.
// iterations: 10
// checksum: 41538,41538

function sieveArray(limit) {
  const composite = new Array(limit + 1).fill(false);
  let count = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j <= limit; j += i) composite[j] = true;
  }
  return count;
}

function sieveBytes(limit) {
  const composite = new Uint8Array(limit + 1);
  let count = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i] !== 0) continue;
    count++;
    for (let j = i * i; j <= limit; j += i) composite[j] = 1;
  }
  return count;
}

function benchmark() { return sieveArray(500000) + "," + sieveBytes(500000); }

// loop-int: a counted loop over int32 arithmetic (SWIFT-PERF.md's calibration loop).
// iterations: 20
// checksum: 315

function benchmark() {
  let s = 0;
  for (let i = 0; i < 3e6; i++) s = (s + i * 7) % 1000003;
  return s;
}

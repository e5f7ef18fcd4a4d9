// fib: recursive calls and small-integer arithmetic.
// iterations: 8
// checksum: 832040

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

function benchmark() { return fib(30); }

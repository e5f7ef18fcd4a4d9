console.log(0.1 + 0.2, 1 / 3, 100, 1e21, 1e-7, 123456789012345680000, 2 ** 53, -1e-7, 5e-324, 1.7976931348623157e308);
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.14159).toFixed(2), (0.000001234).toFixed(8));
console.log((1234.5678).toFixed(1), (1e21).toFixed(2), (1.005).toFixed(2), (123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2));
console.log((123.456).toExponential(2), (0).toExponential(), (12345).toExponential(), (1.5).toPrecision(1), (2.5).toFixed(0), (-1.5).toFixed(0));
console.log(Number.isInteger(5.0), Number.isInteger(5.5), Number.isSafeInteger(2 ** 53), Number.MAX_SAFE_INTEGER, Number.EPSILON > 0, Number.MIN_VALUE);
console.log(parseInt('42px'), parseInt('0x1F'), parseInt('101', 2), parseInt('  -7'), parseInt('abc'), parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-Infinity'));
console.log(Number('  12  '), Number(''), Number('0x10'), Number('1e3'), Number('12px'), Number(null), Number(undefined), Number([5]), Number(true));
console.log(Math.max(1, 3, 2), Math.min(), Math.max(), Math.round(2.5), Math.round(-2.5), Math.round(-0.4), Math.floor(-1.5), Math.ceil(1.2), Math.trunc(-4.7));
console.log(Math.sqrt(16), Math.cbrt(27), Math.pow(2, 10), Math.abs(-3), Math.sign(-5), Math.hypot(3, 4), Math.log2(8), Math.clz32(1), Math.imul(3, 4), Math.fround(5.5));
console.log(Math.PI, Math.E, Math.sin(0), Math.cos(Math.PI), Math.atan2(1, 1), Math.exp(1), Math.log(Math.E), Math.log10(1000));
console.log(7 % 3, -7 % 3, 7.5 % 2, 5 / 0, -5 / 0, 0 / 0, 2 ** -1, (-8) ** (1 / 3), 10 / 4, 3 * 1.5);
console.log(1 << 31, 1 << 32, -1 >>> 0, -1 >> 1, 5 & 3, 5 | 3, 5 ^ 3, ~5, 2147483647 + 1, -2147483648 - 1, 65536 * 65536);
console.log(0.1 * 3, 9007199254740993, 1e300 * 1e10, -0 === 0, Object.is(-0, 0), 1 / -0, (-0).toString(), String(-0), `${-0}`);
console.log(typeof NaN, NaN === NaN, isNaN('abc'), isFinite('12'), Number.isNaN('abc'), [1, 2] + [3], {} + 'x', true + 1, null + 1, undefined + 1);
console.log(1 == '1', 0 == '', null == undefined, null == 0, NaN == NaN, '1' === 1, [1] == 1, 'b' > 'a', null >= 0, undefined == 0);
let x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x **= 2; x <<= 1; x >>= 1; x |= 8; x &= 12; x ^= 1; console.log(x);
let i = 0; console.log(i++, i, ++i, i--, i, --i);
console.log((25).toString(36), (1e21).toString(), (123.456e5).toString(), 4.35 * 100, 1.1 + 2.2, 3 * 0.1);
console.log(Number.parseFloat === parseFloat, (0.1).toFixed(20), (1e-10).toString(), 1e16 + 1, 12345678901234567890);
console.log(0xff, 0o17, 0b101, 1_000_000, .5, 5., 0.0001, 0.00001, 123e-20, 2e-7);
console.log((1000000).toLocaleString(), (1234.5).toLocaleString(), (-0.5).toLocaleString());

// Expected output (checked against Node v20.20.2):
// expect: 0.30000000000000004 0.3333333333333333 100 1e+21 1e-7 123456789012345680000 9007199254740992 -1e-7 5e-324 1.7976931348623157e+308
// expect: ff 11111111 -73 0.1 3.14 0.00000123
// expect: 1234.6 1e+21 1.00 123.5 0.00012 1.2e+5
// expect: 1.23e+2 0e+0 1.2345e+4 2 3 -2
// expect: true false false 9007199254740991 true 5e-324
// expect: 42 31 5 -7 NaN 3.14 0.5 -Infinity
// expect: 12 0 16 1000 NaN 0 NaN 5 1
// expect: 3 Infinity -Infinity 3 -2 -0 -2 2 -4
// expect: 4 3 1024 3 -1 5 3 31 12 5.5
// expect: 3.141592653589793 2.718281828459045 0 -1 0.7853981633974483 2.718281828459045 1 3
// expect: 1 -1 1.5 Infinity -Infinity NaN 0.5 NaN 2.5 4.5
// expect: -2147483648 1 4294967295 -1 1 7 6 -6 2147483648 -2147483649 4294967296
// expect: 0.30000000000000004 9007199254740992 Infinity true false -Infinity 0 0 0
// expect: number false true true false 1,23 [object Object]x 2 1 NaN
// expect: true true true false false false true true true false
// expect: 9
// expect: 0 1 2 2 1 0
// expect: p 1e+21 12345600 434.99999999999994 3.3000000000000003 0.30000000000000004
// expect: true 0.10000000000000000555 1e-10 10000000000000000 12345678901234567000
// expect: 255 15 5 1000000 0.5 5 0.0001 0.00001 1.23e-18 2e-7
// expect: 1,000,000 1,234.5 -0.5

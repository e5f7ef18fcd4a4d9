// Text to number: Number(), unary plus, arithmetic on strings, parseFloat,
// parseInt, JSON.parse and numeric literals all read decimal text through
// one conversion (a fast exact path for short mantissas, correctly rounded
// strtod for the rest). Each result is printed with Object.is-level detail.
function show(x) { return Object.is(x, -0) ? "-0" : String(x); }
// Texts printed as ASCII (U+2028 would end an expect comment).
function quote(t) {
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out += c >= 32 && c < 127 ? t[i] : "\\u" + c.toString(16).padStart(4, "0");
  }
  return '"' + out + '"';
}

const texts = ["", " ", "0", "-0", "+0", "00", "007", "42", " 42 ", "\t\n42\r\n", "\u00a042\u2028", "\ufeff7\u3000",
  "+42", "-42", "+-42", "4 2", "42px", "1_000", "1e3", "1E3", "1e+3", "1e-3", "1e", "1e+", "e3", ".5", "+.5", "-.5", "5.", "-5.",
  ".", "+.", "-", "+", "1.e5", ".e5", "1.5e-3x", "0x1F", "0X1f", "-0x1F", "0x", "0x1G", "0o17", "0O8", "0b101", "0b2", "0B11",
  "Infinity", "+Infinity", "-Infinity", "infinity", "Infinityx", "INFINITY", "NaN", "null", "true",
  "0.1", "0.2", "0.3", "3.14159", "100.25", "0.000001", "1e-7", "123456789012345", "1234567890123456", "12345678901234567",
  "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740995", "18014398509481985",
  "123456789012345678901234567890", "0.1234567890123456789012345", "1e21", "1e22", "1e23", "1.5e22", "123e20",
  "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e400",
  "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324", "5e-324", "2.4703282292062327e-324",
  "2.4703282292062328e-324", "1e-400", "-1e-400", "0.00000000000000000000000000000000000000001",
  "000000000000000000000000000000001.5", "1.000000000000000000000000000000000000001", "8.98846567431158e307",
  "0e10", "0.0e-5", "-0.0", "1" + "0".repeat(30), "0." + "0".repeat(30) + "1", "1" + "0".repeat(400),
  "\u0661", "1\u0661", "\u0031\u0032", "\uff11", "\u0131\u0132", "7\u0130"];
for (const t of texts) {
  const shown = quote(t.length > 50 ? t.slice(0, 20) + "..." : t);
  console.log(shown, show(Number(t)), show(+t), show(t * 1), show(t - 0), show(parseFloat(t)), show(parseInt(t)));
}

// Wide (two-byte) strings take the copying path.
const wide = "\u20ac";
for (const t of ["12.5", " -7e2 ", "0x10", "Infinity", "3\u20ac"]) {
  const w = (wide + t).slice(1);
  console.log(quote(t), show(Number(w)), show(parseFloat(w)), show(parseInt(w)));
}

// parseFloat stops at the end of the longest number.
console.log(["3.14abc", "1e5e5", "1e+", "-.5e-3x", "0x10", "  +Infinityx", "-Infinity1", "1..2", "++1", " .e1"]
  .map(t => show(parseFloat(t))).join(" "));
// parseInt with more than 15 digits rounds the whole digit string once.
console.log(["123456789012345678", "9007199254740993", "99999999999999999999", "-18014398509481985"]
  .map(t => show(parseInt(t))).join(" "));

// JSON.parse numbers, including ones that need the slow path.
console.log(JSON.stringify(JSON.parse("[0, -0, 1.5, -2.25e3, 0.1, 1e23, 9007199254740993, 2.2250738585072011e-308, 1E-400, 123456789.123456789]")
  .map(show)));
// Numeric literals in source, read by the lexer.
console.log([1.5e3, 0.1, 9007199254740993, 1e23, 1_000.5, 2.2250738585072011e-308, .5, 5., 0.000001, 123456789012345678901234567890]
  .map(show).join(" "));

// Random decimal texts: short and long mantissas, small and huge exponents.
// A hash of the resulting bit patterns, and every text must read back the
// number's own String() exactly.
let seed = 7;
function next(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }
const buffer = new Float64Array(1), words = new Uint32Array(buffer.buffer);
let hash = 0, mismatches = 0;
for (let i = 0; i < 400; i++) {
  let digits = String(1 + next(9));
  const length = next(4) === 0 ? 16 + next(10) : 1 + next(15);
  for (let k = 1; k < length; k++) digits += next(10);
  const point = next(length + 1);
  const exponent = next(3) === 0 ? next(700) - 350 : next(50) - 25;
  const fraction = digits.slice(point);
  const text = (next(2) ? "-" : "") + (digits.slice(0, point) || "0") + (fraction ? "." + fraction : "") + "e" + exponent;
  const value = Number(text);
  buffer[0] = value;
  hash = (hash * 31 + words[0]) % 1000000007;
  hash = (hash * 31 + words[1]) % 1000000007;
  if (Number(String(value)) !== value && !Number.isNaN(value)) mismatches++;
  if (parseFloat(text) !== value || JSON.parse(text) !== value) mismatches++;
}
console.log("random texts", hash, "mismatches", mismatches);

// Expected output (checked against Node v20.20.2):
// expect: "" 0 0 0 0 NaN NaN
// expect: " " 0 0 0 0 NaN NaN
// expect: "0" 0 0 0 0 0 0
// expect: "-0" -0 -0 -0 -0 -0 -0
// expect: "+0" 0 0 0 0 0 0
// expect: "00" 0 0 0 0 0 0
// expect: "007" 7 7 7 7 7 7
// expect: "42" 42 42 42 42 42 42
// expect: " 42 " 42 42 42 42 42 42
// expect: "\u0009\u000a42\u000d\u000a" 42 42 42 42 42 42
// expect: "\u00a042\u2028" 42 42 42 42 42 42
// expect: "\ufeff7\u3000" 7 7 7 7 7 7
// expect: "+42" 42 42 42 42 42 42
// expect: "-42" -42 -42 -42 -42 -42 -42
// expect: "+-42" NaN NaN NaN NaN NaN NaN
// expect: "4 2" NaN NaN NaN NaN 4 4
// expect: "42px" NaN NaN NaN NaN 42 42
// expect: "1_000" NaN NaN NaN NaN 1 1
// expect: "1e3" 1000 1000 1000 1000 1000 1
// expect: "1E3" 1000 1000 1000 1000 1000 1
// expect: "1e+3" 1000 1000 1000 1000 1000 1
// expect: "1e-3" 0.001 0.001 0.001 0.001 0.001 1
// expect: "1e" NaN NaN NaN NaN 1 1
// expect: "1e+" NaN NaN NaN NaN 1 1
// expect: "e3" NaN NaN NaN NaN NaN NaN
// expect: ".5" 0.5 0.5 0.5 0.5 0.5 NaN
// expect: "+.5" 0.5 0.5 0.5 0.5 0.5 NaN
// expect: "-.5" -0.5 -0.5 -0.5 -0.5 -0.5 NaN
// expect: "5." 5 5 5 5 5 5
// expect: "-5." -5 -5 -5 -5 -5 -5
// expect: "." NaN NaN NaN NaN NaN NaN
// expect: "+." NaN NaN NaN NaN NaN NaN
// expect: "-" NaN NaN NaN NaN NaN NaN
// expect: "+" NaN NaN NaN NaN NaN NaN
// expect: "1.e5" 100000 100000 100000 100000 100000 1
// expect: ".e5" NaN NaN NaN NaN NaN NaN
// expect: "1.5e-3x" NaN NaN NaN NaN 0.0015 1
// expect: "0x1F" 31 31 31 31 0 31
// expect: "0X1f" 31 31 31 31 0 31
// expect: "-0x1F" NaN NaN NaN NaN -0 -31
// expect: "0x" NaN NaN NaN NaN 0 NaN
// expect: "0x1G" NaN NaN NaN NaN 0 1
// expect: "0o17" 15 15 15 15 0 0
// expect: "0O8" NaN NaN NaN NaN 0 0
// expect: "0b101" 5 5 5 5 0 0
// expect: "0b2" NaN NaN NaN NaN 0 0
// expect: "0B11" 3 3 3 3 0 0
// expect: "Infinity" Infinity Infinity Infinity Infinity Infinity NaN
// expect: "+Infinity" Infinity Infinity Infinity Infinity Infinity NaN
// expect: "-Infinity" -Infinity -Infinity -Infinity -Infinity -Infinity NaN
// expect: "infinity" NaN NaN NaN NaN NaN NaN
// expect: "Infinityx" NaN NaN NaN NaN Infinity NaN
// expect: "INFINITY" NaN NaN NaN NaN NaN NaN
// expect: "NaN" NaN NaN NaN NaN NaN NaN
// expect: "null" NaN NaN NaN NaN NaN NaN
// expect: "true" NaN NaN NaN NaN NaN NaN
// expect: "0.1" 0.1 0.1 0.1 0.1 0.1 0
// expect: "0.2" 0.2 0.2 0.2 0.2 0.2 0
// expect: "0.3" 0.3 0.3 0.3 0.3 0.3 0
// expect: "3.14159" 3.14159 3.14159 3.14159 3.14159 3.14159 3
// expect: "100.25" 100.25 100.25 100.25 100.25 100.25 100
// expect: "0.000001" 0.000001 0.000001 0.000001 0.000001 0.000001 0
// expect: "1e-7" 1e-7 1e-7 1e-7 1e-7 1e-7 1
// expect: "123456789012345" 123456789012345 123456789012345 123456789012345 123456789012345 123456789012345 123456789012345
// expect: "1234567890123456" 1234567890123456 1234567890123456 1234567890123456 1234567890123456 1234567890123456 1234567890123456
// expect: "12345678901234567" 12345678901234568 12345678901234568 12345678901234568 12345678901234568 12345678901234568 12345678901234568
// expect: "9007199254740991" 9007199254740991 9007199254740991 9007199254740991 9007199254740991 9007199254740991 9007199254740991
// expect: "9007199254740992" 9007199254740992 9007199254740992 9007199254740992 9007199254740992 9007199254740992 9007199254740992
// expect: "9007199254740993" 9007199254740992 9007199254740992 9007199254740992 9007199254740992 9007199254740992 9007199254740992
// expect: "9007199254740995" 9007199254740996 9007199254740996 9007199254740996 9007199254740996 9007199254740996 9007199254740996
// expect: "18014398509481985" 18014398509481984 18014398509481984 18014398509481984 18014398509481984 18014398509481984 18014398509481984
// expect: "123456789012345678901234567890" 1.2345678901234568e+29 1.2345678901234568e+29 1.2345678901234568e+29 1.2345678901234568e+29 1.2345678901234568e+29 1.2345678901234568e+29
// expect: "0.1234567890123456789012345" 0.12345678901234568 0.12345678901234568 0.12345678901234568 0.12345678901234568 0.12345678901234568 0
// expect: "1e21" 1e+21 1e+21 1e+21 1e+21 1e+21 1
// expect: "1e22" 1e+22 1e+22 1e+22 1e+22 1e+22 1
// expect: "1e23" 1e+23 1e+23 1e+23 1e+23 1e+23 1
// expect: "1.5e22" 1.5e+22 1.5e+22 1.5e+22 1.5e+22 1.5e+22 1
// expect: "123e20" 1.23e+22 1.23e+22 1.23e+22 1.23e+22 1.23e+22 123
// expect: "1e308" 1e+308 1e+308 1e+308 1e+308 1e+308 1
// expect: "1.7976931348623157e308" 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1
// expect: "1.7976931348623158e308" 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1.7976931348623157e+308 1
// expect: "1.7976931348623159e308" Infinity Infinity Infinity Infinity Infinity 1
// expect: "1e309" Infinity Infinity Infinity Infinity Infinity 1
// expect: "-1e400" -Infinity -Infinity -Infinity -Infinity -Infinity -1
// expect: "2.2250738585072011e-308" 2.225073858507201e-308 2.225073858507201e-308 2.225073858507201e-308 2.225073858507201e-308 2.225073858507201e-308 2
// expect: "2.2250738585072014e-308" 2.2250738585072014e-308 2.2250738585072014e-308 2.2250738585072014e-308 2.2250738585072014e-308 2.2250738585072014e-308 2
// expect: "4.9e-324" 5e-324 5e-324 5e-324 5e-324 5e-324 4
// expect: "5e-324" 5e-324 5e-324 5e-324 5e-324 5e-324 5
// expect: "2.4703282292062327e-324" 0 0 0 0 0 2
// expect: "2.4703282292062328e-324" 5e-324 5e-324 5e-324 5e-324 5e-324 2
// expect: "1e-400" 0 0 0 0 0 1
// expect: "-1e-400" -0 -0 -0 -0 -0 -1
// expect: "0.00000000000000000000000000000000000000001" 1e-41 1e-41 1e-41 1e-41 1e-41 0
// expect: "000000000000000000000000000000001.5" 1.5 1.5 1.5 1.5 1.5 1
// expect: "1.000000000000000000000000000000000000001" 1 1 1 1 1 1
// expect: "8.98846567431158e307" 8.98846567431158e+307 8.98846567431158e+307 8.98846567431158e+307 8.98846567431158e+307 8.98846567431158e+307 8
// expect: "0e10" 0 0 0 0 0 0
// expect: "0.0e-5" 0 0 0 0 0 0
// expect: "-0.0" -0 -0 -0 -0 -0 -0
// expect: "1000000000000000000000000000000" 1e+30 1e+30 1e+30 1e+30 1e+30 1e+30
// expect: "0.0000000000000000000000000000001" 1e-31 1e-31 1e-31 1e-31 1e-31 0
// expect: "10000000000000000000..." Infinity Infinity Infinity Infinity Infinity Infinity
// expect: "\u0661" NaN NaN NaN NaN NaN NaN
// expect: "1\u0661" NaN NaN NaN NaN 1 1
// expect: "12" 12 12 12 12 12 12
// expect: "\uff11" NaN NaN NaN NaN NaN NaN
// expect: "\u0131\u0132" NaN NaN NaN NaN NaN NaN
// expect: "7\u0130" NaN NaN NaN NaN 7 7
// expect: "12.5" 12.5 12.5 12
// expect: " -7e2 " -700 -700 -7
// expect: "0x10" 16 0 16
// expect: "Infinity" Infinity Infinity NaN
// expect: "3\u20ac" NaN 3 3
// expect: 3.14 100000 1 -0.0005 0 Infinity -Infinity 1 NaN NaN
// expect: 123456789012345680 9007199254740992 100000000000000000000 -18014398509481984
// expect: ["0","-0","1.5","-2250","0.1","1e+23","9007199254740992","2.225073858507201e-308","0","123456789.12345679"]
// expect: 1500 0.1 9007199254740992 1e+23 1000.5 2.225073858507201e-308 0.5 5 0.000001 1.2345678901234568e+29
// expect: random texts 965194315 mismatches 0

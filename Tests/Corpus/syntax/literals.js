// Numeric literals in every form.
var n = [0, 7, 42, 3.14, .5, 5., 1e3, 1E-7, 2.5e+10, 0x1F, 0XAB, 0o17, 0O7, 0b1010, 0B1];
var separated = [1_000_000, 0b1010_0101, 1_0.0_1, 1e1_0];
var big = [10n, 0x1fn, 0o17n, 0b11n, 123_456n];
var edges = [9007199254740993, 0x20000000000001, 1e400, 5e-324, 0.1 + 0.2];
// Strings and escapes.
var s = ['single', "double", 'it\'s', "say \"hi\"", "tab\tnewline\n", "\x41\u0042\u{43}\u{1F600}"];
var more = ["\0", "\b\f\v\r", "line\
continued", "\u2028 and \u2029", 'é ü 漢字 😀'];
// Templates, nested.
var t1 = `plain`;
var t2 = `a ${1 + 2} b ${`inner ${x} template`} c`;
var t3 = `multi
line ${ {a: 1}.a } \` escaped \${ not }`;
var t4 = tag`raw \unicode and \xZZ`;
var t5 = String.raw`C:\path\${x}`;
// Regular expressions versus division.
var r = [/ab+c/, /[/]/g, /a\/b/i, /(?<year>\d{4})/u, /x/dgimsy, /[\]/]/];
var d = a / b / c, e = (a) / 2, f = x++ / 2, g = [] / 1, h = {} / 1;
var i = a
/ b / c;
if (/re/.test(s)) {}
var j = typeof /x/ === "object";
var k = 4 / 2 / /1/.source.length;

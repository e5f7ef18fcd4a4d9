var café = 1, naïve = 2, 変数 = 3, ℮ = 4, $ = 5, _ = 6, \u0061bc = 7, \u{62}cd = 8;
var ᐊ = "canadian syllabics", x‌y = "zwnj";
var s = "😀 emoji", t = `漢字 ${café}`;
var nbsp = 1, bom = 2;
// Column positions after multi-byte characters: 😀 😀 😀
var after = café + naïve;

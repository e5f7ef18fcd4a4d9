const s = 'Hello, World';
console.log(s.length, s.charAt(4), s.charCodeAt(0), s.codePointAt(1), s.at(-1), s[7]);
console.log(s.indexOf('o'), s.lastIndexOf('o'), s.includes('World'), s.startsWith('Hell'), s.endsWith('d'));
console.log(s.slice(-5), s.substring(5, 0), s.substr(1, 3), s.toUpperCase(), s.toLowerCase());
console.log('  pad '.trim() + '|', '  pad '.trimStart() + '|', '  pad '.trimEnd() + '|');
console.log('5'.padStart(3, '0'), 'ab'.padEnd(5, '-*'), 'ab'.repeat(3), 'a-b-c'.split('-'), 'abc'.split(''));
console.log('a-b-c'.split('-', 2), ''.split(','), 'x'.split(), 'aaa'.replace('a', 'b'), 'aaa'.replaceAll('a', 'b'));
console.log('price: $1'.replace('$1', '[$&]'), 'abc'.replace('b', "$`|$'"), 'x'.replace('x', '$$'), 'ab'.replace('b', (m, i) => m.toUpperCase() + i));
console.log(String.fromCharCode(72, 105), String.fromCodePoint(128512), '😀'.length, [...'😀a'].length, '😀'.codePointAt(0));
console.log('ß'.toUpperCase(), 'İ'.toLowerCase().length, 'ÀÉÎ'.toLowerCase(), 'straße'.toUpperCase());
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), ['b', 'a', 'C'].sort((x, y) => x.localeCompare(y)));
console.log('abc' < 'abd', 'B' < 'a', '10' < '9', '10' < 9, 'a' + 1 + 2, 1 + 2 + 'a');
console.log(`multi
line`, 'tab\there', "quote's", 'new\nline');
console.log(['it\'s', "say \"hi\"", 'both \' and "', 'line\nbreak']);
console.log(String(123), String(true), String(null), String(undefined), String(Symbol('q')), (12.5).toString(), 'x'.concat(1, 2));
let built = ''; for (let i = 0; i < 1000; i++) built += i % 10; console.log(built.length, built.slice(0, 12));
console.log('abc'.at(5), 'abc'.charAt(5) === '', 'abc'.indexOf(''), 'abc'.lastIndexOf('c', 1), 'abcabc'.indexOf('c', 3));
console.log(String.raw`a\nb${1 + 1}`, `${1}${2}`, typeof `x`, 'z'.codePointAt(5));
const tag = (strings, ...values) => strings.raw.join('|') + values.join(',');
console.log(tag`a${1}b${2}c`);
console.log('Ünïcödé'.length, encodeURIComponentSafe('x'));
function encodeURIComponentSafe(x) { return x + '!'; }
console.log('abc'.split('').reverse().join(''), 'a,b,,c'.split(','), 'test'.split('t'));
for (const ch of 'hé😀') console.log(ch);
console.log("€".charCodeAt(0), "\u00e9" === "é", "a\u0000b".length);

// Expected output (checked against Node v20.20.2):
// expect: 12 o 72 101 d W
// expect: 4 8 true true true
// expect: World Hello ell HELLO, WORLD hello, world
// expect: pad| pad |   pad|
// expect: 005 ab-*- ababab [ 'a', 'b', 'c' ] [ 'a', 'b', 'c' ]
// expect: [ 'a', 'b' ] [ '' ] [ 'x' ] baa bbb
// expect: price: [$1] aa|cc $ aB1
// expect: Hi 😀 2 2 128512
// expect: SS 2 àéî STRASSE
// expect: -1 1 0 [ 'a', 'b', 'C' ]
// expect: true true true false a12 3a
// expect: multi
// expect: line tab	here quote's new
// expect: line
// expect: [ "it's", 'say "hi"', `both ' and "`, 'line\nbreak' ]
// expect: 123 true null undefined Symbol(q) 12.5 x12
// expect: 1000 012345678901
// expect: undefined true 0 -1 5
// expect: a\nb2 12 string undefined
// expect: a|b|c1,2
// expect: 7 x!
// expect: cba [ 'a', 'b', '', 'c' ] [ '', 'es', '' ]
// expect: h
// expect: é
// expect: 😀
// expect: 8364 true 3

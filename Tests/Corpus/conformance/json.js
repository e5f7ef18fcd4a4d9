// JSON.stringify and JSON.parse: escapes, numbers, indentation, replacers, and V8's parse error messages.
console.log(JSON.stringify({a: [1, -0, 2.5, 1e21, -7, NaN, 1e-7, 123456789012345], s: "q\"\\\n\t\b\f\r\u0001\ud800x\ud83d\ude00é", u: undefined, f() {}, n: null, t: true, o: {}, e: []}));
console.log(JSON.stringify({a: [1, {b: 2, u: undefined}], c: "x", d: [], e: {}}, null, 2));
console.log(JSON.stringify([undefined, function(){}, Symbol()], null, "--"));
console.log(JSON.stringify({k: 1, u: undefined}), JSON.stringify({u: undefined, k: 1}), JSON.stringify({u: undefined}));
console.log(JSON.stringify("x"), JSON.stringify(undefined), JSON.stringify(-1.5e300), JSON.stringify(-9007199254740993));
console.log(JSON.stringify({a: 1, b: 2, c: 3}, ["c", "a"]), JSON.stringify({a: 5}, (k, v) => typeof v === "number" ? v * 2 : v));
console.log(JSON.stringify({date: {toJSON() { return "D"; }}}, null, "\t"));
const t = '{"a":1,"b":-0,"c":[1,2.5,-3,1e3,123456789012345678,0.1,-12],"d":"x\\"y\\u0041\\n","e":{"f":null,"g":true,"h":false},"0":"idx","é":"ü","":""}';
const o = JSON.parse(t);
console.log(o, Object.is(o.b, -0), Object.keys(o));
console.log(JSON.stringify(o));
for (const bad of ['{"a":1,}', '[1,]', '"abc', '{"a" 1}', '01', '-', '"\\x"', '"\\u12"']) { try { JSON.parse(bad); } catch (e) { console.log(e.name, e.message); } }
for (const bad of ['1 2', '[1] x', '{', '[', '', ' ', 'tru', '"\\u00zz"', '{"a":1 "b":2}', '[1 2]', 'nul', '"a\nb"', '1.', '1e', '.5', '+1', "'a'", '{"a":1,"a":2}']) { try { console.log(JSON.stringify(JSON.parse(bad))); } catch (e) { console.log(e.name, e.message); } }

// Expected output (checked against Node v20.20.2):
// expect: {"a":[1,0,2.5,1e+21,-7,null,1e-7,123456789012345],"s":"q\"\\\n\t\b\f\r\u0001\ud800x😀é","n":null,"t":true,"o":{},"e":[]}
// expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     }
// expect:   ],
// expect:   "c": "x",
// expect:   "d": [],
// expect:   "e": {}
// expect: }
// expect: [
// expect: --null,
// expect: --null,
// expect: --null
// expect: ]
// expect: {"k":1} {"k":1} {}
// expect: "x" undefined -1.5e+300 -9007199254740992
// expect: {"c":3,"a":1} {"a":10}
// expect: {
// expect: 	"date": "D"
// expect: }
// expect: {
// expect:   '0': 'idx',
// expect:   a: 1,
// expect:   b: -0,
// expect:   c: [ 1, 2.5, -3, 1000, 123456789012345680, 0.1, -12 ],
// expect:   d: 'x"yA\n',
// expect:   e: { f: null, g: true, h: false },
// expect:   'é': 'ü',
// expect:   '': ''
// expect: } true [
// expect:   '0', 'a', 'b',
// expect:   'c', 'd', 'e',
// expect:   'é', ''
// expect: ]
// expect: {"0":"idx","a":1,"b":0,"c":[1,2.5,-3,1000,123456789012345680,0.1,-12],"d":"x\"yA\n","e":{"f":null,"g":true,"h":false},"é":"ü","":""}
// expect: SyntaxError Expected double-quoted property name in JSON at position 7
// expect: SyntaxError Unexpected token ']', "[1,]" is not valid JSON
// expect: SyntaxError Unterminated string in JSON at position 4
// expect: SyntaxError Expected ':' after property name in JSON at position 5
// expect: SyntaxError Unexpected number in JSON at position 1
// expect: SyntaxError No number after minus sign in JSON at position 1
// expect: SyntaxError Bad escaped character in JSON at position 2
// expect: SyntaxError Bad Unicode escape in JSON at position 5
// expect: SyntaxError Unexpected non-whitespace character after JSON at position 2
// expect: SyntaxError Unexpected non-whitespace character after JSON at position 4
// expect: SyntaxError Expected property name or '}' in JSON at position 1
// expect: SyntaxError Unexpected end of JSON input
// expect: SyntaxError Unexpected end of JSON input
// expect: SyntaxError Unexpected end of JSON input
// expect: SyntaxError Unexpected end of JSON input
// expect: SyntaxError Bad Unicode escape in JSON at position 5
// expect: SyntaxError Expected ',' or '}' after property value in JSON at position 7
// expect: SyntaxError Expected ',' or ']' after array element in JSON at position 3
// expect: SyntaxError Unexpected end of JSON input
// expect: SyntaxError Bad control character in string literal in JSON at position 2
// expect: SyntaxError Unterminated fractional number in JSON at position 2
// expect: SyntaxError Exponent part is missing a number in JSON at position 2
// expect: SyntaxError Unexpected token '.', ".5" is not valid JSON
// expect: SyntaxError Unexpected token '+', "+1" is not valid JSON
// expect: SyntaxError Unexpected token ''', "'a'" is not valid JSON
// expect: {"a":2}

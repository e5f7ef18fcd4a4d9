// String searches (indexOf, lastIndexOf, includes, startsWith, endsWith, split) over Latin-1 and UTF-16 strings.
const s = "hello world, hello ünïcode ☃ snow ☃";
for (const n of ["", "o", "hello", "☃", "ü", "zz", "d", "snow ☃", "hello world, hello ünïcode ☃ snow ☃!"]) {
  console.log(JSON.stringify(n), s.indexOf(n), s.indexOf(n, 5), s.lastIndexOf(n), s.lastIndexOf(n, 10), s.includes(n), s.includes(n, 30), s.startsWith(n), s.startsWith(n, 13), s.endsWith(n), s.endsWith(n, 5), s.split(n).length, s.split(n, 2));
}
const l = "abc,def,,ghi,"; console.log(l.split(","), l.split(",", 2), l.split(""), l.split(), "".split(","), "".split(""), "aaa".split("a"), "aaaa".lastIndexOf("aa"), "abc".indexOf("c", -5), "abc".indexOf("", 10), "abc".lastIndexOf("", 1));
console.log("x☃y☃z".split("☃"), "x☃y".split("y"), "xay".indexOf("☃"));

// Expected output (checked against Node v20.20.2):
// expect: "" 0 5 35 10 true true true true true true 35 [ 'h', 'e' ]
// expect: "o" 4 7 31 7 true true false false false true 6 [ 'hell', ' w' ]
// expect: "hello" 0 13 13 0 true false true true false true 3 [ '', ' world, ' ]
// expect: "☃" 27 27 34 -1 true true false false true false 3 [ 'hello world, hello ünïcode ', ' snow ' ]
// expect: "ü" 19 19 19 -1 true false false false false false 2 [ 'hello world, hello ', 'nïcode ☃ snow ☃' ]
// expect: "zz" -1 -1 -1 -1 false false false false false false 1 [ 'hello world, hello ünïcode ☃ snow ☃' ]
// expect: "d" 10 10 24 10 true false false false false false 3 [ 'hello worl', ', hello ünïco' ]
// expect: "snow ☃" 29 29 29 -1 true false false false true false 2 [ 'hello world, hello ünïcode ☃ ', '' ]
// expect: "hello world, hello ünïcode ☃ snow ☃!" -1 -1 -1 -1 false false false false false false 1 [ 'hello world, hello ünïcode ☃ snow ☃' ]
// expect: [ 'abc', 'def', '', 'ghi', '' ] [ 'abc', 'def' ] [
// expect:   'a', 'b', 'c', ',',
// expect:   'd', 'e', 'f', ',',
// expect:   ',', 'g', 'h', 'i',
// expect:   ','
// expect: ] [ 'abc,def,,ghi,' ] [ '' ] [] [ '', '', '', '' ] 2 2 3 1
// expect: [ 'x', 'y', 'z' ] [ 'x☃', '' ] -1

if (true) { function inBlock() { return 'block fn'; } }
console.log(typeof inBlock, inBlock());
function outer() { { function helper() { return 'h'; } } return helper(); }
console.log(outer());
try { console.log(typeof notYet); } catch (e) { console.log(e.message); }
{ function notYet() {} }
console.log(typeof notYet);
let shadow = 1; { function shadow2() {} } console.log(typeof shadow2);

// Expected output (checked against Node v20.20.2):
// expect: function block fn
// expect: h
// expect: undefined
// expect: function
// expect: function

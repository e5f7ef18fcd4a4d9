"use strict";
function f(a, b) { "use strict"; return a + b; }
var o = { "use strict": 1 };
class K { m() { return 1; } }
let t = `\u{1F600}`;
var n = 0o17 + 0b1 + 0x1;

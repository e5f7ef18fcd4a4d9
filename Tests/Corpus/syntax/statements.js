var a, b = 1, c = b;
let d = 1, [e, f] = g, {h, i: j = 2} = k;
const l = 1;
{ let scoped = 1; }
;
if (a) b(); else c();
if (a) { b(); } else if (c) { d(); } else { e(); }
if (a) if (b) c(); else d();
if (a) { if (b) c(); } else d();
for (;;) { break; }
for (var i = 0; i < 10; i++) continue;
for (let i = 0, j = 10; i < j; i++, j--) {}
for (const key in obj) {}
for (var key in obj) {}
for (key in obj) {}
for (a.b in obj) {}
for (const v of list) {}
for (let [x, y] of pairs) {}
for ([a, b] of pairs) {}
for ({a, b} of pairs) {}
for (let of of ofs) {}
for (var v of [1, 2]) ;
while (a) a--;
do a++; while (a < 10)
do { a++; } while (a < 10);
outer: for (;;) { inner: while (true) { break outer; continue inner; } }
block: { break block; }
switch (a) { case 1: b(); break; case 2: case 3: { c(); } default: d(); }
switch (a) {}
try { a(); } catch (e) { b(e); }
try { a(); } catch { b(); }
try { a(); } finally { c(); }
try { a(); } catch ({message}) { } finally { }
throw new Error("x");
debugger;
function f1() { return; }
function f2() { return a + b; }
function f3() { return (
  a); }
a
++b
var asi = 1
var asi2 = 2
let x = a
(b)

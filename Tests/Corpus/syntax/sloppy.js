// Sloppy-mode and Annex B syntax.
var octal = 017, leadingZero = 089, octalEscape = "\101\0\7", eight = "\8";
var let_ = 1; let = 2; var yield = 3; var await = 4; var static = 5;
var implements, interface, package, private, protected, public;
with (obj) { prop = 1; }
label: function labelled() {}
if (a) function annexB() {}
<!-- html comment
var afterHtmlComment = 1;
--> also a comment at line start
x = a-->b;
function dup(a, a) {}
eval = 1; arguments = 2;
delete x;
var async = 1, of = 2, get = 3, set = 4;
async
function notAsync() {}
let
y = 1;

function plain(a, b, c) { return a + b + c; }
function defaults(a = 1, b = a + 1, {c, d} = {}, [e, ...f] = [], ...rest) {}
function* generator() { const x = yield 1; yield* other(); return x; }
async function asyncFn() { const v = await fetch(); for await (const x of stream) {} return v; }
async function* asyncGen() { yield await 1; }
function withArgs() { return arguments.length; }
function nested() { function inner() { return new.target; } return inner; }
function strict() { "use strict"; return this; }
function directives() { 'use asm'; "other"; return 1; }
const arrow1 = x => x * 2;
const arrow2 = (x, y) => { return x + y; };
const arrow3 = ({a, b: [c]}, ...rest) => a + c + rest.length;
const arrow4 = async x => await x;
const arrow5 = () => () => () => 1;
const arrow6 = (a = () => 1, b = async () => 2) => a() + b;
var o = { method() { return super.toString(); }, get prop() { return 1; }, set prop(v) {} };
(function iife() {})();
(() => {})();
!function () {}();
function shadow(a) { var a; { let a; } }
function hoist() { b = 1; var b; function c() {} }

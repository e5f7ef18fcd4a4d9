// ES5-style code: constructor functions, prototype chains, Object.create inheritance.
Function.prototype.inheritsFrom = function (parent) {
  function Inheriter() {}
  Inheriter.prototype = parent.prototype;
  this.prototype = new Inheriter();
  this.superConstructor = parent;
};
function Shape(name) { this.name = name; }
Shape.prototype.describe = function () { return this.name + ' with area ' + this.area().toFixed(1); };
Shape.prototype.area = function () { return 0; };
function Rect(w, h) { Rect.superConstructor.call(this, 'rect'); this.w = w; this.h = h; }
Rect.inheritsFrom(Shape);
Rect.prototype.area = function () { return this.w * this.h; };
function Square(s) { Rect.call(this, s, s); this.name = 'square'; }
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;
var shapes = [new Shape('blob'), new Rect(2, 3), new Square(4)];
for (var i = 0; i < shapes.length; i++) console.log(shapes[i].describe(), shapes[i] instanceof Shape, shapes[i].constructor.name);
console.log(Object.getPrototypeOf(Square.prototype) === Rect.prototype, Square.prototype.isPrototypeOf(shapes[2]));
var counter = (function () { var count = 0; return { inc: function () { return ++count; }, dec: function () { return --count; } }; })();
counter.inc(); counter.inc(); console.log(counter.dec());
var self = this; console.log(typeof self);
var arr = [3, 1, 2]; arr.sort(function (a, b) { return a - b; }); console.log(arr.join());
var o = { a: 1 }; for (var k in o) { if (o.hasOwnProperty(k)) console.log(k, o[k]); }
function Queue() { this.items = []; }
Queue.prototype = { enqueue: function (x) { this.items.push(x); return this; }, dequeue: function () { return this.items.shift(); }, get size() { return this.items.length; } };
var q = new Queue().enqueue(1).enqueue(2); console.log(q.dequeue(), q.size, q.constructor === Object);
var strs = 'a,b,c'.split(','); var joined = ''; for (var j = strs.length - 1; j >= 0; j--) joined += strs[j]; console.log(joined);
console.log(typeof undefinedThing === 'undefined', void 0 === undefined, !!'', !!'0', !!NaN, !![]);
var x = 10; (function () { var x = 20; console.log(x); })(); console.log(x);
console.log([1, 2, 3].map(function (n) { return this.m * n; }, { m: 10 }));
var date = Date.now(); console.log(typeof date, date > 1600000000000);
console.log(Array.prototype.concat.call([1], [2], 3), Object.prototype.toString.call(arguments => 1));
function varargs() { return Array.prototype.slice.call(arguments, 1); } console.log(varargs(1, 2, 3));
var getterObj = {}; Object.defineProperty(getterObj, 'computed', { get: function () { return 42; }, enumerable: false }); console.log(getterObj.computed, Object.keys(getterObj), JSON.stringify(getterObj));

// Expected output (checked against Node v20.20.2):
// expect: blob with area 0.0 true Shape
// expect: rect with area 6.0 true Shape
// expect: square with area 16.0 true Square
// expect: true true
// expect: 1
// expect: object
// expect: 1,2,3
// expect: a 1
// expect: 1 1 true
// expect: cba
// expect: true true false true false true
// expect: 20
// expect: 10
// expect: [ 10, 20, 30 ]
// expect: number true
// expect: [ 1, 2, 3 ] [object Function]
// expect: [ 2, 3 ]
// expect: 42 [] {}

// JSON.stringify of ordinary objects walks their shape: key order, skipped
// members, getters, and objects that change while they are written (a
// toJSON or a getter that adds, deletes or rewrites members of its parent).
const plain = { b: 1, a: "x", c: [1, { d: null }], e: undefined, f() {}, g: Symbol("s"), h: true };
console.log(JSON.stringify(plain), JSON.stringify(plain, null, 2).length);
const withSymbol = { a: 1, [Symbol("k")]: 2, b: 3 };
Object.defineProperty(withSymbol, "hidden", { value: 4, enumerable: false });
Object.defineProperty(withSymbol, "shown", { get() { return this.a + this.b; }, enumerable: true });
console.log(JSON.stringify(withSymbol));

// A member's toJSON deletes a later member and adds one: the keys were taken
// first, so the deleted one is skipped (its Get is undefined) and the added one
// is not written.
const parent = { first: { toJSON() { delete parent.second; parent.added = 9; return "F"; } }, second: 2, third: 3 };
console.log(JSON.stringify(parent), Object.keys(parent).join());
// A toJSON that rewrites a later member's value: the new value is written.
const rewrite = { a: { toJSON() { rewrite.b = "changed"; return 1; } }, b: "original", c: 3 };
console.log(JSON.stringify(rewrite));
// A getter that turns its object into a dictionary (many deletes) part way.
const dict = { k0: 0, k1: { get inner() { for (let i = 2; i < 6; i++) delete dict["k" + i]; dict.k6 = 6; return 1; } }, k2: 2, k3: 3, k4: 4, k5: 5 };
console.log(JSON.stringify(dict));
// Index keys come first, then names in insertion order.
const mixed = { z: 1, 2: "two", a: 2, 0: "zero" };
console.log(JSON.stringify(mixed));
// Class instances, objects made by JSON.parse, and replacers.
class P { constructor() { this.y = 2; this.x = 1; } get sum() { return this.x + this.y; } }
console.log(JSON.stringify(new P()), JSON.stringify(JSON.parse('{"q":1,"p":[2,{"r":3}]}')));
console.log(JSON.stringify(plain, ["h", "b", "zz"]), JSON.stringify(plain, (k, v) => (typeof v === "number" ? v * 10 : v)));
// Many objects of the same shape, some of them mutated by the replacer.
const rows = [];
for (let i = 0; i < 50; i++) rows.push({ id: i, name: "n" + i, tags: i % 3 === 0 ? ["a"] : [] });
let hash = 0;
const text = JSON.stringify(rows, function (k, v) { if (k === "name" && this.id % 7 === 0) { this.tags = "gone"; } return v; });
for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) % 1000000007;
console.log(text.length, hash, text.slice(0, 80));
// Cycles are still found.
const cyclic = { a: 1 }; cyclic.self = { back: cyclic };
try { JSON.stringify(cyclic); } catch (e) { console.log(e.constructor.name, e.message.slice(0, 35)); }

// Expected output (checked against Node v20.20.2):
// expect: {"b":1,"a":"x","c":[1,{"d":null}],"h":true} 86
// expect: {"a":1,"b":3,"shown":4}
// expect: {"first":"F","third":3} first,third,added
// expect: {"a":1,"b":"changed","c":3}
// expect: {"k0":0,"k1":{"inner":1}}
// expect: {"0":"zero","2":"two","z":1,"a":2}
// expect: {"y":2,"x":1} {"q":1,"p":[2,{"r":3}]}
// expect: {"h":true,"b":1} {"b":10,"a":"x","c":[10,{"d":null}],"h":true}
// expect: 1705 69578309 [{"id":0,"name":"n0","tags":"gone"},{"id":1,"name":"n1","tags":[]},{"id":2,"name
// expect: TypeError Converting circular structure to JS

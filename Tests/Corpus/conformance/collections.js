const m = new Map(); m.set('a', 1).set({}, 2).set(NaN, 3).set(0, 'zero');
console.log(m.size, m.get('a'), m.get(NaN), m.get(-0), m.has('b'), m.delete('a'), m.size, [...m.keys()].length);
for (const [k, v] of new Map([['x', 1], ['y', 2]])) console.log(k, v);
new Map([[1, 'one']]).forEach((v, k, map) => console.log(k, v, map.size));
const s = new Set([3, 1, 3, 2]); s.add(1).add(4); console.log(s, s.size, s.has(2), [...s].sort(), [...s.entries()][0]);
s.delete(3); for (const x of s) console.log(x);
const wm = new WeakMap(); const key = {}; wm.set(key, 'v'); console.log(wm.get(key), wm.has({}), wm.delete(key), wm.has(key));
const ws = new WeakSet([key]); console.log(ws.has(key), ws);
try { new WeakMap().set(1, 2); } catch (e) { console.log(e.message); }
try { Map(); } catch (e) { console.log(e.message); }
const big = new Map(); for (let i = 0; i < 1000; i++) big.set('k' + i, i); let sum = 0; for (const v of big.values()) sum += v; console.log(sum, big.get('k999'));
console.log(new Map([[{ a: 1 }, [1, 2]], ['s', new Set(['x'])]]), new Set(), new Map());
const buf = new ArrayBuffer(8); const view = new DataView(buf); view.setInt16(0, -2); view.setFloat32(4, 1.5, true);
console.log(buf.byteLength, view.getInt16(0), view.getUint16(0), view.getFloat32(4, true), view.getUint8(1));
const u8 = new Uint8Array([1, 2, 300, -1]); console.log(u8, u8.length, u8[2], u8[3]);
const f64 = new Float64Array(3); f64[0] = 1.5; f64[1] = Math.PI; console.log(f64, f64.byteLength);
const i32 = Int32Array.from([1, 2, 3]).map(x => x * 2); console.log(i32, i32.reduce((a, b) => a + b), i32.join('-'));
const shared = new Uint8Array(buf, 0, 4); shared[0] = 255; console.log(new Uint8Array(buf)[0], shared.subarray(1, 3).length);
const clamped = new Uint8ClampedArray([300, -5, 1.5]); console.log(clamped);
console.log(Object.prototype.toString.call(new Map()), String(new Set()), typeof Uint8Array, Uint8Array.BYTES_PER_ELEMENT, Float64Array.name);
const sorted = new Int16Array([5, -1, 3]).sort(); console.log(sorted, [...new Uint16Array([1, 2])]);
console.log(JSON.stringify({ date: undefined, fn() {}, n: null, nested: [undefined, () => 1, NaN] }));
console.log(JSON.stringify({ b: 2, a: 1 }, ['a']), JSON.stringify({ x: 1, y: 2 }, (k, v) => k === 'x' ? undefined : v));
console.log(JSON.stringify('he said "hi"\n'), JSON.stringify({ toJSON() { return 'custom'; } }), JSON.stringify([new Map()]));
console.log(JSON.stringify({ a: { b: [1, 2] } }, null, '--'), JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.parse('{"a":[1,2,{"b":null}],"c":"\\u0041"}'), JSON.parse('"x"'), JSON.parse(' 1.5e2 '), JSON.parse('[]'));
console.log(JSON.parse('{"a":1,"b":{"c":2}}', (k, v) => typeof v === 'number' ? v * 10 : v));
try { JSON.parse(''); } catch (e) { console.log(e.message); }
try { JSON.parse('[1,]'); } catch (e) { console.log(e.message); }
try { const o = {}; o.o = o; JSON.stringify(o); } catch (e) { console.log(e.message.split('\n')[0]); }
console.log(Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')), Symbol('x') === Symbol('x'), Symbol.iterator.toString());

// Expected output (checked against Node v20.20.2):
// expect: 4 1 3 zero false true 3 3
// expect: x 1
// expect: y 2
// expect: 1 one 1
// expect: Set(4) { 3, 1, 2, 4 } 4 true [ 1, 2, 3, 4 ] [ 3, 3 ]
// expect: 1
// expect: 2
// expect: 4
// expect: v false true false
// expect: true WeakSet { <items unknown> }
// expect: Invalid value used as weak map key
// expect: Constructor Map requires 'new'
// expect: 499500 999
// expect: Map(2) { { a: 1 } => [ 1, 2 ], 's' => Set(1) { 'x' } } Set(0) {} Map(0) {}
// expect: 8 -2 65534 1.5 254
// expect: Uint8Array(4) [ 1, 2, 44, 255 ] 4 44 255
// expect: Float64Array(3) [ 1.5, 3.141592653589793, 0 ] 24
// expect: Int32Array(3) [ 2, 4, 6 ] 12 2-4-6
// expect: 255 2
// expect: Uint8ClampedArray(3) [ 255, 0, 2 ]
// expect: [object Map] [object Set] function 1 Float64Array
// expect: Int16Array(3) [ -1, 3, 5 ] [ 1, 2 ]
// expect: {"n":null,"nested":[null,null,null]}
// expect: {"a":1} {"y":2}
// expect: "he said \"hi\"\n" "custom" [{}]
// expect: {
// expect: --"a": {
// expect: ----"b": [
// expect: ------1,
// expect: ------2
// expect: ----]
// expect: --}
// expect: } [] {}
// expect: { a: [ 1, 2, { b: null } ], c: 'A' } x 150 []
// expect: { a: 10, b: { c: 20 } }
// expect: Unexpected end of JSON input
// expect: Unexpected token ']', "[1,]" is not valid JSON
// expect: Converting circular structure to JSON
// expect: true app false Symbol(Symbol.iterator)

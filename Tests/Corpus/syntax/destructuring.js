var [a, b] = arr;
var [, second] = arr;
var [first, , third, ...others] = arr;
var {x, y: renamed, z = 3, ['k' + 1]: computed, ...restProps} = obj;
var {nested: {deep: [deepest = 1]}} = obj;
let [[p, q], {r}] = data;
const {length} = "abc";
[a, b] = [b, a];
({a, b} = obj);
({a: obj.prop, b: arr[0], ...obj.rest} = source);
[a = 1, [b = 2] = [], {c} = {}] = list;
[obj.x, arr[1], ...rest.tail] = list;
({ x: [y = 1] = [] } = {});
[...[inner, nested]] = list;
for (const {id, name = "?"} of items) {}
function params({a, b} = {}, [c, d] = [], ...[e, f]) {}
const fn = ({a = 1, ...others}) => a;
try {} catch ([first, second]) {}
({__proto__: a, __proto__: b} = obj);
({ a = 1 } = {});
[{ a = 1 }] = [{}];

console.log(Array.prototype.map.call('hello', (c, i) => { const junk = []; for (let k = 0; k < 50; k++) junk.push({ k }); return c.toUpperCase() + i; }).join(''));
console.log(Array.prototype.filter.call('abcdef', c => { const t = [{}, {}, {}]; return c > 'c'; }));
console.log({ ...'hey' }, Object.assign({}, 'ab'));

// Expected output (checked against Node v20.20.2):
// expect: H0E1L2L3O4
// expect: [ 'd', 'e', 'f' ]
// expect: { '0': 'h', '1': 'e', '2': 'y' } { '0': 'a', '1': 'b' }

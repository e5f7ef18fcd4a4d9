console.log('top');
console.group('Group A');
console.log('inside', { a: 1, b: [1, 2] });
console.group();
console.log('nested\nlines');
console.groupEnd();
console.info('info in A');
console.groupEnd();
console.groupEnd();
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.dir({ d: 1 });
console.log('end');

// Expected output (checked against Node v20.20.2):
// expect: top
// expect: Group A
// expect:   inside { a: 1, b: [ 1, 2 ] }
// expect:     nested
// expect:     lines
// expect:   info in A
// expect: default: 1
// expect: default: 2
// expect: x: 1
// expect: default: 1
// expect: { d: 1 }
// expect: end

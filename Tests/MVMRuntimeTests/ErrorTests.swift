// Error paths: each gives its exact message, with a source location, and
// never crashes the process.
import Testing
import MVMRuntime
import MVMSyntax

/// Runs `source` and returns the message of the exception it throws, caught
/// by the script itself (so the message is the only thing compared).
private func caughtMessage(_ body: String) -> String? {
    let result = run("try { \(body) } catch (e) { console.log(e.name + ': ' + e.message); }")
    return result.stdout.first
}

@Test(arguments: [
    ("null.x", "TypeError: Cannot read properties of null (reading 'x')"),
    ("undefined[0]", "TypeError: Cannot read properties of undefined (reading '0')"),
    ("let u; u.y = 1", "TypeError: Cannot set properties of undefined (setting 'y')"),
    ("missingName", "ReferenceError: missingName is not defined"),
    ("'use strict'; (function(){ 'use strict'; undeclared = 1 })()", "ReferenceError: undeclared is not defined"),
    ("const c = 1; c = 2", "TypeError: Assignment to constant variable."),
    ("let t = t", "ReferenceError: Cannot access 't' before initialization"),
    ("({}).nope()", "TypeError: {}.nope is not a function"),
    ("const o = {a: {}}; o.a.b()", "TypeError: o.a.b is not a function"),
    ("let n = 5; n()", "TypeError: n is not a function"),
    ("new Math.max()", "TypeError: Math.max is not a constructor"),
    ("class K {}; K()", "TypeError: Class constructor K cannot be invoked without 'new'"),
    ("class A extends null { constructor() { super() } }; new A()", "TypeError: Super constructor null of A is not a constructor"),
    ("class D extends Object { constructor() { this.x = 1 } }; new D()", "ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor"),
    ("class E extends Object { constructor() { super(); return 1 } }; new E()", "TypeError: Derived constructors may only return object or undefined"),
    ("class F extends 5 {}", "TypeError: Class extends value 5 is not a constructor or null"),
    ("[].reduce((a, b) => a)", "TypeError: Reduce of empty array with no initial value"),
    ("new Array(-1)", "RangeError: Invalid array length"),
    ("[].length = -1", "RangeError: Invalid array length"),
    ("'x'.repeat(-1)", "RangeError: Invalid count value: -1"),
    ("(1).toFixed(101)", "RangeError: toFixed() digits argument must be between 0 and 100"),
    ("(1).toString(1)", "RangeError: toString() radix must be between 2 and 36"),
    ("Symbol() + ''", "TypeError: Cannot convert a Symbol value to a string"),
    ("Symbol() * 2", "TypeError: Cannot convert a Symbol value to a number"),
    ("new Symbol()", "TypeError: Symbol is not a constructor"),
    ("'a' in 'abc'", "TypeError: Cannot use 'in' operator to search for 'a' in \"abc\""),
    ("({}) instanceof 5", "TypeError: Right-hand side of 'instanceof' is not callable"),
    ("const [a] = 5", "TypeError: 5 is not iterable"),
    ("const {a} = null", "TypeError: Cannot destructure a value that is undefined or null."),
    ("[...{}]", "TypeError: #<Object> is not iterable"),
    ("Object.defineProperty(Object.freeze({a: 1}), 'a', {value: 2})", "TypeError: Cannot redefine property: a"),
    ("Object.defineProperty(1, 'a', {})", "TypeError: Object.defineProperty called on non-object"),
    ("Object.create(5)", "TypeError: Object prototype may only be an Object or null: 5"),
    ("'use strict'; Object.freeze([1]).push(2)", "TypeError: Cannot assign to read only property '1' of object"),
    ("new Map([1])", "TypeError: Iterator value 1 is not an entry object"),
    ("Map()", "TypeError: Constructor Map requires 'new'"),
    ("new WeakMap().set(1, 1)", "TypeError: Invalid value used as weak map key"),
    ("Map.prototype.get.call({}, 1)", "TypeError: Method Map.prototype.get called on incompatible receiver #<Object>"),
    ("JSON.parse('')", "SyntaxError: Unexpected end of JSON input"),
    ("JSON.parse('{x')", "SyntaxError: Expected property name or '}' in JSON at position 1"),
    ("JSON.parse('[1,]')", "SyntaxError: Unexpected token ']', \"[1,]\" is not valid JSON"),
    ("const o = {}; o.o = o; JSON.stringify(o)", "TypeError: Converting circular structure to JSON"),
    ("String.fromCodePoint(-1)", "RangeError: Invalid code point -1"),
    ("new ArrayBuffer(-1)", "RangeError: Array buffer allocation failed"),
    ("new DataView(new ArrayBuffer(2)).getInt32(0)", "RangeError: Offset is outside the bounds of the DataView"),
    ("new Uint8Array(new ArrayBuffer(4), 1, 8)", "RangeError: Invalid typed array length: 8"),
    ("Function('return 1')", "EvalError: Code generation from strings is not supported"),
    ("/x/.test('x')", "SyntaxError: Regular expressions are not supported yet"),
    ("function r() { return r() } r()", "RangeError: Maximum call stack size exceeded"),
    ("[].sort(5)", "TypeError: The comparison function must be either a function or undefined"),
    ("[1].map(3)", "TypeError: 3 is not a function"),
    ("Object.setPrototypeOf(Object.preventExtensions({}), {}).x", "TypeError: Cyclic __proto__ value"),
    ("let s = ''; for (let i = 0; i < 40; i++) s = s + s + 'x'", "RangeError: Invalid string length"),
    ("function* g() {} new g()", "TypeError: g is not a constructor"),
    ("function* g() { yield 1 } const it = g(); it.next.call({})", "TypeError: next method called on incompatible receiver #<Object>"),
    ("function* g() { it.next() } const it = g(); it.next()", "TypeError: Generator is already running"),
    ("class P { #x = 1; static read(o) { return o.#x } }; P.read({})", "TypeError: Cannot read private member #x from an object whose class did not declare it"),
    ("class P { #x; static write(o) { o.#x = 1 } }; P.write([])", "TypeError: Cannot write private member #x to an object whose class did not declare it"),
    ("class P { #m() {} constructor() { this.#m = 1 } }; new P()", "TypeError: Private method '#m' is not writable"),
    ("class P { get #g() { return 1 } constructor() { this.#g = 1 } }; new P()", "TypeError: '#g' was defined without a setter"),
    ("class P { set #s(v) {} constructor() { this.#s } }; new P()", "TypeError: '#s' was defined without a getter"),
    ("class P { #x; static has(o) { return #x in o } }; P.has(1)", "TypeError: Cannot use 'in' operator to search for '#x' in 1"),
    ("class B { constructor(o) { return o } }; class P extends B { #x = 1; constructor(o) { super(o) } }; const o = {}; new P(o); new P(o)", "TypeError: Cannot initialize #x twice on the same object"),
])
func runtimeErrorMessage(_ code: String, _ expected: String) {
    #expect(caughtMessage(code) == expected)
}

@Test func uncaughtExceptionReportsLocationAndStack() {
    let result = run("function f() {\n  null.x;\n}\nf();\n", name: "crash.js")
    #expect(result.failure == """
        crash.js:2
          null.x;
               ^

        TypeError: Cannot read properties of null (reading 'x')
            at f (crash.js:2:8)
            at crash.js:4:1
        """)
}

@Test func uncaughtNonErrorValue() {
    let result = run("console.log('before');\nthrow {code: 42};\n", name: "value.js")
    #expect(result.stdout == ["before"])
    #expect(result.failure == """
        value.js:2
        throw {code: 42};
        ^

        Uncaught { code: 42 }
        """)
}

@Test func outputBeforeAnUncaughtErrorIsKept() {
    let result = run("for (let i = 0; i < 3; i++) console.log(i);\nundefinedFunction();\n", name: "partial.js")
    #expect(result.stdout == ["0", "1", "2"])
    #expect(result.failure?.contains("ReferenceError: undefinedFunction is not defined") == true)
}

@Test(arguments: [
    ("async function* g() {}", "test.js:1:1: SyntaxError: Async generators are not supported yet"),
    ("async function a() {}", "test.js:1:1: SyntaxError: Async functions are not supported yet"),
    ("let b = 10n", "test.js:1:9: SyntaxError: BigInt is not supported yet"),
    ("with (a) {}", "test.js:1:1: SyntaxError: 'with' statements are not supported"),
    ("let x = ;", "test.js:1:9: SyntaxError: Unexpected token ';'"),
])
func compileErrors(_ code: String, _ headline: String) {
    let result = run(code)
    #expect(result.failure?.components(separatedBy: "\n").first == headline)
}

@Test func aModuleRunWithoutAnImporterReportsItsImportsAsNotFound() {
    let result = run("console.log('not reached');\nimport x from 'y';", name: "mod.mjs", goal: .module)
    #expect(result.stdout.isEmpty)
    #expect(result.failure == "mod.mjs:2\nimport x from 'y';\n^\n\nError: Module not found: 'y'\n    at mod.mjs:2:1")
}

@Test func errorStackNamesFunctionsWithLocations() {
    let source = """
        function inner() { throw new Error('deep'); }
        function outer() { inner(); }
        class Thing { constructor() { outer(); } }
        try { new Thing(); } catch (e) { console.log(e.stack); }
        """
    let result = run(source, name: "stack.js")
    #expect(result.stdout == [
        "Error: deep",
        "    at inner (stack.js:1:26)",
        "    at outer (stack.js:2:20)",
        "    at new Thing (stack.js:3:31)",
        "    at stack.js:4:7",
    ])
}

@Test func errorStackHeaderUsesNameSetAfterConstruction() {
    let source = "class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }\nconsole.log(new MyError('x').stack.split('\\n')[0]);"
    #expect(run(source).stdout == ["MyError: x"])
}

@Test func consoleAssertAndErrorGoToStderr() {
    let result = run("console.assert(1 === 1, 'never'); console.assert(false, 'values:', [1], 2); console.error('e', {a: 1}); console.warn('w');")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == ["Assertion failed: values: [ 1 ] 2", "e { a: 1 }", "w"])
}

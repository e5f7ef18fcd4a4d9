@testable import MVMSyntax
import Foundation
import Testing

/// One early error: the source, how it is parsed, and the exact headline.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let source: String
    let goal: Goal
    let expected: String
    init(_ source: String, _ expected: String, module: Bool = false) {
        self.source = source
        self.goal = module ? .module : .script
        self.expected = expected
    }
    var testDescription: String { source }
}

let errorCases: [ErrorCase] = [
    // Lexical errors.
    ErrorCase("var s = 'open", "1:9: SyntaxError: Invalid or unexpected token"),
    ErrorCase("x = 1;\n/* never closed", "2:1: SyntaxError: Unterminated comment"),
    ErrorCase("`abc ${x}", "1:9: SyntaxError: Unterminated template literal"),
    ErrorCase("x = `\\unicode`", "1:6: SyntaxError: Invalid Unicode escape sequence"),
    ErrorCase("x = '\\x4'", "1:6: SyntaxError: Invalid hexadecimal escape sequence"),
    ErrorCase("x = '\\u{110000}'", "1:6: SyntaxError: Invalid Unicode escape sequence"),
    ErrorCase("x = 1_;", "1:6: SyntaxError: Numeric separators are not allowed at the end of numeric literals"),
    ErrorCase("x = 1__0;", "1:7: SyntaxError: Only one underscore is allowed as numeric separator"),
    ErrorCase("x = 0_1;", "1:6: SyntaxError: Numeric separator can not be used after leading 0."),
    ErrorCase("x = 3in y;", "1:6: SyntaxError: Invalid or unexpected token"),
    ErrorCase("x = 0x;", "1:5: SyntaxError: Invalid or unexpected token"),
    ErrorCase("x = 017n;", "1:5: SyntaxError: Invalid BigInt literal"),
    ErrorCase("x = 1.5n;", "1:8: SyntaxError: Invalid or unexpected token"),
    ErrorCase("x = /abc", "1:5: SyntaxError: Invalid regular expression: missing /"),
    ErrorCase("x = /a/gg", "1:5: SyntaxError: Invalid regular expression flags"),
    ErrorCase("x = /a/uv", "1:5: SyntaxError: Invalid regular expression flags"),
    ErrorCase("x = @;", "1:5: SyntaxError: Invalid or unexpected token"),
    ErrorCase("var a\\u0020b;", "1:6: SyntaxError: Invalid Unicode escape sequence"),
    ErrorCase("\\u0069f (x) {}", "1:1: SyntaxError: Keyword must not contain escaped characters"),
    ErrorCase("var café = 1; var 😀 = 2;", "1:19: SyntaxError: Invalid or unexpected token"),
    // Unexpected tokens.
    ErrorCase("let x = ;", "1:9: SyntaxError: Unexpected token ';'"),
    ErrorCase("f(1, 2", "1:7: SyntaxError: Unexpected end of input"),
    ErrorCase("a b", "1:3: SyntaxError: Unexpected identifier 'b'"),
    ErrorCase("x = 1 2", "1:7: SyntaxError: Unexpected number"),
    ErrorCase("x = {a: 1 'b': 2}", "1:11: SyntaxError: Unexpected string"),
    ErrorCase("(a, b,);", "1:7: SyntaxError: Unexpected token ')'"),
    ErrorCase("()", "1:2: SyntaxError: Unexpected token ')'"),
    // Redeclarations.
    ErrorCase("let a; let a;", "1:12: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("let a; var a;", "1:12: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("var a; const a = 1;", "1:14: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("class C {} class C {}", "1:18: SyntaxError: Identifier 'C' has already been declared"),
    ErrorCase("function f(a) { let a; }", "1:21: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("{ let a; { var a; } }", "1:16: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("let f; function f() {}", "1:17: SyntaxError: Identifier 'f' has already been declared"),
    ErrorCase("{ let g; function g() {} }", "1:19: SyntaxError: Identifier 'g' has already been declared"),
    ErrorCase("'use strict'; { function g() {} function g() {} }", "1:42: SyntaxError: Identifier 'g' has already been declared"),
    ErrorCase("function f() {} function f() {}", "1:26: SyntaxError: Identifier 'f' has already been declared", module: true),
    ErrorCase("try {} catch (e) { let e; }", "1:24: SyntaxError: Identifier 'e' has already been declared"),
    ErrorCase("try {} catch ([e]) { var e; }", "1:26: SyntaxError: Identifier 'e' has already been declared"),
    ErrorCase("switch (x) { case 1: let a; case 2: let a; }", "1:41: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("for (let i;;) { var i; }", "1:21: SyntaxError: Identifier 'i' has already been declared"),
    ErrorCase("import a from 'x'; let a;", "1:24: SyntaxError: Identifier 'a' has already been declared", module: true),
    ErrorCase("let [a, a] = b;", "1:9: SyntaxError: Identifier 'a' has already been declared"),
    ErrorCase("let let = 1;", "1:5: SyntaxError: let is disallowed as a lexically bound name"),
    // Control flow.
    ErrorCase("break;", "1:1: SyntaxError: Illegal break statement"),
    ErrorCase("if (x) continue;", "1:8: SyntaxError: Illegal continue statement: no surrounding iteration statement"),
    ErrorCase("a: { continue a; }", "1:6: SyntaxError: Illegal continue statement: 'a' does not denote an iteration statement"),
    ErrorCase("while (1) break nowhere;", "1:17: SyntaxError: Undefined label 'nowhere'"),
    ErrorCase("a: while (1) { function f() { break a; } }", "1:37: SyntaxError: Undefined label 'a'"),
    ErrorCase("a: a: ;", "1:4: SyntaxError: Label 'a' has already been declared"),
    ErrorCase("return 1;", "1:1: SyntaxError: Illegal return statement"),
    ErrorCase("class C { static { return; } }", "1:20: SyntaxError: Illegal return statement"),
    ErrorCase("throw\nnew Error();", "2:1: SyntaxError: Illegal newline after throw"),
    ErrorCase("try {}", "1:7: SyntaxError: Missing catch or finally after try"),
    ErrorCase("switch (x) { default: default: }", "1:23: SyntaxError: More than one default clause in switch statement"),
    // Assignment targets.
    ErrorCase("a + 1 = 2;", "1:1: SyntaxError: Invalid left-hand side in assignment"),
    ErrorCase("1 = 2;", "1:1: SyntaxError: Invalid left-hand side in assignment"),
    ErrorCase("a?.b = 1;", "1:1: SyntaxError: Invalid left-hand side in assignment"),
    ErrorCase("++a++;", "1:3: SyntaxError: Invalid left-hand side expression in prefix operation"),
    ErrorCase("(a + b)++;", "1:2: SyntaxError: Invalid left-hand side expression in postfix operation"),
    ErrorCase("for (a + b of c);", "1:6: SyntaxError: Invalid left-hand side in for-of loop"),
    ErrorCase("for (1 in c);", "1:6: SyntaxError: Invalid left-hand side in for-in loop"),
    ErrorCase("({a}) = 1;", "1:2: SyntaxError: Invalid left-hand side in assignment"),
    ErrorCase("[a + 1] = b;", "1:2: SyntaxError: Invalid destructuring assignment target"),
    ErrorCase("[...a, b] = c;", "1:2: SyntaxError: Rest element must be last element"),
    ErrorCase("'use strict'; f() = 1;", "1:15: SyntaxError: Invalid left-hand side in assignment"),
    ErrorCase("({ a = 1 });", "1:6: SyntaxError: Invalid shorthand property initializer"),
    ErrorCase("x = { __proto__: 1, __proto__: 2 };", "1:21: SyntaxError: Duplicate __proto__ fields are not allowed in object literals"),
    ErrorCase("const a;", "1:8: SyntaxError: Missing initializer in const declaration"),
    ErrorCase("var [a];", "1:8: SyntaxError: Missing initializer in destructuring declaration"),
    ErrorCase("for (let a = 1 of b);", "1:6: SyntaxError: for-of loop variable declaration may not have an initializer."),
    ErrorCase("for (let a, b of c);", "1:6: SyntaxError: Invalid left-hand side in for-of loop: Must have a single binding."),
    ErrorCase("for (async of x);", "1:6: SyntaxError: The left-hand side of a for-of loop may not be 'async'."),
    // await and yield.
    ErrorCase("function* g() { var yield; }", "1:21: SyntaxError: Unexpected identifier 'yield'"),
    ErrorCase("async function f() { var await; }", "1:26: SyntaxError: Unexpected reserved word"),
    ErrorCase("var await;", "1:5: SyntaxError: Unexpected reserved word", module: true),
    ErrorCase("function f() { await x; }", "1:22: SyntaxError: Unexpected identifier 'x'"),
    ErrorCase("async function f(a = await 1) {}", "1:22: SyntaxError: Illegal await-expression in formal parameters of async function"),
    ErrorCase("function* g(a = yield) {}", "1:17: SyntaxError: Yield expression not allowed in formal parameter"),
    ErrorCase("async (a = await 1) => a;", "1:12: SyntaxError: Illegal await-expression in formal parameters of async function", module: true),
    ErrorCase("function* g() { (a = yield) => a; }", "1:22: SyntaxError: Yield expression not allowed in formal parameter"),
    ErrorCase("class C { static { await; } }", "1:20: SyntaxError: Unexpected reserved word"),
    ErrorCase("function f() { for await (x of y); }", "1:20: SyntaxError: Unexpected reserved word"),
    // Strict mode.
    ErrorCase("'use strict'; x = 017;", "1:19: SyntaxError: Octal literals are not allowed in strict mode."),
    ErrorCase("'use strict'; x = 08;", "1:19: SyntaxError: Decimals with leading zeros are not allowed in strict mode."),
    ErrorCase("'use strict'; x = '\\07';", "1:20: SyntaxError: Octal escape sequences are not allowed in strict mode."),
    ErrorCase("'use strict'; x = '\\8';", "1:20: SyntaxError: \\8 and \\9 are not allowed in strict mode."),
    ErrorCase("function f() { '\\01'; 'use strict'; }", "1:17: SyntaxError: Octal escape sequences are not allowed in strict mode."),
    ErrorCase("x = 010;", "1:5: SyntaxError: Octal literals are not allowed in strict mode.", module: true),
    ErrorCase("'use strict'; var eval;", "1:19: SyntaxError: Unexpected eval or arguments in strict mode"),
    ErrorCase("'use strict'; arguments = 1;", "1:15: SyntaxError: Unexpected eval or arguments in strict mode"),
    ErrorCase("function f(eval) { 'use strict'; }", "1:12: SyntaxError: Unexpected eval or arguments in strict mode"),
    ErrorCase("'use strict'; var let;", "1:19: SyntaxError: Unexpected strict mode reserved word"),
    ErrorCase("'use strict'; var implements;", "1:19: SyntaxError: Unexpected strict mode reserved word"),
    ErrorCase("'use strict'; with (x) {}", "1:15: SyntaxError: Strict mode code may not include a with statement"),
    ErrorCase("'use strict'; delete x;", "1:15: SyntaxError: Delete of an unqualified identifier in strict mode."),
    ErrorCase("'use strict'; function f(a, a) {}", "1:29: SyntaxError: Duplicate parameter name not allowed in this context"),
    ErrorCase("function f(a, a) { 'use strict'; }", "1:15: SyntaxError: Duplicate parameter name not allowed in this context"),
    ErrorCase("(a, a) => 1;", "1:5: SyntaxError: Duplicate parameter name not allowed in this context"),
    ErrorCase("function f(a = 1) { 'use strict'; }", "1:21: SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list"),
    ErrorCase("'use strict'; if (x) function f() {}", "1:22: SyntaxError: In strict mode code, functions can only be declared at top level or inside a block."),
    ErrorCase("while (x) function f() {}", "1:11: SyntaxError: In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement."),
    ErrorCase("if (x) let y = 1;", "1:8: SyntaxError: Lexical declaration cannot appear in a single-statement context"),
    ErrorCase("if (x) async function f() {}", "1:8: SyntaxError: Async functions can only be declared at the top level or inside a block."),
    // Operators.
    ErrorCase("x = -a ** 2;", "1:8: SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence"),
    ErrorCase("x = a ?? b || c;", "1:12: SyntaxError: Unexpected token '||'"),
    ErrorCase("x = a && b ?? c;", "1:12: SyntaxError: Unexpected token '??'"),
    ErrorCase("new a?.b();", "1:6: SyntaxError: Invalid optional chain from new expression"),
    ErrorCase("a?.b`t`;", "1:5: SyntaxError: Invalid tagged template on optional chain"),
    ErrorCase("x = a => {} + 1;", "1:13: SyntaxError: Unexpected token '+'"),
    // Functions, classes, modules.
    ErrorCase("(...a, b) => 1;", "1:6: SyntaxError: Rest parameter must be last formal parameter"),
    ErrorCase("function f(...a = 1) {}", "1:17: SyntaxError: Rest parameter may not have a default initializer"),
    ErrorCase("x = { get a(b) {} };", "1:14: SyntaxError: Getter must not have any formal parameters."),
    ErrorCase("x = { set a() {} };", "1:13: SyntaxError: Setter must have exactly one formal parameter."),
    ErrorCase("new.target;", "1:1: SyntaxError: new.target expression is not allowed here"),
    ErrorCase("super.x;", "1:1: SyntaxError: 'super' keyword unexpected here"),
    ErrorCase("class A { m() { super(); } }", "1:17: SyntaxError: 'super' keyword unexpected here"),
    ErrorCase("class A { constructor() {} constructor() {} }", "1:28: SyntaxError: A class may only have one constructor"),
    ErrorCase("class A { get constructor() {} }", "1:15: SyntaxError: Class constructor may not be an accessor"),
    ErrorCase("class A { *constructor() {} }", "1:12: SyntaxError: Class constructor may not be a generator"),
    ErrorCase("class A { async constructor() {} }", "1:17: SyntaxError: Class constructor may not be an async method"),
    ErrorCase("class A { constructor = 1 }", "1:11: SyntaxError: Classes may not have a field named 'constructor'"),
    ErrorCase("class A { static prototype() {} }", "1:18: SyntaxError: Classes may not have a static property named 'prototype'"),
    ErrorCase("class A { #a; #a; }", "1:15: SyntaxError: Identifier '#a' has already been declared"),
    ErrorCase("class A { #constructor; }", "1:11: SyntaxError: Classes may not have a private field named '#constructor'"),
    ErrorCase("class A { m() { this.#b; } }", "1:22: SyntaxError: Private field '#b' must be declared in an enclosing class"),
    ErrorCase("this.#x;", "1:6: SyntaxError: Private field '#x' must be declared in an enclosing class"),
    ErrorCase("class A { #x; m() { delete this.#x; } }", "1:28: SyntaxError: Private fields can not be deleted"),
    ErrorCase("class A { x = arguments; }", "1:15: SyntaxError: 'arguments' is not allowed in class field initializer or static initialization block"),
    ErrorCase("import.meta;", "1:1: SyntaxError: Cannot use 'import.meta' outside a module"),
    ErrorCase("function f() { import x from 'y'; }", "1:16: SyntaxError: Unexpected token 'import'", module: true),
    ErrorCase("export { a };", "1:10: SyntaxError: Export 'a' is not defined in module", module: true),
    ErrorCase("var a; export { a, a };", "1:20: SyntaxError: Duplicate export of 'a'", module: true),
    ErrorCase("export default 1; export default 2;", "1:26: SyntaxError: Duplicate export of 'default'", module: true),
    ErrorCase("export { default };", "1:10: SyntaxError: Unexpected reserved word", module: true),
    ErrorCase("with (x) {}", "1:1: SyntaxError: Strict mode code may not include a with statement", module: true),
]

@Test(arguments: errorCases)
func earlyErrorHasExactMessageAndPosition(_ testCase: ErrorCase) {
    #expect(syntaxError(testCase.source, as: testCase.goal) == "test.js:" + testCase.expected)
}

@Test(arguments: ["(", "[", "{", "x = {a:", "f(", "!", "-", "a = b = ", "`${"])
func deepNestingIsAnErrorNotACrash(_ opener: String) {
    let count = 100_000
    let closer: String
    switch opener {
    case "(": closer = ")"
    case "[": closer = "]"
    case "{": closer = "}"
    case "x = {a:": closer = "}"
    case "f(": closer = ")"
    case "`${": closer = "}`"
    default: closer = ""
    }
    let text = String(repeating: opener, count: count) + "1" + String(repeating: closer, count: count)
    let error = syntaxError(text)
    #expect(error?.hasSuffix("SyntaxError: Too much nesting: nesting too deep") == true, "\(error ?? "no error")")
}

@Test func longOperatorAndMemberChainsAreBounded() {
    let sum = (0..<100_000).map { _ in "a" }.joined(separator: " + ")
    #expect(syntaxError(sum)?.hasSuffix("nesting too deep") == true)
    let chain = "a" + String(repeating: ".b", count: 100_000)
    #expect(syntaxError(chain)?.hasSuffix("nesting too deep") == true)
    let calls = "f" + String(repeating: "()", count: 100_000)
    #expect(syntaxError(calls)?.hasSuffix("nesting too deep") == true)
    // Realistic depths parse.
    let moderate = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
    #expect(syntaxError(moderate) == nil)
    let longSum = (0..<500).map { "a\($0)" }.joined(separator: " + ")
    #expect(syntaxError(longSum) == nil)
    let manyStatements = String(repeating: "x = x + 1;\n", count: 50_000)
    #expect(syntaxError(manyStatements) == nil, "statement lists are flat, not nested")
}

@Test func deepNestingFailsCleanlyOnASmallThreadStack() throws {
    // Swift concurrency threads have about 512 KB of stack; the stack guard
    // must stop the parser there before it overflows.
    let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 256 * 1024)
    final class Box: @unchecked Sendable { var result: String? = "not run"; let text: String; init(_ t: String) { text = t } }
    let box = Box(text)
    var thread = pthread_t()
    let started = pthread_create(&thread, &attributes, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeUnretainedValue()
        box.result = syntaxError(box.text)
        return nil
    }, Unmanaged.passUnretained(box).toOpaque())
    #expect(started == 0)
    pthread_join(thread, nil)
    #expect(box.result?.hasSuffix("nesting too deep") == true, "\(box.result ?? "parsed")")
}

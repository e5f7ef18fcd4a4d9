@testable import MVMSyntax
import Testing

@Test func precedenceAndAssociativity() {
    #expect(dumpOrError("a + b * c") == """
    Program script
      ExpressionStatement
        Binary add
          Identifier a
          Binary multiply
            Identifier b
            Identifier c

    """)
    #expect(dumpOrError("a ** b ** c").contains("""
        Binary exponent
          Identifier a
          Binary exponent
    """))
    #expect(dumpOrError("a - b - c").contains("""
        Binary subtract
          Binary subtract
            Identifier a
    """))
    #expect(dumpOrError("a = b ? c : d ? e : f").contains("""
          Conditional
            Identifier b
            Identifier c
            Conditional
    """))
}

@Test func automaticSemicolonInsertion() {
    #expect(dumpOrError("a\n++b") == dumpOrError("a; ++b;"))
    #expect(dumpOrError("return\na", as: .script).hasPrefix("error"), "return outside a function")
    #expect(dumpOrError("function f() { return\na }") == dumpOrError("function f() { return; a; }"))
    #expect(dumpOrError("let x = a\n(b)") == dumpOrError("let x = a(b);"))
    #expect(dumpOrError("do x; while (y) z") == dumpOrError("do x; while (y); z;"))
    #expect(dumpOrError("a\n/b/g") == dumpOrError("a / b / g;"))
    #expect(dumpOrError("x\n=>1").hasPrefix("error"))
    #expect(dumpOrError("async\nfunction f() {}") == dumpOrError("async; function f() {}"))
    #expect(dumpOrError("let\nx = 1") == dumpOrError("let x = 1"))
    #expect(dumpOrError("{ 1\n2 } 3") == dumpOrError("{ 1; 2; } 3;"))
}

@Test func optionalChainsHaveABoundary() {
    let chain = dumpOrError("(a?.b).c")
    #expect(chain.contains("""
        Member .c
          OptionalChain
            Member optional .b
    """))
    #expect(dumpOrError("a?.b.c").contains("""
        OptionalChain
          Member .c
            Member optional .b
    """))
}

@Test func arrowsAndCoverGrammars() {
    #expect(dumpOrError("(a, [b], {c = 1}, ...d) => 0").contains("ArrowFunction [arrow]"))
    #expect(dumpOrError("[a, {b: c.d}] = e").contains("ArrayPattern"))
    #expect(dumpOrError("async (x) => x").contains("ArrowFunction [async arrow]"))
    #expect(dumpOrError("async(x)").contains("Call"))
    #expect(dumpOrError("({a = 1})") == "error: test.js:1:5: SyntaxError: Invalid shorthand property initializer")
    #expect(dumpOrError("({a = 1}) => a").contains("ArrowFunction"))
}

@Test func letIsContextual() {
    #expect(dumpOrError("let = 1; x = let[0]").contains("Identifier let"))
    #expect(dumpOrError("let[0] = 2").hasPrefix("error"), "`let [` at statement start is a declaration")
    #expect(dumpOrError("let [a] = b").contains("VariableDeclaration let"))
    #expect(dumpOrError("for (let in x);").contains("ForIn"))
}

@Test func everyNodeHasASourcePosition() throws {
    let ast = try Parser.parse("function f(a) {\n  return a.b + `x${a}`;\n}\nclass C { m() {} }", fileName: "pos.js")
    #expect(ast.nodes.count == ast.locs.count)
    for loc in ast.locs { #expect(loc.line >= 1 && loc.column >= 1) }
    #expect(ast.dump().contains("Return @2:3"))
    #expect(ast.dump().contains("Member .b @2:10"))
    #expect(ast.sourceText(of: FunctionID(index: 0)) == "function f(a) {\n  return a.b + `x${a}`;\n}")
}

@Test func modulesParseAndScriptsRefuseModuleSyntax() {
    #expect(dumpOrError("import x from 'y'; export { x };", as: .module).contains("ExportNamed"))
    #expect(syntaxError("import x from 'y';") == "test.js:1:1: SyntaxError: Cannot use import statement outside a module")
    #expect(syntaxError("export var x;") == "test.js:1:1: SyntaxError: Unexpected token 'export'")
    #expect(dumpOrError("await 1", as: .module).contains("Await"))
    #expect(dumpOrError("await(1)").contains("Call"), "await is an identifier in scripts")
}

@Test func directivesMakeCodeStrict() throws {
    #expect(try Parser.parse("'use strict'; var x").isStrict)
    #expect(try !Parser.parse("('use strict'); var x").isStrict)
    #expect(try !Parser.parse("'use\\x20strict'; var x").isStrict)
    #expect(try Parser.parse("var x", as: .module).isStrict)
}

@Test func syntaxErrorsPrintWithTheLineAndACaret() {
    do {
        _ = try Parser.parse("let a = 1;\nlet b = (1 +;\n", fileName: "broken.js")
        Issue.record("expected an error")
    } catch {
        #expect(error.description == "broken.js:2:13: SyntaxError: Unexpected token ';'\nlet b = (1 +;\n            ^")
    }
}

@Test func longLinesAreCutAroundTheCaret() {
    let line = "x = [" + String(repeating: "1,", count: 4_998) + " ) " + String(repeating: ",2", count: 5_000)
    do {
        _ = try Parser.parse(line, fileName: "min.js")
        Issue.record("expected an error")
    } catch {
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "min.js:1:10003: SyntaxError: Unexpected token ')'")
        #expect(lines[1].hasPrefix("...") && lines[1].hasSuffix("..."))
        #expect(lines[1].count < 200)
        let caretColumn = lines[2].count - 1
        #expect(Array(lines[1])[caretColumn] == ")", "the caret stands under the offending token")
    }
}

@testable import MVMSyntax
import Foundation
import Testing

/// Parse each corpus file, print it as canonical source, parse that again,
/// and compare the two trees (positions aside).
@Test(arguments: corpusFiles("syntax"))
func corpusRoundTripsThroughThePrinter(_ file: URL) throws {
    let goal: Goal = file.pathExtension == "mjs" ? .module : .script
    let text = try String(contentsOf: file, encoding: .utf8)
    let original = try Parser.parse(text, fileName: file.lastPathComponent, as: goal)
    let printed = original.printedSource()
    let reparsed: AST
    do {
        reparsed = try Parser.parse(printed, fileName: "printed-" + file.lastPathComponent, as: goal)
    } catch {
        Issue.record("printed source does not parse: \(error)\n\(printed)")
        return
    }
    #expect(original.dump(locations: false) == reparsed.dump(locations: false))
    // Printing is canonical: a second round gives the same text.
    #expect(reparsed.printedSource() == printed)
}

@Test func corpusCoversEveryNodeKind() throws {
    var seen = Set<String>()
    for file in corpusFiles("syntax") {
        let goal: Goal = file.pathExtension == "mjs" ? .module : .script
        let ast = try Parser.parse(try String(contentsOf: file, encoding: .utf8), fileName: file.lastPathComponent, as: goal)
        for node in ast.nodes {
            seen.insert(String(describing: node).prefix { $0 != "(" }.description)
        }
    }
    let all = ["variableDeclaration", "variableDeclarator", "functionDeclaration", "classDeclaration",
               "expressionStatement", "directive", "block", "empty", "debugger", "ifStatement", "forStatement",
               "forIn", "forOf", "whileStatement", "doWhile", "continueStatement", "breakStatement",
               "returnStatement", "throwStatement", "tryStatement", "switchStatement", "switchCase", "labeled",
               "withStatement", "importDeclaration", "importSpecifier", "importDefault", "importNamespace",
               "exportNamed", "exportSpecifier", "exportAll", "exportDefault", "exportDeclaration", "identifier",
               "number", "string", "bigint", "regexp", "null", "boolean", "this", "superExpression", "template",
               "templateElement", "taggedTemplate", "array", "hole", "object", "property", "functionExpression",
               "arrowFunction", "classExpression", "unary", "update", "binary", "logical", "assignment",
               "conditional", "call", "new", "member", "computedMember", "privateMember", "optionalChain",
               "sequence", "spread", "yield", "await", "newTarget", "importMeta", "importCall", "privateIn",
               "privateName", "objectPattern", "arrayPattern", "assignmentPattern", "rest", "method", "field",
               "staticBlock"]
    #expect(Set(all).subtracting(seen).sorted() == [])
}

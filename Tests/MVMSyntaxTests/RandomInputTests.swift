@testable import MVMSyntax
import Foundation
import Testing

/// A small deterministic generator, so a failure reproduces from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The parser must return, with a tree or a SyntaxError, for any input.
/// Both results are acceptable; a crash or a hang fails the whole run.
private func parseReturns(_ text: String, as goal: Goal) -> Bool {
    do {
        _ = try Parser.parse(text, fileName: "fuzz.js", as: goal)
        return true
    } catch {
        return error.loc.line >= 1 && error.loc.column >= 1 && !error.message.isEmpty
    }
}

private let fragments = [
    "(", ")", "[", "]", "{", "}", ";", ",", ".", "...", "?.", "?", ":", "=>", "=", "+=", "**", "??", "&&",
    "||", "!", "~", "++", "--", "+", "-", "*", "/", "%", "<", ">>", "`", "${", "'", "\"", "\\", "#", "@",
    "a", "b", "x1", "let", "var", "const", "function", "class", "async", "await", "yield", "static", "get",
    "set", "if", "else", "for", "of", "in", "while", "do", "return", "break", "continue", "new", "super",
    "this", "import", "export", "default", "from", "as", "try", "catch", "finally", "switch", "case",
    "0", "1.5", "0x1f", "1n", "1_0", "/re/g", "\n", " ", "\t", "é", "😀", "\u{2028}", "//", "/*", "*/",
]

@Test func randomTokenSoupAlwaysReturns() {
    var random = SplitMix64(state: 0x5EED)
    for round in 0..<3_000 {
        let length = Int.random(in: 1...40, using: &random)
        var text = ""
        for _ in 0..<length { text += fragments.randomElement(using: &random)! + (Bool.random(using: &random) ? " " : "") }
        #expect(parseReturns(text, as: round % 2 == 0 ? .script : .module), "input: \(text.debugDescription)")
    }
}

@Test func randomBytesAlwaysReturn() {
    var random = SplitMix64(state: 0xB17E5)
    for _ in 0..<2_000 {
        let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let source = SourceFile(name: "bytes.js", bytes: bytes)
        let returned: Bool
        do { _ = try Parser.parse(source); returned = true } catch { returned = error.loc.line >= 1 }
        #expect(returned)
    }
}

@Test func mutatedCorpusFilesAlwaysReturn() throws {
    var random = SplitMix64(state: 0xC0FFEE)
    let files = corpusFiles("syntax")
    #expect(!files.isEmpty)
    for file in files {
        let original = Array(try String(contentsOf: file, encoding: .utf8).utf8)
        let goal: Goal = file.pathExtension == "mjs" ? .module : .script
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0..<max(bytes.count, 1), using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !bytes.isEmpty: bytes.remove(at: position)
                case 1: bytes.insert(Array(fragments.randomElement(using: &random)!.utf8)[0], at: min(position, bytes.count))
                case 2 where !bytes.isEmpty:
                    // Move a slice: duplicates and truncates structure.
                    let end = min(bytes.count, position + Int.random(in: 1...30, using: &random))
                    let slice = bytes[position..<end]
                    bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &random))
                default: if !bytes.isEmpty { bytes = Array(bytes[..<position]) }
                }
            }
            let source = SourceFile(name: file.lastPathComponent, bytes: bytes)
            let returned: Bool
            do { _ = try Parser.parse(source, as: goal); returned = true } catch { returned = error.loc.line >= 1 }
            #expect(returned, "mutation of \(file.lastPathComponent)")
        }
    }
}

@Test func printedSourceOfRandomValidProgramsReparses() {
    // Programs that parse must print as source that parses to the same tree.
    var random = SplitMix64(state: 0xABCD)
    var checked = 0
    for _ in 0..<4_000 {
        var text = ""
        for _ in 0..<Int.random(in: 1...12, using: &random) { text += fragments.randomElement(using: &random)! + " " }
        guard let ast = try? Parser.parse(text, fileName: "r.js") else { continue }
        checked += 1
        let printed = ast.printedSource()
        let again = try? Parser.parse(printed, fileName: "p.js")
        #expect(again?.dump(locations: false) == ast.dump(locations: false), "\(text.debugDescription) printed as \(printed.debugDescription)")
    }
    #expect(checked > 50)
}

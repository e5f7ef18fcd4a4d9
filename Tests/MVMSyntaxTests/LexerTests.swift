@testable import MVMSyntax
import Testing

/// Lexes `text` as a script, returning each token's kind, with the parser's
/// help for nothing: `/` stays a division token here.
private func tokens(_ text: String) throws -> [Token] {
    let source = SourceFile(name: "lex.js", text: text)
    return try source.storage.withUnsafeBufferPointer { buffer in
        var lexer = Lexer(text: buffer.baseAddress!, file: source, isModule: false)
        var result: [Token] = []
        repeat {
            try lexer.next()
            result.append(lexer.token)
        } while lexer.token.kind != .eof
        return result
    }
}

private func kinds(_ text: String) throws -> [TokenKind] { try tokens(text).map(\.kind) }

private func number(_ text: String) throws -> Double {
    let all = try tokens(text)
    #expect(all.count == 2, "one token expected in \(text)")
    return all[0].number
}

@Test func punctuatorsUseMaximalMunch() throws {
    #expect(try kinds(">>>= >>> >>= >> >= > ") == [.shiftRightUnsignedAssign, .shiftRightUnsigned, .shiftRightAssign, .shiftRight, .greaterEqual, .greater, .eof])
    #expect(try kinds("a?.b ?? c ??= d") == [.identifier, .questionDot, .identifier, .questionQuestion, .identifier, .questionQuestionAssign, .identifier, .eof])
    #expect(try kinds("a?.5:1") == [.identifier, .question, .number, .colon, .number, .eof])
    #expect(try kinds("... . => ** **= &&= ||=") == [.ellipsis, .dot, .arrow, .starStar, .starStarAssign, .ampersandAmpersandAssign, .barBarAssign, .eof])
}

@Test func keywordsAndIdentifiers() throws {
    let all = try tokens("if iff let async \\u0069f café")
    #expect(all.map(\.kind) == [.kwIf, .identifier, .identifier, .identifier, .identifier, .identifier, .eof])
    #expect(all[4].escaped, "an escaped keyword is an identifier token marked escaped")
    #expect(all[4].name.isReservedWord)
}

@Test func numericLiteralValues() throws {
    #expect(try number("0") == 0)
    #expect(try number("42") == 42)
    #expect(try number("3.25") == 3.25)
    #expect(try number(".5") == 0.5)
    #expect(try number("5.") == 5)
    #expect(try number("1e3") == 1000)
    #expect(try number("2.5E-3") == 0.0025)
    #expect(try number("0x1F") == 31)
    #expect(try number("0o17") == 15)
    #expect(try number("0b101") == 5)
    #expect(try number("017") == 15, "legacy octal")
    #expect(try number("089") == 89, "leading zero decimal")
    #expect(try number("1_000_000") == 1_000_000)
    #expect(try number("0.1") == 0.1)
    #expect(try number("9007199254740993") == 9007199254740992, "rounds to nearest even")
    #expect(try number("0x20000000000001") == 9007199254740992, "hex rounds to nearest even")
    #expect(try number("0x20000000000003") == 9007199254740996)
    #expect(try number("0x1fffffffffffff800") == 36893488147419103232, "hex beyond 64 bits")
    #expect(try number("1e400") == .infinity)
    #expect(try number("5e-324") == 5e-324)
    #expect(try number("123456789012345678901234567890") == 1.2345678901234568e29)
}

@Test func bigintLiteralsKeepTheirDigits() throws {
    let all = try tokens("123n 0x1Fn 1_000n")
    #expect(all.map(\.kind) == [.bigint, .bigint, .bigint, .eof])
    let ast = try Parser.parse("x = [123n, 0X1Fn, 1_000n]")
    #expect(ast.dump(locations: false).contains("BigInt 123n"))
    #expect(ast.dump(locations: false).contains("BigInt 0x1Fn"))
    #expect(ast.dump(locations: false).contains("BigInt 1000n"))
}

@Test func stringEscapesProduceUTF16() throws {
    func value(_ literal: String) throws -> [UInt16] {
        let ast = try Parser.parse("x = \(literal)")
        for node in ast.nodes { if case .string(let name) = node { return Array(ast.names[name]) } }
        return []
    }
    #expect(try value(#""a\tb""#) == [0x61, 0x09, 0x62])
    #expect(try value(#""\x41\u0042\u{43}""#) == [0x41, 0x42, 0x43])
    #expect(try value(#""\u{1F600}""#) == [0xD83D, 0xDE00])
    #expect(try value("\"😀\"") == [0xD83D, 0xDE00])
    #expect(try value(#""\uD800""#) == [0xD800], "lone surrogates survive")
    #expect(try value(#""\101\0\7""#) == [0x41, 0, 7], "legacy octal escapes")
    #expect(try value("\"a\\\nb\"") == [0x61, 0x62], "line continuation")
    #expect(try value(#""\q""#) == [0x71])
}

@Test func templatesKeepCookedAndRawValues() throws {
    let ast = try Parser.parse("t`a\\n${x}\\unicode` + `\r\n`")
    let dump = ast.dump(locations: false)
    #expect(dump.contains(#"TemplateElement cooked="a\n" raw="a\\n""#))
    #expect(dump.contains(#"TemplateElement cooked=<none> raw="\\unicode""#), "invalid escape in a tagged template")
    #expect(dump.contains(#"TemplateElement cooked="\n" raw="\n""#), "CRLF reads as LF")
}

@Test func regexVersusDivisionFollowsTheGrammar() throws {
    let dump = try Parser.parse("a = b / c / d; e = /c/g; f = x++ / 2; g = (y) / /z/i").dump(locations: false)
    #expect(dump.contains("RegExp /c/g"))
    #expect(dump.contains("RegExp /z/i"))
    #expect(dump.components(separatedBy: "Binary divide").count == 5)
    let classes = try Parser.parse(#"r = /[/]\//"#).dump(locations: false)
    #expect(classes.contains(#"RegExp /[/]\//"#))
}

@Test func positionsCountLinesAndUTF16Columns() throws {
    let ast = try Parser.parse("a\n  bb\r\n\tc /*\n*/ d\u{2028}e; 'é😀'; f")
    let locs = ast.dump().split(separator: "\n").filter { $0.contains("Identifier") }.map { String($0.split(separator: "@").last!) }
    #expect(locs == ["1:1", "2:3", "3:2", "4:4", "5:1", "5:11"])
}

@Test func lineTerminatorsSetNewlineBefore() throws {
    let all = try tokens("a\nb c\u{2029}d /*\n*/ e /* */ f")
    #expect(all.map(\.newlineBefore) == [false, true, false, true, true, false, false])
}

@Test func commentsAndHashbangAreSkipped() throws {
    #expect(try kinds("#!/usr/bin/env node\na // x\n/* y */ b") == [.identifier, .identifier, .eof])
    #expect(try kinds("<!-- html\na\n--> also\nb") == [.identifier, .identifier, .eof])
}

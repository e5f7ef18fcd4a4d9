// The lexer: UTF-8 bytes in, tokens out.
//
// It reads a NUL-terminated byte buffer through a raw pointer, so looking one or
// two bytes ahead never needs a bounds check (the NUL stops every scan loop, and
// `pos < length` tells a real NUL from the end). The parser drives it one token
// at a time and tells it when a `/` starts a regular expression and when a `}`
// resumes a template, which only the grammar knows.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part of the lexer's state that `peek` saves and restores.
struct LexerPosition {
    var pos: Int
    var line: Int
    var lineStart: Int
    var lineHasNonASCII: Bool
    var token: Token
}

struct Lexer {
    let text: UnsafePointer<UInt8>
    let length: Int
    let file: SourceFile
    let isModule: Bool
    var names = NameTable()

    var pos = 0
    var line = 1
    var lineStart = 0
    /// The current line holds a non-ASCII byte before `pos`, so a column must be
    /// counted in UTF-16 units rather than taken as a byte difference.
    var lineHasNonASCII = false
    private var columnCacheOffset = 0
    private var columnCacheValue = 1
    var token = Token()
    /// UTF-16 scratch space for strings, templates and identifiers with escapes.
    private var units: [UInt16] = []
    private var rawUnits: [UInt16] = []

    init(text: UnsafePointer<UInt8>, file: SourceFile, isModule: Bool) {
        self.text = text
        self.length = file.byteCount
        self.file = file
        self.isModule = isModule
        units.reserveCapacity(256)
    }

    var position: LexerPosition {
        LexerPosition(pos: pos, line: line, lineStart: lineStart, lineHasNonASCII: lineHasNonASCII, token: token)
    }

    mutating func restore(_ saved: LexerPosition) {
        pos = saved.pos
        line = saved.line
        lineStart = saved.lineStart
        lineHasNonASCII = saved.lineHasNonASCII
        token = saved.token
    }

    // MARK: Positions and errors

    /// Line and UTF-16 column of `offset`, which lies on the current line at or
    /// after `lineStart`. ASCII lines take the byte difference; other lines count
    /// forward from a cached point, which keeps long minified lines linear.
    @inline(__always) mutating func loc(at offset: Int) -> SourceLoc {
        if !lineHasNonASCII {
            return SourceLoc(offset: UInt32(offset), line: UInt32(line), column: UInt32(offset - lineStart + 1))
        }
        return slowLoc(at: offset)
    }

    @inline(never) private mutating func slowLoc(at offset: Int) -> SourceLoc {
        if columnCacheOffset < lineStart || columnCacheOffset > offset {
            columnCacheOffset = lineStart
            columnCacheValue = 1
        }
        columnCacheValue += Lexer.utf16Count(text, from: columnCacheOffset, to: offset)
        columnCacheOffset = offset
        return SourceLoc(offset: UInt32(offset), line: UInt32(line), column: UInt32(columnCacheValue))
    }

    /// UTF-16 units encoded by the UTF-8 bytes in `from..<to`.
    static func utf16Count(_ text: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            let byte = text[i]
            if byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
            i += 1
        }
        return count
    }

    /// Line and column of any offset, counted from the start of the file. Only
    /// errors use it, so it favours simplicity over speed.
    func locFromStart(_ offset: Int) -> SourceLoc {
        var line = 1
        var start = 0
        var i = 0
        let end = min(offset, length)
        while i < end {
            let byte = text[i]
            if byte == 0x0A || (byte == 0x0D && text[i + 1] != 0x0A) {
                line += 1
                start = i + 1
            } else if byte == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) && i + 3 <= end {
                line += 1
                start = i + 3
                i += 2
            }
            i += 1
        }
        let column = Lexer.utf16Count(text, from: start, to: end) + 1
        return SourceLoc(offset: UInt32(offset), line: UInt32(line), column: UInt32(column))
    }

    func error(_ message: String, at offset: Int) -> SyntaxError {
        SyntaxError(message: message, fileName: file.name, loc: locFromStart(offset),
                    lineText: file.lineText(containing: offset))
    }

    // MARK: Trivia

    @inline(__always) private mutating func newline() {
        line += 1
        lineStart = pos
        lineHasNonASCII = false
        token.newlineBefore = true
    }

    /// Skips white space and comments, noting line terminators for ASI.
    private mutating func skipTrivia() throws(SyntaxError) {
        while true {
            let byte = text[pos]
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C:
                pos += 1
            case 0x0A:
                pos += 1
                newline()
            case 0x0D:
                pos += 1
                if text[pos] == 0x0A { pos += 1 }
                newline()
            case UInt8(ascii: "/"):
                if text[pos + 1] == UInt8(ascii: "/") {
                    skipLineComment(from: pos + 2)
                } else if text[pos + 1] == UInt8(ascii: "*") {
                    try skipBlockComment()
                } else {
                    return
                }
            case UInt8(ascii: "<") where !isModule:
                // Annex B: `<!--` starts a single-line comment in scripts.
                guard text[pos + 1] == UInt8(ascii: "!"), text[pos + 2] == UInt8(ascii: "-"),
                      text[pos + 3] == UInt8(ascii: "-") else { return }
                skipLineComment(from: pos + 4)
            case UInt8(ascii: "-") where !isModule:
                // Annex B: `-->` at the start of a line starts a single-line comment.
                guard (token.newlineBefore || token.kind == .eof && token.start == 0),
                      text[pos + 1] == UInt8(ascii: "-"), text[pos + 2] == UInt8(ascii: ">") else { return }
                skipLineComment(from: pos + 3)
            case UInt8(ascii: "#") where pos == 0:
                // A `#!` line at the very start (hashbang).
                guard text[1] == UInt8(ascii: "!") else { return }
                skipLineComment(from: 2)
            case 0x80...:
                let (scalar, size) = decode(at: pos)
                if Lexer.isLineTerminator(scalar) {
                    pos += size
                    newline()
                } else if Lexer.isWhiteSpace(scalar) {
                    lineHasNonASCII = true
                    pos += size
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    /// Skips to the end of the line, leaving the terminator for `skipTrivia`.
    private mutating func skipLineComment(from start: Int) {
        var i = start
        while true {
            let byte = text[i]
            if byte == 0x0A || byte == 0x0D || (byte == 0 && i >= length) { break }
            if byte >= 0x80 {
                if byte == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) { break }
                lineHasNonASCII = true
            }
            i += 1
        }
        pos = i
    }

    private mutating func skipBlockComment() throws(SyntaxError) {
        let start = pos
        pos += 2
        while true {
            let byte = text[pos]
            switch byte {
            case UInt8(ascii: "*") where text[pos + 1] == UInt8(ascii: "/"):
                pos += 2
                return
            case 0x0A:
                pos += 1
                newline()
            case 0x0D:
                pos += 1
                if text[pos] == 0x0A { pos += 1 }
                newline()
            case 0 where pos >= length:
                throw error("Unterminated comment", at: start)
            case 0x80...:
                let (scalar, size) = decode(at: pos)
                pos += size
                if Lexer.isLineTerminator(scalar) { newline() } else { lineHasNonASCII = true }
            default:
                pos += 1
            }
        }
    }

    // MARK: Tokens

    /// Reads the next token into `token`.
    mutating func next() throws(SyntaxError) {
        token.newlineBefore = false
        try skipTrivia()
        let start = pos
        token.start = start
        token.loc = loc(at: start)
        token.escaped = false
        token.legacyOctalOffset = -1
        let byte = text[pos]
        let kind: TokenKind
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "$"), UInt8(ascii: "_"), UInt8(ascii: "\\"):
            kind = try scanIdentifierOrKeyword()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = try scanNumber()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            kind = try scanString(quote: byte)
        case UInt8(ascii: "`"):
            pos += 1
            kind = try scanTemplate(opening: start)
        case UInt8(ascii: "{"): pos += 1; kind = .leftBrace
        case UInt8(ascii: "}"): pos += 1; kind = .rightBrace
        case UInt8(ascii: "("): pos += 1; kind = .leftParen
        case UInt8(ascii: ")"): pos += 1; kind = .rightParen
        case UInt8(ascii: "["): pos += 1; kind = .leftBracket
        case UInt8(ascii: "]"): pos += 1; kind = .rightBracket
        case UInt8(ascii: ";"): pos += 1; kind = .semicolon
        case UInt8(ascii: ","): pos += 1; kind = .comma
        case UInt8(ascii: ":"): pos += 1; kind = .colon
        case UInt8(ascii: "~"): pos += 1; kind = .tilde
        case UInt8(ascii: "."):
            if Lexer.isDigit(text[pos + 1]) {
                kind = try scanNumber()
            } else if text[pos + 1] == UInt8(ascii: "."), text[pos + 2] == UInt8(ascii: ".") {
                pos += 3; kind = .ellipsis
            } else {
                pos += 1; kind = .dot
            }
        case UInt8(ascii: "?"):
            if text[pos + 1] == UInt8(ascii: "?") {
                if text[pos + 2] == UInt8(ascii: "=") { pos += 3; kind = .questionQuestionAssign }
                else { pos += 2; kind = .questionQuestion }
            } else if text[pos + 1] == UInt8(ascii: "."), !Lexer.isDigit(text[pos + 2]) {
                pos += 2; kind = .questionDot  // `a?.5:b` is a conditional, not `?.`
            } else {
                pos += 1; kind = .question
            }
        case UInt8(ascii: "="):
            if text[pos + 1] == UInt8(ascii: "=") {
                if text[pos + 2] == UInt8(ascii: "=") { pos += 3; kind = .strictEqual } else { pos += 2; kind = .equal }
            } else if text[pos + 1] == UInt8(ascii: ">") {
                pos += 2; kind = .arrow
            } else {
                pos += 1; kind = .assign
            }
        case UInt8(ascii: "!"):
            if text[pos + 1] == UInt8(ascii: "=") {
                if text[pos + 2] == UInt8(ascii: "=") { pos += 3; kind = .strictNotEqual } else { pos += 2; kind = .notEqual }
            } else {
                pos += 1; kind = .bang
            }
        case UInt8(ascii: "+"):
            kind = punctuator(.plus, doubled: .plusPlus, assign: .plusAssign)
        case UInt8(ascii: "-"):
            kind = punctuator(.minus, doubled: .minusMinus, assign: .minusAssign)
        case UInt8(ascii: "*"):
            if text[pos + 1] == UInt8(ascii: "*") {
                if text[pos + 2] == UInt8(ascii: "=") { pos += 3; kind = .starStarAssign } else { pos += 2; kind = .starStar }
            } else if text[pos + 1] == UInt8(ascii: "=") {
                pos += 2; kind = .starAssign
            } else {
                pos += 1; kind = .star
            }
        case UInt8(ascii: "/"):
            if text[pos + 1] == UInt8(ascii: "=") { pos += 2; kind = .slashAssign } else { pos += 1; kind = .slash }
        case UInt8(ascii: "%"):
            if text[pos + 1] == UInt8(ascii: "=") { pos += 2; kind = .percentAssign } else { pos += 1; kind = .percent }
        case UInt8(ascii: "^"):
            if text[pos + 1] == UInt8(ascii: "=") { pos += 2; kind = .caretAssign } else { pos += 1; kind = .caret }
        case UInt8(ascii: "&"):
            kind = logicalPunctuator(.ampersand, doubled: .ampersandAmpersand, assign: .ampersandAssign,
                                     doubledAssign: .ampersandAmpersandAssign)
        case UInt8(ascii: "|"):
            kind = logicalPunctuator(.bar, doubled: .barBar, assign: .barAssign, doubledAssign: .barBarAssign)
        case UInt8(ascii: "<"):
            if text[pos + 1] == UInt8(ascii: "<") {
                if text[pos + 2] == UInt8(ascii: "=") { pos += 3; kind = .shiftLeftAssign } else { pos += 2; kind = .shiftLeft }
            } else if text[pos + 1] == UInt8(ascii: "=") {
                pos += 2; kind = .lessEqual
            } else {
                pos += 1; kind = .less
            }
        case UInt8(ascii: ">"):
            if text[pos + 1] == UInt8(ascii: ">") {
                if text[pos + 2] == UInt8(ascii: ">") {
                    if text[pos + 3] == UInt8(ascii: "=") { pos += 4; kind = .shiftRightUnsignedAssign }
                    else { pos += 3; kind = .shiftRightUnsigned }
                } else if text[pos + 2] == UInt8(ascii: "=") {
                    pos += 3; kind = .shiftRightAssign
                } else {
                    pos += 2; kind = .shiftRight
                }
            } else if text[pos + 1] == UInt8(ascii: "=") {
                pos += 2; kind = .greaterEqual
            } else {
                pos += 1; kind = .greater
            }
        case UInt8(ascii: "#"):
            pos += 1
            guard Lexer.isASCIIIdentifierStart(text[pos]) || text[pos] == UInt8(ascii: "\\") || text[pos] >= 0x80 else {
                throw error("Invalid or unexpected token", at: start)
            }
            _ = try scanIdentifierOrKeyword()
            token.escaped = false
            kind = .privateName
        case 0 where pos >= length:
            kind = .eof
        case 0x80...:
            let (scalar, _) = decode(at: pos)
            guard Lexer.isIdentifierStart(scalar) else {
                throw error("Invalid or unexpected token", at: start)
            }
            kind = try scanIdentifierOrKeyword()
        default:
            throw error("Invalid or unexpected token", at: start)
        }
        token.kind = kind
        token.end = pos
    }

    @inline(__always) private mutating func punctuator(_ single: TokenKind, doubled: TokenKind, assign: TokenKind) -> TokenKind {
        let byte = text[pos]
        if text[pos + 1] == byte { pos += 2; return doubled }
        if text[pos + 1] == UInt8(ascii: "=") { pos += 2; return assign }
        pos += 1
        return single
    }

    @inline(__always) private mutating func logicalPunctuator(_ single: TokenKind, doubled: TokenKind, assign: TokenKind,
                                                              doubledAssign: TokenKind) -> TokenKind {
        let byte = text[pos]
        if text[pos + 1] == byte {
            if text[pos + 2] == UInt8(ascii: "=") { pos += 3; return doubledAssign }
            pos += 2
            return doubled
        }
        if text[pos + 1] == UInt8(ascii: "=") { pos += 2; return assign }
        pos += 1
        return single
    }

    // MARK: Identifiers

    private mutating func scanIdentifierOrKeyword() throws(SyntaxError) -> TokenKind {
        let start = pos
        while Lexer.isASCIIIdentifierPart(text[pos]) { pos += 1 }
        let byte = text[pos]
        if byte != UInt8(ascii: "\\") && byte < 0x80 && pos > start {
            let name = names.intern(ascii: UnsafeBufferPointer(start: text + start, count: pos - start))
            token.name = name
            if name.isReservedWord {
                return TokenKind(rawValue: TokenKind.firstKeyword.rawValue + UInt8(name.id))!
            }
            return .identifier
        }
        return try scanIdentifierSlow(from: start)
    }

    /// Identifiers with escapes or non-ASCII characters.
    @inline(never) private mutating func scanIdentifierSlow(from start: Int) throws(SyntaxError) -> TokenKind {
        units.removeAll(keepingCapacity: true)
        for i in start..<pos { units.append(UInt16(text[i])) }
        while true {
            let byte = text[pos]
            let scalar: UInt32
            if byte == UInt8(ascii: "\\") {
                let escapeStart = pos
                guard text[pos + 1] == UInt8(ascii: "u") else { throw error("Invalid Unicode escape sequence", at: escapeStart) }
                pos += 2
                guard let value = scanUnicodeEscapeValue() else { throw error("Invalid Unicode escape sequence", at: escapeStart) }
                let valid = units.isEmpty ? Lexer.isIdentifierStart(value) : Lexer.isIdentifierPart(value)
                guard valid else { throw error("Invalid Unicode escape sequence", at: escapeStart) }
                token.escaped = true
                scalar = value
            } else if byte >= 0x80 {
                let (value, size) = decode(at: pos)
                let valid = units.isEmpty ? Lexer.isIdentifierStart(value) : Lexer.isIdentifierPart(value)
                guard valid else { break }
                lineHasNonASCII = true
                pos += size
                scalar = value
            } else if Lexer.isASCIIIdentifierPart(byte) {
                pos += 1
                scalar = UInt32(byte)
            } else {
                break
            }
            Lexer.appendUTF16(scalar, to: &units)
        }
        token.name = names.intern(units)
        // An escaped reserved word is an identifier token that the parser refuses
        // wherever a reserved word would be needed or forbidden.
        if token.name.isReservedWord && !token.escaped {
            return TokenKind(rawValue: TokenKind.firstKeyword.rawValue + UInt8(token.name.id))!
        }
        return .identifier
    }

    /// After `\u`: four hex digits or `{hex}`; nil when malformed or above U+10FFFF.
    private mutating func scanUnicodeEscapeValue() -> UInt32? {
        if text[pos] == UInt8(ascii: "{") {
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            while let digit = Lexer.hexValue(text[pos]) {
                value = value * 16 + digit
                if value > 0x10FFFF { return nil }
                digits += 1
                pos += 1
            }
            guard digits > 0, text[pos] == UInt8(ascii: "}") else { return nil }
            pos += 1
            return value
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Lexer.hexValue(text[pos]) else { return nil }
            value = value * 16 + digit
            pos += 1
        }
        return value
    }

    // MARK: Numbers

    private mutating func scanNumber() throws(SyntaxError) -> TokenKind {
        let start = pos
        if text[pos] == UInt8(ascii: "0") {
            let radixMarker = text[pos + 1] | 0x20
            let radix: Int
            switch radixMarker {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 0
            }
            if radix != 0 {
                pos += 2
                return try scanRadixInteger(radix: radix, start: start)
            }
            if Lexer.isDigit(text[pos + 1]) {
                return try scanLegacyOctalOrLeadingZero(start: start)
            }
            if text[pos + 1] == UInt8(ascii: "_") {
                throw error("Numeric separator can not be used after leading 0.", at: pos + 1)
            }
        }
        // Decimal: digits [. digits] [e [+-] digits], with `_` between digits.
        var isInteger = true
        if text[pos] != UInt8(ascii: ".") { try skipDigits(decimalOnly: true) }
        if text[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            if Lexer.isDigit(text[pos]) { try skipDigits(decimalOnly: true) }
            else if text[pos] == UInt8(ascii: "_") { throw error("Numeric separators are not allowed here", at: pos) }
        }
        if text[pos] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            pos += 1
            if text[pos] == UInt8(ascii: "+") || text[pos] == UInt8(ascii: "-") { pos += 1 }
            guard Lexer.isDigit(text[pos]) else { throw error("Invalid or unexpected token", at: start) }
            try skipDigits(decimalOnly: true)
        }
        if isInteger && text[pos] == UInt8(ascii: "n") {
            token.name = internDigits(from: start, to: pos)
            pos += 1
            try checkAfterNumber()
            return .bigint
        }
        token.number = parseDecimal(from: start, to: pos)
        try checkAfterNumber()
        return .number
    }

    /// Digits with numeric separators: a `_` must stand between two digits.
    private mutating func skipDigits(decimalOnly: Bool, radix: Int = 10) throws(SyntaxError) {
        while true {
            let byte = text[pos]
            if Lexer.digitValue(byte, radix: radix) != nil {
                pos += 1
            } else if byte == UInt8(ascii: "_") {
                if text[pos + 1] == UInt8(ascii: "_") {
                    throw error("Only one underscore is allowed as numeric separator", at: pos + 1)
                }
                if Lexer.digitValue(text[pos + 1], radix: radix) == nil {
                    throw error("Numeric separators are not allowed at the end of numeric literals", at: pos)
                }
                pos += 1
            } else {
                return
            }
        }
    }

    private mutating func scanRadixInteger(radix: Int, start: Int) throws(SyntaxError) -> TokenKind {
        let digitsStart = pos
        guard Lexer.digitValue(text[pos], radix: radix) != nil else {
            throw error("Invalid or unexpected token", at: start)
        }
        try skipDigits(decimalOnly: false, radix: radix)
        if text[pos] == UInt8(ascii: "n") {
            token.name = internDigits(from: start, to: pos)
            pos += 1
            try checkAfterNumber()
            return .bigint
        }
        token.number = NumericText.radixValue(text, from: digitsStart, to: pos, radix: radix)
        try checkAfterNumber()
        return .number
    }

    /// `017` (legacy octal) or `089` (decimal with a leading zero); both are
    /// sloppy-mode only, which the parser checks through `legacyOctalOffset`.
    private mutating func scanLegacyOctalOrLeadingZero(start: Int) throws(SyntaxError) -> TokenKind {
        var isOctal = true
        pos += 1
        while Lexer.isDigit(text[pos]) {
            if text[pos] >= UInt8(ascii: "8") { isOctal = false }
            pos += 1
        }
        if text[pos] == UInt8(ascii: "_") {
            throw error("Numeric separator can not be used after leading 0.", at: pos)
        }
        token.legacyOctalOffset = start
        if isOctal {
            token.number = NumericText.radixValue(text, from: start + 1, to: pos, radix: 8)
        } else {
            if text[pos] == UInt8(ascii: ".") {
                pos += 1
                while Lexer.isDigit(text[pos]) { pos += 1 }
            }
            if text[pos] | 0x20 == UInt8(ascii: "e") {
                pos += 1
                if text[pos] == UInt8(ascii: "+") || text[pos] == UInt8(ascii: "-") { pos += 1 }
                guard Lexer.isDigit(text[pos]) else { throw error("Invalid or unexpected token", at: start) }
                while Lexer.isDigit(text[pos]) { pos += 1 }
            }
            token.number = parseDecimal(from: start, to: pos)
        }
        if text[pos] == UInt8(ascii: "n") { throw error("Invalid BigInt literal", at: start) }
        try checkAfterNumber()
        return .number
    }

    /// A numeric literal may not run straight into an identifier or a digit (`3in`).
    private func checkAfterNumber() throws(SyntaxError) {
        let byte = text[pos]
        if Lexer.isASCIIIdentifierPart(byte) || byte == UInt8(ascii: "\\") {
            throw error("Invalid or unexpected token", at: pos)
        }
        if byte >= 0x80, Lexer.isIdentifierStart(decode(at: pos).scalar) {
            throw error("Invalid or unexpected token", at: pos)
        }
    }

    /// The digits of a BigInt literal, without separators; a radix prefix is
    /// kept, lower-cased ("0X1F" -> "0x1F").
    private mutating func internDigits(from start: Int, to end: Int) -> Name {
        units.removeAll(keepingCapacity: true)
        for i in start..<end where text[i] != UInt8(ascii: "_") { units.append(UInt16(text[i])) }
        if units.count > 1 && units[0] == UInt16(UInt8(ascii: "0")) && !Lexer.isDigit(UInt8(units[1])) {
            units[1] |= 0x20
        }
        return names.intern(units)
    }

    /// A decimal literal's value, correctly rounded (separators dropped first).
    private func parseDecimal(from start: Int, to end: Int) -> Double {
        let literal = UnsafeBufferPointer(start: text + start, count: end - start)
        if !literal.contains(UInt8(ascii: "_")) { return NumericText.decimalValue(literal) }
        let digits = literal.filter { $0 != UInt8(ascii: "_") }
        return digits.withUnsafeBufferPointer { NumericText.decimalValue($0) }
    }

    // MARK: Strings

    private mutating func scanString(quote: UInt8) throws(SyntaxError) -> TokenKind {
        let start = pos
        pos += 1
        let contentStart = pos
        while true {
            let byte = text[pos]
            if byte == quote {
                token.name = names.intern(ascii: UnsafeBufferPointer(start: text + contentStart, count: pos - contentStart))
                pos += 1
                return .string
            }
            if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte == 0x0A || byte == 0x0D || byte == 0 { break }
            pos += 1
        }
        units.removeAll(keepingCapacity: true)
        for i in contentStart..<pos { units.append(UInt16(text[i])) }
        while true {
            let byte = text[pos]
            switch byte {
            case quote:
                token.name = names.intern(units)
                pos += 1
                return .string
            case UInt8(ascii: "\\"):
                let escapeStart = pos
                pos += 1
                if let message = try scanEscape(inTemplate: false) {
                    throw error(message, at: escapeStart)
                }
            case 0x0A, 0x0D:
                throw error("Invalid or unexpected token", at: start)
            case 0 where pos >= length:
                throw error("Invalid or unexpected token", at: start)
            case 0x80...:
                let (scalar, size) = decode(at: pos)
                pos += size
                lineHasNonASCII = true
                if Lexer.isLineTerminator(scalar) {
                    // U+2028/U+2029 are allowed in strings; they still end a source line.
                    let saved = token.newlineBefore
                    newline()
                    token.newlineBefore = saved
                }
                Lexer.appendUTF16(scalar, to: &units)
            default:
                units.append(UInt16(byte))
                pos += 1
            }
        }
    }

    /// Reads one escape after its backslash into `units`. Returns an error
    /// message instead of throwing, because a tagged template turns a bad escape
    /// into an undefined cooked value rather than an error.
    private mutating func scanEscape(inTemplate: Bool) throws(SyntaxError) -> String? {
        let byte = text[pos]
        switch byte {
        case UInt8(ascii: "n"): units.append(0x0A); pos += 1
        case UInt8(ascii: "t"): units.append(0x09); pos += 1
        case UInt8(ascii: "r"): units.append(0x0D); pos += 1
        case UInt8(ascii: "b"): units.append(0x08); pos += 1
        case UInt8(ascii: "f"): units.append(0x0C); pos += 1
        case UInt8(ascii: "v"): units.append(0x0B); pos += 1
        case 0x0A:
            pos += 1
            newlineInsideToken()
        case 0x0D:
            pos += 1
            if text[pos] == 0x0A { pos += 1 }
            newlineInsideToken()
        case UInt8(ascii: "x"):
            pos += 1
            guard let high = Lexer.hexValue(text[pos]), let low = Lexer.hexValue(text[pos + 1]) else {
                return "Invalid hexadecimal escape sequence"
            }
            pos += 2
            units.append(UInt16(high * 16 + low))
        case UInt8(ascii: "u"):
            pos += 1
            guard let value = scanUnicodeEscapeValue() else { return "Invalid Unicode escape sequence" }
            Lexer.appendUTF16(value, to: &units)
        case UInt8(ascii: "0") where !Lexer.isDigit(text[pos + 1]):
            units.append(0)
            pos += 1
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            if inTemplate { return "Octal escape sequences are not allowed in template strings" }
            if token.legacyOctalOffset < 0 { token.legacyOctalOffset = pos - 1 }
            // Up to three octal digits, value at most 0o377.
            var value = UInt16(byte - UInt8(ascii: "0"))
            pos += 1
            let maxDigits = byte <= UInt8(ascii: "3") ? 2 : 1
            var digits = 0
            while digits < maxDigits, text[pos] >= UInt8(ascii: "0"), text[pos] <= UInt8(ascii: "7") {
                value = value * 8 + UInt16(text[pos] - UInt8(ascii: "0"))
                pos += 1
                digits += 1
            }
            units.append(value)
        case UInt8(ascii: "8"), UInt8(ascii: "9"):
            if inTemplate { return "\\8 and \\9 are not allowed in template strings" }
            if token.legacyOctalOffset < 0 { token.legacyOctalOffset = pos - 1 }
            units.append(UInt16(byte))
            pos += 1
        case 0 where pos >= length:
            return "Invalid or unexpected token"
        case 0x80...:
            let (scalar, size) = decode(at: pos)
            pos += size
            lineHasNonASCII = true
            if Lexer.isLineTerminator(scalar) { newlineInsideToken() } else { Lexer.appendUTF16(scalar, to: &units) }
        default:
            units.append(UInt16(byte))
            pos += 1
        }
        return nil
    }

    /// A line terminator inside a string or template: the line count moves on,
    /// but the token keeps its own `newlineBefore`.
    private mutating func newlineInsideToken() {
        let saved = token.newlineBefore
        newline()
        token.newlineBefore = saved
    }

    // MARK: Templates

    /// Scans template characters after "`" or after the `}` that closes a
    /// substitution, up to "`" (end) or "${" (a substitution follows). Sets the
    /// cooked value (`name`, `.none` if an escape is invalid) and the raw value.
    private mutating func scanTemplate(opening: Int) throws(SyntaxError) -> TokenKind {
        let isContinuation = text[opening] == UInt8(ascii: "}")
        units.removeAll(keepingCapacity: true)
        rawUnits.removeAll(keepingCapacity: true)
        token.templateErrorOffset = -1
        var cookedValid = true
        while true {
            let byte = text[pos]
            switch byte {
            case UInt8(ascii: "`"):
                pos += 1
                finishTemplate(cookedValid: cookedValid)
                return isContinuation ? .templateTail : .noSubstitutionTemplate
            case UInt8(ascii: "$") where text[pos + 1] == UInt8(ascii: "{"):
                pos += 2
                finishTemplate(cookedValid: cookedValid)
                return isContinuation ? .templateMiddle : .templateHead
            case UInt8(ascii: "\\"):
                let escapeStart = pos
                pos += 1
                if let message = try scanEscape(inTemplate: true), cookedValid {
                    cookedValid = false
                    token.templateErrorOffset = escapeStart
                    token.templateError = message
                    if message == "Invalid or unexpected token" { throw error("Unterminated template literal", at: opening) }
                }
                appendRaw(from: escapeStart, to: pos)
            case 0x0D:
                // CR and CRLF read as LF, in both the cooked and the raw value.
                pos += 1
                if text[pos] == 0x0A { pos += 1 }
                units.append(0x0A)
                rawUnits.append(0x0A)
                newlineInsideToken()
            case 0x0A:
                pos += 1
                units.append(0x0A)
                rawUnits.append(0x0A)
                newlineInsideToken()
            case 0 where pos >= length:
                throw error("Unterminated template literal", at: opening)
            case 0x80...:
                let (scalar, size) = decode(at: pos)
                pos += size
                lineHasNonASCII = true
                Lexer.appendUTF16(scalar, to: &units)
                Lexer.appendUTF16(scalar, to: &rawUnits)
                if Lexer.isLineTerminator(scalar) { newlineInsideToken() }
            default:
                units.append(UInt16(byte))
                rawUnits.append(UInt16(byte))
                pos += 1
            }
        }
    }

    private mutating func finishTemplate(cookedValid: Bool) {
        token.name = cookedValid ? names.intern(units) : .none
        token.raw = names.intern(rawUnits)
    }

    /// Raw template text of an escape, with CR and CRLF read as LF.
    private mutating func appendRaw(from start: Int, to end: Int) {
        var i = start
        while i < end {
            let byte = text[i]
            if byte == 0x0D {
                rawUnits.append(0x0A)
                if i + 1 < end && text[i + 1] == 0x0A { i += 1 }
                i += 1
            } else if byte >= 0x80 {
                let (scalar, size) = decode(at: i)
                Lexer.appendUTF16(scalar, to: &rawUnits)
                i += size
            } else {
                rawUnits.append(UInt16(byte))
                i += 1
            }
        }
    }

    /// The parser saw `}` closing a template substitution: rescan from there.
    mutating func rescanTemplateContinuation() throws(SyntaxError) {
        let start = token.start
        pos = start + 1
        token.kind = try scanTemplate(opening: start)
        token.end = pos
    }

    // MARK: Regular expressions

    /// The parser saw `/` or `/=` where an expression starts: rescan as a regular
    /// expression literal. The pattern is checked later, by the RegExp compiler;
    /// the flags are checked here.
    mutating func rescanRegExp() throws(SyntaxError) {
        let start = token.start
        pos = start + 1
        var inClass = false
        while true {
            let byte = text[pos]
            if byte == 0x0A || byte == 0x0D || (byte == 0 && pos >= length) {
                throw error("Invalid regular expression: missing /", at: start)
            }
            if byte >= 0x80 {
                let (scalar, size) = decode(at: pos)
                if Lexer.isLineTerminator(scalar) { throw error("Invalid regular expression: missing /", at: start) }
                lineHasNonASCII = true
                pos += size
                continue
            }
            pos += 1
            if byte == UInt8(ascii: "\\") {
                let next = text[pos]
                if next == 0x0A || next == 0x0D || (next == 0 && pos >= length) {
                    throw error("Invalid regular expression: missing /", at: start)
                }
                pos += next >= 0x80 ? decode(at: pos).size : 1  // the escaped character
                continue
            } else if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/") && !inClass {
                break
            }
        }
        let patternEnd = pos - 1
        units.removeAll(keepingCapacity: true)
        appendUTF16(from: start + 1, to: patternEnd)
        token.name = names.intern(units)
        let flagsStart = pos
        while Lexer.isASCIIIdentifierPart(text[pos]) { pos += 1 }
        if text[pos] == UInt8(ascii: "\\") || (text[pos] >= 0x80 && Lexer.isIdentifierPart(decode(at: pos).scalar)) {
            throw error("Invalid regular expression flags", at: start)
        }
        var seen: UInt32 = 0
        for i in flagsStart..<pos {
            guard let bit = "dgimsuyv".utf8.firstIndex(of: text[i]) else {
                throw error("Invalid regular expression flags", at: start)
            }
            let mask: UInt32 = 1 << UInt32("dgimsuyv".utf8.distance(from: "dgimsuyv".utf8.startIndex, to: bit))
            if seen & mask != 0 { throw error("Invalid regular expression flags", at: start) }
            seen |= mask
        }
        if seen & 0b0010_0000 != 0 && seen & 0b1000_0000 != 0 {
            throw error("Invalid regular expression flags", at: start)
        }
        token.raw = names.intern(ascii: UnsafeBufferPointer(start: text + flagsStart, count: pos - flagsStart))
        token.kind = .regexp
        token.end = pos
    }

    private mutating func appendUTF16(from start: Int, to end: Int) {
        var i = start
        while i < end {
            if text[i] < 0x80 {
                units.append(UInt16(text[i]))
                i += 1
            } else {
                let (scalar, size) = decode(at: i)
                Lexer.appendUTF16(scalar, to: &units)
                i += size
            }
        }
    }

    // MARK: Characters

    /// Decodes the UTF-8 sequence at `i`; a malformed sequence reads as U+FFFD
    /// of length 1, so the lexer always moves forward.
    func decode(at i: Int) -> (scalar: UInt32, size: Int) {
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let byte = UInt32(text[i + offset])
            return byte & 0xC0 == 0x80 ? byte & 0x3F : nil
        }
        if b0 & 0xE0 == 0xC0, let b1 = continuation(1) {
            let value = (b0 & 0x1F) << 6 | b1
            if value >= 0x80 { return (value, 2) }
        } else if b0 & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
            let value = (b0 & 0x0F) << 12 | b1 << 6 | b2
            if value >= 0x800 { return (value, 3) }
        } else if b0 & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            let value = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            if value >= 0x10000 && value <= 0x10FFFF { return (value, 4) }
        }
        return (0xFFFD, 1)
    }

    static func appendUTF16(_ scalar: UInt32, to out: inout [UInt16]) {
        if scalar < 0x10000 {
            out.append(UInt16(scalar))
        } else {
            let value = scalar - 0x10000
            out.append(UInt16(0xD800 + (value >> 10)))
            out.append(UInt16(0xDC00 + (value & 0x3FF)))
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always) static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "_")
    }

    @inline(__always) static func isASCIIIdentifierPart(_ byte: UInt8) -> Bool {
        isASCIIIdentifierStart(byte) || isDigit(byte)
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return nil
    }

    static func digitValue(_ byte: UInt8, radix: Int) -> UInt32? {
        guard let value = hexValue(byte), value < radix else { return nil }
        return value
    }

    static func isIdentifierStart(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIIdentifierStart(UInt8(scalar)) }
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isIDStart
    }

    static func isIdentifierPart(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIIdentifierPart(UInt8(scalar)) }
        if scalar == 0x200C || scalar == 0x200D { return true }  // ZWNJ, ZWJ
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isIDContinue
    }

    static func isLineTerminator(_ scalar: UInt32) -> Bool {
        scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029
    }

    /// Non-ASCII white space: NBSP, ZWNBSP (BOM) and the Zs category.
    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0, 0xFEFF, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

// Tokens.

/// What a token is. Punctuators, then literals, then the reserved words in the
/// order of `reservedWords` (so `Name` ids and keyword kinds convert by addition).
public enum TokenKind: UInt8, Sendable {
    case eof
    // Punctuators.
    case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
    case dot, ellipsis, semicolon, comma, questionDot, question, colon, arrow
    case less, greater, lessEqual, greaterEqual
    case equal, notEqual, strictEqual, strictNotEqual
    case plus, minus, star, slash, percent, starStar
    case plusPlus, minusMinus
    case shiftLeft, shiftRight, shiftRightUnsigned
    case ampersand, bar, caret, bang, tilde
    case ampersandAmpersand, barBar, questionQuestion
    case assign, plusAssign, minusAssign, starAssign, slashAssign, percentAssign, starStarAssign
    case shiftLeftAssign, shiftRightAssign, shiftRightUnsignedAssign
    case ampersandAssign, barAssign, caretAssign
    case ampersandAmpersandAssign, barBarAssign, questionQuestionAssign
    // Names and literals.
    case identifier, privateName
    case number, bigint, string
    case noSubstitutionTemplate, templateHead, templateMiddle, templateTail
    case regexp
    // Reserved words.
    case kwBreak, kwCase, kwCatch, kwClass, kwConst, kwContinue, kwDebugger, kwDefault
    case kwDelete, kwDo, kwElse, kwEnum, kwExport, kwExtends, kwFalse, kwFinally, kwFor
    case kwFunction, kwIf, kwImport, kwIn, kwInstanceof, kwNew, kwNull, kwReturn, kwSuper
    case kwSwitch, kwThis, kwThrow, kwTrue, kwTry, kwTypeof, kwVar, kwVoid, kwWhile, kwWith

    static let firstKeyword = TokenKind.kwBreak

    var isKeyword: Bool { rawValue >= TokenKind.firstKeyword.rawValue }

    /// True for tokens that can be a property name after `.` or in a literal key.
    var isIdentifierName: Bool { self == .identifier || isKeyword }

    /// True for `=` and the compound assignment operators.
    var isAssignment: Bool { rawValue >= TokenKind.assign.rawValue && rawValue <= TokenKind.questionQuestionAssign.rawValue }

    /// The source text of a punctuator or keyword, for messages.
    public var text: String {
        switch self {
        case .eof: return "end of input"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .dot: return "."
        case .ellipsis: return "..."
        case .semicolon: return ";"
        case .comma: return ","
        case .questionDot: return "?."
        case .question: return "?"
        case .colon: return ":"
        case .arrow: return "=>"
        case .less: return "<"
        case .greater: return ">"
        case .lessEqual: return "<="
        case .greaterEqual: return ">="
        case .equal: return "=="
        case .notEqual: return "!="
        case .strictEqual: return "==="
        case .strictNotEqual: return "!=="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .starStar: return "**"
        case .plusPlus: return "++"
        case .minusMinus: return "--"
        case .shiftLeft: return "<<"
        case .shiftRight: return ">>"
        case .shiftRightUnsigned: return ">>>"
        case .ampersand: return "&"
        case .bar: return "|"
        case .caret: return "^"
        case .bang: return "!"
        case .tilde: return "~"
        case .ampersandAmpersand: return "&&"
        case .barBar: return "||"
        case .questionQuestion: return "??"
        case .assign: return "="
        case .plusAssign: return "+="
        case .minusAssign: return "-="
        case .starAssign: return "*="
        case .slashAssign: return "/="
        case .percentAssign: return "%="
        case .starStarAssign: return "**="
        case .shiftLeftAssign: return "<<="
        case .shiftRightAssign: return ">>="
        case .shiftRightUnsignedAssign: return ">>>="
        case .ampersandAssign: return "&="
        case .barAssign: return "|="
        case .caretAssign: return "^="
        case .ampersandAmpersandAssign: return "&&="
        case .barBarAssign: return "||="
        case .questionQuestionAssign: return "??="
        case .identifier: return "identifier"
        case .privateName: return "private name"
        case .number, .bigint: return "number"
        case .string: return "string"
        case .noSubstitutionTemplate, .templateHead, .templateMiddle, .templateTail: return "template string"
        case .regexp: return "regular expression"
        default: return reservedWords[Int(rawValue - TokenKind.firstKeyword.rawValue)]
        }
    }
}

/// One token. Positions are byte offsets; `loc` is the start's line and column.
struct Token {
    var kind: TokenKind = .eof
    var start: Int = 0
    var end: Int = 0
    var loc: SourceLoc = .none
    /// A line terminator stands between the previous token and this one (ASI).
    var newlineBefore = false
    /// An identifier or string written with escapes (`\u0061`); an escaped
    /// reserved word is not a keyword, and `"use\x20strict"` is no directive.
    var escaped = false
    /// Identifier / keyword / private name (without `#`) / string value /
    /// template cooked value (`.none` when a tagged template's escape is invalid) /
    /// regexp pattern / bigint digits.
    var name: Name = .none
    /// Template raw value; regexp flags.
    var raw: Name = .none
    var number: Double = 0
    /// Offset of a legacy octal literal or escape (`017`, `"\01"`, `"\8"`), for
    /// strict-mode errors that depend on a directive seen later; -1 if none.
    var legacyOctalOffset = -1
    /// Offset and message of an invalid escape in a template (an error unless tagged).
    var templateErrorOffset = -1
    var templateError = ""
}

// The parser: tokens in, AST out, with the early errors of the spec.
//
// Recursive descent for statements, precedence climbing for binary operators.
// Arrow parameters and destructuring assignment use the spec's cover grammars:
// `(a, {b} = c)` is parsed as an expression and rewritten in place into
// patterns once `=>` or `=` shows what it was (Parser+Patterns.swift). Scope
// tracking for redeclaration errors lives in Parser+Scopes.swift.

public final class Parser {
    var lexer: Lexer
    var ast: AST
    /// Children of lists under construction; each list is a suffix of this stack.
    var pending: [NodeID] = []
    /// End offset of the previous token (for function source ranges).
    var previousEnd = 0

    var context = FunctionContext()
    var scopes: [Scope] = []
    var labels: [Label] = []
    /// Labels written directly before the statement being parsed (`a: b: while`).
    var labelsBeforeStatement = 0
    var privateNames: [PrivateNameScope] = []
    /// Parameters of the function being parsed (or arrow parameters being
    /// converted), for the duplicate-parameter rules.
    var parameterNames: [(name: Name, offset: Int)] = []
    /// Module exports: exported name -> offset, and `export { local }` references.
    var exportedNames: [Name: Int] = [:]
    var exportedLocals: [(name: Name, offset: Int)] = []
    /// Arrays whose spread element is followed by a comma (`[...a, ]`), which
    /// cannot become a pattern.
    var arraysWithCommaAfterSpread = Set<Int32>()

    /// Whether the `in` operator is allowed (it is not in a `for (init;` head).
    var allowIn = true
    var cover = CoverErrors()
    /// Nodes written in parentheses: `(a) = 1` is fine, `({a}) = 1` is not.
    var parenthesized = Set<Int32>()

    var depth = 0
    let stackGuard: StackGuard
    /// Nesting levels allowed: deep enough for any real program, shallow enough
    /// that every recursive walk of the tree fits in a 512 KB thread stack.
    public static let maxDepth = 1000

    init(text: UnsafePointer<UInt8>, source: SourceFile, goal: Goal, stackGuard: StackGuard?) {
        self.stackGuard = stackGuard ?? StackGuard()
        lexer = Lexer(text: text, file: source, isModule: goal == .module)
        ast = AST(source: source, goal: goal, names: NameTable())
    }

    /// Parses `source` as a Script or a Module. Pass the calling thread's
    /// `stackGuard` if you have one: making one reads the thread's bounds.
    public static func parse(_ source: SourceFile, as goal: Goal = .script,
                             stackGuard: StackGuard? = nil) throws(SyntaxError) -> AST {
        let result: Result<AST, SyntaxError> = source.storage.withUnsafeBufferPointer { buffer in
            let parser = Parser(text: buffer.baseAddress!, source: source, goal: goal, stackGuard: stackGuard)
            do throws(SyntaxError) {
                return .success(try parser.parseProgram())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses `text` (named `fileName` in messages).
    public static func parse(_ text: String, fileName: String = "<input>", as goal: Goal = .script) throws(SyntaxError) -> AST {
        try parse(SourceFile(name: fileName, text: text), as: goal)
    }

    // MARK: Tokens

    var token: Token { lexer.token }
    var kind: TokenKind { lexer.token.kind }

    @inline(__always) func next() throws(SyntaxError) {
        previousEnd = lexer.token.end
        try lexer.next()
    }

    @inline(__always) func at(_ kind: TokenKind) -> Bool { lexer.token.kind == kind }

    @inline(__always) func eat(_ kind: TokenKind) throws(SyntaxError) -> Bool {
        if lexer.token.kind == kind {
            try next()
            return true
        }
        return false
    }

    func expect(_ kind: TokenKind) throws(SyntaxError) {
        if lexer.token.kind != kind { throw unexpected() }
        try next()
    }

    /// True at an unescaped contextual keyword (`of`, `async`, `get`, ...).
    @inline(__always) func atContextual(_ name: Name) -> Bool {
        lexer.token.kind == .identifier && lexer.token.name == name && !lexer.token.escaped
    }

    /// The token after the current one, without consuming anything.
    func peek() throws(SyntaxError) -> Token {
        let saved = lexer.position
        try lexer.next()
        let result = lexer.token
        lexer.restore(saved)
        return result
    }

    /// Automatic semicolon insertion: a `;`, or a `}`, the end, or a line break.
    func consumeSemicolon() throws(SyntaxError) {
        if try eat(.semicolon) { return }
        if at(.rightBrace) || at(.eof) || token.newlineBefore { return }
        throw unexpected()
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int) -> SyntaxError {
        lexer.error(message, at: offset)
    }

    func error(_ message: String, at loc: SourceLoc) -> SyntaxError {
        lexer.error(message, at: Int(loc.offset))
    }

    func error(_ message: String, node: NodeID) -> SyntaxError {
        lexer.error(message, at: Int(ast.loc(node).offset))
    }

    /// The error for a token the grammar does not allow here, worded as V8 does.
    func unexpected() -> SyntaxError {
        let token = lexer.token
        let message: String
        switch token.kind {
        case .eof: message = "Unexpected end of input"
        case .identifier:
            if context.strict && token.name.isStrictReservedWord { message = "Unexpected strict mode reserved word" }
            else if token.escaped && token.name.isReservedWord { message = "Keyword must not contain escaped characters" }
            else { message = "Unexpected identifier '\(lexer.names.string(token.name))'" }
        case .number, .bigint: message = "Unexpected number"
        case .string: message = "Unexpected string"
        case .noSubstitutionTemplate, .templateHead, .templateMiddle, .templateTail: message = "Unexpected template string"
        case .privateName: message = "Unexpected identifier '#\(lexer.names.string(token.name))'"
        case .regexp: message = "Unexpected regular expression"
        default: message = "Unexpected token '\(token.kind.text)'"
        }
        return error(message, at: token.start)
    }

    // MARK: Nodes

    @inline(__always) func add(_ node: Node, _ loc: SourceLoc) -> NodeID {
        let id = NodeID(Int32(ast.nodes.count))
        ast.nodes.append(node)
        ast.locs.append(loc)
        return id
    }

    @inline(__always) func replace(_ id: NodeID, with node: Node) {
        ast.nodes[Int(id.index)] = node
    }

    /// Moves the pending children from `mark` on into a list.
    func finishList(from mark: Int) -> NodeList {
        let start = UInt32(ast.lists.count)
        ast.lists.append(contentsOf: pending[mark...])
        let count = UInt32(pending.count - mark)
        pending.removeSubrange(mark...)
        return NodeList(start: start, count: count)
    }

    func list(_ ids: [NodeID]) -> NodeList {
        let mark = pending.count
        pending.append(contentsOf: ids)
        return finishList(from: mark)
    }

    func isParenthesized(_ id: NodeID) -> Bool { parenthesized.contains(id.index) }

    func string(_ name: Name) -> String { lexer.names.string(name) }

    // MARK: Nesting

    /// Counts one level of nesting; fails with "nesting too deep" well before
    /// the native stack could overflow.
    @inline(__always) func enter() throws(SyntaxError) {
        depth += 1
        if depth > Parser.maxDepth || !stackGuard.hasRoom() { throw tooDeep() }
    }

    @inline(__always) func leave() { depth -= 1 }

    @inline(never) func tooDeep() -> SyntaxError {
        error("Too much nesting: nesting too deep", at: token.start)
    }

    // MARK: Program

    func parseProgram() throws(SyntaxError) -> AST {
        let isModule = ast.goal == .module
        context.strict = isModule
        context.awaitIsReserved = isModule
        context.isAsync = isModule  // top-level await in modules
        scopes.append(Scope(kind: isModule ? .module : .script))
        try next()
        let mark = pending.count
        try parseDirectives(into: mark, isFunctionBody: false)
        while !at(.eof) {
            pending.append(try parseStatementListItem())
        }
        ast.body = finishList(from: mark)
        ast.isStrict = context.strict
        if isModule { try checkModuleExports() }
        ast.names = lexer.names
        return ast
    }

    /// Reads the directive prologue ("use strict" and friends) into the pending
    /// list and switches to strict mode when one says so. A legacy octal escape
    /// in an earlier directive is an error once strictness is known.
    /// Returns the offset of a "use strict" directive, or -1.
    @discardableResult
    func parseDirectives(into mark: Int, isFunctionBody: Bool) throws(SyntaxError) -> Int {
        var firstOctal = -1
        var useStrictAt = -1
        while at(.string) {
            let start = token
            let next = try peek()
            // A string followed by more expression is an expression statement.
            let endsStatement = next.kind == .semicolon || next.kind == .rightBrace || next.kind == .eof
                || (next.newlineBefore && !Parser.continuesExpression(next.kind))
            guard endsStatement else { break }
            try self.next()
            try consumeSemicolon()
            let rawName = internSourceText(from: start.start + 1, to: start.end - 1)
            if start.legacyOctalOffset >= 0 && firstOctal < 0 { firstOctal = start.legacyOctalOffset }
            if rawName == .useStrict {
                useStrictAt = start.start
                if !context.strict {
                    context.strict = true
                    if isFunctionBody { context.becameStrict = true }
                }
            }
            pending.append(add(.directive(raw: rawName), start.loc))
        }
        if context.strict && firstOctal >= 0 {
            throw error("Octal escape sequences are not allowed in strict mode.", at: firstOctal)
        }
        return useStrictAt
    }

    /// Interns source text as written (escapes not processed).
    func internSourceText(from start: Int, to end: Int) -> Name {
        let bytes = UnsafeBufferPointer(start: lexer.text + start, count: end - start)
        if bytes.allSatisfy({ $0 < 0x80 }) { return lexer.names.intern(ascii: bytes) }
        return lexer.names.intern(Array(lexer.file.text(from: start, to: end).utf16))
    }

    /// Tokens that, after a line break, still continue the previous expression
    /// (so no semicolon is inserted before them).
    static func continuesExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .dot, .questionDot, .leftParen, .leftBracket, .comma, .question,
             .noSubstitutionTemplate, .templateHead, .kwIn, .kwInstanceof:
            return true
        default:
            return binaryPrecedence(kind) > 0 || kind.isAssignment
        }
    }
}

/// What the grammar allows in the function being parsed.
struct FunctionContext {
    var strict = false
    /// The function became strict through its own directive (its parameters and
    /// name must then be checked again under strict rules).
    var becameStrict = false
    /// `await` is an operator (async function, or module top level).
    var isAsync = false
    /// `await` may not be an identifier (modules, class static blocks).
    var awaitIsReserved = false
    /// `yield` is an operator.
    var isGenerator = false
    var inFunction = false
    var allowSuperProperty = false
    var allowSuperCall = false
    var allowNewTarget = false
    /// False in class field initializers and static blocks.
    var allowArguments = true
    var inParameters = false
    /// Enclosing loops and switches, for `break` and `continue`.
    var loopDepth = 0
    var breakableDepth = 0
    var labelBase = 0
}

struct Label {
    var name: Name
    var isLoop: Bool
}

/// Errors that are errors only if an expression stays an expression, and go
/// away if the cover grammar turns it into a pattern (or an arrow's parameters).
struct CoverErrors {
    /// `{ a = 1 }` as an object literal.
    var shorthandInit = -1
    /// `{ __proto__: a, __proto__: b }` as an object literal.
    var duplicateProto = -1
    /// A `yield` or `await` expression, which arrow parameters may not contain.
    var yieldOrAwait = -1

    mutating func merge(_ other: CoverErrors) {
        if shorthandInit < 0 { shorthandInit = other.shorthandInit }
        if duplicateProto < 0 { duplicateProto = other.duplicateProto }
        if yieldOrAwait < 0 { yieldOrAwait = other.yieldOrAwait }
    }
}

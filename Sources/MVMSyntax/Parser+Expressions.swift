// Expressions.

extension Parser {
    /// Binding power of a binary operator token; 0 when it is not one.
    static func binaryPrecedence(_ kind: TokenKind) -> Int {
        switch kind {
        case .questionQuestion: return 1
        case .barBar: return 2
        case .ampersandAmpersand: return 3
        case .bar: return 4
        case .caret: return 5
        case .ampersand: return 6
        case .equal, .notEqual, .strictEqual, .strictNotEqual: return 7
        case .less, .greater, .lessEqual, .greaterEqual, .kwInstanceof, .kwIn: return 8
        case .shiftLeft, .shiftRight, .shiftRightUnsigned: return 9
        case .plus, .minus: return 10
        case .star, .slash, .percent: return 11
        case .starStar: return 12
        default: return 0
        }
    }

    /// Expression: assignments separated by commas.
    func parseExpression(deferCoverErrors: Bool = false) throws(SyntaxError) -> NodeID {
        let start = token
        let first = try parseAssignment(deferCoverErrors: deferCoverErrors)
        guard at(.comma) else { return first }
        let mark = pending.count
        pending.append(first)
        while try eat(.comma) {
            pending.append(try parseAssignment(deferCoverErrors: deferCoverErrors))
        }
        return add(.sequence(finishList(from: mark)), start.loc)
    }

    /// An arrow function that nothing may follow as an operand (`a => {} + 1`).
    func isBareArrow(_ id: NodeID) -> Bool {
        if case .arrowFunction = ast[id] { return !isParenthesized(id) }
        return false
    }

    /// AssignmentExpression. Object and array literals before `=` become
    /// patterns; cover errors (`{a = 1}` left as a literal) are reported here
    /// unless the caller defers them, being itself maybe a pattern.
    func parseAssignment(deferCoverErrors: Bool = false) throws(SyntaxError) -> NodeID {
        try enter()
        defer { leave() }
        if atContextual(.yield) && context.isGenerator { return try parseYield() }
        let start = token
        let outerCover = cover
        cover = CoverErrors()
        let left = try parseConditional()
        var result = left
        if kind.isAssignment && !isBareArrow(left) {
            let op = Parser.assignmentOperator(kind)
            if op == .assign, isLiteralPattern(left) {
                try toAssignmentTarget(left, message: "Invalid left-hand side in assignment")
                cover.shorthandInit = -1
                cover.duplicateProto = -1
            } else {
                try checkSimpleTarget(left, message: "Invalid left-hand side in assignment")
            }
            try next()
            let value = try parseAssignment()
            result = add(.assignment(op, target: left, value: value), start.loc)
        }
        if !deferCoverErrors { try checkCoverErrors() }
        var merged = outerCover
        merged.merge(cover)
        if !deferCoverErrors {
            merged.shorthandInit = outerCover.shorthandInit
            merged.duplicateProto = outerCover.duplicateProto
        }
        cover = merged
        return result
    }

    func isLiteralPattern(_ id: NodeID) -> Bool {
        switch ast[id] {
        case .object, .array: return !isParenthesized(id)
        default: return false
        }
    }

    /// Reports what the cover grammar allowed provisionally but an expression cannot be.
    func checkCoverErrors() throws(SyntaxError) {
        if cover.shorthandInit >= 0 { throw error("Invalid shorthand property initializer", at: cover.shorthandInit) }
        if cover.duplicateProto >= 0 {
            throw error("Duplicate __proto__ fields are not allowed in object literals", at: cover.duplicateProto)
        }
    }

    static func assignmentOperator(_ kind: TokenKind) -> AssignmentOperator {
        switch kind {
        case .plusAssign: return .add
        case .minusAssign: return .subtract
        case .starAssign: return .multiply
        case .slashAssign: return .divide
        case .percentAssign: return .remainder
        case .starStarAssign: return .exponent
        case .shiftLeftAssign: return .shiftLeft
        case .shiftRightAssign: return .shiftRight
        case .shiftRightUnsignedAssign: return .shiftRightUnsigned
        case .ampersandAssign: return .bitwiseAnd
        case .barAssign: return .bitwiseOr
        case .caretAssign: return .bitwiseXor
        case .ampersandAmpersandAssign: return .and
        case .barBarAssign: return .or
        case .questionQuestionAssign: return .coalesce
        default: return .assign
        }
    }

    /// Targets of compound assignment and `++`/`--`: a name or a property.
    func checkSimpleTarget(_ id: NodeID, message: String) throws(SyntaxError) {
        switch ast[id] {
        case .identifier(let name):
            if context.strict && (name == .eval || name == .arguments) {
                throw error("Unexpected eval or arguments in strict mode", node: id)
            }
        case .member, .computedMember, .privateMember:
            break
        case .call where !context.strict:
            // Web compatibility (spec: "web-compat" assignment target type): in
            // sloppy code `f() = 1` parses and throws a ReferenceError at run time.
            break
        default:
            throw error(message, node: id)
        }
    }

    func parseYield() throws(SyntaxError) -> NodeID {
        let start = token
        if context.inParameters { throw error("Yield expression not allowed in formal parameter", at: start.start) }
        try next()
        if cover.yieldOrAwait < 0 { cover.yieldOrAwait = start.start }
        var delegate = false
        var argument = NodeID.none
        if !token.newlineBefore {
            if try eat(.star) {
                delegate = true
                argument = try parseAssignment()
            } else {
                switch kind {
                case .rightParen, .rightBracket, .rightBrace, .comma, .semicolon, .colon, .eof, .kwIn, .question, .arrow:
                    break
                default:
                    argument = try parseAssignment()
                }
            }
        }
        return add(.yield(argument: argument, delegate: delegate), start.loc)
    }

    func parseConditional() throws(SyntaxError) -> NodeID {
        let start = token
        let test = try parseBinary(minimum: 0)
        guard at(.question), !isBareArrow(test) else { return test }
        try next()
        let consequent = try withIn(true) { () throws(SyntaxError) in try parseAssignment() }
        try expect(.colon)
        let alternate = try parseAssignment()
        return add(.conditional(test: test, consequent: consequent, alternate: alternate), start.loc)
    }

    /// Precedence climbing over the binary operators stronger than `minimum`.
    func parseBinary(minimum: Int) throws(SyntaxError) -> NodeID {
        let start = token
        var left: NodeID
        if at(.privateName) {
            // `#x in obj`: the only place a private name stands alone.
            let name = token.name
            let offset = token.start
            try next()
            guard at(.kwIn), allowIn, minimum < Parser.binaryPrecedence(.kwIn) else { throw unexpected() }
            try usePrivateName(name, at: offset)
            try next()
            let object = try parseBinary(minimum: Parser.binaryPrecedence(.kwIn))
            left = add(.privateIn(name: name, object: object), start.loc)
        } else {
            left = try parseUnary()
        }
        if isBareArrow(left) { return left }
        // Each operator in a left-leaning chain deepens the tree by one.
        var chain = 0
        while true {
            let operatorKind = kind
            var precedence = Parser.binaryPrecedence(operatorKind)
            if operatorKind == .kwIn && !allowIn { precedence = 0 }
            if precedence <= minimum { break }
            if operatorKind == .starStar, chain == 0, !isParenthesized(left) {
                switch ast[left] {
                case .unary, .await:
                    throw error("Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence", at: token.start)
                default: break
                }
            }
            chain += 1
            if depth + chain > Parser.maxDepth { throw tooDeep() }
            let operatorOffset = token.start
            try next()
            // `**` is right-associative: its right side may hold another `**`.
            try enter()
            let right = try parseBinary(minimum: operatorKind == .starStar ? precedence - 1 : precedence)
            leave()
            left = try makeBinary(operatorKind, left, right, start.loc, operatorOffset: operatorOffset)
        }
        return left
    }

    func makeBinary(_ kind: TokenKind, _ left: NodeID, _ right: NodeID, _ loc: SourceLoc,
                    operatorOffset: Int) throws(SyntaxError) -> NodeID {
        let logical: LogicalOperator?
        switch kind {
        case .ampersandAmpersand: logical = .and
        case .barBar: logical = .or
        case .questionQuestion: logical = .coalesce
        default: logical = nil
        }
        if let logical {
            // `??` does not mix with `&&` or `||` without parentheses. The error
            // names the second of the two operators, as V8 does.
            if !isParenthesized(left), case .logical(let inner, _, _) = ast[left],
               (inner == .coalesce) != (logical == .coalesce) {
                throw error("Unexpected token '\(kind.text)'", at: operatorOffset)
            }
            if !isParenthesized(right), case .logical(let inner, _, _) = ast[right],
               (inner == .coalesce) != (logical == .coalesce) {
                throw error("Unexpected token '\(inner == .coalesce ? "??" : inner == .and ? "&&" : "||")'",
                            at: logicalOperatorOffset(in: right))
            }
            return add(.logical(logical, left, right), loc)
        }
        let op: BinaryOperator
        switch kind {
        case .plus: op = .add
        case .minus: op = .subtract
        case .star: op = .multiply
        case .slash: op = .divide
        case .percent: op = .remainder
        case .starStar: op = .exponent
        case .shiftLeft: op = .shiftLeft
        case .shiftRight: op = .shiftRight
        case .shiftRightUnsigned: op = .shiftRightUnsigned
        case .ampersand: op = .bitwiseAnd
        case .bar: op = .bitwiseOr
        case .caret: op = .bitwiseXor
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .strictEqual: op = .strictEqual
        case .strictNotEqual: op = .strictNotEqual
        case .less: op = .less
        case .greater: op = .greater
        case .lessEqual: op = .lessEqual
        case .greaterEqual: op = .greaterEqual
        case .kwInstanceof: op = .instanceof
        default: op = .in
        }
        return add(.binary(op, left, right), loc)
    }

    /// Offset of the operator of a logical node: the first `&&`, `||` or `??`
    /// after its left operand. Only the error path uses it.
    func logicalOperatorOffset(in id: NodeID) -> Int {
        var offset = Int(ast.loc(id).offset)
        if case .logical(_, let left, _) = ast[id] { offset = Int(ast.loc(left).offset) }
        while offset + 1 < lexer.length {
            let pair = (lexer.text[offset], lexer.text[offset + 1])
            if pair == (UInt8(ascii: "&"), UInt8(ascii: "&")) || pair == (UInt8(ascii: "|"), UInt8(ascii: "|"))
                || pair == (UInt8(ascii: "?"), UInt8(ascii: "?")) { return offset }
            offset += 1
        }
        return Int(ast.loc(id).offset)
    }

    func parseUnary() throws(SyntaxError) -> NodeID {
        let start = token
        let op: UnaryOperator
        switch kind {
        case .bang: op = .not
        case .tilde: op = .bitwiseNot
        case .plus: op = .plus
        case .minus: op = .minus
        case .kwTypeof: op = .typeof
        case .kwVoid: op = .void
        case .kwDelete: op = .delete
        case .plusPlus, .minusMinus:
            try next()
            try enter()
            let argument = try parseUnary()
            leave()
            try checkSimpleTarget(argument, message: "Invalid left-hand side expression in prefix operation")
            return add(.update(start.kind == .plusPlus ? .increment : .decrement, prefix: true, argument), start.loc)
        case .identifier where context.isAsync && atContextual(.await):
            if context.inParameters {
                throw error("Illegal await-expression in formal parameters of async function", at: start.start)
            }
            try next()
            if cover.yieldOrAwait < 0 { cover.yieldOrAwait = start.start }
            try enter()
            let argument = try parseUnary()
            leave()
            return add(.await(argument), start.loc)
        default:
            let expression = try parseLeftHandSide()
            if (at(.plusPlus) || at(.minusMinus)) && !token.newlineBefore && !isBareArrow(expression) {
                try checkSimpleTarget(expression, message: "Invalid left-hand side expression in postfix operation")
                let update = add(.update(kind == .plusPlus ? .increment : .decrement, prefix: false, expression), start.loc)
                try next()
                return update
            }
            return expression
        }
        try next()
        try enter()
        let argument = try parseUnary()
        leave()
        if op == .delete {
            if context.strict, case .identifier = ast[argument] {
                throw error("Delete of an unqualified identifier in strict mode.", at: start.start)
            }
            if case .privateMember = ast[argument] {
                throw error("Private fields can not be deleted", node: argument)
            }
        }
        return add(.unary(op, argument), start.loc)
    }

    // MARK: Calls and members

    /// LeftHandSideExpression: `new`, calls, member accesses, optional chains,
    /// tagged templates.
    func parseLeftHandSide() throws(SyntaxError) -> NodeID {
        let start = token
        let base: NodeID
        switch kind {
        case .kwNew:
            base = try parseNew()
        case .kwSuper:
            base = try parseSuper(allowCall: true)
        case .kwImport:
            base = try parseImportExpression()
        default:
            base = try parsePrimary()
            if isBareArrow(base) { return base }
        }
        return try parseMemberTail(base, start: start, allowCalls: true)
    }

    func parseMemberTail(_ base: NodeID, start: Token, allowCalls: Bool) throws(SyntaxError) -> NodeID {
        var expression = base
        var inOptionalChain = false
        var links = 0
        while true {
            // A chain deepens the tree one level per link, like a binary chain.
            links += 1
            if depth + links > Parser.maxDepth { throw tooDeep() }
            switch kind {
            case .dot:
                try next()
                expression = try parseMemberName(of: expression, optional: false, start: start)
            case .questionDot:
                guard allowCalls else { throw error("Invalid optional chain from new expression", at: token.start) }
                inOptionalChain = true
                try next()
                switch kind {
                case .leftParen:
                    let arguments = try parseArguments()
                    expression = add(.call(callee: expression, arguments: arguments, optional: true), start.loc)
                case .leftBracket:
                    try next()
                    let property = try withIn(true) { () throws(SyntaxError) in try parseExpression() }
                    try expect(.rightBracket)
                    expression = add(.computedMember(object: expression, property: property, optional: true), start.loc)
                case .noSubstitutionTemplate, .templateHead:
                    throw error("Invalid tagged template on optional chain", at: token.start)
                default:
                    expression = try parseMemberName(of: expression, optional: true, start: start)
                }
            case .leftBracket:
                try next()
                let property = try withIn(true) { () throws(SyntaxError) in try parseExpression() }
                try expect(.rightBracket)
                expression = add(.computedMember(object: expression, property: property, optional: false), start.loc)
            case .leftParen where allowCalls:
                let arguments = try parseArguments()
                expression = add(.call(callee: expression, arguments: arguments, optional: false), start.loc)
            case .noSubstitutionTemplate, .templateHead:
                if inOptionalChain { throw error("Invalid tagged template on optional chain", at: token.start) }
                let quasi = try parseTemplate(tagged: true)
                expression = add(.taggedTemplate(tag: expression, quasi: quasi), start.loc)
            default:
                return inOptionalChain ? add(.optionalChain(expression), start.loc) : expression
            }
        }
    }

    /// After `.` or `?.`: an identifier name (reserved words included) or `#name`.
    func parseMemberName(of object: NodeID, optional: Bool, start: Token) throws(SyntaxError) -> NodeID {
        if at(.privateName) {
            let name = token.name
            try usePrivateName(name, at: token.start)
            try next()
            return add(.privateMember(object: object, property: name, optional: optional), start.loc)
        }
        guard kind.isIdentifierName else { throw unexpected() }
        let name = token.name
        let nameLoc = token.loc
        try next()
        let id = add(.member(object: object, property: name, optional: optional), start.loc)
        ast.setPropertyLoc(id, nameLoc)
        return id
    }

    func parseArguments() throws(SyntaxError) -> NodeList {
        try expect(.leftParen)
        let mark = pending.count
        try withIn(true) { () throws(SyntaxError) in
            while !at(.rightParen) {
                if at(.ellipsis) {
                    let spreadStart = token
                    try next()
                    let argument = try parseAssignment()
                    pending.append(add(.spread(argument), spreadStart.loc))
                } else {
                    pending.append(try parseAssignment())
                }
                if !at(.rightParen) { try expect(.comma) }
            }
        }
        try next()
        return finishList(from: mark)
    }

    func parseNew() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        if try eat(.dot) {
            guard atContextual(.target) else { throw unexpected() }
            guard context.allowNewTarget else { throw error("new.target expression is not allowed here", at: start.start) }
            try next()
            return add(.newTarget, start.loc)
        }
        let calleeStart = token
        var callee: NodeID
        switch kind {
        case .kwNew:
            callee = try parseNew()
        case .kwSuper:
            callee = try parseSuper(allowCall: false)
        case .kwImport:
            throw error("Cannot use new with import", at: token.start)
        default:
            callee = try parsePrimary()
            if isBareArrow(callee) { throw unexpected() }
        }
        callee = try parseMemberTail(callee, start: calleeStart, allowCalls: false)
        let arguments = at(.leftParen) ? try parseArguments() : NodeList.empty
        return add(.new(callee: callee, arguments: arguments), start.loc)
    }

    /// `super.x`, `super[x]` or `super(...)`, where the enclosing function allows it.
    func parseSuper(allowCall: Bool) throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let node = add(.superExpression, start.loc)
        switch kind {
        case .leftParen where allowCall:
            guard context.allowSuperCall else { throw error("'super' keyword unexpected here", at: start.start) }
            let arguments = try parseArguments()
            return add(.call(callee: node, arguments: arguments, optional: false), start.loc)
        case .dot, .leftBracket:
            guard context.allowSuperProperty else { throw error("'super' keyword unexpected here", at: start.start) }
            if at(.dot) {
                try next()
                guard kind.isIdentifierName else { throw unexpected() }
                let name = token.name
                try next()
                return add(.member(object: node, property: name, optional: false), start.loc)
            }
            try next()
            let property = try withIn(true) { () throws(SyntaxError) in try parseExpression() }
            try expect(.rightBracket)
            return add(.computedMember(object: node, property: property, optional: false), start.loc)
        default:
            throw error("'super' keyword unexpected here", at: start.start)
        }
    }

    /// `import.meta` or `import(specifier [, options])`.
    func parseImportExpression() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        if try eat(.dot) {
            guard atContextual(.meta) else { throw unexpected() }
            guard ast.goal == .module else { throw error("Cannot use 'import.meta' outside a module", at: start.start) }
            try next()
            return add(.importMeta, start.loc)
        }
        guard at(.leftParen) else { throw unexpected() }
        try next()
        var source = NodeID.none
        var options = NodeID.none
        try withIn(true) { () throws(SyntaxError) in
            source = try parseAssignment()
            if try eat(.comma), !at(.rightParen) {
                options = try parseAssignment()
                _ = try eat(.comma)
            }
        }
        try expect(.rightParen)
        return add(.importCall(source: source, options: options), start.loc)
    }

    // MARK: Primary expressions

    func parsePrimary() throws(SyntaxError) -> NodeID {
        let start = token
        switch kind {
        case .identifier:
            if atContextual(.async) {
                let next = try peek()
                if !next.newlineBefore {
                    if next.kind == .kwFunction {
                        try self.next()
                        return try parseFunctionExpression(isAsync: true, start: start)
                    }
                    if next.kind == .identifier {
                        // `async x => ...`
                        try self.next()
                        let param = try parseIdentifierReference()
                        guard at(.arrow), !token.newlineBefore else { throw unexpected() }
                        return try parseArrowFromCover([param], isAsync: true, start: start)
                    }
                    if next.kind == .leftParen { return try parseAsyncCallOrArrow() }
                }
            }
            let identifier = try parseIdentifierReference()
            if at(.arrow) && !token.newlineBefore {
                return try parseArrowFromCover([identifier], isAsync: false, start: start)
            }
            return identifier
        case .kwThis:
            try next()
            return add(.this, start.loc)
        case .kwNull:
            try next()
            return add(.null, start.loc)
        case .kwTrue, .kwFalse:
            try next()
            return add(.boolean(start.kind == .kwTrue), start.loc)
        case .number:
            if context.strict && start.legacyOctalOffset >= 0 { throw legacyOctalError(start) }
            try next()
            return add(.number(start.number), start.loc)
        case .bigint:
            try next()
            return add(.bigint(start.name), start.loc)
        case .string:
            if context.strict && start.legacyOctalOffset >= 0 { throw legacyOctalError(start) }
            try next()
            return add(.string(start.name), start.loc)
        case .noSubstitutionTemplate, .templateHead:
            return try parseTemplate(tagged: false)
        case .slash, .slashAssign:
            try lexer.rescanRegExp()
            let pattern = token.name
            let flags = token.raw
            try next()
            return add(.regexp(pattern: pattern, flags: flags), start.loc)
        case .leftBracket:
            return try parseArrayLiteral()
        case .leftBrace:
            return try parseObjectLiteral()
        case .leftParen:
            return try parseParenthesizedOrArrow()
        case .kwFunction:
            return try parseFunctionExpression(isAsync: false, start: start)
        case .kwClass:
            return try parseClassExpression()
        case .kwNew:
            return try parseNew()
        default:
            throw unexpected()
        }
    }

    func legacyOctalError(_ token: Token) -> SyntaxError {
        if token.kind == .string {
            let byte = lexer.text[token.legacyOctalOffset + 1]
            if byte == UInt8(ascii: "8") || byte == UInt8(ascii: "9") {
                return error("\\8 and \\9 are not allowed in strict mode.", at: token.legacyOctalOffset)
            }
            return error("Octal escape sequences are not allowed in strict mode.", at: token.legacyOctalOffset)
        }
        for offset in token.start..<token.end where lexer.text[offset] >= UInt8(ascii: "8") && lexer.text[offset] <= UInt8(ascii: "9") {
            return error("Decimals with leading zeros are not allowed in strict mode.", at: token.start)
        }
        return error("Octal literals are not allowed in strict mode.", at: token.start)
    }

    func parseIdentifierReference() throws(SyntaxError) -> NodeID {
        guard at(.identifier) else { throw unexpected() }
        let start = token
        try checkIdentifierReference(start.name, escaped: start.escaped, at: start.start)
        try next()
        return add(.identifier(start.name), start.loc)
    }

    /// Template literal; for a tagged one, invalid escapes give an undefined cooked value.
    func parseTemplate(tagged: Bool) throws(SyntaxError) -> NodeID {
        let start = token
        var quasis: [NodeID] = []
        var expressions: [NodeID] = []
        while true {
            if !tagged && token.name.isNone && token.templateErrorOffset >= 0 {
                throw error(token.templateError, at: token.templateErrorOffset)
            }
            quasis.append(add(.templateElement(cooked: token.name, raw: token.raw), token.loc))
            if at(.noSubstitutionTemplate) || at(.templateTail) {
                try next()
                break
            }
            try next()
            expressions.append(try withIn(true) { () throws(SyntaxError) in try parseExpression() })
            guard at(.rightBrace) else { throw unexpected() }
            try lexer.rescanTemplateContinuation()
        }
        return add(.template(quasis: list(quasis), expressions: list(expressions)), start.loc)
    }

    func parseArrayLiteral() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let mark = pending.count
        var commaAfterSpread = false
        try withIn(true) { () throws(SyntaxError) in
            while !at(.rightBracket) {
                if at(.comma) {
                    pending.append(add(.hole, token.loc))
                    try next()
                    continue
                }
                let element: NodeID
                if at(.ellipsis) {
                    let spreadStart = token
                    try next()
                    element = add(.spread(try parseAssignment(deferCoverErrors: true)), spreadStart.loc)
                    if at(.comma) { commaAfterSpread = true }
                } else {
                    element = try parseAssignment(deferCoverErrors: true)
                }
                pending.append(element)
                if !at(.rightBracket) { try expect(.comma) }
            }
        }
        try next()
        let array = add(.array(finishList(from: mark)), start.loc)
        if commaAfterSpread { arraysWithCommaAfterSpread.insert(array.index) }
        return array
    }

    func parseObjectLiteral() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let mark = pending.count
        var sawProto = false
        try withIn(true) { () throws(SyntaxError) in
            while !at(.rightBrace) {
                if at(.ellipsis) {
                    let spreadStart = token
                    try next()
                    pending.append(add(.spread(try parseAssignment(deferCoverErrors: true)), spreadStart.loc))
                } else {
                    let property = try parseObjectProperty()
                    if case .property(let key, _, .value, let flags) = ast[property],
                       flags.isDisjoint(with: [.computed, .shorthand, .method]), isProtoKey(key) {
                        if sawProto && cover.duplicateProto < 0 { cover.duplicateProto = Int(ast.loc(key).offset) }
                        sawProto = true
                    }
                    pending.append(property)
                }
                if !at(.rightBrace) { try expect(.comma) }
            }
        }
        try next()
        return add(.object(finishList(from: mark)), start.loc)
    }

    func isProtoKey(_ key: NodeID) -> Bool {
        switch ast[key] {
        case .identifier(let name), .string(let name): return name == .proto
        default: return false
        }
    }

    func parseObjectProperty() throws(SyntaxError) -> NodeID {
        let start = token
        let modifiers = try parseMethodModifiers(allowStatic: false)
        let keyToken = token
        let (key, computed) = try parsePropertyKey(allowPrivate: false)
        var flags: PropertyFlags = computed ? [.computed] : []
        if modifiers.isAsync || modifiers.isGenerator || modifiers.accessor != nil || at(.leftParen) {
            var functionFlags: FunctionFlags = [.isMethod]
            if modifiers.isAsync { functionFlags.insert(.isAsync) }
            if modifiers.isGenerator { functionFlags.insert(.isGenerator) }
            var propertyKind = PropertyKind.value
            if modifiers.accessor == .getter { functionFlags.insert(.isGetter); propertyKind = .getter }
            if modifiers.accessor == .setter { functionFlags.insert(.isSetter); propertyKind = .setter }
            let function = try parseFunctionRest(name: .none, flags: functionFlags, start: start)
            if propertyKind == .value { flags.insert(.method) }
            let value = add(.functionExpression(function), start.loc)
            return add(.property(key: key, value: value, kind: propertyKind, flags: flags), start.loc)
        }
        if try eat(.colon) {
            let value = try parseAssignment(deferCoverErrors: true)
            return add(.property(key: key, value: value, kind: .value, flags: flags), start.loc)
        }
        // Shorthand `{ a }`, or `{ a = 1 }`, which only a pattern may contain.
        guard keyToken.kind == .identifier, !computed else { throw unexpected() }
        try checkIdentifierReference(keyToken.name, escaped: keyToken.escaped, at: keyToken.start)
        flags.insert(.shorthand)
        var value = add(.identifier(keyToken.name), keyToken.loc)
        if at(.assign) {
            if cover.shorthandInit < 0 { cover.shorthandInit = token.start }
            try next()
            let defaultValue = try parseAssignment()
            value = add(.assignmentPattern(target: value, defaultValue: defaultValue), keyToken.loc)
        }
        return add(.property(key: key, value: value, kind: .value, flags: flags), start.loc)
    }

    /// A property key: identifier name, string, number, bigint, `[expr]`, or `#name`.
    func parsePropertyKey(allowPrivate: Bool) throws(SyntaxError) -> (NodeID, computed: Bool) {
        let start = token
        switch kind {
        case .string:
            if context.strict && start.legacyOctalOffset >= 0 { throw legacyOctalError(start) }
            try next()
            return (add(.string(start.name), start.loc), false)
        case .number:
            if context.strict && start.legacyOctalOffset >= 0 { throw legacyOctalError(start) }
            try next()
            return (add(.number(start.number), start.loc), false)
        case .bigint:
            try next()
            return (add(.bigint(start.name), start.loc), false)
        case .leftBracket:
            try next()
            let expression = try withIn(true) { () throws(SyntaxError) in try parseAssignment() }
            try expect(.rightBracket)
            return (expression, true)
        case .privateName where allowPrivate:
            try next()
            return (add(.privateName(start.name), start.loc), false)
        default:
            guard kind.isIdentifierName else { throw unexpected() }
            try next()
            return (add(.identifier(start.name), start.loc), false)
        }
    }

    struct MethodModifiers {
        var isStatic = false
        var isAsync = false
        var isGenerator = false
        var accessor: PropertyKind?
    }

    /// `static`, `async`, `*`, `get`, `set` before a method or property key.
    /// Each is a modifier only if a key follows it; otherwise it is the key.
    func parseMethodModifiers(allowStatic: Bool) throws(SyntaxError) -> MethodModifiers {
        var modifiers = MethodModifiers()
        if allowStatic && atContextual(.static), try startsKeyAfterModifier() {
            modifiers.isStatic = true
            try next()
        }
        if atContextual(.async), try startsKeyAfterModifier(), !(try peek().newlineBefore) {
            modifiers.isAsync = true
            try next()
        }
        if at(.star) {
            modifiers.isGenerator = true
            try next()
            return modifiers
        }
        if !modifiers.isAsync && (atContextual(.get) || atContextual(.set)), try startsKeyAfterModifier() {
            modifiers.accessor = token.name == .get ? .getter : .setter
            try next()
        }
        return modifiers
    }

    /// Whether the token after a would-be modifier starts a property key.
    func startsKeyAfterModifier() throws(SyntaxError) -> Bool {
        let next = try peek()
        switch next.kind {
        case .leftParen, .assign, .semicolon, .rightBrace, .comma, .colon, .eof: return false
        case .string, .number, .bigint, .leftBracket, .privateName, .star: return true
        default: return next.kind.isIdentifierName
        }
    }

    /// `( ... )`: a parenthesized expression, or the parameters of an arrow
    /// function, which only a following `=>` tells apart.
    func parseParenthesizedOrArrow() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        if at(.rightParen) {
            let next = try peek()
            guard next.kind == .arrow, !next.newlineBefore else { throw unexpected() }
            try self.next()
            return try parseArrowFromCover([], isAsync: false, start: start)
        }
        let outerCover = cover
        cover = CoverErrors()
        var elements: [NodeID] = []
        var sawRest = false
        var trailingComma = false
        try withIn(true) { () throws(SyntaxError) in
            while true {
                if at(.ellipsis) {
                    let restStart = token
                    try next()
                    let target = try parseBindingTarget(.collect)
                    elements.append(add(.rest(target), restStart.loc))
                    sawRest = true
                    if !at(.rightParen) { throw error("Rest parameter must be last formal parameter", at: token.start) }
                    break
                }
                elements.append(try parseAssignment(deferCoverErrors: true))
                guard at(.comma) else { break }
                try next()
                if at(.rightParen) {
                    trailingComma = true
                    break
                }
            }
        }
        guard at(.rightParen) else { throw unexpected() }
        try next()
        if at(.arrow) && !token.newlineBefore {
            if cover.yieldOrAwait >= 0 {
                throw error(context.isGenerator ? "Yield expression not allowed in formal parameter"
                            : "Illegal await-expression in formal parameters of async function", at: cover.yieldOrAwait)
            }
            cover = outerCover
            return try parseArrowFromCover(elements, isAsync: false, start: start)
        }
        if sawRest || trailingComma {
            throw error("Unexpected token ')'", at: previousEnd - 1)
        }
        try checkCoverErrors()
        var merged = outerCover
        merged.yieldOrAwait = outerCover.yieldOrAwait >= 0 ? outerCover.yieldOrAwait : cover.yieldOrAwait
        cover = merged
        let expression = elements.count == 1 ? elements[0] : add(.sequence(list(elements)), ast.loc(elements[0]))
        parenthesized.insert(expression.index)
        return expression
    }

    /// `async(...)`: a call of a function named async, or an async arrow's parameters.
    func parseAsyncCallOrArrow() throws(SyntaxError) -> NodeID {
        let start = token
        let callee = try parseIdentifierReference()
        let outerCover = cover
        cover = CoverErrors()
        try expect(.leftParen)
        var elements: [NodeID] = []
        try withIn(true) { () throws(SyntaxError) in
            while !at(.rightParen) {
                if at(.ellipsis) {
                    let spreadStart = token
                    try next()
                    elements.append(add(.spread(try parseAssignment(deferCoverErrors: true)), spreadStart.loc))
                } else {
                    elements.append(try parseAssignment(deferCoverErrors: true))
                }
                if !at(.rightParen) { try expect(.comma) }
            }
        }
        try next()
        if at(.arrow) && !token.newlineBefore {
            if cover.yieldOrAwait >= 0 {
                throw error("Illegal await-expression in formal parameters of async function", at: cover.yieldOrAwait)
            }
            cover = outerCover
            let params = elements.map { element -> NodeID in
                if case .spread(let argument) = ast[element] {
                    replace(element, with: .rest(argument))
                }
                return element
            }
            return try parseArrowFromCover(params, isAsync: true, start: start)
        }
        try checkCoverErrors()
        var merged = outerCover
        merged.yieldOrAwait = outerCover.yieldOrAwait >= 0 ? outerCover.yieldOrAwait : cover.yieldOrAwait
        cover = merged
        return add(.call(callee: callee, arguments: list(elements), optional: false), start.loc)
    }
}

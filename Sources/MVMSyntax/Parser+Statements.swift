// Statements and declarations.

extension Parser {
    /// A statement or a declaration, where a statement list allows both.
    func parseStatementListItem() throws(SyntaxError) -> NodeID {
        switch kind {
        case .kwFunction:
            return try parseFunctionDeclaration(isAsync: false, start: token)
        case .kwClass:
            return try parseClassDeclaration()
        case .kwConst:
            return try parseLexicalDeclaration(.const)
        case .kwImport:
            let next = try peek()
            if next.kind != .leftParen && next.kind != .dot {
                guard ast.goal == .module else { throw error("Cannot use import statement outside a module", at: token.start) }
                guard scopes.count == 1 else { throw unexpected() }
                return try parseImportDeclaration()
            }
        case .kwExport:
            guard ast.goal == .module, scopes.count == 1 else { throw unexpected() }
            return try parseExportDeclaration()
        case .identifier:
            if atContextual(.let), try isLetDeclaration() {
                return try parseLexicalDeclaration(.let)
            }
            if atContextual(.async), try atAsyncFunction() {
                let start = token
                try next()
                return try parseFunctionDeclaration(isAsync: true, start: start)
            }
        default:
            break
        }
        return try parseStatement()
    }

    /// `let` starts a declaration when an identifier, `[` or `{` follows
    /// (otherwise, in sloppy code, it is an identifier).
    func isLetDeclaration() throws(SyntaxError) -> Bool {
        let next = try peek()
        return next.kind == .identifier || next.kind == .leftBracket || next.kind == .leftBrace
    }

    /// `async function` with no line break between the two words.
    func atAsyncFunction() throws(SyntaxError) -> Bool {
        let next = try peek()
        return next.kind == .kwFunction && !next.newlineBefore
    }

    /// A statement (no declarations except where Annex B allows a function).
    func parseStatement(annexBFunctionAllowed: Bool = false) throws(SyntaxError) -> NodeID {
        try enter()
        defer { leave() }
        let labelsHere = labelsBeforeStatement
        labelsBeforeStatement = 0
        let start = token
        switch kind {
        case .leftBrace:
            return try parseBlockStatement()
        case .kwVar:
            try next()
            let declarators = try parseVariableDeclarators(.var, inForHead: false)
            try consumeSemicolon()
            return add(.variableDeclaration(kind: .var, declarators: declarators), start.loc)
        case .semicolon:
            try next()
            return add(.empty, start.loc)
        case .kwIf:
            return try parseIfStatement()
        case .kwFor:
            markLoopLabels(labelsHere)
            return try parseForStatement()
        case .kwWhile:
            markLoopLabels(labelsHere)
            try next()
            let test = try parseParenthesizedCondition()
            let body = try parseLoopBody()
            return add(.whileStatement(test: test, body: body), start.loc)
        case .kwDo:
            markLoopLabels(labelsHere)
            try next()
            let body = try parseLoopBody()
            try expect(.kwWhile)
            let test = try parseParenthesizedCondition()
            // After do-while, a semicolon is inserted even without a line break.
            _ = try eat(.semicolon)
            return add(.doWhile(body: body, test: test), start.loc)
        case .kwContinue, .kwBreak:
            return try parseBreakOrContinue()
        case .kwReturn:
            guard context.inFunction else { throw error("Illegal return statement", at: start.start) }
            try next()
            var argument = NodeID.none
            if !at(.semicolon) && !at(.rightBrace) && !at(.eof) && !token.newlineBefore {
                argument = try parseExpression()
            }
            try consumeSemicolon()
            return add(.returnStatement(argument), start.loc)
        case .kwThrow:
            try next()
            if token.newlineBefore { throw error("Illegal newline after throw", at: token.start) }
            let argument = try parseExpression()
            try consumeSemicolon()
            return add(.throwStatement(argument), start.loc)
        case .kwTry:
            return try parseTryStatement()
        case .kwSwitch:
            return try parseSwitchStatement()
        case .kwWith:
            if context.strict { throw error("Strict mode code may not include a with statement", at: start.start) }
            try next()
            let object = try parseParenthesizedCondition()
            let body = try parseStatement()
            return add(.withStatement(object: object, body: body), start.loc)
        case .kwDebugger:
            try next()
            try consumeSemicolon()
            return add(.debugger, start.loc)
        case .kwFunction:
            if context.strict {
                throw error("In strict mode code, functions can only be declared at top level or inside a block.", at: start.start)
            }
            guard annexBFunctionAllowed else {
                throw error("In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.", at: start.start)
            }
            // Annex B: `if (x) function f() {}` reads as if the function were in a block.
            pushScope(.block)
            defer { popScope() }
            let declaration = try parseFunctionDeclaration(isAsync: false, start: start, plainOnly: true)
            return declaration
        case .kwClass, .kwConst:
            throw error("Lexical declaration cannot appear in a single-statement context", at: start.start)
        case .kwImport:
            let next = try peek()
            if next.kind != .leftParen && next.kind != .dot {
                throw ast.goal == .module ? unexpected() : error("Cannot use import statement outside a module", at: start.start)
            }
        case .kwExport:
            throw unexpected()
        case .identifier:
            if atContextual(.let) {
                let next = try peek()
                if next.kind == .leftBracket || ((next.kind == .identifier || next.kind == .leftBrace) && !next.newlineBefore) {
                    throw error("Lexical declaration cannot appear in a single-statement context", at: start.start)
                }
            }
            if atContextual(.async), try atAsyncFunction() {
                throw error("Async functions can only be declared at the top level or inside a block.", at: start.start)
            }
            if try peek().kind == .colon && !(token.escaped && token.name.isReservedWord) {
                return try parseLabeledStatement(labelsHere: labelsHere)
            }
        default:
            break
        }
        let expression = try parseExpression()
        try consumeSemicolon()
        return add(.expressionStatement(expression), start.loc)
    }

    func markLoopLabels(_ count: Int) {
        for index in (labels.count - count)..<labels.count { labels[index].isLoop = true }
    }

    func parseBlockStatement() throws(SyntaxError) -> NodeID {
        let start = token
        try expect(.leftBrace)
        pushScope(.block)
        let body = try parseStatementsUntilBrace()
        popScope()
        return add(.block(body), start.loc)
    }

    /// Statement list items up to and including the closing `}`.
    func parseStatementsUntilBrace() throws(SyntaxError) -> NodeList {
        let mark = pending.count
        while !at(.rightBrace) {
            if at(.eof) { throw unexpected() }
            pending.append(try parseStatementListItem())
        }
        try next()
        return finishList(from: mark)
    }

    func parseParenthesizedCondition() throws(SyntaxError) -> NodeID {
        try expect(.leftParen)
        let expression = try withIn(true) { () throws(SyntaxError) in try parseExpression() }
        try expect(.rightParen)
        return expression
    }

    func parseLoopBody() throws(SyntaxError) -> NodeID {
        context.loopDepth += 1
        context.breakableDepth += 1
        defer {
            context.loopDepth -= 1
            context.breakableDepth -= 1
        }
        return try parseStatement()
    }

    func parseIfStatement() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let test = try parseParenthesizedCondition()
        let consequent = try parseStatement(annexBFunctionAllowed: true)
        var alternate = NodeID.none
        if try eat(.kwElse) { alternate = try parseStatement(annexBFunctionAllowed: true) }
        return add(.ifStatement(test: test, consequent: consequent, alternate: alternate), start.loc)
    }

    func parseBreakOrContinue() throws(SyntaxError) -> NodeID {
        let start = token
        let isBreak = kind == .kwBreak
        try next()
        var label = Name.none
        if at(.identifier) && !token.newlineBefore {
            label = token.name
            let labelToken = token
            try next()
            var found: Label?
            var index = labels.count - 1
            while index >= context.labelBase {
                if labels[index].name == label { found = labels[index]; break }
                index -= 1
            }
            guard let found else {
                throw error("Undefined label '\(string(label))'", at: labelToken.start)
            }
            if !isBreak && !found.isLoop {
                throw error("Illegal continue statement: '\(string(label))' does not denote an iteration statement", at: start.start)
            }
        } else if isBreak && context.breakableDepth == 0 {
            throw error("Illegal break statement", at: start.start)
        } else if !isBreak && context.loopDepth == 0 {
            throw error("Illegal continue statement: no surrounding iteration statement", at: start.start)
        }
        try consumeSemicolon()
        return add(isBreak ? .breakStatement(label: label) : .continueStatement(label: label), start.loc)
    }

    func parseLabeledStatement(labelsHere: Int) throws(SyntaxError) -> NodeID {
        let start = token
        let name = token.name
        try checkIdentifierReference(name, escaped: token.escaped, at: token.start)
        try next()
        try expect(.colon)
        for index in context.labelBase..<labels.count where labels[index].name == name {
            throw error("Label '\(string(name))' has already been declared", at: start.start)
        }
        labels.append(Label(name: name, isLoop: false))
        defer { labels.removeLast() }
        labelsBeforeStatement = labelsHere + 1
        let body: NodeID
        if at(.kwFunction) {
            // Annex B allows a labelled function declaration in sloppy code.
            if context.strict {
                throw error("In strict mode code, functions can only be declared at top level or inside a block.", at: token.start)
            }
            labelsBeforeStatement = 0
            body = try parseFunctionDeclaration(isAsync: false, start: token, plainOnly: true)
        } else {
            body = try parseStatement()
        }
        return add(.labeled(label: name, body: body), start.loc)
    }

    func parseTryStatement() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let block = try parseBlockStatement()
        var param = NodeID.none
        var handler = NodeID.none
        var finalizer = NodeID.none
        if at(.kwCatch) {
            let catchStart = token
            try next()
            pushScope(.catchClause)
            if try eat(.leftParen) {
                let simple = at(.identifier)
                param = try parseBindingTarget(simple ? .simpleCatchParameter : .catchParameter)
                try expect(.rightParen)
            }
            try expect(.leftBrace)
            let body = try parseStatementsUntilBrace()
            popScope()
            handler = add(.block(body), catchStart.loc)
        }
        if try eat(.kwFinally) {
            finalizer = try parseBlockStatement()
        }
        if handler.isNone && finalizer.isNone {
            throw error("Missing catch or finally after try", at: token.start)
        }
        return add(.tryStatement(block: block, param: param, handler: handler, finalizer: finalizer), start.loc)
    }

    func parseSwitchStatement() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let discriminant = try parseParenthesizedCondition()
        try expect(.leftBrace)
        pushScope(.block)
        context.breakableDepth += 1
        let mark = pending.count
        var sawDefault = false
        while !at(.rightBrace) {
            let caseStart = token
            var test = NodeID.none
            if try eat(.kwCase) {
                test = try withIn(true) { () throws(SyntaxError) in try parseExpression() }
            } else if at(.kwDefault) {
                if sawDefault { throw error("More than one default clause in switch statement", at: token.start) }
                sawDefault = true
                try next()
            } else {
                throw unexpected()
            }
            try expect(.colon)
            let bodyMark = pending.count
            while !at(.kwCase) && !at(.kwDefault) && !at(.rightBrace) {
                if at(.eof) { throw unexpected() }
                pending.append(try parseStatementListItem())
            }
            let body = finishList(from: bodyMark)
            pending.append(add(.switchCase(test: test, body: body), caseStart.loc))
        }
        try next()
        context.breakableDepth -= 1
        popScope()
        return add(.switchStatement(discriminant: discriminant, cases: finishList(from: mark)), start.loc)
    }

    // MARK: Variables

    func parseLexicalDeclaration(_ kind: VariableKind) throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let declarators = try parseVariableDeclarators(kind, inForHead: false)
        try consumeSemicolon()
        return add(.variableDeclaration(kind: kind, declarators: declarators), start.loc)
    }

    /// `a = 1, {b} = c, ...`. In a for head, a missing initializer is checked
    /// by the caller, which knows whether `in`/`of` follows.
    func parseVariableDeclarators(_ kind: VariableKind, inForHead: Bool) throws(SyntaxError) -> NodeList {
        let mark = pending.count
        let bindingKind: BindingKind = kind == .var ? .var : kind == .let ? .let : .const
        repeat {
            let start = token
            let target = try parseBindingTarget(bindingKind)
            var initializer = NodeID.none
            if try eat(.assign) {
                initializer = try parseAssignment()
            } else if !inForHead || !(at(.kwIn) || atContextual(.of)) {
                if kind == .const {
                    throw error("Missing initializer in const declaration", at: token.start)
                }
                if case .identifier = ast[target] {} else {
                    throw error("Missing initializer in destructuring declaration", at: token.start)
                }
            }
            pending.append(add(.variableDeclarator(target: target, initializer: initializer), start.loc))
        } while try eat(.comma)
        return finishList(from: mark)
    }

    // MARK: for

    func parseForStatement() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        var isAwait = false
        if atContextual(.await) {
            guard context.isAsync else { throw error("Unexpected reserved word", at: token.start) }
            isAwait = true
            try next()
        }
        try expect(.leftParen)
        pushScope(.block)
        defer { popScope() }

        var initializer = NodeID.none
        if at(.semicolon) {
            if isAwait { throw unexpected() }
        } else {
            let initStart = token
            var declarationKind: VariableKind?
            if at(.kwVar) {
                declarationKind = .var
            } else if at(.kwConst) {
                declarationKind = .const
            } else if atContextual(.let) {
                let next = try peek()
                if next.kind == .identifier || next.kind == .leftBracket || next.kind == .leftBrace {
                    declarationKind = .let
                }
            }
            if let declarationKind {
                try next()
                let declarators = try withIn(false) { () throws(SyntaxError) in
                    try parseVariableDeclarators(declarationKind, inForHead: true)
                }
                initializer = add(.variableDeclaration(kind: declarationKind, declarators: declarators), initStart.loc)
                if at(.kwIn) || atContextual(.of) {
                    let isOf = atContextual(.of)
                    try checkForInOfDeclaration(declarators, kind: declarationKind, isOf: isOf, start: initStart)
                    return try parseForInOfRest(left: initializer, isOf: isOf, isAwait: isAwait, start: start)
                }
            } else {
                let startsWithLet = atContextual(.let)
                if atContextual(.async) && !isAwait, try asyncOfStartsForOf() {
                    throw error("The left-hand side of a for-of loop may not be 'async'.", at: initStart.start)
                }
                let startsWithAsync = atContextual(.async)
                let outerCover = cover
                cover = CoverErrors()
                let expression = try withIn(false) { () throws(SyntaxError) in
                    try parseExpression(deferCoverErrors: true)
                }
                if at(.kwIn) || atContextual(.of) {
                    let isOf = atContextual(.of)
                    if isOf && startsWithLet { throw error("The left-hand side of a for-of loop may not be 'let'.", at: initStart.start) }
                    if isOf && startsWithAsync && !isAwait && ast[expression] == .identifier(.async) && !isParenthesized(expression) {
                        throw error("The left-hand side of a for-of loop may not be 'async'.", at: initStart.start)
                    }
                    cover = outerCover
                    try toAssignmentTarget(expression, message: isOf ? "Invalid left-hand side in for-of loop" : "Invalid left-hand side in for-in loop")
                    return try parseForInOfRest(left: expression, isOf: isOf, isAwait: isAwait, start: start)
                }
                try checkCoverErrors()
                cover = outerCover
                initializer = expression
            }
        }
        if isAwait { throw unexpected() }
        try expect(.semicolon)
        let test = at(.semicolon) ? NodeID.none : try withIn(true) { () throws(SyntaxError) in try parseExpression() }
        try expect(.semicolon)
        let update = at(.rightParen) ? NodeID.none : try withIn(true) { () throws(SyntaxError) in try parseExpression() }
        try expect(.rightParen)
        let body = try parseLoopBody()
        return add(.forStatement(initializer: initializer, test: test, update: update, body: body), start.loc)
    }

    /// `for (async of x)` is forbidden, but `for (async of => {};;)` is an arrow.
    func asyncOfStartsForOf() throws(SyntaxError) -> Bool {
        let saved = lexer.position
        defer { lexer.restore(saved) }
        try lexer.next()
        guard lexer.token.kind == .identifier, lexer.token.name == .of, !lexer.token.escaped else { return false }
        try lexer.next()
        return lexer.token.kind != .arrow
    }

    func checkForInOfDeclaration(_ declarators: NodeList, kind: VariableKind, isOf: Bool, start: Token) throws(SyntaxError) {
        let loopName = isOf ? "for-of" : "for-in"
        guard declarators.count == 1 else {
            throw error("Invalid left-hand side in \(loopName) loop: Must have a single binding.", at: start.start)
        }
        guard case .variableDeclarator(let target, let initializer) = ast[ast[declarators].first!] else { return }
        if !initializer.isNone {
            // Annex B keeps `for (var x = 1 in o)` working in sloppy code.
            let annexB: Bool
            if case .identifier = ast[target] { annexB = !isOf && kind == .var && !context.strict } else { annexB = false }
            if !annexB {
                throw error("\(loopName) loop variable declaration may not have an initializer.", at: start.start)
            }
        }
    }

    func parseForInOfRest(left: NodeID, isOf: Bool, isAwait: Bool, start: Token) throws(SyntaxError) -> NodeID {
        if isAwait && !isOf { throw unexpected() }
        try next()
        let right = try withIn(true) { () throws(SyntaxError) in
            isOf ? try parseAssignment() : try parseExpression()
        }
        try expect(.rightParen)
        let body = try parseLoopBody()
        if isOf { return add(.forOf(left: left, right: right, body: body, isAwait: isAwait), start.loc) }
        return add(.forIn(left: left, right: right, body: body), start.loc)
    }

    /// Runs `body` with the `in` operator allowed or not.
    @inline(__always)
    func withIn<T>(_ allowed: Bool, _ body: () throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        let saved = allowIn
        allowIn = allowed
        defer { allowIn = saved }
        return try body()
    }
}

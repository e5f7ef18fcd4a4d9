// Functions, arrows, methods and classes.

extension Parser {
    /// `function name(...) {...}` as a declaration; `start` is its first token
    /// (`async` for an async function). With `plainOnly`, generators and async
    /// functions are refused (Annex B positions).
    func parseFunctionDeclaration(isAsync: Bool, start: Token, plainOnly: Bool = false,
                                  nameOptional: Bool = false) throws(SyntaxError) -> NodeID {
        try expect(.kwFunction)
        var flags: FunctionFlags = isAsync ? [.isAsync] : []
        if try eat(.star) { flags.insert(.isGenerator) }
        if plainOnly && !flags.isEmpty { throw unexpected() }
        var name = Name.none
        if at(.identifier) {
            // The name belongs to the enclosing scope and follows its rules.
            try checkBindingIdentifier(token.name, escaped: token.escaped, at: token.start, lexical: false)
            name = token.name
            try declareFunctionName(name, at: token.start)
            try next()
        } else if !nameOptional {
            throw unexpected()
        }
        let function = try parseFunctionRest(name: name, flags: flags, start: start)
        return add(.functionDeclaration(function), start.loc)
    }

    func parseFunctionExpression(isAsync: Bool, start: Token) throws(SyntaxError) -> NodeID {
        try expect(.kwFunction)
        var flags: FunctionFlags = isAsync ? [.isAsync] : []
        if try eat(.star) { flags.insert(.isGenerator) }
        var name = Name.none
        var nameToken: Token?
        if at(.identifier) {
            nameToken = token
            name = token.name
            try next()
        } else if !at(.leftParen) {
            throw unexpected()
        }
        let function = try parseFunctionRest(name: name, flags: flags, start: start, expressionName: nameToken)
        return add(.functionExpression(function), start.loc)
    }

    /// The context of a new non-arrow function: what it inherits and what it resets.
    func functionContext(_ flags: FunctionFlags) -> FunctionContext {
        var inner = FunctionContext()
        inner.strict = context.strict
        inner.isAsync = flags.contains(.isAsync)
        inner.isGenerator = flags.contains(.isGenerator)
        inner.awaitIsReserved = ast.goal == .module
        inner.inFunction = true
        inner.allowNewTarget = true
        inner.allowSuperProperty = flags.contains(.isMethod)
        inner.allowSuperCall = flags.contains(.isDerivedConstructor)
        inner.labelBase = labels.count
        return inner
    }

    /// Parameters and body of a function whose head has been read. A function
    /// expression's own name is checked here, under the function's own rules
    /// (a generator expression may not be called `yield`).
    func parseFunctionRest(name: Name, flags: FunctionFlags, start: Token,
                           expressionName: Token? = nil) throws(SyntaxError) -> FunctionID {
        let savedContext = context
        let savedCover = cover
        let savedAllowIn = allowIn
        let savedParameters = parameterNames
        let savedLabelsBefore = labelsBeforeStatement
        defer {
            context = savedContext
            cover = savedCover
            allowIn = savedAllowIn
            parameterNames = savedParameters
            labelsBeforeStatement = savedLabelsBefore
        }
        context = functionContext(flags)
        cover = CoverErrors()
        allowIn = true
        parameterNames = []
        labelsBeforeStatement = 0
        if let expressionName {
            try checkBindingIdentifier(expressionName.name, escaped: expressionName.escaped,
                                       at: expressionName.start, lexical: false)
        }

        pushScope(.function)
        defer { popScope() }
        let params = try parseFormalParameters(flags: flags)
        let simple = hasSimpleParameters(params)
        try expect(.leftBrace)
        let mark = pending.count
        let useStrictAt = try parseDirectives(into: mark, isFunctionBody: true)
        if useStrictAt >= 0 && !simple {
            throw error("Illegal 'use strict' directive in function with non-simple parameter list", at: useStrictAt)
        }
        if context.becameStrict {
            // The function's own directive makes its name and parameters strict too.
            if let expressionName {
                try checkBindingIdentifier(expressionName.name, escaped: false, at: expressionName.start, lexical: false)
            } else if !name.isNone, name == .eval || name == .arguments || name.isStrictReservedWord {
                throw error(name.isStrictReservedWord ? "Unexpected strict mode reserved word"
                            : "Unexpected eval or arguments in strict mode", at: start.start)
            }
            for parameter in parameterNames {
                try checkBindingIdentifier(parameter.name, escaped: false, at: parameter.offset, lexical: false)
            }
        }
        if context.strict || !simple || flags.contains(.isMethod) || flags.contains(.isArrow) {
            try checkDuplicateParameters()
        }
        while !at(.rightBrace) {
            if at(.eof) { throw unexpected() }
            pending.append(try parseStatementListItem())
        }
        let end = token.end
        try next()
        let body = finishList(from: mark)

        var finalFlags = flags
        if context.strict { finalFlags.insert(.isStrict) }
        if simple { finalFlags.insert(.hasSimpleParameters) }
        if useStrictAt >= 0 { finalFlags.insert(.hasUseStrict) }
        return addFunction(FunctionNode(name: name, params: params, body: body, flags: finalFlags,
                                        start: UInt32(start.start), end: UInt32(end), loc: start.loc))
    }

    func addFunction(_ function: FunctionNode) -> FunctionID {
        ast.functions.append(function)
        return FunctionID(index: Int32(ast.functions.count - 1))
    }

    /// `( a, b = 1, {c}, ...d )`, declared into the current (function) scope.
    func parseFormalParameters(flags: FunctionFlags) throws(SyntaxError) -> NodeList {
        try expect(.leftParen)
        context.inParameters = true
        let mark = pending.count
        while !at(.rightParen) {
            let start = token
            if try eat(.ellipsis) {
                let target = try parseBindingTarget(.parameter)
                if at(.assign) { throw error("Rest parameter may not have a default initializer", at: token.start) }
                pending.append(add(.rest(target), start.loc))
                if !at(.rightParen) { throw error("Rest parameter must be last formal parameter", at: token.start) }
                break
            }
            pending.append(try parseBindingElement(.parameter))
            if !at(.rightParen) { try expect(.comma) }
        }
        try next()
        context.inParameters = false
        let params = finishList(from: mark)
        if flags.contains(.isGetter) && params.count != 0 {
            throw error("Getter must not have any formal parameters.", at: previousEnd - 1)
        }
        if flags.contains(.isSetter) {
            if params.count != 1 { throw error("Setter must have exactly one formal parameter.", at: previousEnd - 1) }
            if case .rest = ast[ast[params].first!] {
                throw error("Setter function argument must not be a rest parameter", at: previousEnd - 1)
            }
        }
        return params
    }

    func hasSimpleParameters(_ params: NodeList) -> Bool {
        ast[params].allSatisfy { id in
            if case .identifier = ast[id] { return true }
            return false
        }
    }

    func checkDuplicateParameters() throws(SyntaxError) {
        var seen = Set<Name>()
        for parameter in parameterNames where !seen.insert(parameter.name).inserted {
            throw error("Duplicate parameter name not allowed in this context", at: parameter.offset)
        }
    }

    // MARK: Arrows

    /// Turns cover elements into parameters and parses the arrow's body; the
    /// current token is `=>`.
    func parseArrowFromCover(_ elements: [NodeID], isAsync: Bool, start: Token) throws(SyntaxError) -> NodeID {
        let savedParameters = parameterNames
        parameterNames = []
        var flags: FunctionFlags = [.isArrow]
        if isAsync { flags.insert(.isAsync) }
        // The parameters follow the arrow's own rules for `await`.
        let savedContext = context
        if isAsync {
            context.isAsync = true
            context.awaitIsReserved = true
        }
        for element in elements { try toBindingTarget(element) }
        context = savedContext
        let params = list(elements)
        defer { parameterNames = savedParameters }
        try expect(.arrow)
        let function = try parseArrowBody(params: params, flags: flags, start: start)
        return add(.arrowFunction(function), start.loc)
    }

    func parseArrowBody(params: NodeList, flags: FunctionFlags, start: Token) throws(SyntaxError) -> FunctionID {
        let savedContext = context
        let savedCover = cover
        let savedLabelsBefore = labelsBeforeStatement
        defer {
            context = savedContext
            cover = savedCover
            labelsBeforeStatement = savedLabelsBefore
        }
        // Arrows keep the enclosing function's `this`, `super`, `new.target` and `arguments`.
        context.isAsync = flags.contains(.isAsync)
        context.isGenerator = false
        if flags.contains(.isAsync) { context.awaitIsReserved = true }
        context.inFunction = true
        context.inParameters = false
        context.becameStrict = false
        context.loopDepth = 0
        context.breakableDepth = 0
        context.labelBase = labels.count
        cover = CoverErrors()
        labelsBeforeStatement = 0

        pushScope(.function)
        defer { popScope() }
        for parameter in parameterNames { scopes[scopes.count - 1].vars.insert(parameter.name) }
        try checkDuplicateParameters()
        let simple = hasSimpleParameters(params)
        var finalFlags = flags
        let body: NodeList
        let end: Int
        if at(.leftBrace) {
            try next()
            let mark = pending.count
            let useStrictAt = try parseDirectives(into: mark, isFunctionBody: true)
            if useStrictAt >= 0 {
                if !simple {
                    throw error("Illegal 'use strict' directive in function with non-simple parameter list", at: useStrictAt)
                }
                finalFlags.insert(.hasUseStrict)
                for parameter in parameterNames {
                    try checkBindingIdentifier(parameter.name, escaped: false, at: parameter.offset, lexical: false)
                }
            }
            while !at(.rightBrace) {
                if at(.eof) { throw unexpected() }
                pending.append(try parseStatementListItem())
            }
            end = token.end
            try next()
            body = finishList(from: mark)
        } else {
            let expression = try parseAssignment()
            end = previousEnd
            body = list([expression])
            finalFlags.insert(.hasExpressionBody)
        }
        if context.strict { finalFlags.insert(.isStrict) }
        if simple { finalFlags.insert(.hasSimpleParameters) }
        return addFunction(FunctionNode(name: .none, params: params, body: body, flags: finalFlags,
                                        start: UInt32(start.start), end: UInt32(end), loc: start.loc))
    }

    // MARK: Classes

    func parseClassDeclaration(nameOptional: Bool = false) throws(SyntaxError) -> NodeID {
        let start = token
        let klass = try parseClass(isDeclaration: true, nameOptional: nameOptional)
        return add(.classDeclaration(klass), start.loc)
    }

    func parseClassExpression() throws(SyntaxError) -> NodeID {
        let start = token
        let klass = try parseClass(isDeclaration: false, nameOptional: true)
        return add(.classExpression(klass), start.loc)
    }

    func parseClass(isDeclaration: Bool, nameOptional: Bool) throws(SyntaxError) -> ClassID {
        let start = token
        try expect(.kwClass)
        let savedStrict = context.strict
        context.strict = true  // all parts of a class are strict mode code
        defer { context.strict = savedStrict }
        var name = Name.none
        if at(.identifier) {
            try checkBindingIdentifier(token.name, escaped: token.escaped, at: token.start, lexical: true)
            name = token.name
            if isDeclaration { try declareLexical(name, .lexical, at: token.start) }
            try next()
        } else if !nameOptional {
            throw unexpected()
        }
        var heritage = NodeID.none
        if try eat(.kwExtends) {
            heritage = try parseLeftHandSide()
        }
        try expect(.leftBrace)
        privateNames.append(PrivateNameScope())
        let mark = pending.count
        var sawConstructor = false
        while !at(.rightBrace) {
            if try eat(.semicolon) { continue }
            if at(.eof) { throw unexpected() }
            let member = try parseClassMember(hasHeritage: !heritage.isNone)
            if case .method(_, _, .constructor, _) = ast[member] {
                if sawConstructor { throw error("A class may only have one constructor", node: member) }
                sawConstructor = true
            }
            pending.append(member)
        }
        let end = token.end
        try next()
        try popPrivateNameScope()
        let members = finishList(from: mark)
        ast.classes.append(ClassNode(name: name, heritage: heritage, members: members,
                                     start: UInt32(start.start), end: UInt32(end), loc: start.loc))
        return ClassID(index: Int32(ast.classes.count - 1))
    }

    func parseClassMember(hasHeritage: Bool) throws(SyntaxError) -> NodeID {
        let start = token
        // `static { ... }`: a static initialization block.
        if atContextual(.static), try peek().kind == .leftBrace {
            try next()
            return try parseStaticBlock(start: start)
        }
        let modifiers = try parseMethodModifiers(allowStatic: true)
        let keyToken = token
        let (key, computed) = try parsePropertyKey(allowPrivate: true)
        var flags: PropertyFlags = computed ? [.computed] : []
        if modifiers.isStatic { flags.insert(.isStatic) }
        let keyName = computed ? nil : staticKeyName(key)
        var privateName: Name?
        if case .privateName(let name) = ast[key] { privateName = name }

        if modifiers.isAsync || modifiers.isGenerator || modifiers.accessor != nil || at(.leftParen) {
            var functionFlags: FunctionFlags = [.isMethod]
            var methodKind = MethodKind.method
            if modifiers.isAsync { functionFlags.insert(.isAsync) }
            if modifiers.isGenerator { functionFlags.insert(.isGenerator) }
            if modifiers.accessor == .getter { functionFlags.insert(.isGetter); methodKind = .getter }
            if modifiers.accessor == .setter { functionFlags.insert(.isSetter); methodKind = .setter }
            if keyName == .constructor && !modifiers.isStatic && keyToken.kind != .privateName {
                if modifiers.accessor != nil { throw error("Class constructor may not be an accessor", at: keyToken.start) }
                if modifiers.isGenerator { throw error("Class constructor may not be a generator", at: keyToken.start) }
                if modifiers.isAsync { throw error("Class constructor may not be an async method", at: keyToken.start) }
                methodKind = .constructor
                functionFlags.insert(.isClassConstructor)
                if hasHeritage { functionFlags.insert(.isDerivedConstructor) }
            }
            if modifiers.isStatic && keyName == .prototype {
                throw error("Classes may not have a static property named 'prototype'", at: keyToken.start)
            }
            if let privateName {
                let kind: PrivateNameScope.Kind = methodKind == .getter ? .getter : methodKind == .setter ? .setter : .method
                try declarePrivateName(privateName, kind, isStatic: modifiers.isStatic, at: keyToken.start)
            }
            let function = try parseFunctionRest(name: .none, flags: functionFlags, start: start)
            return add(.method(key: key, function: function, kind: methodKind, flags: flags), start.loc)
        }

        // A field.
        if keyName == .constructor {
            throw error("Classes may not have a field named 'constructor'", at: keyToken.start)
        }
        if modifiers.isStatic && keyName == .prototype {
            throw error("Classes may not have a static property named 'prototype'", at: keyToken.start)
        }
        if let privateName { try declarePrivateName(privateName, .field, isStatic: modifiers.isStatic, at: keyToken.start) }
        var value = NodeID.none
        if try eat(.assign) {
            value = try parseInClassInitializer { () throws(SyntaxError) in try parseAssignment() }
        }
        try consumeSemicolon()
        return add(.field(key: key, value: value, flags: flags), start.loc)
    }

    /// The string value of a non-computed key, for the `constructor` and
    /// `prototype` rules.
    func staticKeyName(_ key: NodeID) -> Name? {
        switch ast[key] {
        case .identifier(let name), .string(let name): return name
        default: return nil
        }
    }

    /// Field initializers and static blocks: like a method body for `this` and
    /// `super.x`, but `arguments`, `await` and `yield` are out.
    func parseInClassInitializer<T>(_ body: () throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        let savedContext = context
        let savedCover = cover
        defer {
            context = savedContext
            cover = savedCover
        }
        context.awaitIsReserved = context.awaitIsReserved || context.isAsync
        context.isAsync = false
        context.isGenerator = false
        context.allowArguments = false
        context.allowSuperProperty = true
        context.allowSuperCall = false
        context.allowNewTarget = true
        context.inParameters = false
        cover = CoverErrors()
        return try body()
    }

    func parseStaticBlock(start: Token) throws(SyntaxError) -> NodeID {
        try expect(.leftBrace)
        let savedLabelsBefore = labelsBeforeStatement
        defer { labelsBeforeStatement = savedLabelsBefore }
        return try parseInClassInitializer { () throws(SyntaxError) in
            context.awaitIsReserved = true
            context.inFunction = false
            context.loopDepth = 0
            context.breakableDepth = 0
            context.labelBase = labels.count
            labelsBeforeStatement = 0
            pushScope(.function)
            defer { popScope() }
            let body = try parseStatementsUntilBrace()
            return add(.staticBlock(body), start.loc)
        }
    }
}

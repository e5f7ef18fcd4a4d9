// Import and export declarations (module goal, top level only).

extension Parser {
    func parseImportDeclaration() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        let mark = pending.count
        if at(.string) {
            let source = token.name
            try next()
            try parseImportAttributes()
            try consumeSemicolon()
            return add(.importDeclaration(specifiers: finishList(from: mark), source: source), start.loc)
        }
        if at(.identifier) {
            let local = try parseImportBinding()
            pending.append(add(.importDefault(local: local.name), local.loc))
            if try eat(.comma) {
                guard at(.star) || at(.leftBrace) else { throw unexpected() }
            }
        }
        if at(.star) {
            let starStart = token
            try next()
            guard atContextual(.as) else { throw unexpected() }
            try next()
            let local = try parseImportBinding()
            pending.append(add(.importNamespace(local: local.name), starStart.loc))
        } else if try eat(.leftBrace) {
            while !at(.rightBrace) {
                let specifierStart = token
                let imported = try parseModuleExportName()
                var local: Name
                if atContextual(.as) {
                    try next()
                    local = try parseImportBinding().name
                } else {
                    // `import { a }` binds `a`, which must then be a valid identifier.
                    guard specifierStart.kind == .identifier else {
                        throw specifierStart.kind == .string ? error("Unexpected string", at: token.start) : unexpected()
                    }
                    try checkBindingIdentifier(imported, escaped: specifierStart.escaped, at: specifierStart.start, lexical: true)
                    try declareLexical(imported, .lexical, at: specifierStart.start)
                    local = imported
                }
                pending.append(add(.importSpecifier(imported: imported, local: local), specifierStart.loc))
                if !at(.rightBrace) { try expect(.comma) }
            }
            try next()
        }
        guard atContextual(.from) else { throw unexpected() }
        try next()
        guard at(.string) else { throw unexpected() }
        let source = token.name
        try next()
        try parseImportAttributes()
        try consumeSemicolon()
        return add(.importDeclaration(specifiers: finishList(from: mark), source: source), start.loc)
    }

    /// A local name bound by an import: lexical, and strict rules apply.
    func parseImportBinding() throws(SyntaxError) -> (name: Name, loc: SourceLoc) {
        guard at(.identifier) else { throw unexpected() }
        let start = token
        try checkBindingIdentifier(start.name, escaped: start.escaped, at: start.start, lexical: true)
        try declareLexical(start.name, .lexical, at: start.start)
        try next()
        return (start.name, start.loc)
    }

    /// An identifier name (reserved words allowed) or a string.
    func parseModuleExportName() throws(SyntaxError) -> Name {
        if at(.string) || kind.isIdentifierName {
            if at(.string) && !isWellFormedUnicode(token.name) {
                throw error("Invalid module export name: contains unpaired surrogate", at: token.start)
            }
            let name = token.name
            try next()
            return name
        }
        throw unexpected()
    }

    func isWellFormedUnicode(_ name: Name) -> Bool {
        let units = lexer.names[name]
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            if unit >= 0xD800 && unit <= 0xDBFF {
                let next = units.index(after: index)
                guard next < units.endIndex, units[next] >= 0xDC00 && units[next] <= 0xDFFF else { return false }
                index = units.index(after: next)
                continue
            }
            if unit >= 0xDC00 && unit <= 0xDFFF { return false }
            index = units.index(after: index)
        }
        return true
    }

    /// `with { type: "json" }` after a module specifier. Parsed and checked for
    /// form; hosts read the type from the specifier's extension today.
    func parseImportAttributes() throws(SyntaxError) {
        guard at(.kwWith) && !token.newlineBefore || atContextual(Name(id: 0)) else { return }
        try next()
        try expect(.leftBrace)
        var keys = Set<Name>()
        while !at(.rightBrace) {
            let keyStart = token
            guard at(.string) || kind.isIdentifierName else { throw unexpected() }
            if !keys.insert(token.name).inserted {
                throw error("Import attribute has duplicate key '\(string(token.name))'", at: keyStart.start)
            }
            try next()
            try expect(.colon)
            guard at(.string) else { throw unexpected() }
            try next()
            if !at(.rightBrace) { try expect(.comma) }
        }
        try next()
    }

    func parseExportDeclaration() throws(SyntaxError) -> NodeID {
        let start = token
        try next()
        switch kind {
        case .star:
            try next()
            var exported = Name.none
            if atContextual(.as) {
                try next()
                let nameStart = token.start
                exported = try parseModuleExportName()
                try addExportName(exported, at: nameStart)
            }
            guard atContextual(.from) else { throw unexpected() }
            try next()
            guard at(.string) else { throw unexpected() }
            let source = token.name
            try next()
            try parseImportAttributes()
            try consumeSemicolon()
            return add(.exportAll(exported: exported, source: source), start.loc)
        case .leftBrace:
            try next()
            let mark = pending.count
            var locals: [(name: Name, offset: Int, token: Token)] = []
            while !at(.rightBrace) {
                let specifierStart = token
                let local = try parseModuleExportName()
                var exported = local
                if atContextual(.as) {
                    try next()
                    let exportedStart = token.start
                    exported = try parseModuleExportName()
                    try addExportName(exported, at: exportedStart)
                } else {
                    try addExportName(exported, at: specifierStart.start)
                }
                locals.append((local, specifierStart.start, specifierStart))
                pending.append(add(.exportSpecifier(local: local, exported: exported), specifierStart.loc))
                if !at(.rightBrace) { try expect(.comma) }
            }
            try next()
            var source = Name.none
            if atContextual(.from) {
                try next()
                guard at(.string) else { throw unexpected() }
                source = token.name
                try next()
                try parseImportAttributes()
            } else {
                // Without `from`, each local must be an identifier the module declares.
                for local in locals {
                    guard local.token.kind == .identifier || local.token.kind.isKeyword else {
                        throw error("Unexpected string", at: local.offset)
                    }
                    if local.token.kind.isKeyword || local.name.isStrictReservedWord || local.name == .await {
                        throw error("Unexpected reserved word", at: local.offset)
                    }
                    exportedLocals.append((local.name, local.offset))
                }
            }
            try consumeSemicolon()
            return add(.exportNamed(specifiers: finishList(from: mark), source: source), start.loc)
        case .kwDefault:
            let defaultStart = token.start
            try next()
            try addExportName(.defaultName, at: defaultStart)
            let declaration: NodeID
            if at(.kwFunction) {
                declaration = try parseFunctionDeclaration(isAsync: false, start: token, nameOptional: true)
            } else if atContextual(.async), try atAsyncFunction() {
                let asyncStart = token
                try next()
                declaration = try parseFunctionDeclaration(isAsync: true, start: asyncStart, nameOptional: true)
            } else if at(.kwClass) {
                declaration = try parseClassDeclaration(nameOptional: true)
            } else {
                declaration = try parseAssignment()
                try consumeSemicolon()
            }
            return add(.exportDefault(declaration), start.loc)
        default:
            let declaration: NodeID
            switch kind {
            case .kwVar:
                declaration = try parseStatement()
            case .kwConst:
                declaration = try parseLexicalDeclaration(.const)
            case .kwFunction:
                declaration = try parseFunctionDeclaration(isAsync: false, start: token)
            case .kwClass:
                declaration = try parseClassDeclaration()
            case .identifier where atContextual(.let):
                declaration = try parseLexicalDeclaration(.let)
            case .identifier where atContextual(.async):
                guard try atAsyncFunction() else { throw unexpected() }
                let asyncStart = token
                try next()
                declaration = try parseFunctionDeclaration(isAsync: true, start: asyncStart)
            default:
                throw unexpected()
            }
            var names: [(Name, Int)] = []
            switch ast[declaration] {
            case .functionDeclaration(let function):
                names.append((ast[function].name, Int(ast.loc(declaration).offset)))
            case .classDeclaration(let klass):
                names.append((ast[klass].name, Int(ast.loc(declaration).offset)))
            default:
                boundNames(of: declaration, into: &names)
            }
            for (name, offset) in names { try addExportName(name, at: offset) }
            return add(.exportDeclaration(declaration), start.loc)
        }
    }
}

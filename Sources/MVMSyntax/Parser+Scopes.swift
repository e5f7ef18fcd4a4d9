// Declarations and the early errors about names: redeclarations, reserved
// words, private names, exports.

enum ScopeKind {
    case script, module, function, block, catchClause
    /// Where `var` declarations stop hoisting.
    var isVarBoundary: Bool { self == .script || self == .module || self == .function }
}

enum DeclarationKind: UInt8 {
    /// let, const, class, import, and function declarations in modules and strict blocks.
    case lexical
    /// A function declaration in a sloppy-mode block: Annex B lets two of them share a name.
    case sloppyBlockFunction
    /// `catch (e)`: a `var e` in the catch block is allowed (Annex B).
    case simpleCatchParameter
    case catchParameter
}

/// How a binding pattern declares its names.
enum BindingKind {
    case `var`, `let`, const, parameter, catchParameter, simpleCatchParameter
    /// Collected only: arrow parameters before the arrow's scope exists.
    case collect
}

struct Scope {
    var kind: ScopeKind
    /// Lexically declared names. Dictionaries allocate only when first written,
    /// so scopes without declarations (most blocks) cost nothing.
    var lexical: [Name: DeclarationKind] = [:]
    /// `var` names declared in this scope or hoisted through it, and parameters.
    var vars: Set<Name> = []

    init(kind: ScopeKind) { self.kind = kind }
}

/// The private names of one class body.
struct PrivateNameScope {
    enum Kind: UInt8 { case field, method, getter, setter, accessorPair }
    var declared: [Name: (kind: Kind, isStatic: Bool)] = [:]
    var unresolved: [(name: Name, offset: Int)] = []
}

extension Parser {
    func pushScope(_ kind: ScopeKind) { scopes.append(Scope(kind: kind)) }
    func popScope() { scopes.removeLast() }

    func redeclared(_ name: Name, at offset: Int) -> SyntaxError {
        error("Identifier '\(string(name))' has already been declared", at: offset)
    }

    /// A `var` (or a function declaration at a function's top level): it hoists
    /// to the nearest function scope and clashes with any lexical declaration of
    /// the same name in the scopes it passes through.
    func declareVar(_ name: Name, at offset: Int) throws(SyntaxError) {
        var index = scopes.count - 1
        while index >= 0 {
            if let existing = scopes[index].lexical[name], existing != .simpleCatchParameter {
                throw redeclared(name, at: offset)
            }
            scopes[index].vars.insert(name)
            if scopes[index].kind.isVarBoundary { break }
            index -= 1
        }
    }

    /// let, const, class, import, and block-level function declarations.
    func declareLexical(_ name: Name, _ kind: DeclarationKind, at offset: Int) throws(SyntaxError) {
        let index = scopes.count - 1
        if let existing = scopes[index].lexical[name] {
            let annexBPair = kind == .sloppyBlockFunction && existing == .sloppyBlockFunction
            if !annexBPair { throw redeclared(name, at: offset) }
        }
        if scopes[index].vars.contains(name) { throw redeclared(name, at: offset) }
        scopes[index].lexical[name] = kind
    }

    /// A function declaration's name, declared where the function stands.
    func declareFunctionName(_ name: Name, at offset: Int) throws(SyntaxError) {
        switch scopes[scopes.count - 1].kind {
        case .script, .function:
            try declareVar(name, at: offset)
        case .module:
            try declareLexical(name, .lexical, at: offset)
        case .block, .catchClause:
            try declareLexical(name, context.strict ? .lexical : .sloppyBlockFunction, at: offset)
        }
    }

    func declare(_ name: Name, _ kind: BindingKind, at offset: Int) throws(SyntaxError) {
        switch kind {
        case .var:
            try declareVar(name, at: offset)
        case .let, .const:
            try declareLexical(name, .lexical, at: offset)
        case .parameter:
            parameterNames.append((name, offset))
            scopes[scopes.count - 1].vars.insert(name)
        case .catchParameter, .simpleCatchParameter:
            let index = scopes.count - 1
            if scopes[index].lexical[name] != nil { throw redeclared(name, at: offset) }
            scopes[index].lexical[name] = kind == .simpleCatchParameter ? .simpleCatchParameter : .catchParameter
        case .collect:
            break  // the arrow declares its parameters once it knows it is one
        }
    }

    // MARK: Identifier rules

    /// Checks a name used as a binding (declaration, parameter, pattern target).
    func checkBindingIdentifier(_ name: Name, escaped: Bool, at offset: Int, lexical: Bool) throws(SyntaxError) {
        try checkIdentifierReference(name, escaped: escaped, at: offset)
        if context.strict && (name == .eval || name == .arguments) {
            throw error("Unexpected eval or arguments in strict mode", at: offset)
        }
        if lexical && name == .let {
            throw error("let is disallowed as a lexically bound name", at: offset)
        }
    }

    /// Checks a name used as an identifier (a reference or a binding).
    func checkIdentifierReference(_ name: Name, escaped: Bool, at offset: Int) throws(SyntaxError) {
        if name.id < Name.reservedCount {
            throw error(escaped ? "Keyword must not contain escaped characters" : "Unexpected token '\(string(name))'", at: offset)
        }
        if context.strict && name.isStrictReservedWord {
            throw error("Unexpected strict mode reserved word", at: offset)
        }
        if name == .yield && context.isGenerator {
            throw error(context.inParameters ? "Yield expression not allowed in formal parameter" : "Unexpected identifier 'yield'", at: offset)
        }
        if name == .await && (context.isAsync || context.awaitIsReserved) {
            throw error(context.inParameters && context.isAsync
                        ? "Illegal await-expression in formal parameters of async function" : "Unexpected reserved word", at: offset)
        }
        if name == .arguments && !context.allowArguments {
            throw error("'arguments' is not allowed in class field initializer or static initialization block", at: offset)
        }
    }

    // MARK: Private names

    func declarePrivateName(_ name: Name, _ kind: PrivateNameScope.Kind, isStatic: Bool, at offset: Int) throws(SyntaxError) {
        let index = privateNames.count - 1
        if name == .constructor {
            throw error("Classes may not have a private field named '#constructor'", at: offset)
        }
        if let existing = privateNames[index].declared[name] {
            let pairs = (existing.kind == .getter && kind == .setter) || (existing.kind == .setter && kind == .getter)
            guard pairs && existing.isStatic == isStatic else {
                throw error("Identifier '#\(string(name))' has already been declared", at: offset)
            }
            privateNames[index].declared[name] = (.accessorPair, isStatic)
        } else {
            privateNames[index].declared[name] = (kind, isStatic)
        }
    }

    /// A `#name` reference; resolved when its class body ends, since a class may
    /// use a private name before declaring it.
    func usePrivateName(_ name: Name, at offset: Int) throws(SyntaxError) {
        guard !privateNames.isEmpty else { throw undeclaredPrivateName(name, at: offset) }
        privateNames[privateNames.count - 1].unresolved.append((name, offset))
    }

    func undeclaredPrivateName(_ name: Name, at offset: Int) -> SyntaxError {
        error("Private field '#\(string(name))' must be declared in an enclosing class", at: offset)
    }

    /// Ends a class body: its unresolved references move to the enclosing class,
    /// or are errors at the outermost one.
    func popPrivateNameScope() throws(SyntaxError) {
        let scope = privateNames.removeLast()
        for reference in scope.unresolved where scope.declared[reference.name] == nil {
            if privateNames.isEmpty { throw undeclaredPrivateName(reference.name, at: reference.offset) }
            privateNames[privateNames.count - 1].unresolved.append(reference)
        }
    }

    // MARK: Module exports

    func addExportName(_ name: Name, at offset: Int) throws(SyntaxError) {
        if exportedNames.updateValue(offset, forKey: name) != nil {
            throw error("Duplicate export of '\(string(name))'", at: offset)
        }
    }

    /// `export { x }` must name something the module declares.
    func checkModuleExports() throws(SyntaxError) {
        let moduleScope = scopes[0]
        for (name, offset) in exportedLocals where moduleScope.lexical[name] == nil && !moduleScope.vars.contains(name) {
            throw error("Export '\(string(name))' is not defined in module", at: offset)
        }
    }

    /// The names a binding pattern declares, in source order.
    func boundNames(of id: NodeID, into names: inout [(Name, Int)]) {
        switch ast[id] {
        case .identifier(let name):
            names.append((name, Int(ast.loc(id).offset)))
        case .objectPattern(let members), .arrayPattern(let members):
            for member in ast[members] { boundNames(of: member, into: &names) }
        case .property(_, let value, _, _):
            boundNames(of: value, into: &names)
        case .assignmentPattern(let target, _), .rest(let target):
            boundNames(of: target, into: &names)
        case .variableDeclaration(_, let declarators):
            for declarator in ast[declarators] { boundNames(of: declarator, into: &names) }
        case .variableDeclarator(let target, _):
            boundNames(of: target, into: &names)
        default:
            break
        }
    }
}

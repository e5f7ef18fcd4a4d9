// Scope analysis: which names each scope declares and which bindings are
// captured by an inner function. Captured bindings live in a heap context;
// all others live in registers. The analyzer walks the tree exactly as the
// code generator does, creating the same scopes under the same keys, so the
// generator finds every binding's fate by key.
import MVMSyntax

enum BindingKind: Equatable {
    case `var`, `let`, const, `class`, function, parameter, catchParameter
    /// A named function expression's own name (read-only, silently in sloppy mode).
    case calleeName
    /// The pseudo-bindings that arrows see through: this, new.target, the home object.
    case this, newTarget, home
    case arguments
    /// A classic script's top-level var or function: a property of the global object.
    case global
    /// A module's imported name: its slot holds an import cell (see ModuleInfo).
    case `import`

    var isLexical: Bool { self == .let || self == .const || self == .class }
    var isConstant: Bool { self == .const || self == .calleeName || self == .import }
}

/// Names the pseudo-bindings with ids no parse can produce.
extension Name {
    static let thisBinding = Name(id: .max - 1)
    static let newTargetBinding = Name(id: .max - 2)
    static let homeBinding = Name(id: .max - 3)
    /// A module's `import.meta` object.
    static let importMetaBinding = Name(id: .max - 4)

    /// The class-scope binding holding private name `#name`'s key (a fresh
    /// private symbol each time the class is evaluated).
    static func privateKey(_ name: Name) -> Name { Name(id: 0x4000_0000 | name.id) }
    /// The binding holding private method `#name` (or its getter).
    static func privateMethod(_ name: Name) -> Name { Name(id: 0x2000_0000 | name.id) }
    /// The binding holding private accessor `#name`'s setter.
    static func privateSetter(_ name: Name) -> Name { Name(id: 0x1000_0000 | name.id) }
}

final class Binding {
    let name: Name
    let kind: BindingKind
    /// Source offset of the declaration; uses before it may hit the TDZ.
    let offset: UInt32
    unowned let scope: Scope
    var captured = false
    /// Set by the generator: the register, or the context slot when captured.
    var register: UInt32 = noRegister
    var slot = -1
    /// Declared in a switch case: a later case may run without the declaration.
    var inSwitch = false
    var referenced = false
    /// A sloppy-mode `var` made for a block-level function (Annex B).
    var isAnnexB = false
    /// A use may run before the declaration: reads check for the TDZ marker.
    var needsTDZCheck = false

    init(name: Name, kind: BindingKind, offset: UInt32, scope: Scope) {
        self.name = name
        self.kind = kind
        self.offset = offset
        self.scope = scope
    }
}

enum ScopeKey: Hashable {
    case program
    case function(Int32)
    case defaultConstructor(Int32)
    case fieldInitializer(Int32, isStatic: Bool)
    case node(Int32)
    case classBody(Int32)
}

final class Scope {
    enum Kind { case function, block }
    let kind: Kind
    let parent: Scope?
    /// The function scope this scope belongs to (itself for a function scope).
    unowned(unsafe) var function: Scope!
    var bindings: [Name: Binding] = [:]
    var ordered: [Binding] = []
    var isArrow = false
    var isProgram = false
    /// A function scope that reads outer bindings or creates closures needs
    /// its closure's context in a register.
    var usesClosureContext = false
    /// Set by the generator: `this` starts uninitialized until super() returns.
    var isDerivedConstructor = false
    /// Set by the generator: the register holding this scope's context.
    var contextRegister: UInt32 = noRegister

    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
    }

    /// Known once analysis is done (captured flags no longer change).
    lazy var needsContext: Bool = ordered.contains { $0.captured }

    @discardableResult
    func declare(_ name: Name, _ kind: BindingKind, offset: UInt32) -> Binding {
        if let existing = bindings[name] { return existing }
        let binding = Binding(name: name, kind: kind, offset: offset, scope: self)
        bindings[name] = binding
        ordered.append(binding)
        return binding
    }
}

/// Where the parts of a class live when compiled as functions.
enum FunctionSource: Hashable {
    case function(FunctionID)
    case defaultConstructor(ClassID)
    case fieldInitializer(ClassID, isStatic: Bool)

    var key: ScopeKey {
        switch self {
        case .function(let id): return .function(id.index)
        case .defaultConstructor(let id): return .defaultConstructor(id.index)
        case .fieldInitializer(let id, let isStatic): return .fieldInitializer(id.index, isStatic: isStatic)
        }
    }
}

/// Declarations found in statement lists, shared by analyzer and generator.
struct Declarations {
    let ast: AST

    /// Names bound by a pattern, in order.
    func boundNames(_ pattern: NodeID, into names: inout [(Name, NodeID)]) {
        if pattern.isNone { return }
        switch ast[pattern] {
        case .identifier(let name): names.append((name, pattern))
        case .objectPattern(let members):
            for member in ast[members] {
                switch ast[member] {
                case .property(_, let value, _, _): boundNames(value, into: &names)
                case .rest(let target): boundNames(target, into: &names)
                default: break
                }
            }
        case .arrayPattern(let elements):
            for element in ast[elements] { boundNames(element, into: &names) }
        case .assignmentPattern(let target, _): boundNames(target, into: &names)
        case .rest(let target): boundNames(target, into: &names)
        default: break
        }
    }

    /// Lexical declarations directly in a statement list: let, const, class,
    /// and (in blocks) function declarations.
    func lexical(_ statements: ArraySlice<NodeID>, functionsAreLexical: Bool)
        -> [(Name, BindingKind, NodeID)] {
        var result: [(Name, BindingKind, NodeID)] = []
        for statement in statements { lexical(statement, functionsAreLexical, &result) }
        return result
    }

    private func lexical(_ statement: NodeID, _ functionsAreLexical: Bool, _ result: inout [(Name, BindingKind, NodeID)]) {
        switch ast[statement] {
        case .variableDeclaration(let kind, let declarators) where kind != .var:
            for declarator in ast[declarators] {
                guard case .variableDeclarator(let target, _) = ast[declarator] else { continue }
                var names: [(Name, NodeID)] = []
                boundNames(target, into: &names)
                for (name, node) in names { result.append((name, kind == .let ? .let : .const, node)) }
            }
        case .classDeclaration(let id):
            let name = ast[id].name
            result.append((name.isNone ? .starDefault : name, .class, statement))
        case .functionDeclaration(let id) where functionsAreLexical:
            result.append((ast[id].name.isNone ? .starDefault : ast[id].name, .let, statement))
        case .exportDeclaration(let inner):
            lexical(inner, functionsAreLexical, &result)
        case .exportDefault(let inner):
            switch ast[inner] {
            case .functionDeclaration, .classDeclaration: lexical(inner, functionsAreLexical, &result)
            default: result.append((.starDefault, .const, statement))
            }
        case .labeled(_, let body):
            lexical(body, functionsAreLexical, &result)
        default: break
        }
    }

    /// `var` names and top-level function declarations of a function body,
    /// found through nested statements but not nested functions.
    func varScoped(_ statements: ArraySlice<NodeID>) -> (vars: [(Name, NodeID)], functions: [NodeID]) {
        var vars: [(Name, NodeID)] = []
        var functions: [NodeID] = []
        for statement in statements {
            switch ast[statement] {
            case .functionDeclaration: functions.append(statement)
            case .exportDeclaration(let inner) where isFunctionDeclaration(inner): functions.append(inner)
            case .exportDefault(let inner) where isFunctionDeclaration(inner): functions.append(inner)
            default: collectVars(statement, &vars)
            }
        }
        return (vars, functions)
    }

    /// Annex B (sloppy mode): names of function declarations nested in
    /// blocks, which also become `var`s of the enclosing function.
    func blockFunctionNames(_ statements: ArraySlice<NodeID>) -> [Name] {
        var names: [Name] = []
        func walk(_ node: NodeID, nested: Bool) {
            if node.isNone { return }
            switch ast[node] {
            case .functionDeclaration(let id) where nested:
                if !ast[id].name.isNone { names.append(ast[id].name) }
            case .block(let list): for s in ast[list] { walk(s, nested: true) }
            case .ifStatement(_, let a, let b): walk(a, nested: true); walk(b, nested: true)
            case .forStatement(_, _, _, let body), .forIn(_, _, let body), .forOf(_, _, let body, _),
                 .whileStatement(_, let body), .doWhile(let body, _), .labeled(_, let body):
                walk(body, nested: true)
            case .tryStatement(let block, _, let handler, let finalizer):
                walk(block, nested: true); walk(handler, nested: true); walk(finalizer, nested: true)
            case .switchStatement(_, let cases):
                for c in ast[cases] {
                    if case .switchCase(_, let body) = ast[c] { for s in ast[body] { walk(s, nested: true) } }
                }
            default: break
            }
        }
        for statement in statements { walk(statement, nested: false) }
        return names
    }

    func isFunctionDeclaration(_ node: NodeID) -> Bool {
        if case .functionDeclaration = ast[node] { return true }
        return false
    }

    private func collectVars(_ statement: NodeID, _ vars: inout [(Name, NodeID)]) {
        if statement.isNone { return }
        switch ast[statement] {
        case .variableDeclaration(.var, let declarators):
            for declarator in ast[declarators] {
                if case .variableDeclarator(let target, _) = ast[declarator] { boundNames(target, into: &vars) }
            }
        case .block(let list): for s in ast[list] { collectVars(s, &vars) }
        case .ifStatement(_, let consequent, let alternate):
            collectVars(consequent, &vars); collectVars(alternate, &vars)
        case .forStatement(let initializer, _, _, let body):
            collectVars(initializer, &vars); collectVars(body, &vars)
        case .forIn(let left, _, let body), .forOf(let left, _, let body, _):
            collectVars(left, &vars); collectVars(body, &vars)
        case .whileStatement(_, let body), .doWhile(let body, _), .labeled(_, let body),
             .withStatement(_, let body):
            collectVars(body, &vars)
        case .tryStatement(let block, _, let handler, let finalizer):
            collectVars(block, &vars); collectVars(handler, &vars); collectVars(finalizer, &vars)
        case .switchStatement(_, let cases):
            for c in ast[cases] {
                if case .switchCase(_, let body) = ast[c] { for s in ast[body] { collectVars(s, &vars) } }
            }
        case .exportDeclaration(let inner): collectVars(inner, &vars)
        default: break
        }
    }
}

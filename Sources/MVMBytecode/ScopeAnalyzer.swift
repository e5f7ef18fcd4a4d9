// The analysis pass: builds every scope and marks captured bindings.
import MVMSyntax

final class ScopeAnalyzer {
    let ast: AST
    let decls: Declarations
    var scopes: [ScopeKey: Scope] = [:]
    private var current: Scope!
    /// let/const bindings whose initializer is being visited: a reference
    /// from inside it (`let z = z + 1`) runs before initialization.
    private var initializing: [Binding] = []

    init(ast: AST) {
        self.ast = ast
        self.decls = Declarations(ast: ast)
    }

    // MARK: Scope construction (the generator calls the same builders)

    /// Creates the program scope and analyzes the whole tree.
    func analyzeProgram() {
        let scope = Scope(kind: .function, parent: nil)
        scope.function = scope
        scope.isProgram = true
        scopes[.program] = scope
        declareProgram(scope)
        withScope(scope) { visitStatements(ast[ast.body]) }
        if ast.goal == .module {
            // A module's top level lives in the context the runtime creates
            // before linking: every binding is a slot there, so imports from
            // other modules can point at it.
            for binding in scope.ordered { binding.captured = true }
            scope.usesClosureContext = true
        }
    }

    private func declareProgram(_ scope: Scope) {
        let body = ast[ast.body]
        scope.declare(.thisBinding, .this, offset: 0)
        let (vars, functions) = decls.varScoped(body)
        let isScript = ast.goal == .script
        for (name, node) in vars { scope.declare(name, isScript ? .global : .var, offset: ast.loc(node).offset) }
        for node in functions {
            guard case .functionDeclaration(let id) = ast[node] else { continue }
            let name = ast[id].name.isNone ? Name.starDefault : ast[id].name
            scope.declare(name, isScript ? .global : .function, offset: 0)
        }
        declareLexical(scope, decls.lexical(body, functionsAreLexical: false), inSwitch: false)
        if !ast.isStrict { declareAnnexB(scope, body, kind: isScript ? .global : .var) }
        if !isScript {
            for statement in body {
                guard case .importDeclaration(let specifiers, _) = ast[statement] else { continue }
                for specifier in ast[specifiers] {
                    switch ast[specifier] {
                    case .importSpecifier(_, let local), .importDefault(let local), .importNamespace(let local):
                        scope.declare(local, .import, offset: 0)
                    default: break
                    }
                }
            }
            scope.declare(.importMetaBinding, .const, offset: 0)
        }
    }

    /// Sloppy code: a function declared in a block is also a `var` of the
    /// function around it, unless that would clash with a lexical name.
    private func declareAnnexB(_ scope: Scope, _ body: ArraySlice<NodeID>, kind: BindingKind) {
        for name in decls.blockFunctionNames(body) where scope.bindings[name] == nil {
            scope.declare(name, kind, offset: 0).isAnnexB = true
        }
    }

    private func declareLexical(_ scope: Scope, _ list: [(Name, BindingKind, NodeID)], inSwitch: Bool) {
        for (name, kind, node) in list {
            // A block-level function is initialized on block entry: no TDZ.
            let offset = kind == .let && decls.isFunctionDeclaration(node) ? 0 : ast.loc(node).offset
            let binding = scope.declare(name, kind, offset: offset)
            binding.inSwitch = inSwitch
        }
    }

    func withScope(_ scope: Scope, _ body: () -> Void) {
        let saved = current
        current = scope
        body()
        current = saved
    }

    /// Declares a function's parameters, vars, functions and lexical names.
    func declareFunction(_ scope: Scope, _ source: FunctionSource, isExpression: Bool) {
        switch source {
        case .function(let id):
            let function = ast[id]
            let isArrow = function.flags.contains(.isArrow)
            scope.isArrow = isArrow
            if !isArrow {
                scope.declare(.thisBinding, .this, offset: 0)
                scope.declare(.newTargetBinding, .newTarget, offset: 0)
                scope.declare(.homeBinding, .home, offset: 0)
            }
            var names: [(Name, NodeID)] = []
            for param in ast[function.params] { decls.boundNames(param, into: &names) }
            for (name, _) in names { scope.declare(name, .parameter, offset: 0) }
            if function.flags.contains(.hasExpressionBody) { break }
            let body = ast[function.body]
            let (vars, functions) = decls.varScoped(body)
            for (name, _) in vars { scope.declare(name, .var, offset: 0) }
            for node in functions {
                if case .functionDeclaration(let fid) = ast[node] { scope.declare(ast[fid].name, .function, offset: 0) }
            }
            declareLexical(scope, decls.lexical(body, functionsAreLexical: false), inSwitch: false)
            if !function.flags.contains(.isStrict) { declareAnnexB(scope, body, kind: .var) }
            if isExpression && !function.name.isNone && scope.bindings[function.name] == nil {
                scope.declare(function.name, .calleeName, offset: 0)
            }
        case .defaultConstructor, .fieldInitializer:
            scope.declare(.thisBinding, .this, offset: 0)
            scope.declare(.newTargetBinding, .newTarget, offset: 0)
            scope.declare(.homeBinding, .home, offset: 0)
        }
    }

    /// The scope a block statement creates, or nil when it declares nothing.
    func blockDeclarations(_ list: NodeList) -> [(Name, BindingKind, NodeID)] {
        decls.lexical(ast[list], functionsAreLexical: true)
    }

    func newScope(_ key: ScopeKey, kind: Scope.Kind) -> Scope {
        let scope = Scope(kind: kind, parent: current)
        scope.function = kind == .function ? scope : current.function
        scopes[key] = scope
        return scope
    }

    // MARK: Resolution

    private func reference(_ name: Name, at offset: UInt32 = .max) {
        var scope: Scope? = current
        while let s = scope {
            if let binding = s.bindings[name] {
                binding.referenced = true
                if initializing.contains(where: { $0 === binding }) { binding.needsTDZCheck = true }
                if binding.kind == .global { return }  // a property of the global object
                if binding.scope.function !== current.function {
                    binding.captured = true
                    current.function.usesClosureContext = true
                } else if binding.kind.isLexical && (offset < binding.offset || binding.inSwitch) {
                    binding.needsTDZCheck = true
                }
                return
            }
            if name == .arguments && s.kind == .function && !s.isArrow && !s.isProgram {
                let binding = s.declare(.arguments, .arguments, offset: 0)
                binding.referenced = true
                if s !== current.function {
                    binding.captured = true
                    current.function.usesClosureContext = true
                }
                return
            }
            scope = s.parent
        }
    }

    private func lookup(_ name: Name) -> Binding? {
        var scope: Scope? = current
        while let s = scope {
            if let binding = s.bindings[name] { return binding }
            scope = s.parent
        }
        return nil
    }

    // MARK: Walk

    private func visitStatements(_ list: ArraySlice<NodeID>) {
        for statement in list { visit(statement) }
    }

    private func visitFunction(_ source: FunctionSource, isExpression: Bool) {
        current.function.usesClosureContext = true
        let scope = newScope(source.key, kind: .function)
        declareFunction(scope, source, isExpression: isExpression)
        withScope(scope) {
            switch source {
            case .function(let id):
                let function = ast[id]
                for param in ast[function.params] { visit(param) }
                for statement in ast[function.body] { visit(statement) }
            case .defaultConstructor:
                break
            case .fieldInitializer(let id, let isStatic):
                for member in ast[ast[id].members] {
                    switch ast[member] {
                    case .method(let key, _, let kind, let flags) where !isStatic && !flags.contains(.isStatic):
                        if case .privateName(let name) = ast[key] {
                            reference(.privateKey(name))
                            reference(kind == .setter ? .privateSetter(name) : .privateMethod(name))
                        }
                    case .field(let key, let value, let flags) where flags.contains(.isStatic) == isStatic:
                        if flags.contains(.computed) { visit(key) }
                        if case .privateName(let name) = ast[key] { reference(.privateKey(name)) }
                        visit(value)
                    case .staticBlock(let body) where isStatic:
                        // A static block's vars stay inside the block.
                        let block = newScope(.node(member.index), kind: .block)
                        let (vars, functions) = decls.varScoped(ast[body])
                        for (name, _) in vars { block.declare(name, .var, offset: 0) }
                        for node in functions {
                            if case .functionDeclaration(let fid) = ast[node] { block.declare(ast[fid].name, .function, offset: 0) }
                        }
                        declareLexical(block, decls.lexical(ast[body], functionsAreLexical: false), inSwitch: false)
                        withScope(block) { visitStatements(ast[body]) }
                    default: break
                    }
                }
            }
        }
    }

    private func visitClass(_ id: ClassID) {
        let node = ast[id]
        visit(node.heritage)
        let scope = newScope(.classBody(id.index), kind: .block)
        if !node.name.isNone { scope.declare(node.name, .const, offset: 0) }
        for member in ast[node.members] {
            switch ast[member] {
            case .method(let key, _, let kind, _):
                guard case .privateName(let name) = ast[key] else { continue }
                // Initialized before any code can read them, so no TDZ: `var` kind.
                scope.declare(.privateKey(name), .var, offset: 0)
                scope.declare(kind == .setter ? .privateSetter(name) : .privateMethod(name), .var, offset: 0)
            case .field(let key, _, _):
                if case .privateName(let name) = ast[key] { scope.declare(.privateKey(name), .var, offset: 0) }
            default: break
            }
        }
        withScope(scope) {
            var hasConstructor = false, hasInstanceFields = false, hasStaticInit = false
            for member in ast[node.members] {
                switch ast[member] {
                case .method(let key, let function, let kind, let flags):
                    if flags.contains(.computed) { visit(key) }
                    if kind == .constructor { hasConstructor = true }
                    // Instance private methods are installed by the field initializer.
                    if case .privateName = ast[key], !flags.contains(.isStatic) { hasInstanceFields = true }
                    visitFunction(.function(function), isExpression: false)
                case .field(_, _, let flags):
                    if flags.contains(.isStatic) { hasStaticInit = true } else { hasInstanceFields = true }
                case .staticBlock: hasStaticInit = true
                default: break
                }
            }
            if !hasConstructor { visitFunction(.defaultConstructor(id), isExpression: false) }
            if hasInstanceFields { visitFunction(.fieldInitializer(id, isStatic: false), isExpression: false) }
            if hasStaticInit { visitFunction(.fieldInitializer(id, isStatic: true), isExpression: false) }
        }
    }

    private func visitList(_ list: NodeList) { for node in ast[list] { visit(node) } }

    private func visit(_ node: NodeID) {
        if node.isNone { return }
        switch ast[node] {
        case .identifier(let name): reference(name, at: ast.loc(node).offset)
        case .this: reference(.thisBinding)
        case .superExpression: reference(.homeBinding); reference(.thisBinding)
        case .newTarget: reference(.newTargetBinding)
        case .functionDeclaration(let id): visitFunction(.function(id), isExpression: false)
        case .functionExpression(let id): visitFunction(.function(id), isExpression: true)
        case .arrowFunction(let id): visitFunction(.function(id), isExpression: false)
        case .classDeclaration(let id), .classExpression(let id): visitClass(id)
        case .block(let list):
            let declarations = blockDeclarations(list)
            if declarations.isEmpty { visitList(list); return }
            let scope = newScope(.node(node.index), kind: .block)
            declareLexical(scope, declarations, inSwitch: false)
            withScope(scope) { visitList(list) }
        case .forStatement(let initializer, let test, let update, let body):
            if !initializer.isNone, case .variableDeclaration(let kind, _) = ast[initializer], kind != .var {
                let scope = newScope(.node(node.index), kind: .block)
                declareLexical(scope, decls.lexical([initializer], functionsAreLexical: false), inSwitch: false)
                withScope(scope) { visit(initializer); visit(test); visit(update); visit(body) }
            } else {
                visit(initializer); visit(test); visit(update); visit(body)
            }
        case .forIn(let left, let right, let body), .forOf(let left, let right, let body, _):
            if case .variableDeclaration(let kind, _) = ast[left], kind != .var {
                let scope = newScope(.node(node.index), kind: .block)
                declareLexical(scope, decls.lexical([left], functionsAreLexical: false), inSwitch: false)
                withScope(scope) { visit(right); visit(left); visit(body) }
            } else {
                visit(right); visit(left); visit(body)
            }
        case .tryStatement(let block, let param, let handler, let finalizer):
            visit(block)
            if !handler.isNone {
                let scope = newScope(.node(node.index), kind: .block)
                var names: [(Name, NodeID)] = []
                decls.boundNames(param, into: &names)
                for (name, _) in names { scope.declare(name, .catchParameter, offset: 0) }
                withScope(scope) { visit(param); visit(handler) }
            }
            visit(finalizer)
        case .switchStatement(let discriminant, let cases):
            visit(discriminant)
            var declarations: [(Name, BindingKind, NodeID)] = []
            for c in ast[cases] {
                if case .switchCase(_, let body) = ast[c] { declarations += decls.lexical(ast[body], functionsAreLexical: true) }
            }
            let scope = newScope(.node(node.index), kind: .block)
            declareLexical(scope, declarations, inSwitch: true)
            withScope(scope) {
                for c in ast[cases] {
                    if case .switchCase(let test, let body) = ast[c] { visit(test); visitList(body) }
                }
            }
        case .property(let key, let value, _, let flags):
            if flags.contains(.computed) { visit(key) }
            visit(value)
        case .variableDeclaration(let kind, let declarators) where kind != .var:
            for declarator in ast[declarators] {
                guard case .variableDeclarator(let target, let initializer) = ast[declarator] else { continue }
                var names: [(Name, NodeID)] = []
                decls.boundNames(target, into: &names)
                let bindings = names.compactMap { lookup($0.0) }
                initializing += bindings
                visit(initializer)
                initializing.removeLast(bindings.count)
                visit(target)
            }
        case .method(let key, let function, _, let flags):
            if flags.contains(.computed) { visit(key) }
            visitFunction(.function(function), isExpression: false)
        case .privateMember(let object, let name, _):
            visit(object)
            reference(.privateKey(name))
        case .privateIn(let name, let object):
            visit(object)
            reference(.privateKey(name))
        default:
            forEachChild(of: node) { visit($0) }
        }
    }

    /// Calls `body` with every child node of an expression or simple statement.
    func forEachChild(of node: NodeID, _ body: (NodeID) -> Void) {
        switch ast[node] {
        case .variableDeclaration(_, let list), .array(let list), .object(let list), .sequence(let list),
             .objectPattern(let list), .arrayPattern(let list), .staticBlock(let list):
            for child in ast[list] { body(child) }
        case .variableDeclarator(let a, let b), .whileStatement(let a, let b), .doWhile(let a, let b),
             .binary(_, let a, let b), .logical(_, let a, let b), .assignment(_, let a, let b),
             .assignmentPattern(let a, let b), .withStatement(let a, let b), .taggedTemplate(let a, let b),
             .importCall(let a, let b):
            body(a); body(b)
        case .expressionStatement(let a), .returnStatement(let a), .throwStatement(let a),
             .exportDeclaration(let a), .exportDefault(let a), .unary(_, let a), .update(_, _, let a),
             .optionalChain(let a), .spread(let a), .await(let a), .rest(let a), .labeled(_, let a),
             .member(let a, _, _), .privateMember(let a, _, _), .privateIn(_, let a):
            body(a)
        case .yield(let a, _): body(a)
        case .ifStatement(let a, let b, let c), .conditional(let a, let b, let c):
            body(a); body(b); body(c)
        case .computedMember(let a, let b, _): body(a); body(b)
        case .template(let quasis, let expressions):
            for child in ast[quasis] { body(child) }
            for child in ast[expressions] { body(child) }
        case .call(let callee, let arguments, _), .new(let callee, let arguments):
            body(callee)
            for child in ast[arguments] { body(child) }
        case .switchCase(let test, let list):
            body(test)
            for child in ast[list] { body(child) }
        case .field(let key, let value, _): body(key); body(value)
        default: break
        }
    }
}

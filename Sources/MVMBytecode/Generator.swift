// The code generator: AST + scope analysis -> CodeBlocks.
//
// Registers: r0 is `this`, r1...rP the parameters, then bindings of the
// scopes entered so far, then temporaries, allocated like a stack and
// released when the statement or expression that took them is done. A call
// takes the top registers (callee, this, arguments) so the callee's frame
// can start right there without copying its arguments.
import MVMSyntax

public enum Compiler {
    /// Compiles a parsed program to its top-level code block.
    public static func compile(_ ast: AST, stackGuard: StackGuard? = nil) throws(SyntaxError) -> CodeBlock {
        let analyzer = ScopeAnalyzer(ast: ast)
        analyzer.analyzeProgram()
        let generator = Generator(ast: ast, scopes: analyzer.scopes, stackGuard: stackGuard ?? StackGuard())
        return try generator.compileProgram()
    }

    /// Parses and compiles source text.
    public static func compile(source: SourceFile, as goal: Goal, stackGuard: StackGuard? = nil) throws(SyntaxError) -> CodeBlock {
        let guardForThread = stackGuard ?? StackGuard()
        return try compile(Parser.parse(source, as: goal, stackGuard: guardForThread), stackGuard: guardForThread)
    }
}

struct Label { var id: Int }

/// A break/continue target, a finally block to route through, or an
/// iterator to close when control leaves a for-of.
final class Control {
    enum Kind { case loop, block, switchBlock, finally, iterator }
    let kind: Kind
    var labels: [Name] = []
    var breakLabel = Label(id: -1)
    var continueLabel = Label(id: -1)
    /// For `finally`: where to go, and the registers saying why.
    var finallyLabel = Label(id: -1)
    var kindRegister: UInt32 = 0
    var valueRegister: UInt32 = 0
    /// Jumps routed through this finally: (completion code, control index, isContinue).
    var pendingJumps: [(code: Int32, target: Int, isContinue: Bool)] = []
    var hasReturn = false
    /// For `iterator`: the two-register iterator record.
    var iteratorRegister: UInt32 = 0

    init(kind: Kind) { self.kind = kind }
}

/// One function being compiled.
final class FunctionState {
    var code: [UInt32] = []
    var constants: [Constant] = []
    var constantIndex: [Constant: UInt32] = [:]
    var names: [[UInt16]] = []
    var nameIndex: [Name: UInt32] = [:]
    var functions: [CodeBlock] = []
    var handlers: [ExceptionHandler] = []
    var positions: [PositionEntry] = []
    var propertyCaches: UInt32 = 0
    var arithmeticSlots: UInt32 = 0
    var callSlots: UInt32 = 0
    var nextRegister: UInt32 = 1
    var maxRegister: UInt32 = 1
    var labelOffsets: [Int] = []
    var fixups: [(word: Int, instruction: Int, label: Int)] = []
    var controls: [Control] = []
    var optionalShortCircuit: [Label] = []
    var callSites: [UInt32: String] = [:]
    unowned(unsafe) var functionScope: Scope
    /// The register holding the closure's context, or noRegister.
    var closureContext: UInt32 = noRegister
    var flags: CodeFlags = []
    /// The names this function assigns as `this.name = ...` (a constructor's
    /// objects get that many inline slots: CodeBlock.thisProperties).
    var thisPropertyNames: Set<UInt32> = []
    /// A field initializer's instance fields (they add to its class's objects).
    var instanceFields = 0
    /// Where `this` lives when a static initializer or the like rebinds it.
    var lastLine: UInt32 = 0
    var lastColumn: UInt32 = 0

    init(scope: Scope) { self.functionScope = scope }
}

final class Generator {
    let ast: AST
    let decls: Declarations
    let scopes: [ScopeKey: Scope]
    var f: FunctionState!
    var scope: Scope!
    let stackGuard: StackGuard
    /// "undefined" in this program's name table, if it occurs at all.
    let undefinedName: Name

    init(ast: AST, scopes: [ScopeKey: Scope], stackGuard: StackGuard) {
        self.stackGuard = stackGuard
        self.ast = ast
        self.undefinedName = ast.names.lookup(Array("undefined".utf16)) ?? .none
        self.decls = Declarations(ast: ast)
        self.scopes = scopes
    }

    // MARK: Errors

    func error(_ message: String, at node: NodeID) -> SyntaxError {
        let loc = node.isNone ? SourceLoc(offset: 0, line: 1, column: 1) : ast.loc(node)
        return error(message, loc: loc)
    }

    func error(_ message: String, loc: SourceLoc) -> SyntaxError {
        SyntaxError(message: message, fileName: ast.source.name, loc: loc,
                    lineText: ast.source.lineText(containing: Int(loc.offset)))
    }

    func checkStack(_ node: NodeID) throws(SyntaxError) {
        if !stackGuard.hasRoom() { throw error("Maximum nesting depth exceeded", at: node) }
    }

    // MARK: Emission

    func emit(_ op: Opcode, _ operands: UInt32...) {
        assert(operands.count == op.info.operands.count, "\(op) takes \(op.info.operands.count) operands")
        var first: UInt32 = 0
        if let a = operands.first {
            precondition(a <= 0xFF_FFFF, "first operand out of range")
            first = a
        }
        f.code.append(UInt32(op.rawValue) | first << 8)
        for operand in operands.dropFirst() { f.code.append(operand) }
    }

    /// Emits an instruction whose last operand is a jump to `label`. A jump
    /// that is the only operand rides in word 0 as a signed 24-bit offset.
    func emitJump(_ op: Opcode, _ operands: UInt32..., to label: Label) {
        let start = here
        if operands.isEmpty {
            f.code.append(UInt32(op.rawValue))
            f.fixups.append((word: start, instruction: start, label: label.id))
        } else {
            f.code.append(UInt32(op.rawValue) | operands[0] << 8)
            for operand in operands.dropFirst() { f.code.append(operand) }
            f.code.append(0)
            f.fixups.append((word: here - 1, instruction: start, label: label.id))
        }
    }

    func newLabel() -> Label {
        f.labelOffsets.append(-1)
        return Label(id: f.labelOffsets.count - 1)
    }

    func bind(_ label: Label) { f.labelOffsets[label.id] = f.code.count }

    var here: Int { f.code.count }

    func constant(_ value: Constant) -> UInt32 {
        if let index = f.constantIndex[value] { return index }
        let index = UInt32(f.constants.count)
        f.constants.append(value)
        f.constantIndex[value] = index
        return index
    }

    func name(_ name: Name) -> UInt32 {
        if let index = f.nameIndex[name] { return index }
        let index = UInt32(f.names.count)
        f.names.append(Array(ast.names[name]))
        f.nameIndex[name] = index
        return index
    }

    func nameIndex(_ units: [UInt16]) -> UInt32 {
        if let index = f.names.firstIndex(of: units) { return UInt32(index) }
        f.names.append(units)
        return UInt32(f.names.count - 1)
    }

    func stringConstant(_ name: Name) -> UInt32 { constant(.string(Array(ast.names[name]))) }

    func propertyCache() -> UInt32 { defer { f.propertyCaches += 1 }; return f.propertyCaches }
    func arithmeticSlot() -> UInt32 { defer { f.arithmeticSlots += 1 }; return f.arithmeticSlots }
    func callSlot() -> UInt32 { defer { f.callSlots += 1 }; return f.callSlots }

    /// Records the source position of the instructions that follow.
    func position(_ node: NodeID) {
        if node.isNone { return }
        let loc = ast.operationLoc(node)
        if loc.line == f.lastLine && loc.column == f.lastColumn { return }
        f.lastLine = loc.line
        f.lastColumn = loc.column
        if let last = f.positions.last, Int(last.offset) == here {
            f.positions[f.positions.count - 1] = PositionEntry(offset: UInt32(here), line: loc.line, column: loc.column)
        } else {
            f.positions.append(PositionEntry(offset: UInt32(here), line: loc.line, column: loc.column))
        }
    }

    // MARK: Registers

    func temp() -> UInt32 {
        let r = f.nextRegister
        f.nextRegister += 1
        if f.nextRegister > f.maxRegister { f.maxRegister = f.nextRegister }
        return r
    }

    func temps(_ count: Int) -> UInt32 {
        let r = f.nextRegister
        f.nextRegister += UInt32(count)
        if f.nextRegister > f.maxRegister { f.maxRegister = f.nextRegister }
        return r
    }

    // MARK: Functions

    func compileProgram() throws(SyntaxError) -> CodeBlock {
        let programScope = scopes[.program]!
        if ast.goal == .module { return try compileModule(programScope) }
        var flags: CodeFlags = [.script]
        if ast.isStrict { flags.insert(.strict) }
        return try compileBody(scope: programScope, flags: flags, name: [], length: 0, parameterCount: 0,
                               loc: SourceLoc(offset: 0, line: 1, column: 1), start: 0, end: ast.source.byteCount) { () throws(SyntaxError) in
            let body = ast[ast.body]
            do {
                let (vars, functions) = decls.varScoped(body)
                for (name, _) in vars { emit(.declareGlobalVar, self.name(name)) }
                for node in functions {
                    guard case .functionDeclaration(let id) = ast[node] else { continue }
                    let r = temp()
                    emit(.newClosure, r, try compileFunction(.function(id), name: nil), currentContext())
                    emit(.declareGlobalFunction, r, self.name(ast[id].name))
                    f.nextRegister -= 1
                }
            }
            try statements(body)
            let result = temp()
            emit(.loadUndefined, result)
            emit(.ret, result)
        }
    }

    /// Compiles a nested function and returns its index in this function.
    func compileFunction(_ source: FunctionSource, name inferred: [UInt16]?,
                         sourceRange: (start: Int, end: Int)? = nil) throws(SyntaxError) -> UInt32 {
        let functionScope = scopes[source.key]!
        let block: CodeBlock
        switch source {
        case .function(let id):
            let node = ast[id]
            var flags: CodeFlags = []
            if node.flags.contains(.isStrict) { flags.insert(.strict) }
            if node.flags.contains(.isArrow) { flags.insert(.arrow) }
            if node.flags.contains(.isMethod) && !node.flags.contains(.isClassConstructor) { flags.insert(.method) }
            if node.flags.contains(.isGetter) { flags.insert(.getter) }
            if node.flags.contains(.isSetter) { flags.insert(.setter) }
            if node.flags.contains(.isClassConstructor) { flags.insert(.classConstructor) }
            if node.flags.contains(.isDerivedConstructor) { flags.insert(.derivedConstructor) }
            if node.flags.contains(.isGenerator) {
                if node.flags.contains(.isAsync) { throw error("Async generators are not supported yet", loc: node.loc) }
                flags.insert(.generator)
            }
            if node.flags.contains(.isAsync) {
                throw error("Async functions are not supported yet", loc: node.loc)
            }
            var name = inferred ?? []
            if !node.name.isNone { name = Array(ast.names[node.name]) }
            let params = ast[node.params]
            var length = 0
            for param in params {
                if case .identifier = ast[param] { length += 1 } else if case .objectPattern = ast[param] { length += 1 }
                else if case .arrayPattern = ast[param] { length += 1 } else { break }
            }
            var parameterCount = params.count
            if let last = params.last, case .rest = ast[last] {
                parameterCount -= 1
                flags.formUnion([.needsArguments, .restOnly])
            }
            let hoisting = node.flags.contains(.hasExpressionBody) ? [] : ast[node.body]
            block = try compileBody(scope: functionScope, flags: flags, name: name, length: length,
                                    parameterCount: parameterCount, loc: node.loc,
                                    start: sourceRange?.start ?? Int(node.start), end: sourceRange?.end ?? Int(node.end),
                                    params: params, hoisting: hoisting) { () throws(SyntaxError) in
                try parameters(params, scope: functionScope)
                if node.flags.contains(.isGenerator) {
                    // Arguments are bound at the call; the body runs on the first next().
                    let generator = temp()
                    emit(.generatorStart, generator)
                    emit(.ret, generator)
                    f.nextRegister -= 1
                }
                if node.flags.contains(.hasExpressionBody), let body = ast[node.body].first {
                    let r = try value(body)
                    emit(.ret, r)
                } else {
                    try statements(ast[node.body])
                    let r = temp()
                    if functionScope.isDerivedConstructor { try loadThis(r) } else { emit(.loadUndefined, r) }
                    emit(.ret, r)
                }
            }
        case .defaultConstructor(let id):
            let node = ast[id]
            var flags: CodeFlags = [.strict, .classConstructor]
            if !node.heritage.isNone { flags.formUnion([.derivedConstructor, .needsArguments]) }
            block = try compileBody(scope: functionScope, flags: flags, name: inferred ?? [], length: 0,
                                    parameterCount: 0, loc: node.loc, start: Int(node.start), end: Int(node.end)) { () throws(SyntaxError) in
                if !node.heritage.isNone {
                    // constructor(...args) { super(...args); }
                    let args = temp()
                    emit(.createRest, args, 0)
                    let base = temps(2)
                    emit(.loadUndefined, base)
                    emit(.loadUndefined, base + 1)
                    emit(.superCallSpread, 0, base, args)
                }
                emit(.ret, 0)
            }
        case .fieldInitializer(let id, let isStatic):
            let node = ast[id]
            block = try compileBody(scope: functionScope, flags: [.strict, .method], name: [], length: 0,
                                    parameterCount: 0, loc: node.loc, start: Int(node.start), end: Int(node.end)) { () throws(SyntaxError) in
                try fieldInitializers(id, isStatic: isStatic)
                emit(.ret, 0)
            }
        }
        f.functions.append(block)
        return UInt32(f.functions.count - 1)
    }

    /// Sets up a function's state, its prologue, runs `body`, and builds the block.
    func compileBody(scope functionScope: Scope, flags: CodeFlags, name: [UInt16], length: Int,
                     parameterCount: Int, loc: SourceLoc, start: Int, end: Int,
                     params: ArraySlice<NodeID> = [], hoisting: ArraySlice<NodeID> = [],
                     _ body: () throws(SyntaxError) -> Void) throws(SyntaxError) -> CodeBlock {
        let savedState = f, savedScope = scope
        defer { f = savedState; scope = savedScope }
        let state = FunctionState(scope: functionScope)
        state.flags = flags
        state.nextRegister = UInt32(1 + parameterCount)
        state.maxRegister = state.nextRegister
        f = state
        scope = functionScope
        functionScope.isDerivedConstructor = flags.contains(.derivedConstructor)
        if functionScope.usesClosureContext && (!functionScope.isProgram || flags.contains(.module)) {
            f.closureContext = temp()
            emit(.loadClosureContext, f.closureContext)
        }
        try enterFunctionScope(functionScope, params: params, hoisting: hoisting)
        try body()
        // Resolve jumps.
        for fixup in f.fixups {
            let target = f.labelOffsets[fixup.label]
            precondition(target >= 0, "unbound label")
            let offset = Int32(target - fixup.instruction)
            if fixup.word == fixup.instruction {
                if offset < -0x80_0000 || offset > 0x7F_FFFF { throw error("Function too large", loc: loc) }
                f.code[fixup.word] = (f.code[fixup.word] & 0xFF) | UInt32(bitPattern: offset) << 8
            } else {
                f.code[fixup.word] = UInt32(bitPattern: offset)
            }
        }
        var finalFlags = f.flags
        if functionScope.bindings[.arguments] != nil {
            finalFlags.insert(.needsArguments)
            finalFlags.remove(.restOnly)
        }
        return CodeBlock(name: name, flags: finalFlags, length: length, parameterCount: parameterCount,
                         registerCount: Int(f.maxRegister), code: f.code, constants: f.constants,
                         names: f.names, functions: f.functions, handlers: f.handlers,
                         positions: f.positions, propertyCacheCount: Int(f.propertyCaches),
                         arithmeticFeedbackCount: Int(f.arithmeticSlots), callFeedbackCount: Int(f.callSlots),
                         source: ast.source, sourceStart: start, sourceEnd: end, loc: loc, callSites: f.callSites,
                         thisProperties: f.thisPropertyNames.count + f.instanceFields)
    }

    /// Allocates the function scope's bindings and emits the prologue that
    /// moves captured parameters and pseudo-bindings into the context.
    func enterFunctionScope(_ s: Scope, params: ArraySlice<NodeID>, hoisting: ArraySlice<NodeID>) throws(SyntaxError) {
        if s.isProgram && f.flags.contains(.module) {
            // The runtime made and initialized the module context (ModuleInfo).
            s.contextRegister = f.closureContext
            for (slot, binding) in s.ordered.enumerated() { binding.slot = slot }
            return
        }
        // Simple parameters keep their argument registers.
        var parameterIndex: [Name: UInt32] = [:]
        for (i, param) in params.enumerated() {
            if case .identifier(let name) = ast[param] { parameterIndex[name] = UInt32(1 + i) }
        }
        for binding in s.ordered where !binding.captured {
            switch binding.kind {
            case .this: binding.register = 0
            case .parameter: binding.register = parameterIndex[binding.name] ?? temp()
            case .global: break
            default: binding.register = temp()
            }
        }
        if s.needsContext {
            s.contextRegister = temp()
            var slot = 0
            for binding in s.ordered where binding.captured {
                binding.slot = slot
                slot += 1
            }
            emit(.newContext, s.contextRegister, f.closureContext, UInt32(slot))
            for binding in s.ordered where binding.captured {
                switch binding.kind {
                case .this:
                    if f.flags.contains(.derivedConstructor) {
                        let t = temp(); emit(.loadEmpty, t); storeSlot(binding, t); f.nextRegister -= 1
                    } else {
                        storeSlot(binding, 0)
                    }
                case .parameter:
                    if let r = parameterIndex[binding.name] { storeSlot(binding, r) }
                case .let, .const, .class:
                    let t = temp(); emit(.loadEmpty, t); storeSlot(binding, t); f.nextRegister -= 1
                default: break
                }
            }
        }
        // Pseudo-bindings and `arguments`.
        for binding in s.ordered where binding.referenced || binding.captured {
            var op: Opcode? = nil
            switch binding.kind {
            case .newTarget: op = .loadNewTarget
            case .home: op = .loadHome
            case .arguments: op = .createArguments
            case .calleeName: op = .loadCallee
            default: break
            }
            guard let op else { continue }
            if binding.captured {
                let t = temp(); emit(op, t); storeSlot(binding, t); f.nextRegister -= 1
            } else {
                emit(op, binding.register)
            }
        }
        if f.flags.contains(.derivedConstructor), let this = s.bindings[.thisBinding], !this.captured {
            emit(.loadEmpty, 0)
        }
        for binding in s.ordered where !binding.captured && binding.kind.isLexical && binding.needsTDZCheck {
            emit(.loadEmpty, binding.register)
        }
        try hoistFunctions(hoisting, in: s)
    }

    /// Creates the closures of function declarations at the top of a function.
    func hoistFunctions(_ list: ArraySlice<NodeID>, in s: Scope) throws(SyntaxError) {
        for node in decls.varScoped(list).functions {
            guard case .functionDeclaration(let id) = ast[node] else { continue }
            let name = ast[id].name.isNone ? Name.starDefault : ast[id].name
            guard let binding = s.bindings[name] else { continue }
            // `export default function () {}` is named "default".
            let index = try compileFunction(.function(id), name: ast[id].name.isNone ? Array("default".utf16) : nil)
            try storeNewClosure(index, into: binding)
        }
    }

    func storeNewClosure(_ index: UInt32, into binding: Binding) throws(SyntaxError) {
        if binding.captured {
            let t = temp()
            emit(.newClosure, t, index, currentContext())
            storeSlot(binding, t)
            f.nextRegister -= 1
        } else {
            emit(.newClosure, binding.register, index, currentContext())
        }
    }

    func storeSlot(_ binding: Binding, _ source: UInt32) {
        emit(.setScope, binding.scope.contextRegister, 0, UInt32(binding.slot), source)
    }

    // MARK: Block scopes

    /// The innermost context register of the current function.
    func currentContext() -> UInt32 {
        var s: Scope? = scope
        while let current = s {
            if current.contextRegister != noRegister && current.function === f.functionScope { return current.contextRegister }
            if current === f.functionScope { break }
            s = current.parent
        }
        return f.closureContext
    }

    /// Enters the scope the analyzer made under `key`, if any: allocates its
    /// registers, creates its context, sets TDZ markers, hoists functions.
    func enterBlockScope(_ key: ScopeKey, functions: ArraySlice<NodeID>) throws(SyntaxError) -> Scope? {
        guard let s = scopes[key] else { return nil }
        let parentContext = currentContext()
        scope = s
        for binding in s.ordered where !binding.captured { binding.register = temp() }
        if s.needsContext {
            s.contextRegister = temp()
            var slot = 0
            for binding in s.ordered where binding.captured { binding.slot = slot; slot += 1 }
            emit(.newContext, s.contextRegister, parentContext, UInt32(slot))
            let t = temp()
            emit(.loadEmpty, t)
            for binding in s.ordered where binding.captured && binding.kind.isLexical { storeSlot(binding, t) }
            f.nextRegister -= 1
        }
        for binding in s.ordered where !binding.captured && binding.kind.isLexical && binding.needsTDZCheck {
            emit(.loadEmpty, binding.register)
        }
        for node in functions {
            guard case .functionDeclaration(let id) = ast[node], let binding = s.bindings[ast[id].name] else { continue }
            let index = try compileFunction(.function(id), name: nil)
            try storeNewClosure(index, into: binding)
            // Annex B: the function's var twin in the enclosing function gets it too.
            if let twin = f.functionScope.bindings[ast[id].name], twin.isAnnexB {
                let r = temp()
                loadVariable(ast[id].name, r, at: node)
                let saved = scope
                scope = f.functionScope
                try storeVariable(ast[id].name, r, at: node)
                scope = saved
                f.nextRegister -= 1
            }
        }
        return s
    }

    func leaveBlockScope(_ s: Scope?) {
        if let s { scope = s.parent }
    }
}

extension CodeFlags {
    /// The function reads `arguments` (or has a rest parameter): calls keep extra arguments.
    public static let needsArguments = CodeFlags(rawValue: 1 << 12)
    /// The function has a rest parameter and never reads `arguments`: calls
    /// keep only the arguments past the parameters, as the rest array itself.
    public static let restOnly = CodeFlags(rawValue: 1 << 13)
}

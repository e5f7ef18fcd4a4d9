// Statements: control flow, loops, try/finally routing, declarations.
import MVMSyntax

extension Generator {
    func statements(_ list: ArraySlice<NodeID>) throws(SyntaxError) {
        for node in list { try statement(node) }
    }

    func statement(_ node: NodeID) throws(SyntaxError) {
        try checkStack(node)
        let mark = f.nextRegister
        defer { f.nextRegister = mark }
        switch ast[node] {
        case .expressionStatement(let expression):
            position(expression)
            try effect(expression)
        case .variableDeclaration(let kind, let declarators):
            for declarator in ast[declarators] {
                guard case .variableDeclarator(let target, let initializer) = ast[declarator] else { continue }
                try variableDeclarator(kind, target: target, initializer: initializer)
                f.nextRegister = mark
            }
        case .functionDeclaration, .directive, .empty:
            break
        case .classDeclaration(let id):
            let r = temp()
            // `export default class {}` is named "default".
            try classDefinition(id, into: r, name: ast[id].name.isNone ? Array("default".utf16) : nil)
            let name = ast[id].name.isNone ? Name.starDefault : ast[id].name
            try initializeVariable(name, r, at: node)
        case .debugger:
            emit(.debugger)
        case .block(let list):
            let s = try enterBlockScope(.node(node.index), functions: functionDeclarations(ast[list]))
            try statements(ast[list])
            leaveBlockScope(s)
        case .ifStatement(let test, let consequent, let alternate):
            let elseLabel = newLabel(), end = newLabel()
            try condition(test, falseLabel: elseLabel)
            try statement(consequent)
            if !alternate.isNone {
                emitJump(.jump, to: end)
                bind(elseLabel)
                try statement(alternate)
            } else {
                bind(elseLabel)
            }
            bind(end)
        case .forStatement(let initializer, let test, let update, let body):
            try forStatement(node, initializer: initializer, test: test, update: update, body: body, labels: [])
        case .whileStatement, .doWhile, .forIn, .forOf:
            try loop(node, labels: [])
        case .continueStatement(let label):
            position(node)
            try jumpOut(to: controlIndex(label: label, isContinue: true, at: node), isContinue: true)
        case .breakStatement(let label):
            position(node)
            try jumpOut(to: controlIndex(label: label, isContinue: false, at: node), isContinue: false)
        case .returnStatement(let argument):
            try returnStatement(argument, at: node)
        case .throwStatement(let argument):
            let r = try value(argument)
            position(node)
            emit(.throw, r)
        case .tryStatement(let block, let param, let handler, let finalizer):
            try tryStatement(node, block: block, param: param, handler: handler, finalizer: finalizer)
        case .switchStatement(let discriminant, let cases):
            try switchStatement(node, discriminant: discriminant, cases: cases, labels: [])
        case .labeled:
            var labels: [Name] = []
            var body = node
            while case .labeled(let label, let inner) = ast[body] {
                labels.append(label)
                body = inner
            }
            switch ast[body] {
            case .forStatement(let initializer, let test, let update, let loopBody):
                try forStatement(body, initializer: initializer, test: test, update: update, body: loopBody, labels: labels)
            case .whileStatement, .doWhile, .forIn, .forOf:
                try loop(body, labels: labels)
            case .switchStatement(let discriminant, let cases):
                try switchStatement(body, discriminant: discriminant, cases: cases, labels: labels)
            default:
                let control = Control(kind: .block)
                control.labels = labels
                control.breakLabel = newLabel()
                f.controls.append(control)
                try statement(body)
                f.controls.removeLast()
                bind(control.breakLabel)
            }
        case .withStatement:
            throw error("'with' statements are not supported", at: node)
        case .exportDeclaration(let declaration):
            try statement(declaration)
        case .exportDefault(let value):
            switch ast[value] {
            case .functionDeclaration: break
            case .classDeclaration: try statement(value)
            default:
                let r = temp()
                try expr(value, r, name: Array("default".utf16))
                try initializeVariable(.starDefault, r, at: node)
            }
        case .importDeclaration, .exportNamed, .exportAll:
            break  // linked by the runtime from the module's ModuleInfo
        default:
            throw error("Unexpected statement", at: node)
        }
    }

    func functionDeclarations(_ list: ArraySlice<NodeID>) -> ArraySlice<NodeID> {
        ArraySlice(list.filter { decls.isFunctionDeclaration($0) })
    }

    // MARK: Declarations

    func variableDeclarator(_ kind: VariableKind, target: NodeID, initializer: NodeID) throws(SyntaxError) {
        if initializer.isNone {
            if kind == .var { return }
            guard case .identifier(let name) = ast[target] else { return }
            let r = temp()
            emit(.loadUndefined, r)
            try initializeVariable(name, r, at: target)
            return
        }
        if case .identifier(let name) = ast[target] {
            let nameUnits = Array(ast.names[name])
            if case .register(let r, let binding) = resolve(name), binding.kind != .global {
                try expr(initializer, r, name: nameUnits)
                return
            }
            let r = temp()
            try expr(initializer, r, name: nameUnits)
            if kind == .var { try storeVariable(name, r, at: target) } else { try initializeVariable(name, r, at: target) }
            return
        }
        let r = try value(initializer)
        try bindPattern(target, r, declaring: kind == .var ? .assign : .initialize)
    }

    // MARK: Loops

    func controlIndex(label: Name, isContinue: Bool, at node: NodeID) throws(SyntaxError) -> Int {
        for index in f.controls.indices.reversed() {
            let control = f.controls[index]
            if label.isNone {
                if control.kind == .loop || (!isContinue && control.kind == .switchBlock) { return index }
            } else if control.labels.contains(label) {
                if isContinue && control.kind != .loop {
                    throw error("Illegal continue statement: '\(ast.string(label))' does not denote an iteration statement", at: node)
                }
                return index
            }
        }
        throw error(label.isNone ? "Illegal \(isContinue ? "continue" : "break") statement" : "Undefined label '\(ast.string(label))'", at: node)
    }

    /// Leaves to a break/continue target, closing iterators and routing
    /// through finally blocks on the way.
    func jumpOut(to target: Int, isContinue: Bool) throws(SyntaxError) {
        var index = f.controls.count - 1
        while index > target {
            let control = f.controls[index]
            if control.kind == .loop && control.iteratorRegister != 0 {
                emit(.iteratorClose, control.iteratorRegister)
            }
            if control.kind == .finally {
                let code = Int32(3 + control.pendingJumps.count)
                control.pendingJumps.append((code: code, target: target, isContinue: isContinue))
                emit(.loadInt, control.kindRegister, UInt32(bitPattern: code))
                emitJump(.jump, to: control.finallyLabel)
                return
            }
            index -= 1
        }
        let control = f.controls[target]
        if isContinue {
            emitJump(.jump, to: control.continueLabel)
        } else {
            if control.kind == .loop && control.iteratorRegister != 0 { emit(.iteratorClose, control.iteratorRegister) }
            emitJump(.jump, to: control.breakLabel)
        }
    }

    func returnStatement(_ argument: NodeID, at node: NodeID) throws(SyntaxError) {
        var r: UInt32
        if argument.isNone {
            r = temp()
            if f.functionScope.isDerivedConstructor { try loadThis(r) } else { emit(.loadUndefined, r) }
        } else {
            r = try value(argument)
            if f.functionScope.isDerivedConstructor {
                let copy = temp()
                emit(.mov, copy, r)
                r = copy
                let ok = newLabel()
                emitJump(.jumpIfNotUndefined, r, to: ok)
                try loadThis(r)
                bind(ok)
            }
        }
        position(node)
        try emitReturn(r)
    }

    func emitReturn(_ r: UInt32) throws(SyntaxError) {
        for control in f.controls.reversed() {
            if control.kind == .loop && control.iteratorRegister != 0 { emit(.iteratorClose, control.iteratorRegister) }
            if control.kind == .finally {
                control.hasReturn = true
                emit(.mov, control.valueRegister, r)
                emit(.loadInt, control.kindRegister, 2)
                emitJump(.jump, to: control.finallyLabel)
                return
            }
        }
        emit(.ret, r)
    }

    func pushLoop(_ labels: [Name]) -> Control {
        let control = Control(kind: .loop)
        control.labels = labels
        control.breakLabel = newLabel()
        control.continueLabel = newLabel()
        f.controls.append(control)
        return control
    }

    func forStatement(_ node: NodeID, initializer: NodeID, test: NodeID, update: NodeID, body: NodeID,
                      labels: [Name]) throws(SyntaxError) {
        let s = try enterBlockScope(.node(node.index), functions: [])
        if !initializer.isNone {
            if case .variableDeclaration = ast[initializer] { try statement(initializer) } else {
                let mark = f.nextRegister
                try effect(initializer)
                f.nextRegister = mark
            }
        }
        let head = newLabel()
        let control = pushLoop(labels)
        bind(head)
        if !test.isNone {
            let mark = f.nextRegister
            try condition(test, falseLabel: control.breakLabel)
            f.nextRegister = mark
        }
        try statement(body)
        bind(control.continueLabel)
        if let s, s.needsContext { emit(.copyContext, s.contextRegister) }
        if !update.isNone {
            let mark = f.nextRegister
            try effect(update)
            f.nextRegister = mark
        }
        emitJump(.loop, to: head)
        f.controls.removeLast()
        bind(control.breakLabel)
        leaveBlockScope(s)
    }

    func loop(_ node: NodeID, labels: [Name]) throws(SyntaxError) {
        switch ast[node] {
        case .whileStatement(let test, let body):
            let control = pushLoop(labels)
            bind(control.continueLabel)
            try condition(test, falseLabel: control.breakLabel)
            try statement(body)
            emitJump(.loop, to: control.continueLabel)
            f.controls.removeLast()
            bind(control.breakLabel)
        case .doWhile(let body, let test):
            let control = pushLoop(labels)
            let head = newLabel()
            bind(head)
            try statement(body)
            bind(control.continueLabel)
            try condition(test, falseLabel: control.breakLabel)
            emitJump(.loop, to: head)
            f.controls.removeLast()
            bind(control.breakLabel)
        case .forIn(let left, let right, let body):
            let object = try value(right)
            let iterator = temps(2)
            position(right)
            emit(.forInPrepare, iterator, object)
            let control = pushLoop(labels)
            bind(control.continueLabel)
            let item = temp()
            emitJump(.forInNext, item, iterator, to: control.breakLabel)
            try forEachBody(node, left: left, item: item, body: body)
            emitJump(.loop, to: control.continueLabel)
            f.controls.removeLast()
            bind(control.breakLabel)
        case .forOf(let left, let right, let body, let isAwait):
            if isAwait { throw error("for await is not supported yet", at: node) }
            let iterable = try value(right)
            let iterator = temps(2)
            position(right)
            emit(.getIterator, iterator, iterable)
            let control = pushLoop(labels)
            control.iteratorRegister = iterator
            bind(control.continueLabel)
            let item = temp()
            emitJump(.iteratorNext, item, iterator, to: control.breakLabel)
            // An exception in the body closes the iterator, then propagates.
            let bodyStart = here
            try forEachBody(node, left: left, item: item, body: body)
            let bodyEnd = here
            emitJump(.loop, to: control.continueLabel)
            f.controls.removeLast()
            let handler = here
            let exception = temp()
            f.handlers.append(ExceptionHandler(start: UInt32(bodyStart), end: UInt32(bodyEnd),
                                               handler: UInt32(handler), register: exception))
            emit(.iteratorClose, iterator)
            emit(.throw, exception)
            // Normal exhaustion jumps here without closing.
            bind(control.breakLabel)
        default:
            break
        }
    }

    /// Binds the loop variable (a fresh scope per iteration) and runs the body.
    private func forEachBody(_ node: NodeID, left: NodeID, item: UInt32, body: NodeID) throws(SyntaxError) {
        let mark = f.nextRegister
        let s = try enterBlockScope(.node(node.index), functions: [])
        if case .variableDeclaration(let kind, let declarators) = ast[left],
           let declarator = ast[declarators].first,
           case .variableDeclarator(let target, _) = ast[declarator] {
            try bindPattern(target, item, declaring: kind == .var ? .assign : .initialize)
        } else {
            try bindPattern(left, item, declaring: .assign)
        }
        try statement(body)
        leaveBlockScope(s)
        f.nextRegister = mark
    }

    // MARK: switch

    func switchStatement(_ node: NodeID, discriminant: NodeID, cases: NodeList, labels: [Name]) throws(SyntaxError) {
        let value = temp()
        try expr(discriminant, value)
        var bodies: [NodeList] = []
        for c in ast[cases] { if case .switchCase(_, let body) = ast[c] { bodies.append(body) } }
        var allStatements: [NodeID] = []
        for body in bodies { allStatements += ast[body] }
        let s = try enterBlockScope(.node(node.index), functions: functionDeclarations(ArraySlice(allStatements)))
        let control = Control(kind: .switchBlock)
        control.labels = labels
        control.breakLabel = newLabel()
        var caseLabels: [Label] = []
        var defaultLabel: Label? = nil
        let test = temp()
        for c in ast[cases] {
            guard case .switchCase(let caseTest, _) = ast[c] else { continue }
            let label = newLabel()
            caseLabels.append(label)
            if caseTest.isNone { defaultLabel = label; continue }
            let mark = f.nextRegister
            let r = try self.value(caseTest)
            emit(.strictEq, test, value, r, arithmeticSlot())
            emitJump(.jumpIfTrue, test, to: label)
            f.nextRegister = mark
        }
        emitJump(.jump, to: defaultLabel ?? control.breakLabel)
        f.controls.append(control)
        for (i, body) in bodies.enumerated() {
            bind(caseLabels[i])
            try statements(ast[body])
        }
        f.controls.removeLast()
        bind(control.breakLabel)
        leaveBlockScope(s)
    }

    // MARK: try

    func tryStatement(_ node: NodeID, block: NodeID, param: NodeID, handler: NodeID, finalizer: NodeID) throws(SyntaxError) {
        var control: Control? = nil
        if !finalizer.isNone {
            let c = Control(kind: .finally)
            c.kindRegister = temp()
            c.valueRegister = temp()
            c.finallyLabel = newLabel()
            f.controls.append(c)
            control = c
        }
        let tryStart = here
        try statement(block)
        let tryEnd = here
        let afterCatch = newLabel()
        if !handler.isNone {
            emitJump(.jump, to: afterCatch)
            let mark = f.nextRegister
            let exception = temp()
            f.handlers.append(ExceptionHandler(start: UInt32(tryStart), end: UInt32(tryEnd),
                                               handler: UInt32(here), register: exception))
            let s = try enterBlockScope(.node(node.index), functions: [])
            if !param.isNone { try bindPattern(param, exception, declaring: .initialize) }
            try statement(handler)
            leaveBlockScope(s)
            f.nextRegister = mark
        }
        bind(afterCatch)
        guard let control else { return }
        let regionEnd = here
        emit(.loadInt, control.kindRegister, 0)
        emitJump(.jump, to: control.finallyLabel)
        f.handlers.append(ExceptionHandler(start: UInt32(tryStart), end: UInt32(regionEnd),
                                           handler: UInt32(here), register: control.valueRegister,
                                           kindRegister: control.kindRegister))
        emit(.loadInt, control.kindRegister, 1)
        f.controls.removeLast()
        bind(control.finallyLabel)
        try statement(finalizer)
        // Continue whatever left the protected region.
        let test = temp(), code = temp()
        for pending in control.pendingJumps {
            let next = newLabel()
            emit(.loadInt, code, UInt32(bitPattern: pending.code))
            emit(.strictEq, test, control.kindRegister, code, arithmeticSlot())
            emitJump(.jumpIfFalse, test, to: next)
            try jumpOut(to: pending.target, isContinue: pending.isContinue)
            bind(next)
        }
        // A generator may be told to return at any yield inside the block.
        if control.hasReturn || f.flags.contains(.generator) {
            let next = newLabel()
            emit(.loadInt, code, 2)
            emit(.strictEq, test, control.kindRegister, code, arithmeticSlot())
            emitJump(.jumpIfFalse, test, to: next)
            try emitReturn(control.valueRegister)
            bind(next)
        }
        let done = newLabel()
        emit(.loadInt, code, 1)
        emit(.strictEq, test, control.kindRegister, code, arithmeticSlot())
        emitJump(.jumpIfFalse, test, to: done)
        emit(.throw, control.valueRegister)
        bind(done)
    }
}

// Expressions.
import MVMSyntax

enum Location {
    case register(UInt32, Binding)
    /// A context slot: start from `context`, go `depth` parents up.
    case context(UInt32, UInt32, UInt32, Binding)
    case global
}

enum BindingMode { case assign, initialize }

extension Generator {
    // MARK: Variables

    func resolve(_ name: Name) -> Location {
        var s: Scope? = scope
        var hops: UInt32 = 0
        var crossed = false
        while let current = s {
            if let binding = current.bindings[name] {
                if binding.kind == .global { return .global }
                if !binding.captured { return .register(binding.register, binding) }
                if !crossed { return .context(current.contextRegister, 0, UInt32(binding.slot), binding) }
                return .context(f.closureContext, hops, UInt32(binding.slot), binding)
            }
            if crossed && current.needsContext { hops += 1 }
            if current === f.functionScope { crossed = true }
            s = current.parent
        }
        return .global
    }

    func loadVariable(_ name: Name, _ dst: UInt32, at node: NodeID) {
        switch resolve(name) {
        case .register(let r, let binding):
            if binding.needsTDZCheck { position(node); emit(.checkTDZ, r, self.name(name)) }
            if r != dst { emit(.mov, dst, r) }
        case .context(let context, let depth, let slot, let binding):
            if binding.kind == .import {
                position(node)
                emit(.getImport, dst, context, depth, slot, self.name(name))
            } else if binding.kind.isLexical {
                position(node)
                emit(.getScopeChecked, dst, context, depth, slot, self.name(name))
            } else {
                emit(.getScope, dst, context, depth, slot)
            }
        case .global:
            position(node)
            emit(.getGlobal, dst, self.name(name), propertyCache())
        }
    }

    /// Assignment to an existing binding (checks TDZ and const).
    func storeVariable(_ name: Name, _ src: UInt32, at node: NodeID) throws(SyntaxError) {
        switch resolve(name) {
        case .register(let r, let binding):
            if binding.needsTDZCheck { position(node); emit(.checkTDZ, r, self.name(name)) }
            if binding.kind.isConstant {
                if binding.kind == .calleeName && !f.flags.contains(.strict) { return }
                position(node)
                emit(.throwConstAssign, self.name(name))
                return
            }
            if r != src { emit(.mov, r, src) }
        case .context(let context, let depth, let slot, let binding):
            if binding.kind == .import {
                position(node)
                emit(.throwConstAssign, self.name(name))
                return
            }
            if binding.kind.isLexical || binding.kind == .calleeName {
                let t = temp()
                position(node)
                if binding.kind.isLexical { emit(.getScopeChecked, t, context, depth, slot, self.name(name)) }
                if binding.kind.isConstant {
                    if binding.kind == .calleeName && !f.flags.contains(.strict) { return }
                    emit(.throwConstAssign, self.name(name))
                    return
                }
            }
            emit(.setScope, context, depth, slot, src)
        case .global:
            position(node)
            emit(f.flags.contains(.strict) ? .setGlobalStrict : .setGlobal, src, self.name(name), propertyCache())
        }
    }

    /// The declaration's own initialization (no TDZ or const checks).
    func initializeVariable(_ name: Name, _ src: UInt32, at node: NodeID) throws(SyntaxError) {
        switch resolve(name) {
        case .register(let r, _):
            if r != src { emit(.mov, r, src) }
        case .context(let context, let depth, let slot, _):
            emit(.setScope, context, depth, slot, src)
        case .global:
            emit(.setGlobal, src, self.name(name), propertyCache())
        }
    }

    func loadThis(_ dst: UInt32) throws(SyntaxError) {
        switch resolve(.thisBinding) {
        case .register(let r, let binding):
            if binding.scope.function.isDerivedConstructor { emit(.checkThis, r) }
            if r != dst { emit(.mov, dst, r) }
        case .context(let context, let depth, let slot, let binding):
            emit(.getScope, dst, context, depth, slot)
            if binding.scope.function.isDerivedConstructor { emit(.checkThis, dst) }
        case .global:
            emit(.loadGlobalThis, dst)
        }
    }

    func loadPseudo(_ name: Name, _ op: Opcode, _ dst: UInt32) {
        switch resolve(name) {
        case .register(let r, _): if r != dst { emit(.mov, dst, r) }
        case .context(let context, let depth, let slot, _): emit(.getScope, dst, context, depth, slot)
        case .global: emit(op, dst)
        }
    }

    // MARK: Values

    /// A register holding the node's value: a local's own register when
    /// reading it needs no check, else a fresh temporary.
    func value(_ node: NodeID) throws(SyntaxError) -> UInt32 {
        if case .identifier(let name) = ast[node], case .register(let r, let binding) = resolve(name),
           !binding.needsTDZCheck {
            return r
        }
        let r = temp()
        try expr(node, r)
        return r
    }

    /// Like `value`, but copies a local when `later` could reassign it
    /// before the value is used (`a + (a = 1)`).
    func stableValue(_ node: NodeID, before later: NodeID) throws(SyntaxError) -> UInt32 {
        let r = try value(node)
        if case .identifier(let name) = ast[node], case .register = resolve(name), !isSimple(later, depth: 0) {
            let copy = temp()
            emit(.mov, copy, r)
            return copy
        }
        return r
    }

    /// True when evaluating `node` cannot assign a register-held variable.
    func isSimple(_ node: NodeID, depth: Int) -> Bool {
        if depth > 8 { return false }
        switch ast[node] {
        case .identifier, .number, .string, .null, .boolean, .this, .template, .functionExpression,
             .arrowFunction, .regexp, .bigint:
            return true
        case .member(let object, _, _): return isSimple(object, depth: depth + 1)
        case .computedMember(let object, let property, _):
            return isSimple(object, depth: depth + 1) && isSimple(property, depth: depth + 1)
        case .binary(_, let a, let b), .logical(_, let a, let b):
            return isSimple(a, depth: depth + 1) && isSimple(b, depth: depth + 1)
        case .unary(let op, let a): return op != .delete && isSimple(a, depth: depth + 1)
        case .call(let callee, let arguments, _):
            return isSimple(callee, depth: depth + 1) && ast[arguments].allSatisfy { isSimple($0, depth: depth + 1) }
        case .conditional(let a, let b, let c):
            return isSimple(a, depth: depth + 1) && isSimple(b, depth: depth + 1) && isSimple(c, depth: depth + 1)
        default:
            return false
        }
    }

    /// Evaluates for side effects only.
    func effect(_ node: NodeID) throws(SyntaxError) {
        switch ast[node] {
        case .update(let op, _, let target):
            if case .identifier(let name) = ast[target], case .register(let r, let binding) = resolve(name),
               !binding.needsTDZCheck, !binding.kind.isConstant {
                position(node)
                emit(op == .increment ? .inc : .dec, r, r, arithmeticSlot())
                return
            }
        case .assignment(.assign, let target, let value):
            if case .identifier(let name) = ast[target], case .register(let r, let binding) = resolve(name),
               !binding.needsTDZCheck, !binding.kind.isConstant {
                try expr(value, r, name: Array(ast.names[name]))
                return
            }
        case .sequence(let list):
            for item in ast[list] { try effect(item) }
            return
        default: break
        }
        let r = temp()
        try expr(node, r)
    }

    /// Jumps to `falseLabel` when `node` is falsy; falls through otherwise.
    func condition(_ node: NodeID, falseLabel: Label) throws(SyntaxError) {
        switch ast[node] {
        case .logical(.and, let a, let b):
            try condition(a, falseLabel: falseLabel)
            try condition(b, falseLabel: falseLabel)
        case .logical(.or, let a, let b):
            let isTrue = newLabel(), next = newLabel()
            let mark = f.nextRegister
            let r = try value(a)
            emitJump(.jumpIfTrue, r, to: isTrue)
            f.nextRegister = mark
            emitJump(.jump, to: next)
            bind(next)
            try condition(b, falseLabel: falseLabel)
            bind(isTrue)
        case .unary(.not, let a):
            let mark = f.nextRegister
            let r = try value(a)
            emitJump(.jumpIfTrue, r, to: falseLabel)
            f.nextRegister = mark
        case .binary(let op, let left, let right) where fusedImmediateBranch(op) != nil && smallInt(right) != nil:
            let mark = f.nextRegister
            let a = try value(left)
            position(node)
            emitJump(fusedImmediateBranch(op)!, a, UInt32(bitPattern: smallInt(right)!), arithmeticSlot(), to: falseLabel)
            f.nextRegister = mark
        case .binary(let op, let left, let right) where fusedBranch(op) != nil:
            let mark = f.nextRegister
            let a = try stableValue(left, before: right)
            let b = try value(right)
            position(node)
            emitJump(fusedBranch(op)!, a, b, arithmeticSlot(), to: falseLabel)
            f.nextRegister = mark
        default:
            let mark = f.nextRegister
            let r = try value(node)
            emitJump(.jumpIfFalse, r, to: falseLabel)
            f.nextRegister = mark
        }
    }

    func expr(_ node: NodeID, _ dst: UInt32, name inferred: [UInt16]? = nil) throws(SyntaxError) {
        try checkStack(node)
        let mark = f.nextRegister
        defer { f.nextRegister = mark }
        switch ast[node] {
        case .number(let number):
            if let small = Int32(exactly: number), !(number == 0 && number.sign == .minus) {
                emit(.loadInt, dst, UInt32(bitPattern: small))
            } else {
                emit(.loadConst, dst, constant(.number(number)))
            }
        case .string(let string):
            emit(.loadConst, dst, stringConstant(string))
        case .bigint:
            throw error("BigInt is not supported yet", at: node)
        case .null: emit(.loadNull, dst)
        case .boolean(let b): emit(b ? .loadTrue : .loadFalse, dst)
        case .this: try loadThis(dst)
        case .identifier(let name):
            if name == undefinedName, case .global = resolve(name) { emit(.loadUndefined, dst); return }
            loadVariable(name, dst, at: node)
        case .regexp(let pattern, let flags):
            position(node)
            emit(.newRegExp, dst, stringConstant(pattern), stringConstant(flags))
        case .template(let quasis, let expressions):
            try template(quasis: quasis, expressions: expressions, dst)
        case .taggedTemplate(let tag, let quasi):
            try taggedTemplate(tag: tag, quasi: quasi, dst, at: node)
        case .array(let elements):
            try arrayLiteral(elements, dst)
        case .object(let members):
            try objectLiteral(members, dst)
        case .functionExpression(let id), .arrowFunction(let id):
            emit(.newClosure, dst, try compileFunction(.function(id), name: inferred), currentContext())
        case .classExpression(let id):
            try classDefinition(id, into: dst, name: inferred)
        case .unary(let op, let argument):
            try unary(op, argument, dst, at: node)
        case .update(let op, let prefix, let target):
            try update(op, prefix: prefix, target: target, dst, at: node)
        case .binary(let op, let left, let right) where (op == .add || op == .subtract) && smallInt(right) != nil:
            let a = try value(left)
            position(node)
            emit(op == .add ? .addImm : .subImm, dst, a, UInt32(bitPattern: smallInt(right)!), arithmeticSlot())
        case .binary(let op, let left, let right):
            let a = try stableValue(left, before: right)
            let b = try value(right)
            position(node)
            switch op {
            case .in: emit(.inOperator, dst, a, b)
            case .instanceof: emit(.instanceOf, dst, a, b)
            default: emit(binaryOpcode(op), dst, a, b, arithmeticSlot())
            }
        case .logical(let op, let left, let right):
            let end = newLabel()
            try expr(left, dst)
            switch op {
            case .and: emitJump(.jumpIfFalse, dst, to: end)
            case .or: emitJump(.jumpIfTrue, dst, to: end)
            case .coalesce: emitJump(.jumpIfNotNullish, dst, to: end)
            }
            try expr(right, dst, name: inferred)
            bind(end)
        case .conditional(let test, let consequent, let alternate):
            let elseLabel = newLabel(), end = newLabel()
            try condition(test, falseLabel: elseLabel)
            try expr(consequent, dst)
            emitJump(.jump, to: end)
            bind(elseLabel)
            try expr(alternate, dst)
            bind(end)
        case .assignment(let op, let target, let value):
            try assignment(op, target: target, value: value, dst, at: node)
        case .sequence(let list):
            let items = ast[list]
            for item in items.dropLast() { try effect(item) }
            if let last = items.last { try expr(last, dst) }
        case .call(let callee, let arguments, let optional):
            try call(callee: callee, arguments: arguments, optional: optional, dst, at: node)
        case .new(let callee, let arguments):
            try construct(callee: callee, arguments: arguments, dst, at: node)
        case .member(let object, let property, let optional):
            if case .superExpression = ast[object] {
                let key = temp()
                emit(.loadConst, key, stringConstant(property))
                try superGet(key, dst, at: node)
                return
            }
            let o = try value(object)
            if optional { try shortCircuit(o) }
            position(node)
            emit(.getNamed, dst, o, self.name(property), propertyCache())
        case .computedMember(let object, let property, let optional):
            if case .superExpression = ast[object] {
                let key = try value(property)
                try superGet(key, dst, at: node)
                return
            }
            let o = try stableValue(object, before: property)
            if optional { try shortCircuit(o) }
            if case .string(let s) = ast[property], !isIndexLike(s) {
                position(node)
                emit(.getNamed, dst, o, self.name(s), propertyCache())
                return
            }
            let k = try value(property)
            position(node)
            emit(.getIndexed, dst, o, k, propertyCache())
        case .optionalChain(let inner):
            let short = newLabel(), end = newLabel()
            f.optionalShortCircuit.append(short)
            try expr(inner, dst)
            f.optionalShortCircuit.removeLast()
            emitJump(.jump, to: end)
            bind(short)
            emit(.loadUndefined, dst)
            bind(end)
        case .newTarget:
            loadPseudo(.newTargetBinding, .loadNewTarget, dst)
        case .spread:
            throw error("Unexpected spread", at: node)
        case .superExpression:
            throw error("'super' keyword unexpected here", at: node)
        case .yield(let argument, let delegate):
            if delegate {
                try yieldStar(argument, dst, at: node)
            } else {
                let v = temp()
                if argument.isNone { emit(.loadUndefined, v) } else { try expr(argument, v) }
                position(node)
                emit(.yield, dst, v)
            }
        case .await:
            throw error("Async functions are not supported yet", at: node)
        case .importMeta:
            loadPseudo(.importMetaBinding, .loadUndefined, dst)
        case .importCall:
            // import() returns a promise, and MVM has no promises yet: a
            // catchable error where it runs, not a module that fails to compile.
            position(node)
            emit(.throwError, 0, constant(.string(Array("import() is not supported yet".utf16))))
        case .privateMember(let object, let name, let optional):
            let o = try value(object)
            if optional { try shortCircuit(o) }
            let k = privateKey(name, at: node)
            position(node)
            emit(.getPrivate, dst, o, k)
        case .privateIn(let name, let object):
            let o = try value(object)
            let k = privateKey(name, at: node)
            position(node)
            emit(.hasPrivate, dst, o, k)
        case .privateName:
            throw error("Unexpected private name", at: node)
        case .objectPattern, .arrayPattern, .assignmentPattern, .rest:
            throw error("Invalid destructuring target", at: node)
        default:
            throw error("Unexpected expression", at: node)
        }
    }

    /// Canonical array index spelling ("0", "17"; not "01").
    func isArrayIndex(_ units: [UInt16]) -> Bool {
        guard !units.isEmpty, units.count <= 10, units.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        if units.count > 1 && units[0] == 48 { return false }
        return (UInt64(String(decoding: units, as: UTF16.self)) ?? .max) < 4_294_967_295
    }

    /// An int32 number literal (not -0), for immediate operands.
    func smallInt(_ node: NodeID) -> Int32? {
        guard case .number(let d) = ast[node], let i = Int32(exactly: d), !(d == 0 && d.sign == .minus) else { return nil }
        return i
    }

    func fusedImmediateBranch(_ op: BinaryOperator) -> Opcode? {
        switch op {
        case .less: return .jumpIfNotLessImm
        case .lessEqual: return .jumpIfNotLessEqualImm
        case .greater: return .jumpIfNotGreaterImm
        case .greaterEqual: return .jumpIfNotGreaterEqualImm
        default: return nil
        }
    }

    /// The compare-and-branch that jumps when `op` yields false.
    func fusedBranch(_ op: BinaryOperator) -> Opcode? {
        switch op {
        case .less: return .jumpIfNotLess
        case .lessEqual: return .jumpIfNotLessEqual
        case .greater: return .jumpIfNotGreater
        case .greaterEqual: return .jumpIfNotGreaterEqual
        case .strictEqual: return .jumpIfNotStrictEqual
        case .strictNotEqual: return .jumpIfStrictEqual
        default: return nil
        }
    }

    func isIndexLike(_ name: Name) -> Bool {
        let units = ast.names[name]
        guard let first = units.first, first >= 48 && first <= 57 else { return false }
        return true
    }

    /// `yield* iterable`: yields each value of the inner iterator. Values
    /// sent with next(v), throw() and return() are not forwarded to it.
    func yieldStar(_ argument: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let iterable = try value(argument)
        let iterator = temps(2)
        position(node)
        emit(.getIterator, iterator, iterable)
        let head = newLabel(), done = newLabel()
        let item = temp(), ignored = temp()
        bind(head)
        emitJump(.iteratorNext, item, iterator, to: done)
        emit(.yield, ignored, item)
        emitJump(.loop, to: head)
        bind(done)
        emit(.loadUndefined, dst)
    }

    /// A register holding private name `#name`'s key for this class evaluation.
    func privateKey(_ name: Name, at node: NodeID) -> UInt32 {
        let r = temp()
        loadVariable(.privateKey(name), r, at: node)
        return r
    }

    func shortCircuit(_ r: UInt32) throws(SyntaxError) {
        guard let label = f.optionalShortCircuit.last else { return }
        emitJump(.jumpIfNullish, r, to: label)
    }

    func binaryOpcode(_ op: BinaryOperator) -> Opcode {
        switch op {
        case .add: return .add
        case .subtract: return .sub
        case .multiply: return .mul
        case .divide: return .div
        case .remainder: return .mod
        case .exponent: return .exp
        case .shiftLeft: return .shl
        case .shiftRight: return .shr
        case .shiftRightUnsigned: return .ushr
        case .bitwiseAnd: return .bitAnd
        case .bitwiseOr: return .bitOr
        case .bitwiseXor: return .bitXor
        case .equal: return .eq
        case .notEqual: return .ne
        case .strictEqual: return .strictEq
        case .strictNotEqual: return .strictNe
        case .less: return .lt
        case .greater: return .gt
        case .lessEqual: return .le
        case .greaterEqual: return .ge
        case .instanceof: return .instanceOf
        case .in: return .inOperator
        }
    }

    /// The operator of `x op= y`; `nop` for `=` and the logical assignments.
    func compoundOpcode(_ op: AssignmentOperator) -> Opcode {
        let binary: BinaryOperator
        switch op {
        case .add: binary = .add
        case .subtract: binary = .subtract
        case .multiply: binary = .multiply
        case .divide: binary = .divide
        case .remainder: binary = .remainder
        case .exponent: binary = .exponent
        case .shiftLeft: binary = .shiftLeft
        case .shiftRight: binary = .shiftRight
        case .shiftRightUnsigned: binary = .shiftRightUnsigned
        case .bitwiseAnd: binary = .bitwiseAnd
        case .bitwiseOr: binary = .bitwiseOr
        case .bitwiseXor: binary = .bitwiseXor
        case .assign, .and, .or, .coalesce: return .nop
        }
        return binaryOpcode(binary)
    }

    // MARK: Operators

    func unary(_ op: UnaryOperator, _ argument: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        switch op {
        case .minus:
            if case .number(let n) = ast[argument] {
                if let small = Int32(exactly: -n), n != 0 { emit(.loadInt, dst, UInt32(bitPattern: small)) }
                else { emit(.loadConst, dst, constant(.number(-n))) }
                return
            }
            let r = try value(argument)
            position(node)
            emit(.neg, dst, r, arithmeticSlot())
        case .plus:
            let r = try value(argument)
            position(node)
            emit(.toNumber, dst, r)
        case .not:
            let r = try value(argument)
            emit(.not, dst, r)
        case .bitwiseNot:
            let r = try value(argument)
            position(node)
            emit(.bitNot, dst, r)
        case .typeof:
            if case .identifier(let name) = ast[argument], case .global = resolve(name) {
                emit(.getGlobalOrUndefined, dst, self.name(name), propertyCache())
            } else {
                try expr(argument, dst)
            }
            emit(.typeOf, dst, dst)
        case .void:
            try effect(argument)
            emit(.loadUndefined, dst)
        case .delete:
            switch ast[argument] {
            case .member(let object, let property, _):
                let o = try value(object)
                position(node)
                emit(.deleteNamed, dst, o, self.name(property))
            case .computedMember(let object, let property, _):
                let o = try value(object)
                let k = try value(property)
                position(node)
                emit(.deleteIndexed, dst, o, k)
            case .identifier(let name):
                if case .global = resolve(name) {
                    let g = temp()
                    emit(.loadGlobalThis, g)
                    emit(.deleteNamed, dst, g, self.name(name))
                } else {
                    emit(.loadFalse, dst)
                }
            case .optionalChain:
                try effect(argument)
                emit(.loadTrue, dst)
            default:
                try effect(argument)
                emit(.loadTrue, dst)
            }
        }
    }

    func update(_ op: UpdateOperator, prefix: Bool, target: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let opcode: Opcode = op == .increment ? .inc : .dec
        switch ast[target] {
        case .identifier(let name):
            let old = temp()
            loadVariable(name, old, at: target)
            position(node)
            if prefix {
                emit(opcode, dst, old, arithmeticSlot())
                try storeVariable(name, dst, at: target)
            } else {
                emit(.toNumeric, dst, old)
                let new = temp()
                emit(opcode, new, dst, arithmeticSlot())
                try storeVariable(name, new, at: target)
            }
        case .member(let object, let property, _):
            let o = try value(object)
            let old = temp()
            let n = self.name(property)
            position(node)
            emit(.getNamed, old, o, n, propertyCache())
            let result = try updated(opcode, prefix: prefix, old: old, dst)
            emit(.setNamed, o, n, result, propertyCache())
        case .computedMember(let object, let property, _):
            let o = try value(object)
            let k = temp()
            try expr(property, k)
            emit(.toPropertyKey, k, k)
            let old = temp()
            position(node)
            emit(.getIndexed, old, o, k, propertyCache())
            let result = try updated(opcode, prefix: prefix, old: old, dst)
            emit(.setIndexed, o, k, result, propertyCache())
        case .privateMember(let object, let name, _):
            let o = try value(object)
            let k = privateKey(name, at: target)
            let old = temp()
            position(node)
            emit(.getPrivate, old, o, k)
            let result = try updated(opcode, prefix: prefix, old: old, dst)
            emit(.setPrivate, o, k, result)
        default:
            throw error("Invalid left-hand side expression in \(prefix ? "prefix" : "postfix") operation", at: target)
        }
    }

    /// Computes the updated value; leaves the expression's value in `dst`
    /// and returns the register holding the value to store.
    private func updated(_ opcode: Opcode, prefix: Bool, old: UInt32, _ dst: UInt32) throws(SyntaxError) -> UInt32 {
        if prefix {
            emit(opcode, dst, old, arithmeticSlot())
            return dst
        }
        emit(.toNumeric, dst, old)
        let new = temp()
        emit(opcode, new, dst, arithmeticSlot())
        return new
    }

    func assignment(_ op: AssignmentOperator, target: NodeID, value: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let isLogical = op == .and || op == .or || op == .coalesce
        switch ast[target] {
        case .identifier(let name):
            let units = Array(ast.names[name])
            if op == .assign {
                try expr(value, dst, name: units)
                try storeVariable(name, dst, at: target)
            } else if isLogical {
                let end = newLabel()
                loadVariable(name, dst, at: target)
                logicalJump(op, dst, end)
                try expr(value, dst, name: units)
                try storeVariable(name, dst, at: target)
                bind(end)
            } else {
                let old = temp()
                loadVariable(name, old, at: target)
                let v = try self.value(value)
                position(node)
                emit(compoundOpcode(op), dst, old, v, arithmeticSlot())
                try storeVariable(name, dst, at: target)
            }
        case .member(let object, let property, _):
            if case .superExpression = ast[object] {
                let key = temp()
                emit(.loadConst, key, stringConstant(property))
                try superAssign(op, key: key, value: value, dst, at: node)
                return
            }
            let o = try stableValue(object, before: value)
            let n = self.name(property)
            if case .this = ast[object] { f.thisPropertyNames.insert(n) }
            if op == .assign {
                try expr(value, dst)
            } else if isLogical {
                let end = newLabel()
                position(node)
                emit(.getNamed, dst, o, n, propertyCache())
                logicalJump(op, dst, end)
                try expr(value, dst)
                position(node)
                emit(.setNamed, o, n, dst, propertyCache())
                bind(end)
                return
            } else {
                let old = temp()
                position(node)
                emit(.getNamed, old, o, n, propertyCache())
                let v = try self.value(value)
                emit(compoundOpcode(op), dst, old, v, arithmeticSlot())
            }
            position(node)
            emit(.setNamed, o, n, dst, propertyCache())
        case .computedMember(let object, let property, _):
            if case .superExpression = ast[object] {
                let key = try self.value(property)
                try superAssign(op, key: key, value: value, dst, at: node)
                return
            }
            let o = try stableValue(object, before: value)
            let k = temp()
            try expr(property, k)
            if op != .assign { emit(.toPropertyKey, k, k) }
            if op == .assign {
                try expr(value, dst)
            } else if isLogical {
                let end = newLabel()
                position(node)
                emit(.getIndexed, dst, o, k, propertyCache())
                logicalJump(op, dst, end)
                try expr(value, dst)
                emit(.setIndexed, o, k, dst, propertyCache())
                bind(end)
                return
            } else {
                let old = temp()
                position(node)
                emit(.getIndexed, old, o, k, propertyCache())
                let v = try self.value(value)
                emit(compoundOpcode(op), dst, old, v, arithmeticSlot())
            }
            position(node)
            emit(.setIndexed, o, k, dst, propertyCache())
        case .objectPattern, .arrayPattern:
            try expr(value, dst)
            try bindPattern(target, dst, declaring: .assign)
        case .call:
            try effect(target)
            position(target)
            emit(.throwError, ErrorKind.referenceError.rawValue,
                 constant(.string(Array("Invalid left-hand side in assignment".utf16))))
        case .privateMember(let object, let name, _):
            let o = try stableValue(object, before: value)
            let k = privateKey(name, at: target)
            if op == .assign {
                try expr(value, dst)
            } else if isLogical {
                let end = newLabel()
                position(node)
                emit(.getPrivate, dst, o, k)
                logicalJump(op, dst, end)
                try expr(value, dst)
                emit(.setPrivate, o, k, dst)
                bind(end)
                return
            } else {
                let old = temp()
                position(node)
                emit(.getPrivate, old, o, k)
                let v = try self.value(value)
                emit(compoundOpcode(op), dst, old, v, arithmeticSlot())
            }
            position(node)
            emit(.setPrivate, o, k, dst)
        default:
            throw error("Invalid left-hand side in assignment", at: target)
        }
    }

    func logicalJump(_ op: AssignmentOperator, _ r: UInt32, _ end: Label) {
        switch op {
        case .and: emitJump(.jumpIfFalse, r, to: end)
        case .or: emitJump(.jumpIfTrue, r, to: end)
        default: emitJump(.jumpIfNotNullish, r, to: end)
        }
    }

    // MARK: super

    func homeAndThis() throws(SyntaxError) -> (home: UInt32, this: UInt32) {
        let home = temp(), this = temp()
        loadPseudo(.homeBinding, .loadHome, home)
        try loadThis(this)
        return (home, this)
    }

    func superGet(_ key: UInt32, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let (home, this) = try homeAndThis()
        position(node)
        emit(.getSuper, dst, key, this, home)
    }

    func superAssign(_ op: AssignmentOperator, key: UInt32, value: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let (home, this) = try homeAndThis()
        if op == .assign {
            try expr(value, dst)
        } else {
            let old = temp()
            emit(.getSuper, old, key, this, home)
            let v = try self.value(value)
            emit(compoundOpcode(op) == .nop ? .mov : compoundOpcode(op), dst, old, v, arithmeticSlot())
        }
        position(node)
        emit(.setSuper, key, dst, this, home)
    }

    // MARK: Calls

    func hasSpread(_ arguments: NodeList) -> Bool {
        ast[arguments].contains { if case .spread = ast[$0] { return true }; return false }
    }

    /// Evaluates arguments into base+2...; returns the count, or builds an
    /// array in `spreadArray` when there is a spread.
    func arguments(_ arguments: NodeList, base: UInt32, spreadArray: UInt32?) throws(SyntaxError) {
        if let array = spreadArray {
            emit(.newArray, array, 0, 0)
            for argument in ast[arguments] {
                let mark = f.nextRegister
                if case .spread(let inner) = ast[argument] {
                    let r = try value(inner)
                    position(argument)
                    emit(.arraySpread, array, r)
                } else {
                    let r = try value(argument)
                    emit(.arrayPush, array, r)
                }
                f.nextRegister = mark
            }
            return
        }
        for (i, argument) in ast[arguments].enumerated() {
            try expr(argument, base + 2 + UInt32(i))
        }
    }

    func call(callee: NodeID, arguments list: NodeList, optional: Bool, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        if case .superExpression = ast[callee] {
            try superCall(list, dst, at: node)
            return
        }
        let spread = hasSpread(list)
        let count = ast[list].count
        let base = temps(spread ? 2 : 2 + count)
        switch ast[callee] {
        case .member(let object, let property, let opt):
            if case .superExpression = ast[object] {
                let key = temp()
                emit(.loadConst, key, stringConstant(property))
                try superGet(key, base, at: callee)
                try loadThis(base + 1)
            } else {
                try expr(object, base + 1)
                if opt { try shortCircuit(base + 1) }
                position(callee)
                emit(.getNamed, base, base + 1, self.name(property), propertyCache())
            }
        case .computedMember(let object, let property, let opt):
            if case .superExpression = ast[object] {
                let key = try value(property)
                try superGet(key, base, at: callee)
                try loadThis(base + 1)
            } else {
                try expr(object, base + 1)
                if opt { try shortCircuit(base + 1) }
                let k = try value(property)
                position(callee)
                emit(.getIndexed, base, base + 1, k, propertyCache())
            }
        case .privateMember(let object, let name, let opt):
            try expr(object, base + 1)
            if opt { try shortCircuit(base + 1) }
            let k = privateKey(name, at: callee)
            position(callee)
            emit(.getPrivate, base, base + 1, k)
        default:
            try expr(callee, base)
            emit(.loadUndefined, base + 1)
        }
        if optional { try shortCircuit(base) }
        let array: UInt32? = spread ? temp() : nil
        try arguments(list, base: base, spreadArray: array)
        position(callee)
        f.callSites[UInt32(here)] = render(callee)
        if let array {
            emit(.callSpread, dst, base, array)
        } else {
            emit(.call, dst, base, UInt32(count), callSlot())
        }
    }

    func construct(callee: NodeID, arguments list: NodeList, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let spread = hasSpread(list)
        let count = ast[list].count
        let base = temps(spread ? 2 : 2 + count)
        try expr(callee, base)
        emit(.loadUndefined, base + 1)
        let array: UInt32? = spread ? temp() : nil
        try arguments(list, base: base, spreadArray: array)
        position(node)
        f.callSites[UInt32(here)] = render(callee)
        if let array {
            emit(.newSpread, dst, base, array)
        } else {
            emit(.new, dst, base, UInt32(count), callSlot())
        }
    }

    func superCall(_ list: NodeList, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        let spread = hasSpread(list)
        let count = ast[list].count
        let base = temps(spread ? 2 : 2 + count)
        emit(.loadUndefined, base)
        emit(.loadUndefined, base + 1)
        let array: UInt32? = spread ? temp() : nil
        try arguments(list, base: base, spreadArray: array)
        position(node)
        if let array { emit(.superCallSpread, dst, base, array) } else { emit(.superCall, dst, base, UInt32(count)) }
        try initializeVariable(.thisBinding, dst, at: node)
    }

    /// The callee as V8 prints it in "x is not a function".
    func render(_ node: NodeID, depth: Int = 0) -> String {
        if depth > 6 { return "(intermediate value)" }
        switch ast[node] {
        case .identifier(let name): return ast.string(name)
        case .this: return "this"
        case .superExpression: return "super"
        case .member(let object, let property, _):
            return render(object, depth: depth + 1) + "." + ast.string(property)
        case .computedMember(let object, let property, _):
            let inner: String
            switch ast[property] {
            case .number(let d): inner = numberKeyString(d)
            case .string(let s): inner = "\"" + ast.string(s) + "\""
            case .identifier(let n): inner = ast.string(n)
            default: inner = "..."
            }
            return render(object, depth: depth + 1) + "[" + inner + "]"
        case .optionalChain(let inner): return render(inner, depth: depth)
        case .call(let callee, _, _): return render(callee, depth: depth + 1) + "(...)"
        case .privateMember(let object, let property, _): return render(object, depth: depth + 1) + ".#" + ast.string(property)
        case .object(let members) where ast[members].isEmpty: return "{}"
        default: return "(intermediate value)"
        }
    }

    // MARK: Templates

    func template(quasis: NodeList, expressions: NodeList, _ dst: UInt32) throws(SyntaxError) {
        let parts = ast[quasis], values = ast[expressions]
        func cooked(_ quasi: NodeID) -> Name {
            if case .templateElement(let cooked, _) = ast[quasi] { return cooked }
            return .empty
        }
        emit(.loadConst, dst, stringConstant(cooked(parts[parts.startIndex])))
        let piece = temp()
        for (i, expression) in values.enumerated() {
            let mark = f.nextRegister
            let r = try value(expression)
            position(expression)
            emit(.toStringOp, piece, r)
            emit(.add, dst, dst, piece, arithmeticSlot())
            let text = cooked(parts[parts.startIndex + i + 1])
            if text != .empty {
                emit(.loadConst, piece, stringConstant(text))
                emit(.add, dst, dst, piece, arithmeticSlot())
            }
            f.nextRegister = mark
        }
    }

    func taggedTemplate(tag: NodeID, quasi: NodeID, _ dst: UInt32, at node: NodeID) throws(SyntaxError) {
        guard case .template(let quasis, let expressions) = ast[quasi] else { return }
        var cooked: [[UInt16]?] = [], raw: [[UInt16]] = []
        for q in ast[quasis] {
            guard case .templateElement(let c, let r) = ast[q] else { continue }
            cooked.append(c.isNone ? nil : Array(ast.names[c]))
            raw.append(Array(ast.names[r]))
        }
        let values = ast[expressions]
        let base = temps(3 + values.count)
        switch ast[tag] {
        case .member(let object, let property, _):
            try expr(object, base + 1)
            emit(.getNamed, base, base + 1, self.name(property), propertyCache())
        case .computedMember(let object, let property, _):
            try expr(object, base + 1)
            let k = try value(property)
            emit(.getIndexed, base, base + 1, k, propertyCache())
        default:
            try expr(tag, base)
            emit(.loadUndefined, base + 1)
        }
        emit(.templateObject, base + 2, constant(.template(cooked: cooked, raw: raw)))
        for (i, expression) in values.enumerated() { try expr(expression, base + 3 + UInt32(i)) }
        position(node)
        emit(.call, dst, base, UInt32(1 + values.count), callSlot())
    }

    // MARK: Literals

    func arrayLiteral(_ elements: NodeList, _ dst: UInt32) throws(SyntaxError) {
        let items = ast[elements]
        let plain = items.count <= 32 && items.allSatisfy {
            switch ast[$0] { case .spread, .hole: return false; default: return true }
        }
        if plain {
            let base = temps(items.count)
            for (i, item) in items.enumerated() { try expr(item, base + UInt32(i)) }
            emit(.newArray, dst, base, UInt32(items.count))
            return
        }
        let array = temp()
        emit(.newArray, array, 0, 0)
        for item in items {
            let mark = f.nextRegister
            switch ast[item] {
            case .hole: emit(.arrayPushHole, array)
            case .spread(let inner):
                let r = try value(inner)
                position(item)
                emit(.arraySpread, array, r)
            default:
                let r = try value(item)
                emit(.arrayPush, array, r)
            }
            f.nextRegister = mark
        }
        emit(.mov, dst, array)
    }

    /// The property key of a non-computed key node, as code units.
    func keyUnits(_ key: NodeID) -> [UInt16] {
        switch ast[key] {
        case .identifier(let n), .string(let n): return Array(ast.names[n])
        case .number(let d): return Array(numberKeyString(d).utf16)
        case .bigint(let n): return Array(ast.names[n])
        default: return []
        }
    }

    func numberKeyString(_ d: Double) -> String {
        if let i = Int64(exactly: d), abs(i) < 1 << 53 { return String(i) }
        var s = "\(d)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    /// Loads a member key into a register: computed keys are converted to
    /// property keys, literal keys become string constants.
    func memberKey(_ key: NodeID, computed: Bool) throws(SyntaxError) -> UInt32 {
        let r = temp()
        if computed {
            try expr(key, r)
            emit(.toPropertyKey, r, r)
        } else {
            emit(.loadConst, r, constant(.string(keyUnits(key))))
        }
        return r
    }

    func objectLiteral(_ members: NodeList, _ object: UInt32) throws(SyntaxError) {
        let dst = object
        // Room in the object for every property the literal names (a spread's
        // are unknown): they then never move to a side buffer.
        let defined = ast[members].filter { if case .property = ast[$0] { return true } else { return false } }.count
        emit(.newObject, dst, UInt32(min(defined, 255)))
        for member in ast[members] {
            let mark = f.nextRegister
            defer { f.nextRegister = mark }
            switch ast[member] {
            case .property(let key, let value, let kind, let flags):
                let computed = flags.contains(.computed)
                if kind == .value && !computed && !flags.contains(.method) && !isArrayIndex(keyUnits(key)) {
                    let units = keyUnits(key)
                    let v = temp()
                    try expr(value, v, name: units)
                    if units == Array("__proto__".utf16) && !flags.contains(.shorthand) {
                        emit(.setNamed, dst, nameIndex(units), v, propertyCache())
                    } else {
                        emit(.defineNamed, dst, nameIndex(units), v, propertyCache())
                    }
                    continue
                }
                let k = try memberKey(key, computed: computed)
                let v = temp()
                if flags.contains(.method) || kind != .value {
                    guard case .functionExpression(let id) = ast[value] else {
                        try expr(value, v)
                        emit(.defineField, dst, k, v)
                        continue
                    }
                    let name = computed ? nil : keyUnits(key)
                    emit(.newMethod, v, try compileFunction(.function(id), name: name), currentContext(), dst)
                } else {
                    try expr(value, v)
                }
                switch kind {
                case .value: emit(.defineField, dst, k, v)
                case .getter: emit(.defineGetter, dst, k, v, 1)
                case .setter: emit(.defineSetter, dst, k, v, 1)
                }
            case .spread(let inner):
                let r = try value(inner)
                position(member)
                emit(.copyDataProperties, dst, r, noRegister)
            default:
                throw error("Unexpected object member", at: member)
            }
        }
    }
}

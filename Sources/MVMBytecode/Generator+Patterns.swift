// Destructuring, parameters and classes.
import MVMSyntax

extension Generator {
    // MARK: Patterns

    func bindPattern(_ pattern: NodeID, _ source: UInt32, declaring mode: BindingMode) throws(SyntaxError) {
        try checkStack(pattern)
        let mark = f.nextRegister
        defer { f.nextRegister = mark }
        switch ast[pattern] {
        case .identifier(let name):
            if mode == .initialize { try initializeVariable(name, source, at: pattern) }
            else { try storeVariable(name, source, at: pattern) }
        case .member(let object, let property, _):
            let o = try value(object)
            position(pattern)
            emit(.setNamed, o, self.name(property), source, propertyCache())
        case .computedMember(let object, let property, _):
            let o = try value(object)
            let k = try value(property)
            position(pattern)
            emit(.setIndexed, o, k, source, propertyCache())
        case .assignmentPattern(let target, let defaultValue):
            let r = temp()
            emit(.mov, r, source)
            let done = newLabel()
            emitJump(.jumpIfNotUndefined, r, to: done)
            var name: [UInt16]? = nil
            if case .identifier(let n) = ast[target] { name = Array(ast.names[n]) }
            try expr(defaultValue, r, name: name)
            bind(done)
            try bindPattern(target, r, declaring: mode)
        case .objectPattern(let members):
            let ok = newLabel()
            emitJump(.jumpIfNotNullish, source, to: ok)
            position(pattern)
            emit(.throwError, ErrorKind.typeError.rawValue,
                 constant(.string(Array("Cannot destructure a value that is undefined or null.".utf16))))
            bind(ok)
            var keys: [UInt32] = []
            for member in ast[members] {
                switch ast[member] {
                case .property(let key, let value, _, let flags):
                    let r = temp()
                    if flags.contains(.computed) {
                        let k = temp()
                        try expr(key, k)
                        emit(.toPropertyKey, k, k)
                        keys.append(k)
                        position(member)
                        emit(.getIndexed, r, source, k, propertyCache())
                    } else {
                        let units = keyUnits(key)
                        let k = temp()
                        emit(.loadConst, k, constant(.string(units)))
                        keys.append(k)
                        position(member)
                        if isArrayIndex(units) {
                            emit(.getIndexed, r, source, k, propertyCache())
                        } else {
                            emit(.getNamed, r, source, nameIndex(units), propertyCache())
                        }
                    }
                    try bindPattern(value, r, declaring: mode)
                case .rest(let target):
                    let list = temp()
                    emit(.newArray, list, 0, 0)
                    for k in keys { emit(.arrayPush, list, k) }
                    let rest = temp()
                    emit(.newObject, rest, 0)
                    emit(.copyDataProperties, rest, source, list)
                    try bindPattern(target, rest, declaring: mode)
                default: break
                }
            }
        case .arrayPattern(let elements):
            let iterator = temps(2)
            position(pattern)
            emit(.getIterator, iterator, source)
            for element in ast[elements] {
                let item = temp()
                if case .rest(let target) = ast[element] {
                    emit(.newArray, item, 0, 0)
                    let head = newLabel(), end = newLabel()
                    let next = temp()
                    bind(head)
                    emitJump(.iteratorNext, next, iterator, to: end)
                    emit(.arrayPush, item, next)
                    emitJump(.loop, to: head)
                    bind(end)
                    try bindPattern(target, item, declaring: mode)
                    continue
                }
                let got = newLabel(), done = newLabel()
                emitJump(.iteratorNext, item, iterator, to: done)
                emitJump(.jump, to: got)
                bind(done)
                emit(.loadUndefined, item)
                bind(got)
                if case .hole = ast[element] { continue }
                try bindPattern(element, item, declaring: mode)
            }
            emit(.iteratorClose, iterator)
        case .privateMember(let object, let name, _):
            let o = try value(object)
            let k = privateKey(name, at: pattern)
            position(pattern)
            emit(.setPrivate, o, k, source)
        default:
            throw error("Invalid destructuring assignment target", at: pattern)
        }
    }

    /// Binds parameters: simple ones already sit in their registers;
    /// defaults, patterns and rest are processed in order.
    func parameters(_ params: ArraySlice<NodeID>, scope s: Scope) throws(SyntaxError) {
        for (i, param) in params.enumerated() {
            let register = UInt32(1 + i)
            switch ast[param] {
            case .identifier(let name):
                // Captured simple parameters were copied by the prologue.
                _ = name
            case .rest(let target):
                let r = temp()
                emit(.createRest, r, UInt32(i))
                try bindPattern(target, r, declaring: .initialize)
            default:
                try bindPattern(param, register, declaring: .initialize)
            }
        }
    }

    // MARK: Classes

    func classDefinition(_ id: ClassID, into dst: UInt32, name inferred: [UInt16]?) throws(SyntaxError) {
        let node = ast[id]
        let mark = f.nextRegister
        defer { f.nextRegister = mark }
        var heritage = noRegister
        if !node.heritage.isNone { heritage = try value(node.heritage) }
        let s = try enterBlockScope(.classBody(id.index), functions: [])
        // Fresh private names for this evaluation of the class.
        var declaredPrivate = Set<Name>()
        for member in ast[node.members] {
            var key = NodeID.none
            switch ast[member] {
            case .method(let k, _, _, _), .field(let k, _, _): key = k
            default: continue
            }
            guard case .privateName(let name) = ast[key], declaredPrivate.insert(name).inserted else { continue }
            let r = temp()
            emit(.newPrivateName, r, constant(.string(Array(("#" + ast.string(name)).utf16))))
            try initializeVariable(.privateKey(name), r, at: key)
            f.nextRegister -= 1
        }
        let className = node.name.isNone ? (inferred ?? []) : Array(ast.names[node.name])
        var constructor: FunctionID? = nil
        var hasInstanceFields = false, hasStaticInit = false
        for member in ast[node.members] {
            switch ast[member] {
            case .method(_, let function, .constructor, _): constructor = function
            case .method(let key, _, _, let flags) where !flags.contains(.isStatic):
                if case .privateName = ast[key] { hasInstanceFields = true }
            case .field(_, _, let flags):
                if flags.contains(.isStatic) { hasStaticInit = true } else { hasInstanceFields = true }
            case .staticBlock: hasStaticInit = true
            default: break
            }
        }
        let context = currentContext()
        let constructorIndex: UInt32
        if let constructor {
            constructorIndex = try compileFunction(.function(constructor), name: className,
                                                   sourceRange: (Int(node.start), Int(node.end)))
        } else {
            constructorIndex = try compileFunction(.defaultConstructor(id), name: className)
        }
        let fieldIndex = hasInstanceFields ? try compileFunction(.fieldInitializer(id, isStatic: false), name: []) : noRegister
        let pair = temps(2)
        position(node.heritage.isNone ? NodeID.none : node.heritage)
        emit(.newClass, pair, constructorIndex, context, heritage, fieldIndex)
        if !node.name.isNone { try initializeVariable(node.name, pair, at: .none) }
        for member in ast[node.members] {
            let memberMark = f.nextRegister
            defer { f.nextRegister = memberMark }
            guard case .method(let key, let function, let kind, let flags) = ast[member], kind != .constructor else { continue }
            let target = flags.contains(.isStatic) ? pair : pair + 1
            if case .privateName(let name) = ast[key] {
                let closure = temp()
                emit(.newMethod, closure, try compileFunction(.function(function), name: Array(("#" + ast.string(name)).utf16)),
                     currentContext(), target)
                if flags.contains(.isStatic) {
                    let k = privateKey(name, at: key)
                    emit(.definePrivate, pair, k, closure, privateKind(kind).rawValue)
                } else {
                    try initializeVariable(kind == .setter ? .privateSetter(name) : .privateMethod(name), closure, at: key)
                }
                continue
            }
            let k = try memberKey(key, computed: flags.contains(.computed))
            let closure = temp()
            let name: [UInt16]? = flags.contains(.computed) ? nil : keyUnits(key)
            emit(.newMethod, closure, try compileFunction(.function(function), name: name), currentContext(), target)
            switch kind {
            case .getter: emit(.defineGetter, target, k, closure, 0)
            case .setter: emit(.defineSetter, target, k, closure, 0)
            default: emit(.defineMethod, target, k, closure)
            }
        }
        if hasStaticInit {
            let base = temps(2)
            emit(.newMethod, base, try compileFunction(.fieldInitializer(id, isStatic: true), name: []), currentContext(), pair)
            emit(.mov, base + 1, pair)
            let ignored = temp()
            emit(.call, ignored, base, 0, callSlot())
        }
        emit(.mov, dst, pair)
        leaveBlockScope(s)
    }

    /// The body of a class's field initializer: defines each field on `this`
    /// (r0) in order; the static one also runs static blocks.
    func privateKind(_ kind: MethodKind) -> PrivateKind {
        switch kind {
        case .getter: return .getter
        case .setter: return .setter
        default: return .method
        }
    }

    func fieldInitializers(_ id: ClassID, isStatic: Bool) throws(SyntaxError) {
        // Instance private methods come first: fields may call them.
        if !isStatic {
            for member in ast[ast[id].members] {
                guard case .method(let key, _, let kind, let flags) = ast[member], !flags.contains(.isStatic),
                      case .privateName(let name) = ast[key] else { continue }
                let mark = f.nextRegister
                let k = privateKey(name, at: key)
                let closure = temp()
                loadVariable(kind == .setter ? .privateSetter(name) : .privateMethod(name), closure, at: key)
                emit(.definePrivate, 0, k, closure, privateKind(kind).rawValue)
                f.nextRegister = mark
            }
        }
        for member in ast[ast[id].members] {
            let mark = f.nextRegister
            defer { f.nextRegister = mark }
            switch ast[member] {
            case .field(let key, let value, let flags) where flags.contains(.isStatic) == isStatic:
                if !isStatic { f.instanceFields += 1 }
                if case .privateName(let name) = ast[key] {
                    let k = privateKey(name, at: key)
                    let v = temp()
                    if value.isNone { emit(.loadUndefined, v) } else {
                        try expr(value, v, name: Array(("#" + ast.string(name)).utf16))
                    }
                    position(member)
                    emit(.definePrivate, 0, k, v, PrivateKind.field.rawValue)
                    continue
                }
                let k = try memberKey(key, computed: flags.contains(.computed))
                let v = temp()
                if value.isNone { emit(.loadUndefined, v) } else {
                    try expr(value, v, name: flags.contains(.computed) ? nil : keyUnits(key))
                }
                position(member)
                emit(.defineField, 0, k, v)
            case .staticBlock(let body) where isStatic:
                let s = try enterBlockScope(.node(member.index), functions: functionDeclarations(ast[body]))
                try statements(ast[body])
                leaveBlockScope(s)
            default:
                break
            }
        }
    }
}

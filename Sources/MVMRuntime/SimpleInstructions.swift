// Instructions with no control flow that neither tier specializes: the
// interpreter runs them here through one grouped case, and native code
// through its slow-path helper, so both tiers share one body for each.
import MVMBytecode

extension Isolate {
    /// Runs the instruction at `pc` in `frame` (whose pc is already set); the
    /// interpreter's grouped case lists the opcodes it takes.
    func executeSimple(_ op: Opcode, _ pc: UnsafePointer<UInt32>, _ frame: UnsafeMutablePointer<Frame>) throws(Thrown) {
        let r = frame.pointee.registers
        let data = frame.pointee.data
        let a = Int(pc.pointee >> 8)
        switch op {
        case .loadHome, .loadClosureContext:
            let callee = frame.pointee.callee
            r[a] = callee.isCell(.function) ? callee.cell.internalValue(op == .loadHome ? 2 : 1) : .undefined
        case .checkThis:
            if r[a].isEmpty {
                throw throwError(.referenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
            }
        case .throwConstAssign:
            throw throwError(.typeError, "Assignment to constant variable.")
        case .newContext:
            let count = Int(pc[2])
            let cell = heap.allocate(16 + 8 * count, kind: .context)
            cell.aux = UInt32(count)
            cell.setValue(pc[1] == noRegister ? Value.undefined : r[Int(pc[1])], at: 8)
            for i in 0..<count { cell.setValue(.undefined, at: 16 + 8 * i) }
            r[a] = Value(cell: cell)
        case .copyContext:
            let old = r[a].cell
            let count = Int(old.aux)
            let cell = heap.allocate(16 + 8 * count, kind: .context)
            cell.aux = UInt32(count)
            cell.setValue(old.value(at: 8), at: 8)
            for i in 0..<count { cell.setValue(old.value(at: 16 + 8 * i), at: 16 + 8 * i) }
            r[a] = Value(cell: cell)
        case .declareGlobalVar:
            let key = PropertyKey(data.pointee.names[a])
            if ownProperty(globalObject.cell, key) == nil {
                _ = try? defineOwnProperty(globalObject.cell, key, value: .undefined, getter: nil, setter: nil,
                                           writable: true, enumerable: true, configurable: false)
            }
        case .declareGlobalFunction:
            let key = PropertyKey(data.pointee.names[Int(pc[1])])
            if ownProperty(globalObject.cell, key) == nil {
                try defineOwnProperty(globalObject.cell, key, value: r[a], getter: nil, setter: nil,
                                      writable: true, enumerable: true, configurable: false)
            } else {
                try set(globalObject, key, r[a])
            }
        case .defineField, .defineMethod:
            let key = try propertyKey(r[Int(pc[1])])
            try defineOwnProperty(r[a].cell, key, value: r[Int(pc[2])], getter: nil, setter: nil,
                                  writable: true, enumerable: op == .defineField, configurable: true)
        case .defineGetter, .defineSetter:
            let key = try propertyKey(r[Int(pc[1])])
            let f = r[Int(pc[2])]
            let isGetter = op == .defineGetter
            setFunctionName(f, key, prefix: isGetter ? "get" : "set")
            try defineOwnProperty(r[a].cell, key, value: nil, getter: isGetter ? f : nil, setter: isGetter ? nil : f,
                                  writable: nil, enumerable: pc[3] != 0, configurable: true)
        case .deleteNamed:
            r[a] = Value(try deleteOperator(r[Int(pc[1])], PropertyKey(data.pointee.names[Int(pc[2])]),
                                            strict: data.pointee.flags & CodeBits.strict != 0))
        case .deleteIndexed:
            let key = try propertyKey(r[Int(pc[2])])
            r[a] = Value(try deleteOperator(r[Int(pc[1])], key, strict: data.pointee.flags & CodeBits.strict != 0))
        case .getSuper:
            let home = r[Int(pc[3])]
            let key = try propertyKey(r[Int(pc[1])])
            let proto = home.isObject ? home.cell.proto : Value.undefined
            r[a] = proto.isObject ? try getProperty(proto, key, receiver: r[Int(pc[2])]) : .undefined
        case .setSuper:
            let home = r[Int(pc[3])]
            let key = try propertyKey(r[a])
            let proto = home.isObject ? home.cell.proto : Value.undefined
            if proto.isObject { _ = try setProperty(proto, key, r[Int(pc[1])], receiver: r[Int(pc[2])]) }
        case .newPrivateName:
            let symbol = newSymbol(data.pointee.constants[Int(pc[1])])
            symbol.cell.cellFlags |= SymbolFlags.isPrivate
            pinSymbol(symbol)
            r[a] = symbol
        case .definePrivate: try definePrivate(r[a], r[Int(pc[1])], r[Int(pc[2])], kind: pc[3])
        case .getPrivate: r[a] = try getPrivate(r[Int(pc[1])], r[Int(pc[2])])
        case .setPrivate: try setPrivate(r[a], r[Int(pc[1])], r[Int(pc[2])])
        case .hasPrivate: r[a] = Value(try hasPrivate(r[Int(pc[1])], r[Int(pc[2])]))
        case .inOperator: r[a] = Value(try inOperator(r[Int(pc[1])], r[Int(pc[2])]))
        case .instanceOf: r[a] = Value(try instanceOf(r[Int(pc[1])], r[Int(pc[2])]))
        case .bitNot:
            let x = r[Int(pc[1])]
            r[a] = x.isInt32 ? Value(~x.int32) : Value(~toInt32(try toNumber(x)))
        case .toStringOp:
            let x = r[Int(pc[1])]
            r[a] = x.isString ? x : try toString(x)
        case .toPropertyKey:
            let x = r[Int(pc[1])]
            if x.isObject {
                let primitive = try toPrimitive(x, hint: .string)
                r[a] = primitive.isSymbol || primitive.isString ? primitive : try toString(primitive)
            } else if !x.isString && !x.isSymbol && !x.isNumber {
                r[a] = numberOrOtherToString(x)
            } else {
                r[a] = x
            }
        case .callSpread, .newSpread:
            let base = r + Int(pc[1])
            let list = r[Int(pc[2])].cell
            r[a] = op == .callSpread ? try call(base[0], this: base[1], argumentList: list)
                : try construct(base[0], argumentList: list, newTarget: base[0])
        case .superCall, .superCallSpread:
            let base = r + Int(pc[1])
            let args: [Value]
            if op == .superCall {
                args = (0..<Int(pc[2])).map { base[2 + $0] }
            } else {
                args = denseValues(r[Int(pc[2])].cell)
            }
            r[a] = try superConstruct(frame, args)
        case .arrayPushHole:
            let cell = r[a].cell
            let n = cell.elementLength
            if n >= cell.elementCapacity { reserveElements(cell, n + 1) }
            setElementLength(cell, n + 1)
        case .arraySpread:
            try appendSpread(r[a].cell, r[Int(pc[1])])
        case .newMethod:
            let child = childInstanceData(data, Int(pc[1]))
            r[a] = makeClosure(child, context: pc[2] == noRegister ? .undefined : r[Int(pc[2])], home: r[Int(pc[3])])
        case .newClass:
            try makeClass(r + a, data, constructorIndex: Int(pc[1]),
                          context: pc[2] == noRegister ? .undefined : r[Int(pc[2])],
                          heritage: pc[3] == noRegister ? nil : r[Int(pc[3])],
                          fieldInitIndex: pc[4] == noRegister ? nil : Int(pc[4]))
        case .createArguments:
            r[a] = createArguments(frame)
        case .createRest:
            let args = frame.pointee.arguments
            if data.pointee.flags & CodeBits.restOnly != 0 {
                r[a] = args  // the call kept only these: the rest array itself
            } else {
                let start = Int(pc[1])
                let n = args.isObject ? args.cell.elementLength : 0
                r[a] = start < n ? newArray(copying: args.cell.elementValues + start, count: n - start) : newArray(capacity: 0)
            }
        case .copyDataProperties:
            try copyDataProperties(r[a], r[Int(pc[1])], excluded: pc[2] == noRegister ? nil : r[Int(pc[2])])
        case .templateObject:
            r[a] = templateObject(data, Int(pc[1]))
        case .newRegExp:
            throw throwError(.syntaxError, "Regular expressions are not supported yet")
        case .getIterator:
            try getIterator(r + a, r[Int(pc[1])])
        case .iteratorClose:
            try iteratorClose(r + a)
        case .forInPrepare:
            r[a] = forInKeys(r[Int(pc[1])])
            r[a + 1] = Value(Int32(0))
        case .getImport:
            var context = r[Int(pc[1])].cell
            for _ in 0..<pc[2] { context = context.value(at: 8).cell }
            r[a] = try readImport(context.value(at: 16 + 8 * Int(pc[3])).cell)
        case .throwError:
            let message = swiftString(data.pointee.constants[Int(pc[1])])
            let type: ErrorType = [ErrorType.error, .typeError, .referenceError, .syntaxError, .rangeError][min(a, 4)]
            throw throwError(type, message)
        default:
            preconditionFailure("executeSimple: \(op) is not a simple instruction")
        }
    }
}

extension Isolate {
    /// The next key of a for-in record (keys array, index), or nil at the end.
    @inline(__always)
    func forInStep(_ iterator: UnsafeMutablePointer<Value>) -> Value? {
        let keys = iterator[0].cell
        let i = Int(iterator[1].int32)
        guard i < keys.elementLength else { return nil }
        iterator[1] = Value(Int32(i + 1))
        return keys.elementValues[i]
    }
}

/// Words of the instruction whose first word is `word`.
@inline(__always) func instructionLength(_ word: UInt32) -> Int {
    Opcode.table[Int(word & 0xFF)].length
}

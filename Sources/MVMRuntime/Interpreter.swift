// The interpreter: one dispatch loop over raw pointers.
//
// `pc` points into the CodeBlock's words, `r` at the frame's registers on
// the isolate's register stack, `data` at the function's per-isolate
// InstanceData (constants, atoms, inline caches, feedback). JS-to-JS calls
// push a Frame and continue the same loop, so JS recursion never grows the
// native stack. Slow paths are out-of-line methods that throw `Thrown`; the
// loop catches and unwinds to the nearest handler.
import MVMBytecode

extension Isolate {
    @inline(__always) func truthy(_ v: Value) -> Bool {
        if v.bits == Value.true.bits { return true }
        if v.bits <= Value.undefined.bits { return false }
        if v.isInt32 { return v.int32 != 0 }
        if v.isNumber { let d = v.double; return d == d && d != 0 }
        if v.isString { return v.cell.aux != 0 }
        return true
    }

    /// Runs the top frame (pushed by the caller with the entry flag) to completion.
    /// Returns nil when an exception escapes (it is in `pendingException`).
    func execute() -> Value? {
        var frame = frames + (frameCount - 1)
        var executed: UInt64 = 0
        defer { statistics.bytecodesExecuted &+= executed }
        outer: while true {
            let data = frame.pointee.data
            if let native = data.pointee.native {
                // Compiled: run natively from this pc when it is an entry
                // (the function's start, a loop header; elsewhere native code
                // returns at once); it comes back at the instruction where
                // the interpreter goes on.
                if !runNative(native, frame) {
                    if !unwind() { return nil }
                    frame = frames + (frameCount - 1)
                    continue outer
                }
            }
            var pc = frame.pointee.pc
            let r = frame.pointee.registers
            let names = data.pointee.names
            let constants = data.pointee.constants
            inner: while true {
                executed &+= 1
                let word = pc.pointee
                let a = Int(word >> 8)
                switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
                case .mov:
                    r[a] = r[Int(pc[1])]
                    pc += 2
                case .loadConst:
                    r[a] = constants[Int(pc[1])]
                    pc += 2
                case .loadInt:
                    r[a] = Value(Int32(bitPattern: pc[1]))
                    pc += 2
                case .loadUndefined: r[a] = .undefined; pc += 1
                case .loadNull: r[a] = .null; pc += 1
                case .loadTrue: r[a] = .true; pc += 1
                case .loadFalse: r[a] = .false; pc += 1
                case .loadEmpty: r[a] = .empty; pc += 1
                case .loadGlobalThis: r[a] = globalObject; pc += 1
                case .loadCallee: r[a] = frame.pointee.callee; pc += 1
                case .loadNewTarget: r[a] = frame.pointee.newTarget; pc += 1
                case .checkTDZ:
                    if r[a].isEmpty {
                        frame.pointee.pc = pc
                        tdzError(names[Int(pc[1])])
                        break inner
                    }
                    pc += 2

                // MARK: Scopes
                case .getScope:
                    var c = r[Int(pc[1])].cell
                    var depth = pc[2]
                    while depth > 0 { c = c.value(at: 8).cell; depth -= 1 }
                    r[a] = c.value(at: 16 + 8 * Int(pc[3]))
                    pc += 4
                case .getScopeChecked:
                    var c = r[Int(pc[1])].cell
                    var depth = pc[2]
                    while depth > 0 { c = c.value(at: 8).cell; depth -= 1 }
                    let v = c.value(at: 16 + 8 * Int(pc[3]))
                    if v.isEmpty {
                        frame.pointee.pc = pc
                        tdzError(names[Int(pc[4])])
                        break inner
                    }
                    r[a] = v
                    pc += 5
                case .setScope:
                    var c = r[a].cell
                    var depth = pc[1]
                    while depth > 0 { c = c.value(at: 8).cell; depth -= 1 }
                    c.setValue(r[Int(pc[3])], at: 16 + 8 * Int(pc[2]))
                    pc += 4

                // MARK: Globals
                case .getGlobal, .getGlobalOrUndefined:
                    let global = globalObject.cell
                    let e = data.pointee.caches + Int(pc[2]) * 4
                    if e.pointee.shape == global.shapeBits && e.pointee.kind == CacheKind.own {
                        r[a] = global.slot(atOffset: e.pointee.offset)
                        pc += 3
                        continue inner
                    }
                    frame.pointee.pc = pc
                    do {
                        r[a] = try getGlobalMiss(names[Int(pc[1])], e, orUndefined: word & 0xFF == UInt32(Opcode.getGlobalOrUndefined.rawValue))
                    } catch { break inner }
                    pc += 3
                case .setGlobal, .setGlobalStrict:
                    let global = globalObject.cell
                    let e = data.pointee.caches + Int(pc[2]) * 4
                    if e.pointee.shape == global.shapeBits && e.pointee.kind == CacheKind.own {
                        global.setSlot(atOffset: e.pointee.offset, r[a])
                        pc += 3
                        continue inner
                    }
                    frame.pointee.pc = pc
                    do {
                        try setGlobalMiss(names[Int(pc[1])], r[a], e, strict: word & 0xFF == UInt32(Opcode.setGlobalStrict.rawValue))
                    } catch { break inner }
                    pc += 3

                // MARK: Properties
                case .getNamed:
                    let o = r[Int(pc[1])]
                    if o.isCell {
                        let cell = o.cell
                        if cell.cellKind.code >= CellKind.firstObject.code {
                            let e = data.pointee.caches + Int(pc[3]) * 4
                            if e.pointee.shape == cell.shapeBits {
                                let kind = e.pointee.kind
                                if kind == CacheKind.own {
                                    r[a] = cell.slot(atOffset: e.pointee.offset)
                                    pc += 4
                                    continue inner
                                }
                                if kind == CacheKind.proto && e.pointee.epoch == protoEpoch && cell.proto.bits == e.pointee.proto.bits {
                                    r[a] = e.pointee.holder.cell.slot(atOffset: e.pointee.offset)
                                    pc += 4
                                    continue inner
                                }
                                if kind == CacheKind.arrayLength && cell.cellKind == .array {
                                    r[a] = Value(Double(cell.elementLength))
                                    pc += 4
                                    continue inner
                                }
                                if kind == CacheKind.getter && e.pointee.epoch == protoEpoch && cell.proto.bits == e.pointee.proto.bits {
                                    // Call the getter like a JS call: a new frame above this one.
                                    let base = r + Int(data.pointee.registerCount)
                                    base[0] = o
                                    frame.pointee.pc = pc
                                    guard pushFrame(e.pointee.holder, base, 0, newTarget: .undefined, returnRegister: UInt32(a),
                                                    returnPC: pc + 4, flags: 0) else { break inner }
                                    frame = frames + (frameCount - 1)
                                    continue outer
                                }
                            }
                        }
                    }
                    frame.pointee.pc = pc
                    do { r[a] = try getNamedMiss(o, names[Int(pc[2])], data, Int(pc[3])) } catch { break inner }
                    pc += 4
                    if !safepoint(pc) { break inner }
                case .setNamed, .defineNamed:
                    let o = r[a]
                    let v = r[Int(pc[2])]
                    if o.isCell {
                        let cell = o.cell
                        if cell.cellKind.code >= CellKind.firstObject.code {
                            let e = data.pointee.caches + Int(pc[3]) * 4
                            if e.pointee.shape == cell.shapeBits {
                                if e.pointee.kind == CacheKind.own {
                                    cell.setSlot(atOffset: e.pointee.offset, v)
                                    pc += 4
                                    continue inner
                                }
                                if e.pointee.kind == CacheKind.transition && e.pointee.epoch == protoEpoch
                                    && cell.proto.bits == e.pointee.proto.bits {
                                    let offset = e.pointee.offset
                                    if offset < 0 { ensureOutOfLineCapacity(cell, Int(-offset - 1)) }
                                    cell.shapeBits = e.pointee.newShape
                                    cell.setSlot(atOffset: offset, v)
                                    pc += 4
                                    continue inner
                                }
                            }
                        }
                    }
                    frame.pointee.pc = pc
                    do {
                        try setNamedMiss(o, names[Int(pc[1])], v, data, Int(pc[3]),
                                         define: word & 0xFF == UInt32(Opcode.defineNamed.rawValue))
                    } catch { break inner }
                    pc += 4
                case .getIndexed:
                    let o = r[Int(pc[1])]
                    let k = r[Int(pc[2])]
                    if o.isCell && k.isInt32 && k.int32 >= 0 {
                        let cell = o.cell
                        let kind = cell.cellKind
                        if kind == .array || kind == .object || kind == .arguments {
                            let i = Int(k.int32)
                            if i < cell.elementLength && i < cell.elementCapacity {
                                let v = cell.elementValues[i]
                                if !v.isEmpty {
                                    KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.elements)
                                    r[a] = v
                                    pc += 4
                                    continue inner
                                }
                            }
                        } else if kind == .typedArray, let v = typedArrayGet(cell, Int(k.int32)) {
                            KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.typedArray(kind: cell.aux))
                            r[a] = v
                            pc += 4
                            continue inner
                        } else if kind == .string, let v = singleCharString(cell, Int(k.int32)) {
                            KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.string)
                            r[a] = v
                            pc += 4
                            continue inner
                        }
                    }
                    frame.pointee.pc = pc
                    KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), o.isString && k.isInt32 ? KeyedFeedback.string : KeyedFeedback.generic)
                    do { r[a] = try getIndexedSlow(o, k) } catch { break inner }
                    pc += 4
                    if !safepoint(pc) { break inner }
                case .setIndexed:
                    let o = r[a]
                    let k = r[Int(pc[1])]
                    let v = r[Int(pc[2])]
                    if o.isCell && k.isInt32 && k.int32 >= 0 {
                        let cell = o.cell
                        let kind = cell.cellKind
                        if (kind == .array || kind == .object) && cell.cellFlags & (ObjectFlags.frozenElements | ObjectFlags.nonExtensible) == 0 {
                            let i = Int(k.int32)
                            let length = cell.elementLength
                            if i < length && i < cell.elementCapacity && !cell.elementValues[i].isEmpty {
                                KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.elements)
                                cell.elementValues[i] = v
                                pc += 4
                                continue inner
                            }
                            if i == length && i < cell.elementCapacity && cell.proto.bits == arrayPrototype.bits && arrayPrototypeIsPlain {
                                KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.elements)
                                cell.elementValues[i] = v
                                setElementLength(cell, i + 1)
                                pc += 4
                                continue inner
                            }
                        } else if kind == .typedArray && v.isNumber && Int(k.int32) < typedArrayLength(cell) {
                            KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), KeyedFeedback.typedArray(kind: cell.aux))
                            typedArraySet(cell, Int(k.int32), v.number)
                            pc += 4
                            continue inner
                        }
                    }
                    frame.pointee.pc = pc
                    do { try setIndexedSlow(o, k, v, strict: data.pointee.flags & CodeBits.strict != 0) } catch { break inner }
                    pc += 4

                // MARK: Arithmetic
                case .add:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    if x.isInt32 && y.isInt32 {
                        let (sum, overflow) = x.int32.addingReportingOverflow(y.int32)
                        r[a] = overflow ? Value(rawDouble: Double(x.int32) + Double(y.int32)) : Value(sum)
                        // An overflow made a double: feedback says so (the JIT types by it).
                        data.pointee.arithmetic[Int(pc[3])] |= overflow ? 3 : 1
                    } else if x.isNumber && y.isNumber {
                        r[a] = Value(rawDouble: x.number + y.number)
                        data.pointee.arithmetic[Int(pc[3])] |= 2
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= x.isString || y.isString ? 4 : 8
                        do { r[a] = try addSlow(x, y) } catch { break inner }
                        if !safepoint(pc) { break inner }
                    }
                    pc += 4
                case .sub:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    if x.isInt32 && y.isInt32 {
                        let (v, overflow) = x.int32.subtractingReportingOverflow(y.int32)
                        r[a] = overflow ? Value(rawDouble: Double(x.int32) - Double(y.int32)) : Value(v)
                        data.pointee.arithmetic[Int(pc[3])] |= overflow ? 3 : 1
                    } else if x.isNumber && y.isNumber {
                        r[a] = Value(doubleResult: x.number - y.number, feedback: data.pointee.arithmetic + Int(pc[3]))
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                        do { r[a] = try arithmeticSlow(.sub, x, y) } catch { break inner }
                    }
                    pc += 4
                case .mul:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    if x.isInt32 && y.isInt32 {
                        let (v, overflow) = x.int32.multipliedReportingOverflow(by: y.int32)
                        let exact = !overflow && (v != 0 || (x.int32 >= 0 && y.int32 >= 0))
                        r[a] = exact ? Value(v) : Value(Double(x.int32) * Double(y.int32))
                        data.pointee.arithmetic[Int(pc[3])] |= exact ? 1 : 3
                    } else if x.isNumber && y.isNumber {
                        r[a] = Value(doubleResult: x.number * y.number, feedback: data.pointee.arithmetic + Int(pc[3]))
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                        do { r[a] = try arithmeticSlow(.mul, x, y) } catch { break inner }
                    }
                    pc += 4
                case .div:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    if x.isNumber && y.isNumber {
                        r[a] = Value(doubleResult: x.number / y.number, feedback: data.pointee.arithmetic + Int(pc[3]))
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                        do { r[a] = try arithmeticSlow(.div, x, y) } catch { break inner }
                    }
                    pc += 4
                case .mod:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    if x.isInt32 && y.isInt32 && x.int32 >= 0 && y.int32 > 0 {
                        r[a] = Value(x.int32 % y.int32)
                        data.pointee.arithmetic[Int(pc[3])] |= 1
                    } else if x.isNumber && y.isNumber {
                        r[a] = Value(doubleResult: jsRemainder(x.number, y.number), feedback: data.pointee.arithmetic + Int(pc[3]))
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                        do { r[a] = try arithmeticSlow(.mod, x, y) } catch { break inner }
                    }
                    pc += 4
                case .exp, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    if x.isInt32 && y.isInt32 {
                        let p = x.int32, q = y.int32
                        switch op {
                        case .bitAnd: r[a] = Value(p & q)
                        case .bitOr: r[a] = Value(p | q)
                        case .bitXor: r[a] = Value(p ^ q)
                        case .shl: r[a] = Value(p << (q & 31))
                        case .shr: r[a] = Value(p >> (q & 31))
                        case .ushr: r[a] = Value(Double(UInt32(bitPattern: p) >> UInt32(q & 31)))
                        default: r[a] = Value(jsPow(Double(p), Double(q)))
                        }
                        data.pointee.arithmetic[Int(pc[3])] |= 1
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                        do { r[a] = try arithmeticSlow(op, x, y) } catch { break inner }
                    }
                    pc += 4
                case .inc, .dec:
                    let x = r[Int(pc[1])]
                    let delta: Int32 = word & 0xFF == UInt32(Opcode.inc.rawValue) ? 1 : -1
                    if x.isInt32 {
                        let (v, overflow) = x.int32.addingReportingOverflow(delta)
                        r[a] = overflow ? Value(rawDouble: Double(x.int32) + Double(delta)) : Value(v)
                    } else if x.isNumber {
                        r[a] = Value(x.double + Double(delta))
                    } else {
                        frame.pointee.pc = pc
                        do { r[a] = Value(try toNumber(x) + Double(delta)) } catch { break inner }
                    }
                    pc += 3
                case .neg:
                    let x = r[Int(pc[1])]
                    if x.isInt32 && x.int32 != 0 && x.int32 != .min { r[a] = Value(-x.int32) } else {
                        // -0 and -(-2^31) are doubles; Value(Double) keeps -0 as one.
                        frame.pointee.pc = pc
                        do { r[a] = Value(-(try toNumber(x))) } catch { break inner }
                    }
                    pc += 3
                case .toNumber, .toNumeric:
                    let x = r[Int(pc[1])]
                    if x.isNumber { r[a] = x } else {
                        frame.pointee.pc = pc
                        do { r[a] = Value(try toNumber(x)) } catch { break inner }
                    }
                    pc += 2
                case .not:
                    r[a] = Value(!truthy(r[Int(pc[1])]))
                    pc += 2
                case .typeOf:
                    r[a] = typeOf(r[Int(pc[1])])
                    pc += 2

                // MARK: Comparison
                case .strictEq, .strictNe:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    let equal: Bool
                    if x.bits == y.bits { equal = !(x.isDouble && x.double.isNaN) }
                    else if x.isNumber && y.isNumber { equal = x.number == y.number }
                    else if x.isString && y.isString { equal = stringsEqual(x, y) }
                    else { equal = false }
                    r[a] = Value(equal == (word & 0xFF == UInt32(Opcode.strictEq.rawValue)))
                    pc += 4
                case .eq, .ne:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    frame.pointee.pc = pc
                    do {
                        let equal = try looseEquals(x, y)
                        r[a] = Value(equal == (word & 0xFF == UInt32(Opcode.eq.rawValue)))
                    } catch { break inner }
                    pc += 4
                case .lt, .le, .gt, .ge:
                    let x = r[Int(pc[1])], y = r[Int(pc[2])]
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    if x.isInt32 && y.isInt32 {
                        let p = x.int32, q = y.int32
                        switch op {
                        case .lt: r[a] = Value(p < q)
                        case .le: r[a] = Value(p <= q)
                        case .gt: r[a] = Value(p > q)
                        default: r[a] = Value(p >= q)
                        }
                        data.pointee.arithmetic[Int(pc[3])] |= 1
                    } else if x.isNumber && y.isNumber {
                        let p = x.number, q = y.number
                        switch op {
                        case .lt: r[a] = Value(p < q)
                        case .le: r[a] = Value(p <= q)
                        case .gt: r[a] = Value(p > q)
                        default: r[a] = Value(p >= q)
                        }
                        data.pointee.arithmetic[Int(pc[3])] |= 2
                    } else {
                        data.pointee.arithmetic[Int(pc[3])] |= x.isString && y.isString ? 4 : 8
                        frame.pointee.pc = pc
                        do { r[a] = Value(try compareSlow(op, x, y)) } catch { break inner }
                    }
                    pc += 4

                // MARK: Jumps
                case .jump:
                    pc += Int(Int32(bitPattern: word) >> 8)
                case .loop:
                    pc += Int(Int32(bitPattern: word) >> 8)
                    if !safepoint(pc) { break inner }
                    data.pointee.tierCountdown &-= 1
                    if data.pointee.tierCountdown < 0 {
                        // Hot loop: enter native code at its header (OSR) once there is some.
                        frame.pointee.pc = pc
                        switch tierUpAtLoop(data, frame) {
                        case .interpret: break
                        case .resume: continue outer
                        case .exception: break inner
                        }
                    }
                case .jumpIfTrue:
                    if truthy(r[a]) { pc += Int(Int32(bitPattern: pc[1])) } else { pc += 2 }
                case .jumpIfFalse:
                    if truthy(r[a]) { pc += 2 } else { pc += Int(Int32(bitPattern: pc[1])) }
                case .jumpIfNullish:
                    if r[a].isNullish { pc += Int(Int32(bitPattern: pc[1])) } else { pc += 2 }
                case .jumpIfNotNullish:
                    if r[a].isNullish { pc += 2 } else { pc += Int(Int32(bitPattern: pc[1])) }
                case .jumpIfUndefined:
                    if r[a].isUndefined { pc += Int(Int32(bitPattern: pc[1])) } else { pc += 2 }
                case .jumpIfNotUndefined:
                    if r[a].isUndefined { pc += 2 } else { pc += Int(Int32(bitPattern: pc[1])) }

                case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual:
                    let x = r[a], y = r[Int(pc[1])]
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    var holds: Bool
                    if x.isInt32 && y.isInt32 {
                        let p = x.int32, q = y.int32
                        holds = Isolate.comparisonHolds(op, p, q)
                        data.pointee.arithmetic[Int(pc[2])] |= 1
                    } else if x.isNumber && y.isNumber {
                        let p = x.number, q = y.number
                        holds = Isolate.comparisonHolds(op, p, q)
                        data.pointee.arithmetic[Int(pc[2])] |= 2
                    } else {
                        data.pointee.arithmetic[Int(pc[2])] |= x.isString && y.isString ? 4 : 8
                        frame.pointee.pc = pc
                        do { holds = try compareSlow(Isolate.comparison(op), x, y) } catch { break inner }
                    }
                    if holds { pc += 4 } else { pc += Int(Int32(bitPattern: pc[3])) }
                case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
                    let x = r[a]
                    let q = Int32(bitPattern: pc[1])
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    var holds: Bool
                    if x.isInt32 {
                        let p = x.int32
                        holds = Isolate.comparisonHolds(op, p, q)
                        data.pointee.arithmetic[Int(pc[2])] |= 1
                    } else if x.isNumber {
                        let p = x.double, dq = Double(q)
                        holds = Isolate.comparisonHolds(op, p, dq)
                        data.pointee.arithmetic[Int(pc[2])] |= 2
                    } else {
                        data.pointee.arithmetic[Int(pc[2])] |= 8
                        frame.pointee.pc = pc
                        do { holds = try compareSlow(Isolate.comparison(op), x, Value(q)) } catch { break inner }
                    }
                    if holds { pc += 4 } else { pc += Int(Int32(bitPattern: pc[3])) }
                case .addImm, .subImm:
                    let x = r[Int(pc[1])]
                    let isAdd = word & 0xFF == UInt32(Opcode.addImm.rawValue)
                    let q = Int32(bitPattern: pc[2])
                    if x.isInt32 {
                        let (v, overflow) = isAdd ? x.int32.addingReportingOverflow(q) : x.int32.subtractingReportingOverflow(q)
                        r[a] = overflow ? Value(rawDouble: isAdd ? Double(x.int32) + Double(q) : Double(x.int32) - Double(q)) : Value(v)
                        data.pointee.arithmetic[Int(pc[3])] |= overflow ? 3 : 1
                    } else if x.isNumber {
                        r[a] = Value(doubleResult: isAdd ? x.double + Double(q) : x.double - Double(q), feedback: data.pointee.arithmetic + Int(pc[3]))
                    } else {
                        frame.pointee.pc = pc
                        data.pointee.arithmetic[Int(pc[3])] |= x.isString ? 4 : 8
                        do { r[a] = isAdd ? try addSlow(x, Value(q)) : try arithmeticSlow(.sub, x, Value(q)) } catch { break inner }
                        if !safepoint(pc + 4) { break inner }
                    }
                    pc += 4
                case .jumpIfNotStrictEqual, .jumpIfStrictEqual:
                    let x = r[a], y = r[Int(pc[1])]
                    let equal: Bool
                    if x.bits == y.bits { equal = !(x.isDouble && x.double.isNaN) }
                    else if x.isNumber && y.isNumber { equal = x.number == y.number }
                    else if x.isString && y.isString { equal = stringsEqual(x, y) }
                    else { equal = false }
                    let jumpWhenEqual = word & 0xFF == UInt32(Opcode.jumpIfStrictEqual.rawValue)
                    if equal == jumpWhenEqual { pc += Int(Int32(bitPattern: pc[3])) } else { pc += 4 }

                // MARK: Calls
                case .call:
                    let base = r + Int(pc[1])
                    let argc = Int(pc[2])
                    let callee = base.pointee
                    CallFeedback.record(data.pointee.callFeedback + Int(pc[3]) * CallFeedback.width, callee)
                    frame.pointee.pc = pc
                    if callee.isCell && callee.cell.cellKind == .function && callee.cell.cellFlags & ObjectFlags.classConstructor == 0 {
                        guard pushFrame(callee, base + 1, argc, newTarget: .undefined, returnRegister: UInt32(a),
                                        returnPC: pc + 4, flags: 0) else { break inner }
                        frame = frames + (frameCount - 1)
                        continue outer
                    }
                    do { r[a] = try callSlow(callee, base + 1, argc) } catch { break inner }
                    pc += 4
                    if !safepoint(pc) { break inner }
                case .new:
                    let base = r + Int(pc[1])
                    let argc = Int(pc[2])
                    let callee = base.pointee
                    CallFeedback.record(data.pointee.callFeedback + Int(pc[3]) * CallFeedback.width, callee)
                    frame.pointee.pc = pc
                    if callee.isCell && callee.cell.cellKind == .function && isConstructor(callee) {
                        do { base[1] = try constructThis(callee.cell, newTarget: callee) } catch { break inner }
                        guard pushFrame(callee, base + 1, argc, newTarget: callee, returnRegister: UInt32(a),
                                        returnPC: pc + 4, flags: Frame.construct) else { break inner }
                        frame = frames + (frameCount - 1)
                        continue outer
                    }
                    do { r[a] = try constructSlow(callee, base + 2, argc, newTarget: callee) } catch { break inner }
                    pc += 4
                    if !safepoint(pc) { break inner }
                case .generatorStart:
                    r[a] = makeGenerator(frame, resumeOffset: pc + 2 - data.pointee.code)
                    pc += 1
                case .yield:
                    // Generator frames are entry frames: suspending returns from execute.
                    let result = suspendGenerator(frame, resumeOffset: pc + 2 - data.pointee.code, resumeRegister: a,
                                                  value: r[Int(pc[1])])
                    popFrame()
                    return result
                case .ret:
                    var result = r[a]
                    let finished = frame.pointee
                    if finished.flags & Frame.generator != 0 {
                        finishGenerator(finished.generator)
                        result = iteratorResult(result, done: true)
                    }
                    if finished.flags & Frame.construct != 0 && !result.isObject {
                        if finished.data.pointee.flags & CodeBits.derivedConstructor != 0 {
                            frame.pointee.pc = pc
                            _ = throwError(.typeError, "Derived constructors may only return object or undefined")
                            break inner
                        }
                        result = finished.registers[0]
                    }
                    popFrame()
                    if finished.flags & Frame.entry != 0 { return result }
                    frame = frames + (frameCount - 1)
                    frame.pointee.registers[Int(finished.returnRegister)] = result
                    frame.pointee.pc = finished.returnPC
                    continue outer

                // MARK: Creation
                case .newObject:
                    let properties = Int(pc[1])
                    r[a] = properties <= Shape.defaultInlineCount ? Value(cell: newObjectCell(.object, proto: objectPrototype))
                        : newLiteralObject(properties: properties)
                    pc += 2
                    if !safepoint(pc) { break inner }
                case .newArray:
                    let count = Int(pc[2])
                    let array = newArray(capacity: count)
                    if count > 0 {
                        let source = r + Int(pc[1])
                        let cell = array.cell
                        for i in 0..<count { cell.elementValues[i] = source[i] }
                        setElementLength(cell, count)
                    }
                    r[a] = array
                    pc += 3
                    if !safepoint(pc) { break inner }
                case .arrayPush:
                    arrayAppend(r[a].cell, r[Int(pc[1])])
                    pc += 2
                case .newClosure:
                    let child = childInstanceData(data, Int(pc[1]))
                    r[a] = makeClosure(child, context: pc[2] == noRegister ? .undefined : r[Int(pc[2])], home: .undefined)
                    pc += 3
                    if !safepoint(pc) { break inner }

                // MARK: Iteration
                case .iteratorNext:
                    let iterator = r + Int(pc[1])
                    let state = iterator[1]
                    if state.isInt32 && iterator[0].isCell(.array) {
                        let cell = iterator[0].cell
                        let i = Int(state.int32)
                        if i < cell.elementLength {
                            var v = i < cell.elementCapacity ? cell.elementValues[i] : .empty
                            if v.isEmpty {
                                frame.pointee.pc = pc
                                do { v = try get(iterator[0], PropertyKey(index: UInt32(i))) } catch { break inner }
                            }
                            r[a] = v
                            iterator[1] = Value(Int32(i + 1))
                            pc += 3
                        } else {
                            iterator[1] = .undefined
                            pc += Int(Int32(bitPattern: pc[2]))
                        }
                        continue inner
                    }
                    frame.pointee.pc = pc
                    do {
                        if let v = try iteratorStep(iterator) { r[a] = v; pc += 3 } else { pc += Int(Int32(bitPattern: pc[2])) }
                    } catch { break inner }
                case .forInNext:
                    if let key = forInStep(r + Int(pc[1])) {
                        r[a] = key
                        pc += 3
                    } else {
                        pc += Int(Int32(bitPattern: pc[2]))
                    }

                // MARK: Shared with native code (SimpleInstructions.swift)
                case .loadHome, .loadClosureContext, .checkThis, .throwConstAssign, .newContext, .copyContext,
                     .declareGlobalVar, .declareGlobalFunction, .defineField, .defineMethod, .defineGetter, .defineSetter,
                     .deleteNamed, .deleteIndexed, .getSuper, .setSuper, .newPrivateName, .definePrivate, .getPrivate,
                     .setPrivate, .hasPrivate, .inOperator, .instanceOf, .bitNot, .toStringOp, .toPropertyKey,
                     .callSpread, .newSpread, .superCall, .superCallSpread, .arrayPushHole, .arraySpread, .newMethod,
                     .newClass, .createArguments, .createRest, .copyDataProperties, .templateObject, .newRegExp,
                     .getIterator, .iteratorClose, .forInPrepare, .throwError, .getImport:
                    frame.pointee.pc = pc
                    do { try executeSimple(unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self), pc, frame) } catch { break inner }
                    pc += instructionLength(word)
                    if !safepoint(pc) { break inner }

                // MARK: Exceptions
                case .throw:
                    frame.pointee.pc = pc
                    pendingException = r[a]
                    break inner
                case .debugger, .nop:
                    pc += instructionLength(word)
                }
            }
            // An exception is pending: find a handler, popping frames.
            if !unwind() { return nil }
            frame = frames + (frameCount - 1)
        }
    }
}

// The one runtime entry native code calls: an instruction the compiled
// code did not finish inline (a type it did not specialize, an inline-cache
// miss, an allocation) runs here in full, on the frame on top, through the
// same runtime functions the interpreter calls.
import MVMBytecode
import MVMSyntax

extension Isolate {
    /// Runs the instruction at `pcOffset` of the frame on top. Returns -1 when
    /// an exception is pending, the condition (0 or 1) for a conditional
    /// jump, and 0 otherwise.
    @inline(never)
    func nativeSlowPath(_ pcOffset: UInt32) -> Int32 { nativeSlowPath(pcOffset, known: nil) }

    /// The same for an instruction whose opcode the caller knows: inlined
    /// into an entry point of its own (NativeABI.slowPathEntries), where the
    /// switch folds away, so a hot slow path does not pay the mispredicted
    /// indirect jump every kind of instruction shares in the generic entry.
    @inline(__always)
    func nativeSlowPath(_ pcOffset: UInt32, known: Opcode?) -> Int32 {
        let frame = frames + (frameCount - 1)
        let data = frame.pointee.data
        let pc = data.pointee.code + Int(pcOffset)
        frame.pointee.pc = pc
        let r = frame.pointee.registers
        let word = pc.pointee
        let a = Int(word >> 8)
        let names = data.pointee.names
        let op = known ?? unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
        var condition: Int32 = 0
        do {
            switch op {
            case .getNamed:
                r[a] = try getNamedMiss(r[Int(pc[1])], names[Int(pc[2])], data, Int(pc[3]))
            case .setNamed, .defineNamed:
                try setNamedMiss(r[a], names[Int(pc[1])], r[Int(pc[2])], data, Int(pc[3]), define: op == .defineNamed)
            case .getIndexed:
                let o = r[Int(pc[1])], k = r[Int(pc[2])]
                KeyedFeedback.record(data.pointee.cacheStates + Int(pc[3]), o.isString && k.isInt32 ? KeyedFeedback.string : KeyedFeedback.generic)
                r[a] = try getIndexedSlow(o, k)
            case .setIndexed:
                try setIndexedSlow(r[a], r[Int(pc[1])], r[Int(pc[2])], strict: data.pointee.flags & CodeBits.strict != 0)
            case .getGlobal, .getGlobalOrUndefined:
                r[a] = try getGlobalMiss(names[Int(pc[1])], data.pointee.caches + Int(pc[2]) * 4, orUndefined: op == .getGlobalOrUndefined)
            case .setGlobal, .setGlobalStrict:
                try setGlobalMiss(names[Int(pc[1])], r[a], data.pointee.caches + Int(pc[2]) * 4, strict: op == .setGlobalStrict)
            case .add:
                let x = r[Int(pc[1])], y = r[Int(pc[2])]
                data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                r[a] = try addSlow(x, y)
            case .sub, .mul, .div, .mod, .exp, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr:
                let x = r[Int(pc[1])], y = r[Int(pc[2])]
                data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                r[a] = try arithmeticSlow(op, x, y)
            case .addImm, .subImm:
                let x = r[Int(pc[1])], y = Value(Int32(bitPattern: pc[2]))
                data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                r[a] = op == .addImm ? try addSlow(x, y) : try arithmeticSlow(.sub, x, y)
            case .inc, .dec:
                r[a] = Value(try toNumber(r[Int(pc[1])]) + (op == .inc ? 1 : -1))
            case .neg:
                r[a] = Value(-(try toNumber(r[Int(pc[1])])))
            case .toNumber, .toNumeric:
                r[a] = Value(try toNumber(r[Int(pc[1])]))
            case .not:
                r[a] = Value(!truthy(r[Int(pc[1])]))
            case .typeOf:
                r[a] = typeOf(r[Int(pc[1])])
            case .lt, .le, .gt, .ge:
                let x = r[Int(pc[1])], y = r[Int(pc[2])]
                data.pointee.arithmetic[Int(pc[3])] |= arithmeticFeedback(x, y)
                r[a] = Value(try compareSlow(op, x, y))
            case .eq, .ne:
                r[a] = Value(try looseEquals(r[Int(pc[1])], r[Int(pc[2])]) == (op == .eq))
            case .strictEq, .strictNe:
                r[a] = Value(strictEquals(r[Int(pc[1])], r[Int(pc[2])]) == (op == .strictEq))
            case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual:
                let x = r[a], y = r[Int(pc[1])]
                data.pointee.arithmetic[Int(pc[2])] |= arithmeticFeedback(x, y)
                condition = try compareSlow(Isolate.comparison(op), x, y) ? 1 : 0
            case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
                let x = r[a], y = Value(Int32(bitPattern: pc[1]))
                data.pointee.arithmetic[Int(pc[2])] |= arithmeticFeedback(x, y)
                condition = try compareSlow(Isolate.comparison(op), x, y) ? 1 : 0
            case .jumpIfNotStrictEqual, .jumpIfStrictEqual:
                condition = strictEquals(r[a], r[Int(pc[1])]) ? 1 : 0
            case .jumpIfTrue, .jumpIfFalse:
                condition = truthy(r[a]) ? 1 : 0
            case .call:
                let base = r + Int(pc[1])
                CallFeedback.record(data.pointee.callFeedback + Int(pc[3]) * CallFeedback.width, base.pointee)
                r[a] = try callSlow(base.pointee, base + 1, Int(pc[2]))
            case .newObject:
                r[a] = newLiteralObject(properties: Int(pc[1]))
            case .newArray:
                let count = Int(pc[2])
                let array = newArray(capacity: count)
                let source = r + Int(pc[1])
                for i in 0..<count { array.cell.elementValues[i] = source[i] }
                if count > 0 { setElementLength(array.cell, count) }
                r[a] = array
            case .arrayPush:
                arrayAppend(r[a].cell, r[Int(pc[1])])
            case .newClosure:
                let child = childInstanceData(data, Int(pc[1]))
                r[a] = makeClosure(child, context: pc[2] == noRegister ? .undefined : r[Int(pc[2])], home: .undefined)
            case .checkTDZ:
                if r[a].isEmpty { tdzError(names[Int(pc[1])]); return -1 }
            case .getScopeChecked:
                tdzError(names[Int(pc[4])])
                return -1
            case .loadGlobalThis:
                r[a] = globalObject
            case .loadCallee:
                r[a] = frame.pointee.callee
            case .loadNewTarget:
                r[a] = frame.pointee.newTarget
            case .iteratorNext:
                if let v = try iteratorStep(r + Int(pc[1])) { r[a] = v; condition = 1 }
            case .forInNext:
                if let key = forInStep(r + Int(pc[1])) { r[a] = key; condition = 1 }
            case .throw:
                pendingException = r[a]
                return -1
            default:
                try executeSimple(op, pc, frame)
            }
        } catch {
            return -1
        }
        // Whatever allocated may have crossed the collection threshold.
        if heap.allocatedSinceCollection > heap.threshold && !collectAtSafepoint(pc) { return -1 }
        return condition
    }
}

extension Isolate {
    /// Native stack kept free by nested native calls (above the guard's own
    /// reserve), for the interpreter and runtime below the deepest one.
    static let nativeCallReserve: UInt = 256 * 1024

    /// `call` and `new` from native code. A JS function gets its frame
    /// pushed here and, when it is compiled, its native code called directly;
    /// it returns through its `ret` without the interpreter unless it needs
    /// it (an instruction left to the interpreter, a deopt, a handler, a
    /// derived constructor's return check). Other callees take the slow
    /// paths. Returns -1 when an exception is pending, and -2 when the native
    /// stack is running low: the caller then leaves the call to the
    /// interpreter, whose frames do not use the native stack, so deep JS
    /// recursion reaches the same depth in every tier.
    func nativeCall(_ pcOffset: UInt32, construct: Bool) -> Int32 {
        let frame = frames + (frameCount - 1)
        let data = frame.pointee.data
        let pc = data.pointee.code + Int(pcOffset)
        let base = frame.pointee.registers + Int(pc[1])
        let callee = base.pointee
        let argc = Int(pc[2])
        let a = Int(pc.pointee >> 8)
        let isJS = callee.isCell(.function) && (construct ? isConstructor(callee) : callee.cell.cellFlags & ObjectFlags.classConstructor == 0)
        guard isJS else {
            if !construct { return nativeSlowPath(pcOffset, known: .call) }
            CallFeedback.record(data.pointee.callFeedback + Int(pc[3]) * CallFeedback.width, callee)
            frame.pointee.pc = pc
            do { frame.pointee.registers[a] = try constructSlow(callee, base + 2, argc, newTarget: callee) } catch { return -1 }
            return heap.allocatedSinceCollection > heap.threshold && !collectAtSafepoint(pc) ? -1 : 0
        }
        if StackGuard.currentAddress() < stackLimit &+ Isolate.nativeCallReserve { return -2 }
        CallFeedback.record(data.pointee.callFeedback + Int(pc[3]) * CallFeedback.width, callee)
        frame.pointee.pc = pc
        var flags = Frame.entry
        let derived = construct && callee.cell.aux & CodeBits.derivedConstructor != 0
        if construct {
            // As the interpreter's `new`: `this` made first (fields initialized).
            flags |= Frame.construct
            do { base[1] = try constructThis(callee.cell, newTarget: callee) } catch { return -1 }
        }
        guard pushFrame(callee, base + 1, argc, newTarget: construct ? callee : .undefined, returnRegister: UInt32(a),
                        returnPC: pc + 4, flags: flags) else { return -1 }
        guard let result = runEntryFrame(construct: construct, derived: derived) else { return -1 }
        frame.pointee.registers[a] = result
        return 0
    }

    /// `this` for a plain `new` whose frame compiled code pushes itself (bits;
    /// 0 when an exception is pending). It is the one allocation compiled
    /// code makes without a runtime call that ends at a safepoint, so the
    /// collection the heap is due for happens here, before it: a compiled
    /// loop that only constructs would otherwise grow the heap until it
    /// left. The caller's frame has its pc and its registers written.
    func nativeNewThis(_ callee: Value) -> UInt64 {
        if heap.allocatedSinceCollection > heap.threshold && !collectWithinLimit() {
            heapLimitError()
            return 0
        }
        // Compiled code checked the constructor: plain (not derived), no
        // field initializer; with its `prototype` cached, `this` is made here.
        let cell = callee.cell
        if let proto = cachedPrototype(cell) {
            return Value(cell: newObjectCell(proto: proto.isObject ? proto : objectPrototype, properties: Int(instanceData(cell).pointee.thisProperties))).bits
        }
        do { return try constructThis(cell, newTarget: callee).bits } catch { return 0 }
    }

    /// Calls compiled `function` for native code (a builtin's callback),
    /// with `this` and the arguments at base[0...]: the frame pushed as
    /// compiled code pushes its callees', and entered as a fresh call, whose
    /// code clears the registers past the parameters itself. Functions
    /// that keep an arguments array go through pushFrame.
    func callCompiled(_ function: Value, _ data: UnsafeMutablePointer<InstanceData>, _ entry: UnsafeRawPointer,
                      _ base: UnsafeMutablePointer<Value>, _ argc: Int) throws(Thrown) -> Value {
        let registerCount = Int(data.pointee.registerCount)
        if !frameFits(base, registerCount) { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        // A safepoint, as pushFrame's: the arguments are below stackTop, the
        // callee's other registers not yet cleared, so before the push.
        if heap.allocatedSinceCollection > heap.threshold && !collectWithinLimit() {
            heapLimitError()
            throw Thrown()
        }
        var j = 1 + argc
        while j <= Int(data.pointee.parameterCount) { base[j] = .undefined; j += 1 }
        bindThis(base, data.pointee.flags)
        frames[frameCount] = Frame(data: data, pc: data.pointee.code, returnPC: data.pointee.code, registers: base, callee: function,
                                   newTarget: .undefined, arguments: .undefined, returnRegister: 0, flags: Frame.entry)
        frameCount += 1
        stackTop = base + registerCount
        let exit = unsafeBitCast(entry, to: NativeEntry.self)(UnsafeMutableRawPointer(jitState), UnsafeMutableRawPointer(base),
                                                              UnsafeMutableRawPointer(data), NativeABI.freshCallEntry)
        guard let result = finishEntryFrame(exit) else { throw Thrown() }
        return result
    }

    /// Runs the entry frame just pushed to its return: natively, straight
    /// through its `ret`, when it is compiled and needs nothing else;
    /// otherwise in the interpreter. Nil when an exception is pending.
    func runEntryFrame(construct: Bool = false, derived: Bool = false) -> Value? {
        let calleeFrame = frames + (frameCount - 1)
        guard let entry = calleeFrame.pointee.data.pointee.native else { return execute() }
        return finishEntryFrame(enterNative(entry, calleeFrame), construct: construct, derived: derived)
    }

    /// The entry frame on top came back from its native code with `exit`:
    /// a plain return is done here, anything else goes on in the interpreter.
    func finishEntryFrame(_ exit: UInt64, construct: Bool = false, derived: Bool = false) -> Value? {
        let calleeFrame = frames + (frameCount - 1)
        if exit >> NativeExit.kindShift == NativeExit.returned {
            // The common case: a plain return, done here (the frame goes, so
            // neither its pc nor its countdown needs takeExit).
            var result = calleeFrame.pointee.registers[NativeExit.returnedRegister(exit)]
            if !construct || result.isObject || !derived {
                if construct && !result.isObject { result = calleeFrame.pointee.registers[0] }
                popFrame()
                return result
            }
        }
        // A handler in the callee goes on in the interpreter; none pops its frame.
        if !takeExit(exit, calleeFrame) && !unwind() { return nil }
        return execute()
    }

    /// A compiled callee whose frame compiled code pushed itself left with
    /// `exit` (not a plain return): finish it, store the result in the
    /// caller's destination register. -1 when an exception is pending.
    func finishNativeCall(_ pcOffset: UInt32, _ exit: UInt64) -> Int32 {
        let construct = frames[frameCount - 1].flags & Frame.construct != 0
        guard let result = finishEntryFrame(exit, construct: construct) else { return -1 }
        let frame = frames + (frameCount - 1)
        let pc = frame.pointee.data.pointee.code + Int(pcOffset)
        frame.pointee.registers[Int(pc.pointee >> 8)] = result
        return 0
    }

}

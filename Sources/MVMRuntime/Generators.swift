// Generators. A generator's frame lives on the register stack only while
// it runs: `yield` copies the frame's registers into the generator object
// and returns from the dispatch loop; `next()` copies them back into a new
// entry frame and continues at the saved offset. The compiled function
// binds its arguments, makes the generator (`generatorStart`) and returns it.
import MVMBytecode

enum GeneratorSlot {
    static let callee = 0
    /// A JS array holding the saved registers.
    static let registers = 1
    static let state = 2
    /// Code offset to continue at.
    static let resumeOffset = 3
    /// Register that receives the value sent by next(v).
    static let resumeRegister = 4
    static let arguments = 5
    static let count = 6
}

enum GeneratorState {
    static let suspendedStart: Int32 = 0
    static let suspendedYield: Int32 = 1
    static let executing: Int32 = 2
    static let completed: Int32 = 3
}

enum ResumeMode { case next, `throw`, `return` }

extension Isolate {
    func makeGenerator(_ frame: UnsafeMutablePointer<Frame>, resumeOffset: Int) -> Value {
        let callee = frame.pointee.callee
        var proto = generatorPrototype
        if let own = ownProperty(callee.cell, PropertyKey(names.prototype)), !own.isAccessor, own.value.isObject { proto = own.value }
        let cell = newObjectCell(.generator, proto: proto)
        cell.setInternal(GeneratorSlot.callee, callee)
        cell.setInternal(GeneratorSlot.registers, newArray(capacity: Int(frame.pointee.data.pointee.registerCount)))
        cell.setInternal(GeneratorSlot.arguments, frame.pointee.arguments)
        saveRegisters(cell, frame)
        cell.setInternal(GeneratorSlot.state, Value(GeneratorState.suspendedStart))
        cell.setInternal(GeneratorSlot.resumeOffset, Value(Int32(resumeOffset)))
        cell.setInternal(GeneratorSlot.resumeRegister, Value(Int32(0)))
        return Value(cell: cell)
    }

    private func saveRegisters(_ generator: Cell, _ frame: UnsafeMutablePointer<Frame>) {
        let storage = generator.internalValue(GeneratorSlot.registers).cell
        let count = Int(frame.pointee.data.pointee.registerCount)
        if storage.elementCapacity < count { reserveElements(storage, count) }
        let values = storage.elementValues
        for i in 0..<count { values[i] = frame.pointee.registers[i] }
        setElementLength(storage, count)
    }

    func suspendGenerator(_ frame: UnsafeMutablePointer<Frame>, resumeOffset: Int, resumeRegister: Int, value: Value) -> Value {
        let generator = frame.pointee.generator.cell
        saveRegisters(generator, frame)
        generator.setInternal(GeneratorSlot.state, Value(GeneratorState.suspendedYield))
        generator.setInternal(GeneratorSlot.resumeOffset, Value(Int32(resumeOffset)))
        generator.setInternal(GeneratorSlot.resumeRegister, Value(Int32(resumeRegister)))
        return iteratorResult(value, done: false)
    }

    func finishGenerator(_ generator: Value) {
        generator.cell.setInternal(GeneratorSlot.state, Value(GeneratorState.completed))
        generator.cell.setInternal(GeneratorSlot.registers, newArray(capacity: 0))
    }

    /// next(v), throw(e) and return(v).
    func resumeGenerator(_ value: Value, _ sent: Value, _ mode: ResumeMode) throws(Thrown) -> Value {
        guard value.isCell(.generator) else {
            throw throwError(.typeError, "next method called on incompatible receiver \(describeForError(value))")
        }
        let cell = value.cell
        let state = cell.internalValue(GeneratorSlot.state).int32
        if state == GeneratorState.executing { throw throwError(.typeError, "Generator is already running") }
        if state == GeneratorState.completed || (state == GeneratorState.suspendedStart && mode != .next) {
            finishGenerator(value)
            switch mode {
            case .next: return iteratorResult(.undefined, done: true)
            case .return: return iteratorResult(sent, done: true)
            case .throw:
                pendingException = sent
                throw Thrown()
            }
        }
        if mode == .return && !hasFinallyAround(cell) {
            finishGenerator(value)
            return iteratorResult(sent, done: true)
        }
        guard hasStackRoom, frameCount < frameCapacity else { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        let callee = cell.internalValue(GeneratorSlot.callee)
        let data = instanceData(callee.cell)
        let count = Int(data.pointee.registerCount)
        let base = stackTop
        if base + count + 256 > registerBase + registerCapacity { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        let saved = cell.internalValue(GeneratorSlot.registers).cell
        for i in 0..<count { base[i] = saved.elementValues[i] }
        if state == GeneratorState.suspendedYield {
            base[Int(cell.internalValue(GeneratorSlot.resumeRegister).int32)] = sent
        }
        let savedTop = stackTop
        defer { stackTop = savedTop }
        frames[frameCount] = Frame(data: data, pc: data.pointee.code + Int(cell.internalValue(GeneratorSlot.resumeOffset).int32),
                                   returnPC: data.pointee.code, registers: base, callee: callee, newTarget: .undefined,
                                   arguments: cell.internalValue(GeneratorSlot.arguments), returnRegister: 0,
                                   flags: Frame.entry | Frame.generator, generator: value)
        frameCount += 1
        stackTop = base + count
        cell.setInternal(GeneratorSlot.state, Value(GeneratorState.executing))
        if mode == .return {
            // Enter the innermost finally around the yield as if `return sent` ran there.
            let frame = frames + (frameCount - 1)
            let offset = UInt32(frame.pointee.pc - 2 - data.pointee.code)
            let block = data.pointee.instance.takeUnretainedValue().block
            if let handler = block.handlers.first(where: { $0.kindRegister != noRegister && offset >= $0.start && offset < $0.end }) {
                frame.pointee.registers[Int(handler.kindRegister)] = Value(Int32(2))
                frame.pointee.registers[Int(handler.register)] = sent
                frame.pointee.pc = data.pointee.code + Int(handler.handler) + 2
            }
        }
        if mode == .throw {
            // Throw at the yield (2 words before the resume point): handlers around it may catch.
            frames[frameCount - 1].pc -= 2
            pendingException = sent
            if !unwind() {
                finishGenerator(value)
                throw Thrown()
            }
        }
        guard let result = execute() else {
            finishGenerator(value)
            throw Thrown()
        }
        return result
    }

    /// True when the generator is suspended inside a try block with a finally.
    private func hasFinallyAround(_ cell: Cell) -> Bool {
        guard cell.internalValue(GeneratorSlot.state).int32 == GeneratorState.suspendedYield else { return false }
        let data = instanceData(cell.internalValue(GeneratorSlot.callee).cell)
        let offset = UInt32(cell.internalValue(GeneratorSlot.resumeOffset).int32 - 2)
        let block = data.pointee.instance.takeUnretainedValue().block
        return block.handlers.contains { $0.kindRegister != noRegister && offset >= $0.start && offset < $0.end }
    }

    func setUpGenerators() {
        let proto = newObject(proto: iteratorPrototype)
        generatorPrototype = proto
        markAsPrototype(proto)
        method(proto, "next", 1) { iso, args throws(Thrown) in try iso.resumeGenerator(args.this, args[0], .next) }
        method(proto, "return", 1) { iso, args throws(Thrown) in try iso.resumeGenerator(args.this, args[0], .return) }
        method(proto, "throw", 1) { iso, args throws(Thrown) in try iso.resumeGenerator(args.this, args[0], .throw) }
        addProperty(proto.cell, PropertyKey(symbols.toStringTag), atom("Generator"), Attributes.configurable)
        // %GeneratorFunction.prototype%: the parent of generator functions.
        let functionProto = newObject(proto: functionPrototype)
        generatorFunctionPrototype = functionProto
        markAsPrototype(functionProto)
        let constructor = makeNative("GeneratorFunction", 1, constructor: true) { iso, _ throws(Thrown) in
            throw iso.throwError(.evalError, "Code generation from strings is not supported")
        }
        constructor.cell.proto = try! get(globalObject, "Function")
        addProperty(constructor.cell, PropertyKey(names.prototype), functionProto, 0)
        addProperty(functionProto.cell, PropertyKey(names.constructor), constructor, Attributes.configurable)
        addProperty(functionProto.cell, PropertyKey(names.prototype), proto, Attributes.configurable)
        addProperty(functionProto.cell, PropertyKey(symbols.toStringTag), atom("GeneratorFunction"), Attributes.configurable)
        intrinsicRoots.append(constructor)
    }
}

// Calls, construction, frames, exceptions and stack traces.
import MVMBytecode
import MVMSyntax

extension Isolate {
    @inline(__always)
    func instanceData(_ closure: Cell) -> UnsafeMutablePointer<InstanceData> {
        closure.internalValue(0).pointer.unsafelyUnwrapped.assumingMemoryBound(to: InstanceData.self)
    }

    /// Pushes a frame for a closure whose `this` and arguments are at base[0...].
    @inline(__always)
    func pushFrame(_ callee: Value, _ base: UnsafeMutablePointer<Value>, _ argc: Int, newTarget: Value,
                   returnRegister: UInt32, returnPC: UnsafePointer<UInt32>, flags: UInt32) -> Bool {
        let data = instanceData(callee.cell)
        let registerCount = Int(data.pointee.registerCount)
        if !frameFits(base, registerCount) {
            _ = throwError(.rangeError, "Maximum call stack size exceeded")
            return false
        }
        let params = Int(data.pointee.parameterCount)
        let codeFlags = data.pointee.flags
        var arguments = Value.undefined
        if codeFlags & CodeBits.needsArguments != 0 {
            // A function that only has a rest parameter keeps just that
            // array (createRest takes it); `arguments` needs them all.
            arguments = codeFlags & CodeBits.restOnly == 0 ? newArray(copying: base + 1, count: argc)
                : newArray(copying: base + 1 + params, count: max(0, argc - params))
        }
        var j = 1 + min(argc, params)
        while j < registerCount { base[j] = .undefined; j += 1 }
        bindThis(base, codeFlags)
        frames[frameCount] = Frame(data: data, pc: data.pointee.code, returnPC: returnPC, registers: base, callee: callee,
                                   newTarget: newTarget, arguments: arguments, returnRegister: returnRegister, flags: flags)
        frameCount += 1
        stackTop = base + registerCount
        data.pointee.entryCount &+= 1
        data.pointee.tierCountdown &-= 1
        if data.pointee.tierCountdown < 0 { _ = tierUp(data) }
        if heap.allocatedSinceCollection > heap.threshold && !collectWithinLimit() {
            frameCount -= 1
            popFrameTop()
            heapLimitError()
            return false
        }
        return true
    }

    /// Whether a frame of `registerCount` registers at `base` fits: a frame
    /// record free, and the registers with room to spare on the register stack.
    @inline(__always)
    func frameFits(_ base: UnsafeMutablePointer<Value>, _ registerCount: Int) -> Bool {
        frameCount < frameCapacity && base + registerCount + 256 <= registerBase + registerCapacity
    }

    /// A sloppy function's `this` (base[0]) as the callee sees it: the
    /// global object for undefined or null, a wrapper for a primitive.
    @inline(__always)
    func bindThis(_ base: UnsafeMutablePointer<Value>, _ codeFlags: UInt32) {
        guard codeFlags & (CodeBits.strict | CodeBits.arrow) == 0 else { return }
        let this = base[0]
        if this.isNullish { base[0] = globalObject } else if !this.isObject && !this.isEmpty { base[0] = toObject(this) }
    }

    /// Restores the register-stack top for the frame now on top.
    func popFrameTop() {
        if frameCount > 0 {
            let caller = frames[frameCount - 1]
            stackTop = caller.registers + Int(caller.data.pointee.registerCount)
        } else {
            stackTop = registerBase
        }
    }

    @inline(__always)
    func popFrame() {
        frameCount -= 1
        if frameCount > 0 {
            let caller = frames[frameCount - 1]
            stackTop = caller.registers + Int(caller.data.pointee.registerCount)
        } else {
            stackTop = registerBase
        }
    }

    /// Collects; false (with a RangeError pending) when the live heap is
    /// still over the isolate's limit afterwards.
    func collectAtSafepoint(_ pc: UnsafePointer<UInt32>) -> Bool {
        frames[frameCount - 1].pc = pc
        if collectWithinLimit() { return true }
        heapLimitError()
        return false
    }

    /// The safepoint check after an allocating instruction: collects when
    /// the heap asks for it; false (RangeError pending) when still over the limit.
    @inline(__always)
    func safepoint(_ pc: UnsafePointer<UInt32>) -> Bool {
        heap.allocatedSinceCollection <= heap.threshold || collectAtSafepoint(pc)
    }

    /// Collects; false when the live heap is still over the isolate's limit.
    func collectWithinLimit() -> Bool {
        collectGarbage()
        return heap.liveBytes <= heapLimit
    }

    @inline(never)
    func heapLimitError() {
        _ = throwError(.rangeError, "Out of memory: the isolate's heap limit of \(heapLimit >> 20) MB was reached")
    }

    // MARK: Calling from native code

    /// Calls `function` with `this` and arguments; the way natives run JS.
    public func call(_ function: Value, this: Value, _ args: [Value]) throws(Thrown) -> Value {
        if frameCount == 0 { refreshStackGuard() }
        guard function.isCell else { throw throwError(.typeError, "\(describeForError(function)) is not a function") }
        let base = try argumentRoom(args.count)
        base[0] = this
        for (i, arg) in args.enumerated() { base[1 + i] = arg }
        return try callSlow(function, base, args.count)
    }

    /// The register stack's top, where `count` arguments after a `this`
    /// slot go for a call from native code; a RangeError when they, and
    /// room for the callee, do not fit.
    private func argumentRoom(_ count: Int) throws(Thrown) -> UnsafeMutablePointer<Value> {
        let base = stackTop
        if base + count + 512 > registerBase + registerCapacity || !hasStackRoom {
            throw throwError(.rangeError, "Maximum call stack size exceeded")
        }
        return base
    }

    /// Copies the argument list a spread call built (a dense array no
    /// script can reach) above the register stack's top, after `this`.
    /// Reading it directly, not by iterating it, also keeps a patched
    /// Array.prototype[Symbol.iterator] from seeing it.
    private func pushArgumentList(_ list: Cell, this: Value) throws(Thrown) -> (base: UnsafeMutablePointer<Value>, count: Int) {
        let count = list.elementLength
        let base = try argumentRoom(count)
        base[0] = this
        if count > 0 { (base + 1).update(from: list.elementValues, count: count) }
        return (base, count)
    }

    /// `f(...args)`: calls with the list the call site built.
    func call(_ function: Value, this: Value, argumentList list: Cell) throws(Thrown) -> Value {
        let (base, count) = try pushArgumentList(list, this: this)
        return try callSlow(function, base, count)
    }

    /// `new F(...args)`: constructs with the list the site built.
    func construct(_ function: Value, argumentList list: Cell, newTarget: Value) throws(Thrown) -> Value {
        let (base, count) = try pushArgumentList(list, this: .undefined)
        return try constructSlow(function, base + 1, count, newTarget: newTarget)
    }

    /// Calls without building a Swift array: the arguments go straight onto
    /// the register stack (array methods call their callbacks this way).
    @inline(__always)
    func call(_ function: Value, this: Value, _ a: Value, _ b: Value = .undefined, _ c: Value = .undefined, count: Int) throws(Thrown) -> Value {
        let base = stackTop
        if base + 16 > registerBase + registerCapacity { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        base[0] = this
        base[1] = a
        base[2] = b
        base[3] = c
        return try callSlow(function, base, count)
    }

    /// reduce's four-argument callback.
    func call4(_ function: Value, _ a: Value, _ b: Value, _ c: Value, _ d: Value) throws(Thrown) -> Value {
        let base = stackTop
        if base + 16 > registerBase + registerCapacity { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        base[0] = .undefined
        base[1] = a
        base[2] = b
        base[3] = c
        base[4] = d
        return try callSlow(function, base, 4)
    }

    /// Calls with `this` and arguments already at base[0...] on the register stack.
    func callSlow(_ function: Value, _ base: UnsafeMutablePointer<Value>, _ argc: Int) throws(Thrown) -> Value {
        guard function.isCell else { throw throwError(.typeError, "\(calleeDescription(function)) is not a function") }
        let saved = stackTop
        defer { stackTop = saved }
        switch function.cell.cellKind {
        case .function:
            if function.cell.cellFlags & ObjectFlags.classConstructor != 0 {
                throw throwError(.typeError, "Class constructor \(functionName(function)) cannot be invoked without 'new'")
            }
            guard hasStackRoom else { throw throwError(.rangeError, "Maximum call stack size exceeded") }
            stackTop = max(stackTop, base + 1 + argc)
            let data = instanceData(function.cell)
            if let entry = data.pointee.native, data.pointee.flags & CodeBits.needsArguments == 0 {
                return try callCompiled(function, data, entry, base, argc)
            }
            guard pushFrame(function, base, argc, newTarget: .undefined, returnRegister: 0,
                            returnPC: data.pointee.code, flags: Frame.entry) else { throw Thrown() }
            guard let result = runEntryFrame() else { throw Thrown() }
            return result
        case .nativeFunction:
            stackTop = max(stackTop, base + 1 + argc)
            let index = Int(function.cell.internalValue(0).int32)
            return try natives.call(index, self, Arguments(base: base, count: argc, newTarget: .undefined, callee: function))
        case .boundFunction:
            let cell = function.cell
            let bound = cell.internalValue(2)
            var args = bound.isObject ? (0..<bound.cell.elementLength).map { bound.cell.elementValues[$0] } : []
            for i in 0..<argc { args.append(base[1 + i]) }
            stackTop = max(stackTop, base + 1 + argc)
            return try call(cell.internalValue(0), this: cell.internalValue(1), args)
        default:
            throw throwError(.typeError, "\(calleeDescription(function)) is not a function")
        }
    }

    func isConstructor(_ v: Value) -> Bool {
        guard v.isCell else { return false }
        let cell = v.cell
        switch cell.cellKind {
        case .function:
            return cell.aux & (CodeBits.arrow | CodeBits.method | CodeBits.getter | CodeBits.setter | CodeBits.generator) == 0
        case .nativeFunction: return cell.cellFlags & ObjectFlags.classConstructor != 0
        case .boundFunction: return isConstructor(cell.internalValue(0))
        default: return false
        }
    }

    /// `new F(...args)` with `newTarget` (for super calls, the derived class).
    public func construct(_ function: Value, _ args: [Value], newTarget: Value) throws(Thrown) -> Value {
        let base = try argumentRoom(args.count)
        base[0] = .undefined
        for (i, arg) in args.enumerated() { base[1 + i] = arg }
        return try constructSlow(function, base + 1, args.count, newTarget: newTarget)
    }

    /// Construct with the arguments at args[0...] (this slot at args[-1]).
    func constructSlow(_ function: Value, _ args: UnsafeMutablePointer<Value>, _ argc: Int, newTarget: Value) throws(Thrown) -> Value {
        guard isConstructor(function) else { throw throwError(.typeError, "\(calleeDescription(function)) is not a constructor") }
        let base = args - 1
        let saved = stackTop
        defer { stackTop = saved }
        stackTop = max(stackTop, args + argc)
        let cell = function.cell
        switch cell.cellKind {
        case .function:
            let derived = cell.aux & CodeBits.derivedConstructor != 0
            base[0] = try constructThis(cell, newTarget: newTarget)
            guard hasStackRoom else { throw throwError(.rangeError, "Maximum call stack size exceeded") }
            guard pushFrame(function, base, argc, newTarget: newTarget, returnRegister: 0,
                            returnPC: instanceData(cell).pointee.code, flags: Frame.entry | Frame.construct) else { throw Thrown() }
            guard let result = runEntryFrame(construct: true, derived: derived) else { throw Thrown() }
            return result
        case .nativeFunction:
            let index = Int(cell.internalValue(0).int32)
            base[0] = .undefined
            return try natives.call(index, self, Arguments(base: base, count: argc, newTarget: newTarget, callee: function))
        case .boundFunction:
            let bound = cell.internalValue(2)
            var all = bound.isObject ? (0..<bound.cell.elementLength).map { bound.cell.elementValues[$0] } : []
            for i in 0..<argc { all.append(args[i]) }
            let target = cell.internalValue(0)
            return try construct(target, all, newTarget: newTarget.bits == function.bits ? target : newTarget)
        default:
            throw throwError(.typeError, "\(calleeDescription(function)) is not a constructor")
        }
    }

    /// The `this` a `new` of JS function `cell` starts from: empty for a
    /// derived class (its super() call binds it), otherwise a new object with
    /// newTarget's prototype, the class's fields initialized.
    func constructThis(_ cell: Cell, newTarget: Value) throws(Thrown) -> Value {
        if cell.aux & CodeBits.derivedConstructor != 0 { return .empty }
        // Room in the object for what the constructors add: this one, and
        // for `new Derived`, the derived classes' between newTarget and it
        // (each runs after its base's super() made the object).
        var properties = propertiesAdded(by: cell)
        if newTarget.isCell(.function) {
            var derived = newTarget.cell, depth = 0
            while derived != cell && depth < 8 {
                properties += propertiesAdded(by: derived)
                guard derived.proto.isCell(.function) else { break }
                derived = derived.proto.cell
                depth += 1
            }
        }
        let this = Value(cell: newObjectCell(proto: try prototypeForConstruct(newTarget, newTarget: newTarget), properties: properties))
        let fieldInit = cell.internalValue(3)
        if fieldInit.isObject { _ = try call(fieldInit, this: this, []) }
        return this
    }

    /// The properties a JS function assigns to `this`
    /// (CodeBlock.thisProperties), and for a class, its instance fields.
    func propertiesAdded(by constructor: Cell) -> Int {
        let fieldInit = constructor.internalValue(3)
        return Int(instanceData(constructor).pointee.thisProperties)
            + (fieldInit.isCell(.function) ? Int(instanceData(fieldInit.cell).pointee.thisProperties) : 0)
    }

    /// A function's `prototype` value (maybe not an object) when it sits
    /// where it did in the last function looked up: functions mostly share
    /// a few shapes. Nil for another shape, a dictionary, or a prototype
    /// not made yet.
    @inline(__always)
    func cachedPrototype(_ function: Cell) -> Value? {
        guard function.cellFlags & (ObjectFlags.lazyPrototype | ObjectFlags.dictionary) == 0,
              function.shapeBits == prototypeSlotCache.shape else { return nil }
        return function.slot(atOffset: prototypeSlotCache.offset)
    }

    /// The prototype for an object created by `new newTarget`.
    func prototypeForConstruct(_ newTarget: Value, newTarget _: Value, fallback: Value? = nil) throws(Thrown) -> Value {
        if newTarget.isCell(.function) {
            let cell = newTarget.cell
            if cell.cellFlags & ObjectFlags.lazyPrototype != 0 { materializePrototype(cell) }
            if let proto = cachedPrototype(cell) { return proto.isObject ? proto : fallback ?? objectPrototype }
            let plain = cell.cellFlags & ObjectFlags.dictionary == 0
            if let own = namedOwnProperty(cell, PropertyKey(names.prototype)), !own.isAccessor {
                if plain {
                    cell.withShape { shape in
                        let index = shape.find(names.prototype.bits)
                        prototypeSlotCache = (cell.shapeBits, shape.slotOffset(shape.slots[index]))
                    }
                }
                return own.value.isObject ? own.value : fallback ?? objectPrototype
            }
        }
        if newTarget.isObject {
            let proto = try get(newTarget, PropertyKey(names.prototype))
            if proto.isObject { return proto }
        }
        return fallback ?? objectPrototype
    }

    /// `super(...args)` in the derived constructor running in `frame`.
    func superConstruct(_ frame: UnsafeMutablePointer<Frame>, _ args: [Value]) throws(Thrown) -> Value {
        let callee = frame.pointee.callee
        let parent = callee.cell.proto
        guard isConstructor(parent) else {
            // `extends null` leaves Function.prototype as the parent; V8 calls it null.
            let what = parent.isNull || parent.bits == functionPrototype.bits ? "null" : describeForError(parent)
            let name = functionName(callee)
            throw throwError(.typeError, "Super constructor \(what) of \(name.isEmpty ? "anonymous class" : name) is not a constructor")
        }
        let this = try construct(parent, args, newTarget: frame.pointee.newTarget)
        let fieldInit = callee.cell.internalValue(3)
        if fieldInit.isObject { _ = try call(fieldInit, this: this, []) }
        return this
    }

    // MARK: Closures and classes

    func makeClosure(_ data: UnsafeMutablePointer<InstanceData>, context: Value, home: Value) -> Value {
        let isGenerator = data.pointee.flags & CodeBits.generator != 0
        let cell = newObjectCell(.function, proto: isGenerator ? generatorFunctionPrototype : functionPrototype)
        cell.setInternal(0, Value(pointer: UnsafeRawPointer(data)))
        cell.setInternal(1, context)
        cell.setInternal(2, home)
        let flags = data.pointee.flags
        cell.aux = flags
        cell.shapeBits = functionShape.bits
        let shape = functionShape
        writeSlot(cell, shape!, 0, Value(data.pointee.length))
        writeSlot(cell, shape!, 1, data.pointee.name)
        if flags & (CodeBits.arrow | CodeBits.method | CodeBits.getter
                    | CodeBits.setter | CodeBits.classConstructor) == 0 {
            cell.cellFlags |= ObjectFlags.lazyPrototype
        }
        return Value(cell: cell)
    }

    func makeClass(_ out: UnsafeMutablePointer<Value>, _ data: UnsafeMutablePointer<InstanceData>, constructorIndex: Int,
                   context: Value, heritage: Value?, fieldInitIndex: Int?) throws(Thrown) {
        var protoParent = objectPrototype
        var constructorParent = functionPrototype
        if let heritage {
            if heritage.isNull {
                protoParent = .null
            } else {
                guard isConstructor(heritage) else {
                    throw throwError(.typeError, "Class extends value \(describeForError(heritage)) is not a constructor or null")
                }
                let parentPrototype = try get(heritage, PropertyKey(names.prototype))
                guard parentPrototype.isObject || parentPrototype.isNull else {
                    throw throwError(.typeError, "Class extends value does not have valid prototype property \(describeForError(parentPrototype))")
                }
                protoParent = parentPrototype
                constructorParent = heritage
            }
        }
        let prototype = newObject(proto: protoParent)
        markAsPrototype(protoParent)
        let constructor = makeClosure(childInstance(data, constructorIndex).data, context: context, home: prototype)
        let cell = constructor.cell
        cell.proto = constructorParent
        markAsPrototype(constructorParent)
        cell.cellFlags |= ObjectFlags.classConstructor
        addProperty(cell, PropertyKey(names.prototype), prototype, 0)
        addProperty(prototype.cell, PropertyKey(names.constructor), constructor, Attributes.hidden)
        markAsPrototype(prototype)
        if let fieldInitIndex {
            cell.setInternal(3, makeClosure(childInstance(data, fieldInitIndex).data, context: context, home: prototype))
        }
        out[0] = constructor
        out[1] = prototype
    }

    func setFunctionName(_ f: Value, _ key: PropertyKey, prefix: String) {
        guard f.isCell(.function) else { return }
        var name = key.isSymbol ? "[\(symbolDescription(key.value))]" : swiftString(keyValue(key))
        if !prefix.isEmpty { name = prefix + " " + name }
        let shape = f.cell.shape
        let index = shape.find(names.name.bits)
        if index >= 0 { writeSlot(f.cell, shape, shape.slots[index], newString(name)) }
    }

    func functionName(_ f: Value) -> String {
        guard f.isObject, let property = namedOwnProperty(f.cell, PropertyKey(names.name)), property.value.isString else { return "" }
        return swiftString(property.value)
    }

    func createArguments(_ frame: UnsafeMutablePointer<Frame>) -> Value {
        let cell = newObjectCell(.arguments, proto: objectPrototype)
        let all = frame.pointee.arguments
        if all.isObject {
            let n = all.cell.elementLength
            if n > 0 {
                reserveElements(cell, n)
                for i in 0..<n { cell.elementValues[i] = all.cell.elementValues[i] }
                setElementLength(cell, n)
            }
            addProperty(cell, PropertyKey(names.length), Value(Int32(n)), Attributes.hidden)
        } else {
            addProperty(cell, PropertyKey(names.length), Value(Int32(0)), Attributes.hidden)
        }
        addProperty(cell, PropertyKey(symbols.iterator), arrayValuesFunction, Attributes.hidden)
        return Value(cell: cell)
    }

    func templateObject(_ data: UnsafeMutablePointer<InstanceData>, _ index: Int) -> Value {
        let owner = data.pointee.instance.takeUnretainedValue()
        if let cached = owner.templates[index] { return cached }
        guard case .template(let cooked, let raw) = owner.block.constants[index] else { return .undefined }
        let strings = newArray(cooked.map { $0.map { newString(units: $0) } ?? .undefined })
        let raws = newArray(raw.map { newString(units: $0) })
        raws.cell.cellFlags |= ObjectFlags.frozenElements | ObjectFlags.nonExtensible
        addProperty(strings.cell, propertyKey("raw"), raws, 0)
        strings.cell.cellFlags |= ObjectFlags.frozenElements | ObjectFlags.nonExtensible
        owner.templates[index] = strings
        return strings
    }

    // MARK: Exceptions

    /// Finds a handler for the pending exception, popping frames up to the
    /// nearest entry frame. False when the exception leaves `execute`.
    func unwind() -> Bool {
        // The site is the frame on top when the exception first unwinds.
        // Unwinding runs once per entry frame, so an exception from a callee
        // compiled code called itself unwinds again in its caller (its
        // frame gone): that must not move the site to the call.
        if frameCount > 0 && throwSite?.exception != pendingException.bits {
            let top = frames[frameCount - 1]
            let block = top.data.pointee.instance.takeUnretainedValue().block
            let offset = top.pc - top.data.pointee.code
            let position = block.position(at: offset)
            throwSite = ThrowSite(file: block.source.name, line: position.line, column: position.column,
                                  lineText: block.source.lineText(atLine: position.line), exception: pendingException.bits)
        }
        while frameCount > 0 {
            let frame = frames + (frameCount - 1)
            let data = frame.pointee.data
            let block = data.pointee.instance.takeUnretainedValue().block
            let offset = UInt32(frame.pointee.pc - data.pointee.code)
            for handler in block.handlers where offset >= handler.start && offset < handler.end {
                frame.pointee.registers[Int(handler.register)] = pendingException
                pendingException = .empty
                throwSite = nil  // caught: a rethrow of it is a new site
                frame.pointee.pc = data.pointee.code + Int(handler.handler)
                stackTop = frame.pointee.registers + Int(data.pointee.registerCount)
                return true
            }
            let isEntry = frame.pointee.flags & Frame.entry != 0
            popFrame()
            if isEntry { return false }
        }
        return false
    }

    /// Sets the pending exception to a new error and returns the marker to throw.
    func throwError(_ type: ErrorType, _ message: String) -> Thrown {
        pendingException = makeError(type, message)
        return Thrown()
    }

    func tdzError(_ name: Value) {
        _ = throwError(.referenceError, "Cannot access '\(swiftString(name))' before initialization")
    }

    public func makeError(_ type: ErrorType, _ message: String) -> Value {
        let proto = errorPrototypes[type] ?? errorPrototype
        let cell = newObjectCell(.error, proto: proto)
        cell.setInternal(0, newString(captureStack()))
        addProperty(cell, PropertyKey(names.stack), .empty, Attributes.hidden)
        addProperty(cell, PropertyKey(names.message), newString(message), Attributes.hidden)
        return Value(cell: cell)
    }

    /// "\n    at f (file:line:col)" for each frame, innermost first.
    func captureStack(limit: Int = 10) -> String {
        var text = ""
        var index = frameCount - 1
        var count = 0
        while index >= 0 && count < limit {
            let frame = frames[index]
            let data = frame.data
            let block = data.pointee.instance.takeUnretainedValue().block
            let position = block.position(at: frame.pc - data.pointee.code)
            let location = "\(block.source.name):\(position.line):\(position.column)"
            let name = block.nameString
            if block.flags.contains(.script) || block.flags.contains(.module) {
                text += "\n    at \(location)"
            } else if name.isEmpty {
                text += "\n    at \(location)"
            } else {
                text += "\n    at \(frame.flags & Frame.construct != 0 ? "new " : "")\(name) (\(location))"
            }
            index -= 1
            count += 1
        }
        return text
    }

    /// A short rendering of a value for error messages.
    func describeForError(_ v: Value) -> String {
        if v.isString { return "\"\(swiftString(v))\"" }
        if v.isCallable {
            let name = functionName(v)
            return name.isEmpty ? "function (anonymous)" : name
        }
        if v.isObject {
            if v.isCell(.array) { return "[object Array]" }
            if v.cell.proto.isNull { return "[object Object]" }
            return "#<\(constructorName(v.cell) ?? "Object")>"
        }
        if v.isSymbol { return symbolDescriptiveString(v) }
        return swiftString(numberOrOtherToString(v))
    }

    /// The callee as Node names it in "x is not a function": the source
    /// expression of the call when the compiler could render it.
    func calleeDescription(_ v: Value) -> String {
        if frameCount > 0 {
            let frame = frames[frameCount - 1]
            let block = frame.data.pointee.instance.takeUnretainedValue().block
            let offset = UInt32(frame.pc - frame.data.pointee.code)
            if let text = block.calleeText(at: offset) { return text }
        }
        return describeForError(v)
    }

    // MARK: Running programs

    /// Runs a compiled top-level block with `this` (globalThis for scripts).
    public func run(_ block: CodeBlock) throws(Thrown) -> Value {
        if frameCount == 0 { refreshStackGuard() }
        let instance = self.instance(for: block)
        let closure = makeClosure(instance.data, context: .undefined, home: .undefined)
        let this = block.flags.contains(.module) ? Value.undefined : globalObject
        return try call(closure, this: this, [])
    }
}

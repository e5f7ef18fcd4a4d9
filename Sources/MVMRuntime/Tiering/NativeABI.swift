// What native code may assume about the runtime's memory: the offsets and
// constants a tier compiles into its code, and the runtime entry it calls.
// All of it is the same in every isolate of the process, which is what lets
// one compiled function serve them all (DESIGN.md decision 5).
import MVMBytecode

public enum NativeABI {
    // Value encoding (Value.swift).
    public static let numberTag = Value.numberTag
    public static let doubleOffset = Value.doubleOffset
    public static let canonicalNaN = Value.canonicalNaN
    /// NaN boxed: the only number whose bits are equal and that is not equal to itself.
    public static let canonicalNaNBits = Value.canonicalNaN &+ Value.doubleOffset
    public static let undefinedBits = Value.undefined.bits
    public static let nullBits = Value.null.bits
    public static let trueBits = Value.true.bits
    public static let falseBits = Value.false.bits
    public static let otherTag = Value.otherTag

    // Cells (Heap.swift, Objects.swift).
    public static let kindObject = CellKind.object.rawValue
    public static let kindArray = CellKind.array.rawValue
    public static let kindFunction = CellKind.function.rawValue
    public static let kindNativeFunction = CellKind.nativeFunction.rawValue
    /// Typed arrays (Collections.swift): the element kind in the cell's aux;
    /// internal slots 0 buffer, 1 byte offset, 2 length (numbers); the
    /// buffer's internal slot 0 holds its data pointer as a number-looking Value.
    public static let kindTypedArray = CellKind.typedArray.rawValue
    public static let typedArrayBufferOffset = ObjectLayout.internalSlot(0)
    public static let typedArrayByteOffsetOffset = ObjectLayout.internalSlot(1)
    public static let typedArrayLengthOffset = ObjectLayout.internalSlot(2)
    public static let bufferDataOffset = ObjectLayout.internalSlot(0)
    public static let typedInt8 = TypedArrayKind.int8.rawValue
    public static let typedUint8 = TypedArrayKind.uint8.rawValue
    public static let typedInt32 = TypedArrayKind.int32.rawValue
    public static let typedFloat64 = TypedArrayKind.float64.rawValue
    /// Bytes per element of the typed array kind `kind` (one of the above).
    public static func typedElementSize(_ kind: UInt32) -> Int { TypedArrayKind(rawValue: kind)!.elementSize }
    /// A native function's index among the isolate's natives (an int32 Value) sits here.
    public static let nativeIndexOffset = ObjectLayout.internalSlot(0)
    public static let kindArguments = CellKind.arguments.rawValue
    public static let kindString = CellKind.string.rawValue
    /// Flat strings (StringLayout): the length in the aux word, the code
    /// units from unitsOffset, one byte each when the flag is set.
    public static let stringUnitsOffset = StringLayout.unitsOffset
    public static let stringOneByteFlag = StringLayout.oneByteFlag
    /// Atoms are unique by contents: two different atoms are different strings.
    public static let stringAtomFlag = StringLayout.atomFlag
    public static let kindRope = CellKind.rope.rawValue
    public static let firstObjectKind = CellKind.firstObject.rawValue
    public static let cellFlagsOffset = 3
    public static let cellAuxOffset = 4
    public static let shapeOffset = ObjectLayout.shapeOffset
    public static let protoOffset = ObjectLayout.protoOffset
    public static let slotsOffset = ObjectLayout.slotsOffset
    public static let elementsOffset = ObjectLayout.elementsOffset
    /// Elements storage: capacity (UInt32), length (UInt32), then the Values.
    public static let elementsHeader = 8
    public static let classConstructorFlag = ObjectFlags.classConstructor
    public static let elementWriteBlockers = ObjectFlags.frozenElements | ObjectFlags.nonExtensible
    /// Scope contexts: the parent at 8, variables from 16.
    public static let contextParentOffset = 8
    public static let contextSlotsOffset = 16

    // Per-isolate function data (InstanceData) and inline caches.
    public static let dataConstantsOffset = MemoryLayout<InstanceData>.offset(of: \.constants)!
    public static let dataCachesOffset = MemoryLayout<InstanceData>.offset(of: \.caches)!
    public static let dataNamesOffset = MemoryLayout<InstanceData>.offset(of: \.names)!
    public static let dataCodeOffset = MemoryLayout<InstanceData>.offset(of: \.code)!
    public static let dataRegisterCountOffset = MemoryLayout<InstanceData>.offset(of: \.registerCount)!
    public static let dataParameterCountOffset = MemoryLayout<InstanceData>.offset(of: \.parameterCount)!
    public static let dataFlagsOffset = MemoryLayout<InstanceData>.offset(of: \.flags)!
    public static let dataNativeOffset = MemoryLayout<InstanceData>.offset(of: \.native)!
    /// An Int32: quick code counts it down (NativeCode.quick).
    public static let dataTierCountdownOffset = MemoryLayout<InstanceData>.offset(of: \.tierCountdown)!
    public static let dataShapeTableOffset = MemoryLayout<InstanceData>.offset(of: \.shapeTable)!
    public static let cacheEntryStride = MemoryLayout<CacheEntry>.stride
    public static let cacheEntriesPerSite = 4
    public static let cacheShapeOffset = MemoryLayout<CacheEntry>.offset(of: \.shape)!
    public static let cacheProtoOffset = MemoryLayout<CacheEntry>.offset(of: \.proto)!
    public static let cacheHolderOffset = MemoryLayout<CacheEntry>.offset(of: \.holder)!
    public static let cacheNewShapeOffset = MemoryLayout<CacheEntry>.offset(of: \.newShape)!
    public static let cacheSlotOffset = MemoryLayout<CacheEntry>.offset(of: \.offset)!
    public static let cacheEpochOffset = MemoryLayout<CacheEntry>.offset(of: \.epoch)!
    public static let cacheKindOffset = MemoryLayout<CacheEntry>.offset(of: \.kind)!
    /// The shape of an entry for a primitive string receiver (a method of String.prototype's chain).
    public static let primitiveStringShape = CacheEntry.primitiveString
    public static let cacheKindOwn = CacheKind.own
    public static let cacheKindProto = CacheKind.proto
    public static let cacheKindArrayLength = CacheKind.arrayLength
    public static let cacheKindTransition = CacheKind.transition
    public static let keyedElements = KeyedFeedback.elements
    public static let keyedTypedArray = KeyedFeedback.typedArray
    public static let keyedGeneric = KeyedFeedback.generic
    public static let keyedString = KeyedFeedback.string
    public static let keyedFloat64Elements = KeyedFeedback.float64Elements
    public static let keyedUint8Elements = KeyedFeedback.uint8Elements
    public static let keyedInt32Elements = KeyedFeedback.int32Elements

    // The per-isolate state native code gets as its first argument.
    public static let stateGlobalObjectOffset = MemoryLayout<JITState>.offset(of: \.globalObject)!
    public static let stateProtoEpochOffset = MemoryLayout<JITState>.offset(of: \.protoEpoch)!
    public static let stateStressCountdownOffset = MemoryLayout<JITState>.offset(of: \.stressCountdown)!
    public static let stressPeriod: Int32 = 7
    public static let stateFramesOffset = MemoryLayout<JITState>.offset(of: \.frames)!
    public static let stateFrameCountOffset = MemoryLayout<JITState>.offset(of: \.frameCount)!
    public static let stateFrameCapacityOffset = MemoryLayout<JITState>.offset(of: \.frameCapacity)!
    public static let stateStackTopOffset = MemoryLayout<JITState>.offset(of: \.stackTop)!
    public static let stateRegisterEndOffset = MemoryLayout<JITState>.offset(of: \.registerEnd)!
    public static let stateNativeStackLimitOffset = MemoryLayout<JITState>.offset(of: \.nativeStackLimit)!
    public static let stateMegamorphicTableOffset = MemoryLayout<JITState>.offset(of: \.megamorphicTable)!
    public static let stateSingleCharStringsOffset = MemoryLayout<JITState>.offset(of: \.singleCharStrings)!
    public static let stateHeapOffset = MemoryLayout<JITState>.offset(of: \.heap)!
    public static let statePrototypeSlotShapeOffset = MemoryLayout<JITState>.offset(of: \.prototypeSlotShape)!
    public static let statePrototypeSlotOffsetOffset = MemoryLayout<JITState>.offset(of: \.prototypeSlotOffset)!
    public static let stateObjectRootsOffset = MemoryLayout<JITState>.offset(of: \.objectRoots)!
    /// The fields of HeapAllocation (Heap.swift), which JITState.heap points to.
    public static let heapFreeListsOffset = MemoryLayout<HeapAllocation>.offset(of: \.freeLists)!
    public static let heapClassForStepsOffset = MemoryLayout<HeapAllocation>.offset(of: \.classForSteps)!
    public static let heapAllocatedOffset = MemoryLayout<HeapAllocation>.offset(of: \.allocatedSinceCollection)!
    public static let heapThresholdOffset = MemoryLayout<HeapAllocation>.offset(of: \.threshold)!
    /// A free cell's link to the next on its free list.
    public static let freeCellNextOffset = 8
    /// A new cell's header word: its kind, and its size class in byte 2.
    public static func cellHeader(kind: UInt8, sizeClass: Int) -> UInt64 { UInt64(kind) | UInt64(sizeClass) << 16 }
    /// The size class of `size` bytes (a small cell's), as Heap.allocate picks it.
    public static func sizeClass(_ size: Int) -> Int { Heap.sizeClass(forSize: size) }
    /// The inline slots of a constructor's `this` for its
    /// CodeBlock.thisProperties (Isolate.newObjectCell(proto:properties:)).
    public static func plainObjectInlineCount(properties: Int) -> Int { Shape.inlineCount(forProperties: properties) }
    /// A plain object's size with `inlineCount` inline slots.
    public static func plainObjectSize(inlineCount: Int) -> Int { ObjectLayout.size(.object, inlineCount: inlineCount) }
    public static let defaultInlineCount = Shape.defaultInlineCount
    public static let maxInlineCount = Shape.maxInlineCount
    public static let plainObjectSlotsOffset = ObjectLayout.internalOffset + 8 * ObjectLayout.internalCount(.object)
    public static let dataThisPropertiesOffset = MemoryLayout<InstanceData>.offset(of: \.thisProperties)!
    /// A function whose `prototype` is not made yet, or a dictionary-mode
    /// one: Isolate.cachedPrototype does not apply.
    public static let uncachedPrototypeFlags = ObjectFlags.lazyPrototype | ObjectFlags.dictionary
    /// The fields of JITState.arrayIteration (ArrayIterationCheck).
    public static let iterationArrayPrototypeOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.arrayPrototype)!
    public static let iterationPlainArrayShapeOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.plainArrayShape)!
    public static let iterationArrayPrototypeShapeOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.arrayPrototypeShape)!
    public static let iterationValuesOffsetOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.valuesOffset)!
    public static let iterationValuesFunctionOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.valuesFunction)!
    public static let iterationIteratorPrototypeOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.iteratorPrototype)!
    public static let iterationIteratorPrototypeShapeOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.iteratorPrototypeShape)!
    public static let iterationNextOffsetOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.nextOffset)!
    public static let iterationNextFunctionOffset = MemoryLayout<JITState>.offset(of: \.arrayIteration.nextFunction)!
    public static let singleCharCount = Isolate.singleCharCount
    public static let megamorphicCapacity = MegamorphicCache.capacity
    public static let megamorphicEntryStride = MemoryLayout<MegamorphicEntry>.stride
    public static let megamorphicShapeOffset = MemoryLayout<MegamorphicEntry>.offset(of: \.shape)!
    public static let megamorphicNameOffset = MemoryLayout<MegamorphicEntry>.offset(of: \.name)!
    public static let megamorphicSlotOffset = MemoryLayout<MegamorphicEntry>.offset(of: \.offset)!
    public static let megamorphicWritableOffset = MemoryLayout<MegamorphicEntry>.offset(of: \.writable)!
    /// The entry offset compiled code passes when it calls compiled code:
    /// the function's start, with the registers past the parameters not yet
    /// cleared (the runtime's callers pass 0 and have cleared them).
    public static let freshCallEntry: UInt32 = 0xFFFF_FFFF

    // Frames (Isolate.swift): compiled code pushes a compiled callee's frame itself.
    public static let frameSize = MemoryLayout<Frame>.stride
    public static let frameDataOffset = MemoryLayout<Frame>.offset(of: \.data)!
    public static let framePCOffset = MemoryLayout<Frame>.offset(of: \.pc)!
    public static let frameReturnPCOffset = MemoryLayout<Frame>.offset(of: \.returnPC)!
    public static let frameRegistersOffset = MemoryLayout<Frame>.offset(of: \.registers)!
    public static let frameCalleeOffset = MemoryLayout<Frame>.offset(of: \.callee)!
    public static let frameNewTargetOffset = MemoryLayout<Frame>.offset(of: \.newTarget)!
    public static let frameArgumentsOffset = MemoryLayout<Frame>.offset(of: \.arguments)!
    public static let frameReturnRegisterOffset = MemoryLayout<Frame>.offset(of: \.returnRegister)!
    public static let frameFlagsOffset = MemoryLayout<Frame>.offset(of: \.flags)!
    public static let frameGeneratorOffset = MemoryLayout<Frame>.offset(of: \.generator)!
    public static let frameEntryFlag = Frame.entry
    /// Callees whose frames need the runtime: `arguments`, and sloppy `this` coercion.
    public static let needsArgumentsFlag = CodeBits.needsArguments
    public static let strictOrArrowFlags = CodeBits.strict | CodeBits.arrow
    /// Function cells' aux bits that rule out `new`, or need the runtime's
    /// (derived classes: `this` comes from super()).
    public static let notPlainConstructorBits = CodeBits.arrow | CodeBits.method | CodeBits.getter | CodeBits.setter
        | CodeBits.generator | CodeBits.derivedConstructor
    /// A class's field initializer (internal slot 3): constructing one runs it first.
    public static let functionFieldInitOffset = ObjectLayout.internalSlot(3)
    public static let frameConstructFlag = Frame.construct
    /// A JS function's InstanceData pointer, kept in internal slot 0 as a number-looking Value.
    public static let functionDataOffset = ObjectLayout.internalSlot(0)
    /// A JS function's closure context and home object (internal slots 1 and 2).
    public static let functionContextOffset = ObjectLayout.internalSlot(1)
    public static let functionHomeOffset = ObjectLayout.internalSlot(2)

    // Exit words.
    public static let exitInterpret = NativeExit.interpret
    public static let exitException = NativeExit.exception
    public static let exitDeopt = NativeExit.deopt
    public static let exitReturned = NativeExit.returned
    /// Bits 0-31 the instruction offset, 32-47 `detail`, 48-55 the code
    /// tag of a deopt (NativeCode.codeTag), 56-63 the kind.
    public static func exitWord(_ kind: UInt64, detail: UInt64 = 0, offset: Int = 0, codeTag: UInt8 = 0) -> UInt64 {
        NativeExit.word(kind, detail: detail, offset: offset) | UInt64(codeTag) << NativeExit.codeTagShift
    }
    public static let exitKindShift = NativeExit.kindShift
    public static let exitDetailShift = NativeExit.detailShift

    /// `Int32 mvm_slow_path(JITState *state, UInt32 pcOffset)`: runs the
    /// instruction at pcOffset of the frame on top in full (see
    /// NativeSlowPath.swift).
    public static let slowPathSymbol = "mvm_slow_path"
    public static var slowPathAddress: UnsafeRawPointer { unsafeBitCast(slowPathEntry, to: UnsafeRawPointer.self) }
    /// Entry points like mvm_slow_path for one opcode each, for the
    /// instructions compiled code most often leaves to the runtime.
    public static var slowPathEntries: [(opcode: Opcode, symbol: String, address: UnsafeRawPointer)] { [
        (.add, "mvm_slow_add", unsafeBitCast(slowAddEntry, to: UnsafeRawPointer.self)),
        (.getNamed, "mvm_slow_get_named", unsafeBitCast(slowGetNamedEntry, to: UnsafeRawPointer.self)),
        (.getIndexed, "mvm_slow_get_indexed", unsafeBitCast(slowGetIndexedEntry, to: UnsafeRawPointer.self)),
        (.setIndexed, "mvm_slow_set_indexed", unsafeBitCast(slowSetIndexedEntry, to: UnsafeRawPointer.self)),
        (.jumpIfStrictEqual, "mvm_slow_jump_if_strict_equal", unsafeBitCast(slowJumpIfStrictEqualEntry, to: UnsafeRawPointer.self)),
        (.jumpIfNotStrictEqual, "mvm_slow_jump_if_not_strict_equal", unsafeBitCast(slowJumpIfNotStrictEqualEntry, to: UnsafeRawPointer.self)),
        (.iteratorNext, "mvm_slow_iterator_next", unsafeBitCast(slowIteratorNextEntry, to: UnsafeRawPointer.self)),
        (.newObject, "mvm_slow_new_object", unsafeBitCast(slowNewObjectEntry, to: UnsafeRawPointer.self)),
        (.newArray, "mvm_slow_new_array", unsafeBitCast(slowNewArrayEntry, to: UnsafeRawPointer.self)),
    ] }
    /// `Int32 mvm_call(JITState *state, UInt32 pcOffset)`: the `call` at
    /// pcOffset, entering compiled callees directly (Isolate.nativeCall).
    public static let callSymbol = "mvm_call"
    public static var callAddress: UnsafeRawPointer { unsafeBitCast(callEntry, to: UnsafeRawPointer.self) }
    /// `Int32 mvm_finish_call(JITState *state, UInt32 pcOffset, UInt64 exit)`:
    /// the compiled callee of the `call` at pcOffset (its frame pushed by the
    /// caller's code) left with `exit`; finish it and store the result.
    public static let finishCallSymbol = "mvm_finish_call"
    public static var finishCallAddress: UnsafeRawPointer { unsafeBitCast(finishCallEntry, to: UnsafeRawPointer.self) }
    /// `UInt64 mvm_new_this(JITState *state, UInt64 callee)`: the object a
    /// plain `new callee` starts from (0 when an exception is pending).
    public static let newThisSymbol = "mvm_new_this"
    public static var newThisAddress: UnsafeRawPointer { unsafeBitCast(newThisEntry, to: UnsafeRawPointer.self) }
    /// `UInt64 mvm_collection(JITState *state, UInt32 intrinsic, UInt64 receiver, UInt64 key, UInt64 value)`:
    /// a Map or Set method (NativeIntrinsic) on its table; 0 when the general call must run.
    public static let collectionSymbol = "mvm_collection"
    public static var collectionAddress: UnsafeRawPointer { unsafeBitCast(collectionEntry, to: UnsafeRawPointer.self) }
    /// `Int32 mvm_tier_up(JITState *state, UInt32 offset)`: quick code's
    /// countdown ran out at its start (0) or at the back-edge of the loop
    /// whose header is at `offset`; 1 when it leaves there for the
    /// function's optimized code, just installed (Isolate.nativeTierUp).
    public static let tierUpSymbol = "mvm_tier_up"
    public static var tierUpAddress: UnsafeRawPointer { unsafeBitCast(tierUpEntry, to: UnsafeRawPointer.self) }
    /// `Int32 mvm_construct(JITState *state, UInt32 pcOffset)`: the `new` at pcOffset.
    public static let constructSymbol = "mvm_construct"
    public static var constructAddress: UnsafeRawPointer { unsafeBitCast(constructEntry, to: UnsafeRawPointer.self) }
}

private let finishCallEntry: @convention(c) (UnsafeMutableRawPointer, UInt32, UInt64) -> Int32 = { state, pcOffset, exit in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.finishNativeCall(pcOffset, exit) }
}

private let newThisEntry: @convention(c) (UnsafeMutableRawPointer, UInt64) -> UInt64 = { state, callee in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeNewThis(Value(bits: callee)) }
}

private let collectionEntry: @convention(c) (UnsafeMutableRawPointer, UInt32, UInt64, UInt64, UInt64) -> UInt64 = {
    state, intrinsic, receiver, key, value in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef {
        $0.collectionIntrinsic(intrinsic, Value(bits: receiver), Value(bits: key), Value(bits: value))
    }
}

private let tierUpEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { state, offset in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeTierUp(offset) }
}

private let constructEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { state, pcOffset in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeCall(pcOffset, construct: true) }
}

private let callEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { state, pcOffset in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeCall(pcOffset, construct: false) }
}

private let slowPathEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { state, pcOffset in
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeSlowPath(pcOffset) }
}

@inline(__always)
private func slowPath(_ state: UnsafeMutableRawPointer, _ pcOffset: UInt32, _ op: Opcode) -> Int32 {
    let isolate = state.load(as: UnsafeMutableRawPointer.self)
    return Unmanaged<Isolate>.fromOpaque(isolate)._withUnsafeGuaranteedRef { $0.nativeSlowPath(pcOffset, known: op) }
}
private let slowAddEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .add) }
private let slowGetNamedEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .getNamed) }
private let slowGetIndexedEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .getIndexed) }
private let slowSetIndexedEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .setIndexed) }
private let slowJumpIfStrictEqualEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .jumpIfStrictEqual) }
private let slowJumpIfNotStrictEqualEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = {
    slowPath($0, $1, .jumpIfNotStrictEqual)
}
private let slowIteratorNextEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .iteratorNext) }
private let slowNewObjectEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .newObject) }
private let slowNewArrayEntry: @convention(c) (UnsafeMutableRawPointer, UInt32) -> Int32 = { slowPath($0, $1, .newArray) }

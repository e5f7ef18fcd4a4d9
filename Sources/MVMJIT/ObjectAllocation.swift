// Objects compiled code makes itself: `new`'s `this` for a plain
// constructor, popped from the heap's free list as Heap.allocate does and
// filled in as Isolate.newObjectCell does, without a call into the runtime.
// Anything the fast path does not cover (a collection due, an empty free
// list, a `prototype` not where the isolate last found one, a prototype that
// is not an object, a layout root not made yet) goes to the runtime's
// mvm_new_this. The isolate's data (free lists, trigger counts, layout
// roots, the `prototype` slot cache) is read through JITState, so the code
// holds no isolate's address.
//
// Before, every `new` of compiled code called mvm_new_this: about 90
// instructions an object, a fifth of vec-objects' run.
import CLLVM
import MVMRuntime

extension IRBuilder {
    /// The object `new callee` makes before running the constructor: a plain
    /// object whose prototype is the constructor's `prototype`, with room
    /// for `thisProperties` named properties (the constructor's
    /// CodeBlock.thisProperties: a constant when the target is known, else
    /// an i32 read from its InstanceData). `callee` is the constructor's
    /// cell (i8*), known to be a plain function. Falls back to `slow` (the
    /// runtime) with nothing changed; returns the new object's bits.
    func allocateThis(state: LLVMValueRef, callee: LLVMValueRef, thisProperties: Int?, calleeData: LLVMValueRef,
                      slow: LLVMBasicBlockRef) -> LLVMValueRef {
        // The `prototype` slot where the isolate last found it (Isolate.cachedPrototype).
        let flags = load(i8, callee, NativeABI.cellFlagsOffset, .header)
        let cachedFlags = icmp(LLVMIntEQ, and(flags, int8(NativeABI.uncachedPrototypeFlags)), int8(0))
        let cachedShape = icmp(LLVMIntEQ, load(i64, callee, NativeABI.shapeOffset, .header),
                               load(i64, state, NativeABI.statePrototypeSlotShapeOffset, .runtime))
        let protoKnown = block("this.proto")
        condBr(and(cachedFlags, cachedShape), protoKnown, slow)

        position(at: protoKnown)
        let offset = sext(load(i32, state, NativeABI.statePrototypeSlotOffsetOffset, .runtime), i64)
        let inObject = icmp(LLVMIntSGT, offset, int64(0))
        // Out of line: slot -offset-1 of the out-of-line slots (Cell.slot(atOffset:)).
        let outOfLine = load(i8Pointer, callee, NativeABI.slotsOffset, .header)
        let slotBase = select(inObject, callee, outOfLine)
        let slotOffset = select(inObject, offset, mul(sub(int64(0), add(offset, int64(1))), int64(8)))
        let proto = load(i64, slotBase, slotOffset, .slots)
        let protoIsCell = isCell(proto)
        let safeProto = pointer(select(protoIsCell, proto, load(i64, state, NativeABI.stateGlobalObjectOffset, .runtime)))
        let protoIsObject = and(protoIsCell, icmp(LLVMIntUGE, load(i8, safeProto, 0, .header), int8(NativeABI.firstObjectKind)))

        // Its size: Isolate.newObjectCell(proto:properties:).
        let inlineCount: LLVMValueRef, size: LLVMValueRef, sizeClass: LLVMValueRef
        let heap = load(i8Pointer, state, NativeABI.stateHeapOffset, .runtime)
        let knownCount = thisProperties.map { NativeABI.plainObjectInlineCount(properties: $0) }
        if let count = knownCount {
            let bytes = NativeABI.plainObjectSize(inlineCount: count)
            inlineCount = int64(UInt64(count))
            size = int64(UInt64(bytes))
            sizeClass = int64(UInt64(NativeABI.sizeClass(bytes)))
        } else {
            let wanted = sext(load(i32, calleeData, NativeABI.dataThisPropertiesOffset, .runtime), i64)
            let atLeast = select(icmp(LLVMIntSLT, wanted, int64(UInt64(NativeABI.defaultInlineCount))),
                                 int64(UInt64(NativeABI.defaultInlineCount)), wanted)
            inlineCount = select(icmp(LLVMIntSGT, atLeast, int64(UInt64(NativeABI.maxInlineCount))),
                                 int64(UInt64(NativeABI.maxInlineCount)), atLeast)
            size = add(int64(UInt64(NativeABI.plainObjectSlotsOffset)), mul(inlineCount, int64(8)))
            let classes = load(i8Pointer, heap, NativeABI.heapClassForStepsOffset, .runtime)
            sizeClass = zext(load(i8, classes, LLVMBuildLShr(builder, add(size, int64(15)), int64(4), "")!, .runtime), i64)
        }
        // No collection due (Heap.allocate's caller would collect first), a free cell, the layout root made.
        let allocated = add(load(i64, heap, NativeABI.heapAllocatedOffset, .runtime), size)
        let noCollection = icmp(LLVMIntSLE, allocated, load(i64, heap, NativeABI.heapThresholdOffset, .runtime))
        let freeLists = load(i8Pointer, heap, NativeABI.heapFreeListsOffset, .runtime)
        let listHead = address(freeLists, mul(sizeClass, int64(8)), i8Pointer)
        let cell = load(i8Pointer, listHead, .runtime)
        let haveCell = icmp(LLVMIntNE, LLVMBuildPtrToInt(builder, cell, i64, "")!, int64(0))
        let roots = load(i8Pointer, state, NativeABI.stateObjectRootsOffset, .runtime)
        let root = load(i64, roots, mul(inlineCount, int64(8)), .runtime)
        let rootMade = icmp(LLVMIntNE, root, int64(0))
        let fast = block("this.allocate")
        condBr(and(and(protoIsObject, noCollection), and(haveCell, rootMade)), fast, slow)

        position(at: fast)
        store(load(i8Pointer, cell, NativeABI.freeCellNextOffset, .header), listHead, .runtime)
        store(allocated, heap, NativeABI.heapAllocatedOffset, .runtime)
        let header = or(int64(NativeABI.cellHeader(kind: NativeABI.kindObject, sizeClass: 0)), LLVMBuildShl(builder, sizeClass, int64(16), "")!)
        store(header, cell, 0, .header)
        store(root, cell, NativeABI.shapeOffset, .header)
        store(proto, cell, NativeABI.protoOffset, .header)
        store(int64(0), cell, NativeABI.slotsOffset, .header)
        store(int64(0), cell, NativeABI.elementsOffset, .header)
        let undefined = int64(NativeABI.undefinedBits)
        if let count = knownCount {
            for k in 0..<count { store(undefined, cell, NativeABI.plainObjectSlotsOffset + 8 * k, .slots) }
        } else {
            // The default slots always; more in a loop (a constructor that
            // makes many properties is rarely unknown at its site).
            for k in 0..<NativeABI.defaultInlineCount { store(undefined, cell, NativeABI.plainObjectSlotsOffset + 8 * k, .slots) }
            let slots = address(cell, NativeABI.plainObjectSlotsOffset, i8)
            storeUndefined(slots, from: int64(UInt64(NativeABI.defaultInlineCount)), to: inlineCount, .slots)
        }
        return LLVMBuildPtrToInt(builder, cell, i64, "")!
    }
}

// A thin layer over LLVM's C builder: the types MVM's native code uses and
// the NaN-boxing operations (Value.swift) spelled in IR. Every JS value in
// IR is an i64 holding the boxed bits; unboxed ints are i32, doubles f64.
import CLLVM
import MVMRuntime

struct IRBuilder {
    let context: LLVMContextRef
    let module: LLVMModuleRef
    let builder: LLVMBuilderRef
    let function: LLVMValueRef

    let i1: LLVMTypeRef, i8: LLVMTypeRef, i32: LLVMTypeRef, i64: LLVMTypeRef, f64: LLVMTypeRef
    let i8Pointer: LLVMTypeRef, i64Pointer: LLVMTypeRef

    /// Disjoint kinds of memory native code touches (LLVM type-based alias
    /// analysis): a store to one never changes a load from another, so CSE
    /// and LICM keep an object's shape, an inline cache's entry or a
    /// register's value across stores of the other kinds. Accesses without
    /// a kind may alias anything.
    enum Memory: Int, CaseIterable {
        /// The registers of the running function's frame.
        case frame
        /// A cell's fixed words: kind, flags, shape, prototype, slot and
        /// element pointers, internal values. Compiled code writes only the
        /// shape (a transition) and the words of an object it makes.
        case header
        /// Named-property slots, inline and out of line.
        case slots
        /// Element storage: its capacity and length words and the element
        /// values (`a[i]`, `a.length` of an array). A loop that writes
        /// properties or registers keeps an array's bounds in registers.
        case elements
        /// Per-isolate runtime data: InstanceData, inline caches, JITState.
        case runtime
    }
    private let tbaaKind: UInt32
    private var tbaaTags: [LLVMValueRef] = []

    init(context: LLVMContextRef, module: LLVMModuleRef, function: LLVMValueRef) {
        self.context = context
        self.module = module
        self.function = function
        builder = LLVMCreateBuilderInContext(context)
        i1 = LLVMInt1TypeInContext(context)
        i8 = LLVMInt8TypeInContext(context)
        i32 = LLVMInt32TypeInContext(context)
        i64 = LLVMInt64TypeInContext(context)
        f64 = LLVMDoubleTypeInContext(context)
        i8Pointer = LLVMPointerType(i8, 0)
        i64Pointer = LLVMPointerType(i64, 0)
        tbaaKind = LLVMGetMDKindIDInContext(context, "tbaa", 4)
        // A root, one scalar type per kind under it, and an access tag per type.
        func node(_ operands: [LLVMMetadataRef?]) -> LLVMMetadataRef {
            var operands = operands
            return LLVMMDNodeInContext2(context, &operands, operands.count)
        }
        func string(_ text: String) -> LLVMMetadataRef { LLVMMDStringInContext2(context, text, text.utf8.count) }
        let zero = LLVMValueAsMetadata(LLVMConstInt(i64, 0, 0))
        let root = node([string("mvm")])
        tbaaTags = Memory.allCases.map { memory in
            let type = node([string("mvm.\(memory)"), root, zero])
            return LLVMMetadataAsValue(context, node([type, type, zero]))
        }
    }

    /// Marks a load or store as touching `memory`.
    @discardableResult
    func tag(_ access: LLVMValueRef, _ memory: Memory?) -> LLVMValueRef {
        if let memory { LLVMSetMetadata(access, tbaaKind, tbaaTags[memory.rawValue]) }
        return access
    }

    func dispose() { LLVMDisposeBuilder(builder) }

    // MARK: Blocks

    func block(_ name: String) -> LLVMBasicBlockRef { LLVMAppendBasicBlockInContext(context, function, name) }
    func position(at block: LLVMBasicBlockRef) { LLVMPositionBuilderAtEnd(builder, block) }
    var currentBlock: LLVMBasicBlockRef { LLVMGetInsertBlock(builder) }
    func br(_ target: LLVMBasicBlockRef) { LLVMBuildBr(builder, target) }
    func condBr(_ condition: LLVMValueRef, _ then: LLVMBasicBlockRef, _ otherwise: LLVMBasicBlockRef) {
        LLVMBuildCondBr(builder, condition, then, otherwise)
    }
    func ret(_ value: LLVMValueRef) { LLVMBuildRet(builder, value) }

    /// Emits `then` in a new block taken when `condition` holds; falls through otherwise.
    func ifThen(_ condition: LLVMValueRef, _ name: String, _ then: () -> Void) {
        let thenBlock = block(name), rest = block(name + ".end")
        condBr(condition, thenBlock, rest)
        position(at: thenBlock)
        then()
        if LLVMGetBasicBlockTerminator(currentBlock) == nil { br(rest) }
        position(at: rest)
    }

    func phi(_ type: LLVMTypeRef, _ incoming: [(LLVMValueRef, LLVMBasicBlockRef)]) -> LLVMValueRef {
        let node = LLVMBuildPhi(builder, type, "")!
        var values: [LLVMValueRef?] = incoming.map(\.0)
        var blocks: [LLVMBasicBlockRef?] = incoming.map(\.1)
        LLVMAddIncoming(node, &values, &blocks, UInt32(incoming.count))
        return node
    }

    // MARK: Constants

    func int64(_ v: UInt64) -> LLVMValueRef { LLVMConstInt(i64, v, 0) }
    func int32(_ v: Int32) -> LLVMValueRef { LLVMConstInt(i32, UInt64(UInt32(bitPattern: v)), 0) }
    func int8(_ v: UInt8) -> LLVMValueRef { LLVMConstInt(i8, UInt64(v), 0) }
    func double(_ v: Double) -> LLVMValueRef { LLVMConstReal(f64, v) }
    var trueValue: LLVMValueRef { LLVMConstInt(i1, 1, 0) }
    var falseValue: LLVMValueRef { LLVMConstInt(i1, 0, 0) }

    // MARK: Memory

    /// The address `base + offset` (bytes) as a pointer to `type`.
    func address(_ base: LLVMValueRef, _ offset: LLVMValueRef, _ type: LLVMTypeRef) -> LLVMValueRef {
        var index: [LLVMValueRef?] = [offset]
        let raw = LLVMBuildGEP2(builder, i8, base, &index, 1, "")!
        return LLVMBuildBitCast(builder, raw, LLVMPointerType(type, 0), "")
    }
    func address(_ base: LLVMValueRef, _ offset: Int, _ type: LLVMTypeRef) -> LLVMValueRef {
        address(base, int64(UInt64(bitPattern: Int64(offset))), type)
    }
    func load(_ type: LLVMTypeRef, _ base: LLVMValueRef, _ offset: Int, _ memory: Memory? = nil) -> LLVMValueRef {
        tag(LLVMBuildLoad2(builder, type, address(base, offset, type), ""), memory)
    }
    func load(_ type: LLVMTypeRef, _ base: LLVMValueRef, _ offset: LLVMValueRef, _ memory: Memory? = nil) -> LLVMValueRef {
        tag(LLVMBuildLoad2(builder, type, address(base, offset, type), ""), memory)
    }
    func load(_ type: LLVMTypeRef, _ address: LLVMValueRef, _ memory: Memory?) -> LLVMValueRef {
        tag(LLVMBuildLoad2(builder, type, address, ""), memory)
    }
    func store(_ value: LLVMValueRef, _ base: LLVMValueRef, _ offset: Int, _ memory: Memory? = nil) {
        tag(LLVMBuildStore(builder, value, address(base, offset, LLVMTypeOf(value))), memory)
    }
    func store(_ value: LLVMValueRef, _ base: LLVMValueRef, _ offset: LLVMValueRef, _ memory: Memory? = nil) {
        tag(LLVMBuildStore(builder, value, address(base, offset, LLVMTypeOf(value))), memory)
    }
    func store(_ value: LLVMValueRef, _ address: LLVMValueRef, _ memory: Memory?) {
        tag(LLVMBuildStore(builder, value, address), memory)
    }
    /// Stores undefined into the Values at `base` (i8*) from index `first`
    /// up to `end`, exclusive (i64 indexes), in a loop.
    func storeUndefined(_ base: LLVMValueRef, from first: LLVMValueRef, to end: LLVMValueRef, _ memory: Memory? = nil) {
        let head = block("fill"), body = block("fill.body"), done = block("filled")
        let before = currentBlock
        br(head)
        position(at: head)
        let k = LLVMBuildPhi(builder, i64, "")!
        var startValue: LLVMValueRef? = first
        var startBlock: LLVMBasicBlockRef? = before
        LLVMAddIncoming(k, &startValue, &startBlock, 1)
        condBr(icmp(LLVMIntSLT, k, end), body, done)
        position(at: body)
        store(int64(NativeABI.undefinedBits), base, mul(k, int64(8)), memory)
        var nextValue: LLVMValueRef? = add(k, int64(1))
        var nextBlock: LLVMBasicBlockRef? = body
        LLVMAddIncoming(k, &nextValue, &nextBlock, 1)
        br(head)
        position(at: done)
    }

    /// A cell pointer held in a Value.
    func pointer(_ bits: LLVMValueRef) -> LLVMValueRef { LLVMBuildIntToPtr(builder, bits, i8Pointer, "") }

    // MARK: Integer and float operations

    func and(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildAnd(builder, a, b, "") }
    func or(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildOr(builder, a, b, "") }
    func xor(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildXor(builder, a, b, "") }
    func add(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildAdd(builder, a, b, "") }
    func sub(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildSub(builder, a, b, "") }
    func mul(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildMul(builder, a, b, "") }
    func icmp(_ predicate: LLVMIntPredicate, _ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef {
        LLVMBuildICmp(builder, predicate, a, b, "")
    }
    func fcmp(_ predicate: LLVMRealPredicate, _ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef {
        LLVMBuildFCmp(builder, predicate, a, b, "")
    }
    func select(_ c: LLVMValueRef, _ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef { LLVMBuildSelect(builder, c, a, b, "") }
    func zext(_ v: LLVMValueRef, _ type: LLVMTypeRef) -> LLVMValueRef { LLVMBuildZExt(builder, v, type, "") }
    func sext(_ v: LLVMValueRef, _ type: LLVMTypeRef) -> LLVMValueRef { LLVMBuildSExt(builder, v, type, "") }
    func trunc(_ v: LLVMValueRef, _ type: LLVMTypeRef) -> LLVMValueRef { LLVMBuildTrunc(builder, v, type, "") }
    func bitcast(_ v: LLVMValueRef, _ type: LLVMTypeRef) -> LLVMValueRef { LLVMBuildBitCast(builder, v, type, "") }

    /// Calls an intrinsic (declared on first use) such as "llvm.sadd.with.overflow.i32".
    func intrinsic(_ name: String, returns: LLVMTypeRef, _ args: [LLVMValueRef]) -> LLVMValueRef {
        var parameterTypes: [LLVMTypeRef?] = args.map { LLVMTypeOf($0) }
        let type = LLVMFunctionType(returns, &parameterTypes, UInt32(args.count), 0)!
        let callee = LLVMGetNamedFunction(module, name) ?? LLVMAddFunction(module, name, type)!
        var values: [LLVMValueRef?] = args
        return LLVMBuildCall2(builder, type, callee, &values, UInt32(args.count), "")
    }

    /// `a op b` on int32 with LLVM's overflow intrinsics: (result, overflowed).
    func overflowing(_ op: String, _ a: LLVMValueRef, _ b: LLVMValueRef) -> (LLVMValueRef, LLVMValueRef) {
        var members: [LLVMTypeRef?] = [i32, i1]
        let pair = LLVMStructTypeInContext(context, &members, 2, 0)!
        let result = intrinsic("llvm.\(op).with.overflow.i32", returns: pair, [a, b])
        return (LLVMBuildExtractValue(builder, result, 0, ""), LLVMBuildExtractValue(builder, result, 1, ""))
    }

    // MARK: NaN boxing (see Value.swift)

    func isInt32(_ v: LLVMValueRef) -> LLVMValueRef {
        icmp(LLVMIntEQ, and(v, int64(NativeABI.numberTag)), int64(NativeABI.numberTag))
    }
    func isNumber(_ v: LLVMValueRef) -> LLVMValueRef {
        icmp(LLVMIntNE, and(v, int64(NativeABI.numberTag)), int64(0))
    }
    func isCell(_ v: LLVMValueRef) -> LLVMValueRef {
        let untagged = icmp(LLVMIntEQ, and(v, int64(NativeABI.numberTag | NativeABI.otherTag)), int64(0))
        return and(untagged, icmp(LLVMIntNE, v, int64(0)))
    }
    /// null or undefined (their bits differ in bit 3 only).
    func isNullish(_ v: LLVMValueRef) -> LLVMValueRef {
        icmp(LLVMIntEQ, and(v, int64(~UInt64(8))), int64(NativeABI.nullBits))
    }
    func int32Payload(_ v: LLVMValueRef) -> LLVMValueRef { trunc(v, i32) }
    func boxInt32(_ i: LLVMValueRef) -> LLVMValueRef { or(zext(i, i64), int64(NativeABI.numberTag)) }
    /// The double of a boxed non-int32 number.
    func doublePayload(_ v: LLVMValueRef) -> LLVMValueRef { bitcast(sub(v, int64(NativeABI.doubleOffset)), f64) }
    /// The number of a boxed int32 or double.
    func numberPayload(_ v: LLVMValueRef) -> LLVMValueRef {
        let asInt = LLVMBuildSIToFP(builder, int32Payload(v), f64, "")!
        return select(isInt32(v), asInt, doublePayload(v))
    }
    /// Value(rawDouble:): NaNs canonical, always a double.
    func boxRawDouble(_ d: LLVMValueRef) -> LLVMValueRef {
        let bits = bitcast(d, i64)
        let isNaN = fcmp(LLVMRealUNO, d, d)
        return add(select(isNaN, int64(NativeABI.canonicalNaN), bits), int64(NativeABI.doubleOffset))
    }
    /// Value(Double): integral values in int32 range (not -0) become int32.
    ///
    /// No range check before the conversion: out of range (or NaN) it gives
    /// poison, which `freeze` pins to some int32, and no int32 converts back
    /// to such a double. That is one cvttsd2si and one compare on x86.
    func boxNumber(_ d: LLVMValueRef) -> LLVMValueRef {
        let i = LLVMBuildFreeze(builder, LLVMBuildFPToSI(builder, d, i32, "")!, "")!
        let exact = fcmp(LLVMRealOEQ, LLVMBuildSIToFP(builder, i, f64, "")!, d)
        let notMinusZero = icmp(LLVMIntNE, bitcast(d, i64), int64(0x8000_0000_0000_0000))
        return select(and(exact, notMinusZero), boxInt32(i), boxRawDouble(d))
    }
    /// ToInt32 of a double whose magnitude is below 2^63 (truncate, wrap
    /// modulo 2^32; NaN and infinities give 0): (result, handled). Larger
    /// values are left to the runtime.
    func toInt32(_ d: LLVMValueRef) -> (LLVMValueRef, LLVMValueRef) {
        let magnitude = intrinsic("llvm.fabs.f64", returns: f64, [d])
        let small = fcmp(LLVMRealOLT, magnitude, double(9.2e18))
        let nonFinite = fcmp(LLVMRealUNO, d, d)  // NaN
        let safe = select(small, d, double(0))
        let wrapped = trunc(LLVMBuildFPToSI(builder, safe, i64, "")!, i32)
        let infinite = fcmp(LLVMRealOEQ, magnitude, double(.infinity))
        let zero = or(nonFinite, infinite)
        return (select(zero, int32(0), wrapped), or(small, zero))
    }

    /// JS `%` on doubles: x % ±Infinity is x for finite x; otherwise fmod (frem).
    func jsRemainder(_ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef {
        let infinite = fcmp(LLVMRealOEQ, intrinsic("llvm.fabs.f64", returns: f64, [b]), double(.infinity))
        let finite = fcmp(LLVMRealONE, intrinsic("llvm.fabs.f64", returns: f64, [a]), double(.infinity))
        return select(and(infinite, finite), a, LLVMBuildFRem(builder, a, b, "")!)
    }

    func boxBool(_ b: LLVMValueRef) -> LLVMValueRef {
        select(b, int64(NativeABI.trueBits), int64(NativeABI.falseBits))
    }
}

// Direct calls from compiled code to compiled code. A call or `new` whose
// site saw only JS functions checks that the callee is compiled and can run
// on a plain frame, pushes its frame and calls its native code; a plain
// return is handled here too, everything else goes through the runtime
// (nativeCall). The sequence is long (a frame record filled in, registers
// cleared, the result checked): a function with at most two such sites
// compiles it inline; one with more calls a shared copy, the stubs below,
// at every site. A site whose callees all ran one CodeBlock compiles
// inline for it (up to four such sites a function): a compare of the
// callee's code, then that block's counts and flags are constants.
// The stubs are compiled once per LLJIT session, in a module of their own,
// not once per function module: in call-heavy functions a private copy
// was a tenth of the IR to compile.
import CLLVM
import MVMBytecode
import MVMRuntime

/// Where a direct call's frame comes from: constants when it is compiled
/// inline at its site, parameters in the shared out-of-line copy.
struct DirectCall {
    let state: LLVMValueRef, frame: LLVMValueRef, data: LLVMValueRef
    /// i64: the callee's register (`this` and the arguments follow), the argument count.
    let base: LLVMValueRef, argc: LLVMValueRef
    /// i32: the caller's destination register and the call's bytecode offset.
    let returnRegister: LLVMValueRef, pcOffset: LLVMValueRef
    /// i64: the caller's register count (its stack top after the call).
    let callerRegisters: LLVMValueRef
    /// At a site compiled inline: the CodeBlock every callee it saw runs
    /// (FeedbackSnapshot.callTargets), and the site's argument count.
    var target: (code: CodeBlock, argumentCount: Int)? = nil

    /// Whether a direct call can be compiled for `target` (its facts in
    /// place of the loads and checks of the callee's): not a function that
    /// needs an `arguments` object (no plain frame), nor a class
    /// constructor called without `new`.
    static func canTarget(_ target: CodeBlock, construct: Bool) -> Bool {
        !target.flags.contains(.needsArguments) && (construct || !target.flags.contains(.classConstructor))
    }
}

/// The runtime entry points a direct call needs, declared in one module.
struct DirectCallEmitter {
    let finishCallType: LLVMTypeRef
    let finishCallHelper: LLVMValueRef
    let nativeEntryType: LLVMTypeRef
    let newThisType: LLVMTypeRef
    let newThisHelper: LLVMValueRef

    init(context: LLVMContextRef, module: LLVMModuleRef) {
        let i64 = LLVMInt64TypeInContext(context)!, i32 = LLVMInt32TypeInContext(context)!
        let i8Pointer = LLVMPointerType(LLVMInt8TypeInContext(context), 0)!
        var entryParameters: [LLVMTypeRef?] = [i8Pointer, i8Pointer, i8Pointer, i32]
        nativeEntryType = LLVMFunctionType(i64, &entryParameters, 4, 0)!
        var finishParameters: [LLVMTypeRef?] = [i8Pointer, i32, i64]
        finishCallType = LLVMFunctionType(i32, &finishParameters, 3, 0)!
        finishCallHelper = DirectCallEmitter.declare(module, NativeABI.finishCallSymbol, finishCallType)
        var newThisParameters: [LLVMTypeRef?] = [i8Pointer, i64]
        newThisType = LLVMFunctionType(i64, &newThisParameters, 2, 0)!
        newThisHelper = DirectCallEmitter.declare(module, NativeABI.newThisSymbol, newThisType)
    }

    /// The module's declaration of `name`, added if it has none.
    static func declare(_ module: LLVMModuleRef, _ name: String, _ type: LLVMTypeRef) -> LLVMValueRef {
        LLVMGetNamedFunction(module, name) ?? LLVMAddFunction(module, name, type)!
    }

    /// The shared out-of-line direct call's symbol.
    static func stubSymbol(construct: Bool) -> String { construct ? "mvm_direct_new" : "mvm_direct_call" }

    /// Its type: (state, frame, data, base, argc, returnRegister, pcOffset,
    /// callerRegisters) -> 0: done, the result in the frame; 1: the
    /// runtime's call is needed; -1: an exception.
    static func stubType(_ context: LLVMContextRef) -> LLVMTypeRef {
        let i64 = LLVMInt64TypeInContext(context)!, i32 = LLVMInt32TypeInContext(context)!
        let i8Pointer = LLVMPointerType(LLVMInt8TypeInContext(context), 0)!
        var parameters: [LLVMTypeRef?] = [i8Pointer, i8Pointer, i8Pointer, i64, i64, i32, i32, i64]
        return LLVMFunctionType(i32, &parameters, 8, 0)
    }

    /// Defines the call stub or the `new` stub in `module`.
    static func buildStub(construct: Bool, context: LLVMContextRef, module: LLVMModuleRef) {
        let helper = LLVMAddFunction(module, stubSymbol(construct: construct), stubType(context))!
        DirectCallEmitter(context: context, module: module).buildStub(helper, context: context, module: module, construct: construct)
    }

    private func buildStub(_ helper: LLVMValueRef, context: LLVMContextRef, module: LLVMModuleRef, construct: Bool) {
        let h = IRBuilder(context: context, module: module, function: helper)
        defer { h.dispose() }
        h.position(at: h.block("entry"))
        let p = (0..<8).map { LLVMGetParam(helper, UInt32($0))! }
        let site = DirectCall(state: p[0], frame: p[1], data: p[2], base: p[3], argc: p[4],
                              returnRegister: p[5], pcOffset: p[6], callerRegisters: p[7])
        let slow = h.block("slow"), exception = h.block("exception")
        pushFrameAndCall(h, site, construct: construct, slow: slow, exception: exception, returned: { result in
            h.store(result, site.frame, h.mul(h.zext(site.returnRegister, h.i64), h.int64(8)), .frame)
            h.ret(h.int32(0))
        }, finished: {
            h.ret(h.int32(0))
        })
        h.position(at: slow)
        h.ret(h.int32(1))
        h.position(at: exception)
        h.ret(h.int32(-1))
    }

    /// Whether function cell `p` is a plain constructor: `new` of it makes
    /// `this` from its `prototype` and runs it (no derived class, no field
    /// initializer, not an arrow, method, accessor or generator).
    static func plainConstructor(_ ir: IRBuilder, _ p: LLVMValueRef) -> LLVMValueRef {
        let aux = ir.load(ir.i32, p, NativeABI.cellAuxOffset)
        let plain = ir.icmp(LLVMIntEQ, ir.and(aux, ir.int32(Int32(bitPattern: NativeABI.notPlainConstructorBits))), ir.int32(0))
        let noFields = ir.xor(ir.isCell(ir.load(ir.i64, p, NativeABI.functionFieldInitOffset)), ir.trueValue)
        return ir.and(plain, noFields)
    }

    /// Checks that the callee is a compiled JS function that can run on a
    /// plain frame and that there is room (else branches to `slow`), pushes
    /// its frame, calls its native code, and goes on in `returned` with the
    /// value of a plain return, or in `finished` once the runtime finished a
    /// callee that left otherwise (its result is then in the caller's frame).
    func pushFrameAndCall(_ ir: IRBuilder, _ site: DirectCall, construct: Bool,
                          slow: LLVMBasicBlockRef, exception: LLVMBasicBlockRef,
                          returned: (LLVMValueRef) -> Void, finished: () -> Void) {
        let (state, frame, data) = (site.state, site.frame, site.data)
        let calleeAddress = ir.address(frame, ir.mul(site.base, ir.int64(8)), ir.i64)
        let callee = ir.load(ir.i64, calleeAddress, .frame)
        let isCell = ir.block("call.cell"), direct = ir.block("call.direct")
        ir.condBr(ir.isCell(callee), isCell, slow)
        ir.position(at: isCell)
        let p = ir.pointer(callee)
        let isFunction = ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindFunction))
        let callable: LLVMValueRef
        let target = site.target?.code
        if target != nil && !construct {
            callable = ir.trueValue  // DirectCall.canTarget: not a class constructor
        } else if construct {
            callable = Self.plainConstructor(ir, p)
        } else {
            let flags = ir.load(ir.i8, p, NativeABI.cellFlagsOffset, .header)
            callable = ir.icmp(LLVMIntEQ, ir.and(flags, ir.int8(NativeABI.classConstructorFlag)), ir.int8(0))
        }
        ir.condBr(ir.and(isFunction, callable), direct, slow)

        ir.position(at: direct)
        let calleeData = Self.functionData(ir, p)
        let entry = ir.load(ir.i8Pointer, calleeData, NativeABI.dataNativeOffset)
        // A known target: the callee must run its code (one compare), whose
        // flags and counts are then constants, and whose frame is plain
        // (DirectCall.canTarget).
        let codeFlags = target.map { ir.int32(Int32(bitPattern: $0.flags.rawValue)) }
            ?? ir.load(ir.i32, calleeData, NativeABI.dataFlagsOffset)
        let compiled = ir.icmp(LLVMIntNE, LLVMBuildPtrToInt(ir.builder, entry, ir.i64, "")!, ir.int64(0))
        let plainFrame = target.map { Self.runs(ir, calleeData, $0) }
            ?? ir.icmp(LLVMIntEQ, ir.and(codeFlags, ir.int32(Int32(bitPattern: NativeABI.needsArgumentsFlag))), ir.int32(0))
        // `this`: strict functions and arrows take it as it is; others need an object (undefined becomes globalThis).
        let calleeRegisters = ir.address(frame, ir.mul(ir.add(site.base, ir.int64(1)), ir.int64(8)), ir.i8)
        let thisAddress = ir.bitcast(calleeRegisters, ir.i64Pointer)
        let this = ir.load(ir.i64, thisAddress, .frame)
        let strict = ir.icmp(LLVMIntNE, ir.and(codeFlags, ir.int32(Int32(bitPattern: NativeABI.strictOrArrowFlags))), ir.int32(0))
        let thisIsUndefined = ir.icmp(LLVMIntEQ, this, ir.int64(NativeABI.undefinedBits))
        var thisIsObject = ir.isCell(this)
        let safeThis = ir.pointer(ir.select(thisIsObject, this, ir.load(ir.i64, state, NativeABI.stateGlobalObjectOffset)))
        thisIsObject = ir.and(thisIsObject, ir.icmp(LLVMIntUGE, ir.load(ir.i8, safeThis, 0), ir.int8(NativeABI.firstObjectKind)))
        let thisOK = construct ? ir.trueValue : ir.or(strict, ir.or(thisIsUndefined, thisIsObject))
        // Room: a frame, registers, and native stack above the reserve.
        let frameCount = ir.load(ir.i64, state, NativeABI.stateFrameCountOffset)
        let frameRoom = ir.icmp(LLVMIntSLT, frameCount, ir.load(ir.i64, state, NativeABI.stateFrameCapacityOffset))
        let registerCount = target.map { ir.int64(UInt64($0.registerCount)) }
            ?? ir.sext(ir.load(ir.i32, calleeData, NativeABI.dataRegisterCountOffset), ir.i64)
        let calleeTop = ir.address(calleeRegisters, ir.mul(ir.add(registerCount, ir.int64(256)), ir.int64(8)), ir.i8)
        let registerRoom = ir.icmp(LLVMIntULE, LLVMBuildPtrToInt(ir.builder, calleeTop, ir.i64, "")!,
                                   ir.load(ir.i64, state, NativeABI.stateRegisterEndOffset))
        let stackPointer = LLVMBuildPtrToInt(ir.builder, ir.intrinsic("llvm.frameaddress.p0i8", returns: ir.i8Pointer, [ir.int32(0)]), ir.i64, "")!
        let stackRoom = ir.icmp(LLVMIntUGT, stackPointer, ir.load(ir.i64, state, NativeABI.stateNativeStackLimitOffset))
        let ok = ir.and(ir.and(ir.and(compiled, plainFrame), thisOK), ir.and(ir.and(frameRoom, registerRoom), stackRoom))
        let push = ir.block("call.push")
        ir.condBr(ok, push, slow)

        ir.position(at: push)
        // This frame's pc names the call (stack traces, handlers, the heap
        // limit's error when making `this` collects); then the callee's frame.
        let frames = ir.load(ir.i8Pointer, state, NativeABI.stateFramesOffset)
        let code = ir.load(ir.i8Pointer, data, NativeABI.dataCodeOffset)
        let callerFrame = FunctionCompiler.frameRecord(ir, frames, ir.sub(frameCount, ir.int64(1)))
        ir.store(ir.address(code, ir.mul(ir.zext(site.pcOffset, ir.i64), ir.int64(4)), ir.i8), callerFrame, NativeABI.framePCOffset)
        let undefined = ir.int64(NativeABI.undefinedBits)
        var newObject: LLVMValueRef? = nil
        if construct {
            // `this` is a new object whose prototype is the constructor's
            // `prototype`: made here (ObjectAllocation.swift), or by the runtime.
            let byRuntime = ir.block("this.runtime"), made = ir.block("this.made")
            let allocated = ir.allocateThis(state: state, callee: p, thisProperties: site.target?.code.thisProperties,
                                            calleeData: calleeData, slow: byRuntime)
            let allocatedIn = ir.currentBlock
            ir.br(made)
            ir.position(at: byRuntime)
            var thisArgs: [LLVMValueRef?] = [state, callee]
            let fromRuntime = LLVMBuildCall2(ir.builder, newThisType, newThisHelper, &thisArgs, 2, "")!
            ir.condBr(ir.icmp(LLVMIntEQ, fromRuntime, ir.int64(0)), exception, made)
            ir.position(at: made)
            let object = ir.phi(ir.i64, [(allocated, allocatedIn), (fromRuntime, byRuntime)])
            ir.store(object, thisAddress, .frame)
            newObject = object
        } else {
            ir.ifThen(ir.and(ir.xor(strict, ir.trueValue), thisIsUndefined), "this.global") {
                ir.store(ir.load(ir.i64, state, NativeABI.stateGlobalObjectOffset), thisAddress, .frame)
            }
        }
        // Parameters past the arguments start undefined (the callee's code
        // clears the rest of its registers when entered as a fresh call).
        if let (target, argc) = site.target {
            for r in min(argc, target.parameterCount)..<target.parameterCount {
                ir.store(undefined, calleeRegisters, 8 * (r + 1), .frame)
            }
        } else {
            fillMissingParameters(ir, site.argc, ir.sext(ir.load(ir.i32, calleeData, NativeABI.dataParameterCountOffset), ir.i64),
                                  calleeRegisters)
        }

        let calleeCode = target.map { Self.address(ir, $0) } ?? ir.load(ir.i64, calleeData, NativeABI.dataCodeOffset)
        let record = FunctionCompiler.frameRecord(ir, frames, frameCount)
        ir.store(calleeData, record, NativeABI.frameDataOffset)
        ir.store(calleeCode, record, NativeABI.framePCOffset)
        ir.store(calleeCode, record, NativeABI.frameReturnPCOffset)
        ir.store(calleeRegisters, record, NativeABI.frameRegistersOffset)
        ir.store(callee, record, NativeABI.frameCalleeOffset)
        ir.store(construct ? callee : undefined, record, NativeABI.frameNewTargetOffset)
        ir.store(undefined, record, NativeABI.frameArgumentsOffset)
        ir.store(site.returnRegister, record, NativeABI.frameReturnRegisterOffset)
        let frameFlags = NativeABI.frameEntryFlag | (construct ? NativeABI.frameConstructFlag : 0)
        ir.store(ir.int32(Int32(bitPattern: frameFlags)), record, NativeABI.frameFlagsOffset)
        ir.store(undefined, record, NativeABI.frameGeneratorOffset)
        ir.store(ir.add(frameCount, ir.int64(1)), state, NativeABI.stateFrameCountOffset)
        ir.store(ir.address(calleeRegisters, ir.mul(registerCount, ir.int64(8)), ir.i8), state, NativeABI.stateStackTopOffset)

        var args: [LLVMValueRef?] = [state, calleeRegisters, calleeData, ir.int32(Int32(bitPattern: NativeABI.freshCallEntry))]
        let native = ir.bitcast(entry, LLVMPointerType(nativeEntryType, 0))
        let exitWord = LLVMBuildCall2(ir.builder, nativeEntryType, native, &args, 4, "")!
        let returnedKind = ir.icmp(LLVMIntEQ, LLVMBuildLShr(ir.builder, exitWord, ir.int64(NativeABI.exitKindShift), "")!, ir.int64(NativeABI.exitReturned))
        let plainReturn = ir.block("call.returned"), finish = ir.block("call.finish")
        ir.condBr(returnedKind, plainReturn, finish)

        // A plain return: the value, and the callee's frame popped.
        ir.position(at: plainReturn)
        let resultRegister = ir.and(LLVMBuildLShr(ir.builder, exitWord, ir.int64(NativeABI.exitDetailShift), "")!, ir.int64(0xFFFF))
        var result = ir.load(ir.i64, calleeRegisters, ir.mul(resultRegister, ir.int64(8)))
        if let newObject {
            // A constructor's value is what it returned if that is an object, else `this`.
            let returnedObject = ir.isCell(result)
            let safe = ir.pointer(ir.select(returnedObject, result, newObject))
            let isObject = ir.and(returnedObject, ir.icmp(LLVMIntUGE, ir.load(ir.i8, safe, 0), ir.int8(NativeABI.firstObjectKind)))
            result = ir.select(isObject, result, ir.load(ir.i64, calleeRegisters, 0))
        }
        ir.store(frameCount, state, NativeABI.stateFrameCountOffset)
        ir.store(ir.address(frame, ir.mul(site.callerRegisters, ir.int64(8)), ir.i8), state, NativeABI.stateStackTopOffset)
        returned(result)

        // Anything else: the runtime finishes the callee and stores the result.
        ir.position(at: finish)
        var finishArgs: [LLVMValueRef?] = [state, site.pcOffset, exitWord]
        let status = LLVMBuildCall2(ir.builder, finishCallType, finishCallHelper, &finishArgs, 3, "")!
        let done = ir.block("call.finished")
        ir.condBr(ir.icmp(LLVMIntEQ, status, ir.int32(-1)), exception, done)
        ir.position(at: done)
        finished()
    }

    /// Stores undefined into the parameters past the arguments (i64 counts).
    private func fillMissingParameters(_ ir: IRBuilder, _ argc: LLVMValueRef, _ parameters: LLVMValueRef, _ calleeRegisters: LLVMValueRef) {
        let firstUnset = ir.add(ir.int64(1), ir.select(ir.icmp(LLVMIntSLT, argc, parameters), argc, parameters))
        ir.storeUndefined(calleeRegisters, from: firstUnset, to: ir.add(parameters, ir.int64(1)))
    }

    /// The address of `block`'s bytecode: what InstanceData.code holds in
    /// every function that runs it (the shared code cache's, in any isolate).
    private static func address(_ ir: IRBuilder, _ block: CodeBlock) -> LLVMValueRef {
        ir.int64(UInt64(UInt(bitPattern: block.code)))
    }

    /// The InstanceData (i8*) of function cell `function`.
    static func functionData(_ ir: IRBuilder, _ function: LLVMValueRef) -> LLVMValueRef {
        ir.pointer(ir.sub(ir.load(ir.i64, function, NativeABI.functionDataOffset), ir.int64(NativeABI.doubleOffset)))
    }

    /// Whether the function whose InstanceData is `data` runs `block`.
    static func runs(_ ir: IRBuilder, _ data: LLVMValueRef, _ block: CodeBlock) -> LLVMValueRef {
        ir.icmp(LLVMIntEQ, ir.load(ir.i64, data, NativeABI.dataCodeOffset), address(ir, block))
    }
}

// Bytecode plus a feedback snapshot -> one LLVM function.
//
//     UInt64 js_NAME(JITState *state, Value *registers, InstanceData *data, UInt32 pcOffset)
//
// The function starts at `pcOffset` (the function's entry or a loop header,
// for OSR) through an entry switch, and returns an exit word (NativeABI):
// "interpret from pc" (a `return`, a call made when the native stack runs
// low, an unknown entry), "deopt at pc" (a guard failed), or "exception
// pending". Each JS register lives in allocas (boxed, int32 or double, as
// RegisterTypes says at each instruction), loaded from the frame at an entry,
// so LLVM keeps values in machine registers. Boxed writes go through to the
// frame at once; typed values are boxed into the frame only when compiled
// code leaves (shared spill blocks) or calls the runtime (the operands it
// reads), so the interpreter, the runtime and the collector always see the
// frame they expect. Calls and `new` go through the runtime's nativeCall,
// which enters compiled callees directly.
import CLLVM
import MVMBytecode
import MVMRuntime

struct Instruction {
    let offset: Int
    let opcode: Opcode
    let words: UnsafePointer<UInt32>
    var a: Int { Int(words[0] >> 8) }
    func operand(_ i: Int) -> UInt32 { words[i] }
    func register(_ i: Int) -> Int { Int(words[i]) }
    func signed(_ i: Int) -> Int32 { Int32(bitPattern: words[i]) }
    var length: Int { opcode.info.length }
    var next: Int { offset + length }
    /// The target of a jump whose offset is operand `i` (0: the 24-bit form).
    func target(_ i: Int) -> Int {
        i == 0 ? offset + Int(Int32(bitPattern: words[0]) >> 8) : offset + Int(signed(i))
    }
}

/// Reads a CodeBlock's instructions in order.
func decode(_ block: CodeBlock) -> [Instruction] {
    var result: [Instruction] = []
    var offset = 0
    while offset < block.codeCount {
        let word = block.code[offset]
        guard let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: word)) else { break }
        let instruction = Instruction(offset: offset, opcode: opcode, words: block.code + offset)
        result.append(instruction)
        offset += instruction.length
    }
    return result
}

public final class FunctionCompiler {
    /// The optimization pipeline compiled functions get (see JITTier.Options).
    /// The second CSE runs on MemorySSA (loads made redundant by a
    /// dominating load or store go) instead of GVN: GVN's memory-dependence
    /// walks were 43% of the IR passes' time on n-body's `advance`, and the
    /// code it left was no faster (`advance` came out the same size).
    /// Callgrind over 10 benchmarks: compiles took 4-14% fewer
    /// instructions, the compiled code ran within -1.4..+1.4%.
    /// Before the loop passes, instsimplify folds what the first cleanup
    /// needs (InstCombine was half of the IR passes' time, and runs once,
    /// last): over 11 benchmarks compiles took 2-8% fewer instructions, the
    /// compiled code ran within -2.4..+1.5%.
    public static let passes = "function(sroa,early-cse,instsimplify,simplifycfg,early-cse<memssa>,loop-mssa(licm),instcombine,simplifycfg)"
    /// Quick code's pipeline (NativeCode.quick): the registers' allocas
    /// promoted (the fast register allocator would keep every value in
    /// memory), repeated loads and boxing folded, and empty blocks merged.
    public static let quickPasses = "function(sroa,early-cse,simplifycfg)"
    /// Functions shorter than this (bytecode words) get optimized code at
    /// once: compiling one takes little more than LLVM's fixed cost per
    /// module, so quick code first would save little and compile it twice.
    /// Over 9 benchmarks (synchronous compiles), below 50 words quick code
    /// took 1.5 ms (median) and optimized 4.0; at 50-100 words 3.2 and
    /// 12.4; at 100-200, 5.7 and 23.
    public static let quickCodeMinimumWords = 50

    let block: CodeBlock
    let feedback: FeedbackSnapshot
    /// Put in its deopt exit words (NativeCode.codeTag).
    let codeTag: UInt8
    /// Quick code: counts down to asking for optimized code (NativeCode.quick).
    /// Whole functions only: JITTier.nativeCode decides.
    let quick: Bool
    /// For a loop compile, the offsets of the outermost loop around the
    /// header asked for: the only code compiled, entered at its loop
    /// headers; a jump out of it leaves for the interpreter. Nil: the whole
    /// function, entered also at its start and by calls.
    let region: ClosedRange<Int>?
    /// The code ranges of loops: from a loop header to its back-edge.
    let loopRanges: [ClosedRange<Int>]
    /// The loop headers the code can be entered at (NativeCode.loopEntries):
    /// the outermost loops' (of the region, for a loop compile), and the
    /// headers of the loops around the one that asked for the code, so
    /// that one loop running long enters at once. An entry at each header
    /// made every loop nest a graph with several ways in: fannkuch's
    /// compile took 14% longer and its code ran 13% slower, n-body's 12%.
    let loopEntries: [Int]
    let ir: IRBuilder
    let instructions: [Instruction]
    let types: RegisterTypes
    /// Nil: every register counts as live everywhere.
    let liveness: Liveness?
    private var blocks: [Int: LLVMBasicBlockRef] = [:]
    /// Each register's three homes; `readKinds`/`writeKinds` say which one
    /// holds its value before and after the instruction being compiled.
    private var boxedSlots: [LLVMValueRef] = []
    private var intSlots: [LLVMValueRef] = []
    private var doubleSlots: [LLVMValueRef] = []
    private var readKinds: [RegisterKind] = []
    /// RegisterTypes.integralIn at the instruction being compiled.
    private var readIntegral: [Bool] = []
    private var writeKinds: [RegisterKind] = []
    /// Shared exit blocks: one per set of typed registers to spill, the exit word a phi.
    private var exitBlocks: [[RegisterKind]: (block: LLVMBasicBlockRef, word: LLVMValueRef)] = [:]
    private let state: LLVMValueRef, frame: LLVMValueRef, data: LLVMValueRef, entryOffset: LLVMValueRef
    private let slowPathType: LLVMTypeRef
    private let slowPath: LLVMValueRef
    /// mvm_slow_path for one opcode (NativeABI.slowPathEntries), by opcode.
    private let slowPathEntries: [Opcode: LLVMValueRef]
    private let callHelper: LLVMValueRef
    /// mvm_tier_up, in quick code.
    private let tierUpHelper: LLVMValueRef?
    private let constructHelper: LLVMValueRef
    private let directCalls: DirectCallEmitter
    private let collectionType: LLVMTypeRef
    private let collectionHelper: LLVMValueRef
    private var exceptionBlock: LLVMBasicBlockRef! = nil
    /// Registers whose object's shape the code on the current path has
    /// checked against the shape table, by shape class
    /// (FeedbackSnapshot.propertyShapeClasses): a later access of that class
    /// to them reads its slot with no check. Forgotten for a register
    /// written, and for all where paths meet (jump targets) or after
    /// anything that calls out (which may run JavaScript). An inline
    /// transition may add a property to such an object, which moves none
    /// of the slots it had: what was known about them still holds.
    private var checkedShapes: [Int: UInt16] = [:]
    /// The check the instruction being compiled made, known after it if
    /// nothing else reaches the next instruction (its misses leave).
    private var shapeCheckedHere: (register: Int, shapeClass: UInt16)? = nil
    /// Registers that hold a copy of another's value (`mov`), by the copy;
    /// dropped when either is written.
    private var copiedFrom: [Int: Int] = [:]
    /// NativeCode.fixedSlotAccesses and .uncheckedSlotAccesses.
    private(set) var fixedSlotAccesses = 0
    private(set) var uncheckedSlotAccesses = 0
    /// Instructions reached by a jump (or an entry), not only from the one before.
    private lazy var jumpTargets: Set<Int> = {
        var targets: Set<Int> = [0]
        for (index, successors) in types.successorIndexes.enumerated() {
            for s in successors where s != index + 1 { targets.insert(s) }
        }
        for handler in block.handlers { if let index = indexOf[Int(handler.handler)] { targets.insert(index) } }
        return targets
    }()

    /// Why a block cannot be compiled, or nil.
    static func refusal(_ block: CodeBlock) -> String? {
        if block.flags.contains(.generator) || block.flags.contains(.async) { return "generator functions stay in the interpreter" }
        if block.codeCount > 60_000 { return "function too large (\(block.codeCount) words)" }
        return nil
    }

    init(block: CodeBlock, feedback: FeedbackSnapshot, loop: Int? = nil, header: Int? = nil, symbol: String, codeTag: UInt8 = 0,
         quick: Bool = false, context: LLVMContextRef, module: LLVMModuleRef) {
        self.codeTag = codeTag
        self.quick = quick
        self.block = block
        self.feedback = feedback
        let decoded = decode(block)
        instructions = decoded
        let ranges = decoded.compactMap { i in i.opcode == .loop ? i.target(0)...i.offset : nil }
        loopRanges = ranges
        // A loop that is more than half of the function compiles with the
        // rest: the loop compile would save little, and calls could not use it.
        let region = loop.flatMap { header in ranges.filter { $0.contains(header) }.max { $0.count < $1.count } }
            .flatMap { $0.count * 2 <= block.codeCount ? $0 : nil }
        self.region = region
        let compiledLoops = ranges.filter { region?.contains($0.lowerBound) ?? true }
        let outermost = compiledLoops.filter { inner in !compiledLoops.contains { $0 != inner && $0.contains(inner.lowerBound) && $0.contains(inner.upperBound) } }
        let around = compiledLoops.filter { range in (header ?? loop).map { range.contains($0) } ?? false }
        loopEntries = Set((outermost + around).map(\.lowerBound)).sorted()
        types = RegisterTypes(block: block, instructions: instructions, feedback: feedback)
        liveness = Liveness(block: block, instructions: instructions, successors: types.successorIndexes)
        let i64 = LLVMInt64TypeInContext(context)!, i32 = LLVMInt32TypeInContext(context)!
        let i8Pointer = LLVMPointerType(LLVMInt8TypeInContext(context), 0)!
        var parameters: [LLVMTypeRef?] = [i8Pointer, i8Pointer, i8Pointer, i32]
        let type = LLVMFunctionType(i64, &parameters, 4, 0)!
        let function = LLVMAddFunction(module, symbol, type)!
        ir = IRBuilder(context: context, module: module, function: function)
        state = LLVMGetParam(function, 0)
        frame = LLVMGetParam(function, 1)
        data = LLVMGetParam(function, 2)
        entryOffset = LLVMGetParam(function, 3)
        var slowParameters: [LLVMTypeRef?] = [i8Pointer, i32]
        let slowType = LLVMFunctionType(i32, &slowParameters, 2, 0)!
        slowPathType = slowType
        slowPath = LLVMAddFunction(module, NativeABI.slowPathSymbol, slowType)!
        slowPathEntries = Dictionary(uniqueKeysWithValues: NativeABI.slowPathEntries.map { entry in
            (entry.opcode, LLVMAddFunction(module, entry.symbol, slowType)!)
        })
        callHelper = LLVMAddFunction(module, NativeABI.callSymbol, slowPathType)!
        tierUpHelper = self.quick ? LLVMAddFunction(module, NativeABI.tierUpSymbol, slowPathType)! : nil
        constructHelper = LLVMAddFunction(module, NativeABI.constructSymbol, slowPathType)!
        directCalls = DirectCallEmitter(context: context, module: module)
        var collectionParameters: [LLVMTypeRef?] = [i8Pointer, i32, i64, i64, i64]
        collectionType = LLVMFunctionType(i64, &collectionParameters, 5, 0)!
        collectionHelper = LLVMAddFunction(module, NativeABI.collectionSymbol, collectionType)!
    }

    // MARK: Structure

    func compile() {
        defer { ir.dispose() }
        let entry = ir.block("entry")
        ir.position(at: entry)
        let count = block.registerCount
        boxedSlots = (0..<count).map { _ in LLVMBuildAlloca(ir.builder, ir.i64, "")! }
        intSlots = (0..<count).map { _ in LLVMBuildAlloca(ir.builder, ir.i32, "")! }
        doubleSlots = (0..<count).map { _ in LLVMBuildAlloca(ir.builder, ir.f64, "")! }
        for instruction in instructions { blocks[instruction.offset] = ir.block("pc\(instruction.offset)") }
        exceptionBlock = ir.block("exception")
        ir.position(at: exceptionBlock)
        ir.ret(ir.int64(NativeABI.exitWord(NativeABI.exitException)))

        // The entry switch: the function's start and `loopEntries` (OSR);
        // calls and `new` return into native code directly (nativeCall).
        // A loop compile has only headers in its region.
        var entries = Set(loopEntries)
        if region == nil { entries.insert(0) }
        let unknownEntry = ir.block("unknown-entry")
        ir.position(at: entry)
        let dispatch = LLVMBuildSwitch(ir.builder, entryOffset, unknownEntry, UInt32(entries.count))!
        // A call from compiled code (NativeABI.freshCallEntry): the
        // registers past the parameters are set to undefined here, in a
        // straight line, where the caller needed a loop over a count it
        // loaded; then it is the function's start (entry 0), whose other
        // callers have filled them already.
        let fresh = ir.block("fresh")
        if region == nil {
            LLVMAddCase(dispatch, ir.int32(Int32(bitPattern: NativeABI.freshCallEntry)), fresh)
            ir.position(at: fresh)
            // Four registers a store where it can: the code generator
            // merged the single stores into vector ones anyway, at a cost.
            var r = block.parameterCount + 1
            let undefined = ir.int64(NativeABI.undefinedBits)
            var lanes = [LLVMValueRef?](repeating: undefined, count: 4)
            let four = LLVMConstVector(&lanes, 4)!
            while r + 4 <= block.registerCount {
                let store = LLVMBuildStore(ir.builder, four, ir.address(frame, 8 * r, LLVMTypeOf(four)))!
                LLVMSetAlignment(store, 8)
                ir.tag(store, .frame)
                r += 4
            }
            while r < block.registerCount {
                ir.store(undefined, frame, 8 * r, .frame)
                r += 1
            }
        }
        var start = unknownEntry
        for offset in entries.sorted() {
            guard let index = indexOf[offset], let kinds = types.kindsIn[index] else { continue }
            let load = ir.block("enter\(offset)")
            LLVMAddCase(dispatch, ir.int32(Int32(offset)), load)
            if offset == 0 { start = load }
            ir.position(at: load)
            enter(at: offset, kinds)
            if offset == 0 { countDownToOptimizedCode(at: 0) }
            ir.br(blocks[offset]!)
        }
        ir.position(at: fresh)
        ir.br(start)
        ir.position(at: unknownEntry)
        // Interpret from there (a fresh call from the function's start).
        let freshCall = ir.icmp(LLVMIntEQ, entryOffset, ir.int32(Int32(bitPattern: NativeABI.freshCallEntry)))
        ir.ret(ir.zext(ir.select(freshCall, ir.int32(0), entryOffset), ir.i64))

        for (index, instruction) in instructions.enumerated() {
            ir.position(at: blocks[instruction.offset]!)
            guard let kinds = types.kindsIn[index] else {
                ir.ret(ir.int64(NativeABI.exitWord(NativeABI.exitInterpret, offset: instruction.offset)))  // never runs
                continue
            }
            readKinds = kinds
            readIntegral = types.integralIn[index]
            if !compiled(instruction) {
                // Out of a loop compile's region: the interpreter goes on here.
                exit(.interpret, at: instruction.offset)
                continue
            }
            writeKinds = types.kindsOut[index]
            if jumpTargets.contains(index) {
                checkedShapes.removeAll()
                copiedFrom.removeAll()
            }
            let lastBlock = LLVMGetLastBasicBlock(ir.function)
            emit(instruction)
            forgetShapes(after: instruction, emittedFrom: blocks[instruction.offset]!, lastBlock: lastBlock)
            if LLVMGetBasicBlockTerminator(ir.currentBlock) == nil {
                if index + 1 < instructions.count { ir.br(edge(instructions[index + 1].offset)) } else {
                    exit(.interpret, at: instruction.next)
                }
            }
        }
    }

    /// Whether `i` is compiled (a loop compile compiles its region only).
    private func compiled(_ i: Instruction) -> Bool { region?.contains(i.offset) ?? true }
    private func inLoop(_ i: Instruction) -> Bool { loopRanges.contains { $0.contains(i.offset) } }

    /// Whether `i` is in the body of a loop but outside the loops nested in
    /// it: code that runs once per trip of an outer loop.
    private func inOuterLoopBody(_ i: Instruction) -> Bool {
        guard let innermost = loopRanges.filter({ $0.contains(i.offset) }).min(by: { $0.count < $1.count }) else { return false }
        return loopRanges.contains { $0 != innermost && innermost.contains($0.lowerBound) && innermost.contains($0.upperBound) }
    }

    private lazy var indexOf: [Int: Int] = Dictionary(uniqueKeysWithValues: instructions.enumerated().map { ($0.element.offset, $0.offset) })

    /// The block to jump to for `offset`, converting registers whose kind
    /// widens on the way (int32 to double, numbers to boxed).
    private func edge(_ offset: Int) -> LLVMBasicBlockRef {
        let target = blocks[offset]!
        guard let index = indexOf[offset], let wanted = types.kindsIn[index] else { return target }
        // A register boxed at the target only because paths meet there stays
        // unboxed when the target does not read it (Liveness).
        let changes = (0..<wanted.count).filter { r in
            writeKinds[r] != wanted[r] && (wanted[r] != .boxed || liveness?.isLive(r, at: index) ?? true)
        }
        if changes.isEmpty { return target }
        let here = ir.currentBlock
        let convert = ir.block("widen")
        ir.position(at: convert)
        for r in changes {
            switch (writeKinds[r], wanted[r]) {
            case (.int32, .double):
                LLVMBuildStore(ir.builder, LLVMBuildSIToFP(ir.builder, loadInt(r), ir.f64, "")!, doubleSlots[r])
            case (.int32, .boxed), (.double, .boxed):
                let v = writeKinds[r] == .int32 ? ir.boxInt32(loadInt(r)) : ir.boxNumber(loadDouble(r))
                LLVMBuildStore(ir.builder, v, boxedSlots[r])
                ir.store(v, frame, 8 * r, .frame)
            default: break
            }
        }
        ir.br(target)
        ir.position(at: here)
        return convert
    }

    // MARK: Registers, exits and the runtime

    private func loadInt(_ r: Int) -> LLVMValueRef { LLVMBuildLoad2(ir.builder, ir.i32, intSlots[r], "")! }
    private func loadDouble(_ r: Int) -> LLVMValueRef { LLVMBuildLoad2(ir.builder, ir.f64, doubleSlots[r], "")! }

    /// Register `r` as a boxed Value (typed registers are boxed on the way).
    private func get(_ r: Int) -> LLVMValueRef {
        switch readKinds[r] {
        case .int32: return ir.boxInt32(loadInt(r))
        // What double arithmetic made boxes as a double, integral or not,
        // as the interpreter's `+` boxes its sums and `spill` the frame's
        // copies (Value(rawDouble:)): every reader of a Value takes an
        // integral double for the number it is. Normalizing (Value(Double))
        // was half of the boxing of n-body's stored velocities; without it
        // n-body ran 11% fewer instructions. A double register that may
        // hold what the interpreter had as an int32 (RegisterTypes
        // .integralIn: imul's results, a `/` whose results were integral)
        // boxes such a value as an int32, so code compiled for int32s
        // downstream sees what the interpreter would: boxed raw, hash-map's
        // `h >>> 0` and deltablue's `v1.value * scale` deopted ten times and
        // were compiled again.
        case .double: return readIntegral[r] ? ir.boxNumber(loadDouble(r)) : ir.boxRawDouble(loadDouble(r))
        case .boxed: return LLVMBuildLoad2(ir.builder, ir.i64, boxedSlots[r], "")!
        }
    }
    /// What the runtime just wrote into `r` (its kind after the instruction: boxed).
    private func output(_ r: Int) -> LLVMValueRef { LLVMBuildLoad2(ir.builder, ir.i64, boxedSlots[r], "")! }

    /// A boxed write: to the register and through to the frame.
    private func set(_ r: Int, _ v: LLVMValueRef) {
        precondition(writeKinds[r] == .boxed, "boxed write into typed register r\(r) of \(block.nameString)")
        LLVMBuildStore(ir.builder, v, boxedSlots[r])
        ir.store(v, frame, 8 * r, .frame)
    }
    /// An unboxed number into a typed register. The frame gets it only when
    /// compiled code leaves or calls the runtime (`spill`).
    private func setNumber(_ r: Int, int: LLVMValueRef? = nil, double: LLVMValueRef? = nil) {
        switch writeKinds[r] {
        case .int32: LLVMBuildStore(ir.builder, int!, intSlots[r])
        case .double: LLVMBuildStore(ir.builder, double ?? LLVMBuildSIToFP(ir.builder, int!, ir.f64, "")!, doubleSlots[r])
        case .boxed: set(r, int.map { ir.boxInt32($0) } ?? ir.boxNumber(double!))
        }
    }
    /// Writes typed registers' values to the frame, boxed.
    private func spill(_ registers: [Int], _ kinds: [RegisterKind]) {
        for r in registers where r < kinds.count {
            switch kinds[r] {
            case .int32: ir.store(ir.boxInt32(loadInt(r)), frame, 8 * r, .frame)
            case .double: ir.store(ir.boxRawDouble(loadDouble(r)), frame, 8 * r, .frame)
            case .boxed: break
            }
        }
    }

    /// An entry point: registers come from the frame, typed ones converted;
    /// a value of another type refuses the entry (a deopt: the interpreter
    /// goes on, and code that keeps refusing is recompiled).
    /// A register that is dead at the entry (Liveness: written before any
    /// read) is not loaded or checked: it costs nothing to compile, and a
    /// value of another type left in it from before does not refuse the
    /// entry. Its typed homes get 0, so an exit that spills it before it is
    /// written leaves a number in the frame, never stray bits.
    private func enter(at offset: Int, _ kinds: [RegisterKind]) {
        let index = indexOf[offset]!
        for r in 0..<kinds.count {
            if let liveness, !liveness.isLive(r, at: index) {
                switch kinds[r] {
                case .boxed: LLVMBuildStore(ir.builder, ir.int64(NativeABI.undefinedBits), boxedSlots[r])
                case .int32: LLVMBuildStore(ir.builder, ir.int32(0), intSlots[r])
                case .double: LLVMBuildStore(ir.builder, ir.double(0), doubleSlots[r])
                }
                continue
            }
            let boxed = ir.load(ir.i64, frame, 8 * r, .frame)
            switch kinds[r] {
            case .boxed: LLVMBuildStore(ir.builder, boxed, boxedSlots[r])
            case .int32:
                ir.ifThen(ir.xor(ir.isInt32(boxed), ir.trueValue), "entry.mismatch") { leave(deoptWord(.entryTypes, offset)) }
                LLVMBuildStore(ir.builder, ir.int32Payload(boxed), intSlots[r])
            case .double:
                ir.ifThen(ir.xor(ir.isNumber(boxed), ir.trueValue), "entry.mismatch") { leave(deoptWord(.entryTypes, offset)) }
                LLVMBuildStore(ir.builder, ir.numberPayload(boxed), doubleSlots[r])
            }
        }
    }

    /// After the runtime ran `i`: registers it may have written come back from the frame.
    private func reloadOutputs(_ i: Instruction) {
        for r in Set(RegisterTypes.possibleWrites(i)) where r < boxedSlots.count && writeKinds[r] == .boxed {
            LLVMBuildStore(ir.builder, ir.load(ir.i64, frame, 8 * r, .frame), boxedSlots[r])
        }
    }

    private enum ExitKind { case interpret, deopt(DeoptReason) }

    private func deoptWord(_ reason: DeoptReason, _ offset: Int) -> UInt64 {
        NativeABI.exitWord(NativeABI.exitDeopt, detail: UInt64(reason.rawValue), offset: offset, codeTag: codeTag)
    }

    /// Leaves for the interpreter at `offset`: typed registers are spilled in
    /// a block shared by every exit with the same ones.
    private func exit(_ kind: ExitKind, at offset: Int) {
        switch kind {
        case .interpret: leave(NativeABI.exitWord(NativeABI.exitInterpret, offset: offset), spilling: readKinds)
        case .deopt(let reason): leave(deoptWord(reason, offset), spilling: readKinds)
        }
    }

    private func leave(_ word: UInt64, spilling kinds: [RegisterKind]? = nil) {
        guard let kinds, kinds.contains(where: { $0 != .boxed }) else {
            ir.ret(ir.int64(word))
            return
        }
        if exitBlocks[kinds] == nil {
            let here = ir.currentBlock
            let exitBlock = ir.block("exit")
            ir.position(at: exitBlock)
            let phi = LLVMBuildPhi(ir.builder, ir.i64, "")!
            spill(Array(0..<kinds.count), kinds)
            ir.ret(phi)
            ir.position(at: here)
            exitBlocks[kinds] = (exitBlock, phi)
        }
        let (exitBlock, phi) = exitBlocks[kinds]!
        var value: LLVMValueRef? = ir.int64(word)
        var from: LLVMBasicBlockRef? = ir.currentBlock
        LLVMAddIncoming(phi, &value, &from, 1)
        ir.br(exitBlock)
    }

    /// Runs the instruction in the runtime (NativeSlowPath.swift); the
    /// condition it returns for conditional jumps.
    @discardableResult
    private func runtime(_ instruction: Instruction) -> LLVMValueRef {
        spill(RegisterTypes.possibleReads(instruction), readKinds)
        var args: [LLVMValueRef?] = [state, ir.int32(Int32(instruction.offset))]
        let helper = instruction.opcode == .call ? callHelper : instruction.opcode == .new ? constructHelper
            : slowPathEntries[instruction.opcode] ?? slowPath
        let result = LLVMBuildCall2(ir.builder, slowPathType, helper, &args, 2, "")!
        let ok = ir.block("ok")
        ir.condBr(ir.icmp(LLVMIntEQ, result, ir.int32(-1)), exceptionExit(), ok)
        ir.position(at: ok)
        if instruction.opcode == .call || instruction.opcode == .new {
            // The native stack is low: the interpreter makes this call.
            ir.ifThen(ir.icmp(LLVMIntEQ, result, ir.int32(-2)), "deep") { exit(.interpret, at: instruction.offset) }
        }
        reloadOutputs(instruction)
        return result
    }

    /// The record of frame `index` (an i64) of the frame stack at `frames`.
    static func frameRecord(_ ir: IRBuilder, _ frames: LLVMValueRef, _ index: LLVMValueRef) -> LLVMValueRef {
        ir.address(frames, ir.mul(index, ir.int64(UInt64(NativeABI.frameSize))), ir.i8)
    }

    /// The record of this function's frame: compiled code runs on the frame on top.
    private func currentFrameRecord() -> LLVMValueRef {
        let frames = ir.load(ir.i8Pointer, state, NativeABI.stateFramesOffset)
        let count = ir.load(ir.i64, state, NativeABI.stateFrameCountOffset)
        return Self.frameRecord(ir, frames, ir.sub(count, ir.int64(1)))
    }

    /// Where an exception raised here leaves compiled code. In a function
    /// with handlers the interpreter runs the handler on the frame's values,
    /// so the typed registers are written back to the frame on the way.
    private func exceptionExit() -> LLVMBasicBlockRef {
        guard !block.handlers.isEmpty, readKinds.contains(where: { $0 != .boxed }) else { return exceptionBlock }
        let here = ir.currentBlock
        let exit = ir.block("throw")
        ir.position(at: exit)
        leave(NativeABI.exitWord(NativeABI.exitException), spilling: readKinds)
        ir.position(at: here)
        return exit
    }

    /// Quick code at its start (`offset` 0) and at a back-edge to the loop
    /// header at `offset`: counts the function's countdown down, and at
    /// zero asks the runtime for optimized code (Isolate.nativeTierUp);
    /// at a back-edge, when that was installed and can be entered at the
    /// header, leaves for the interpreter there, which enters it.
    private func countDownToOptimizedCode(at offset: Int) {
        guard let tierUpHelper else { return }
        let count = ir.sub(ir.load(ir.i32, data, NativeABI.dataTierCountdownOffset, .runtime), ir.int32(1))
        ir.store(count, data, NativeABI.dataTierCountdownOffset, .runtime)
        ir.ifThen(ir.icmp(LLVMIntSLT, count, ir.int32(0)), "tier.up") {
            var args: [LLVMValueRef?] = [state, ir.int32(Int32(offset))]
            let leave = LLVMBuildCall2(ir.builder, slowPathType, tierUpHelper, &args, 2, "")!
            if offset != 0 {
                ir.ifThen(ir.icmp(LLVMIntEQ, leave, ir.int32(1)), "tier.leave") { exit(.interpret, at: offset) }
            }
        }
    }

    /// Deopt stress: fail on purpose every NativeABI.stressPeriod guards.
    private func stressGuard(_ instruction: Instruction) {
        guard feedback.deoptStress else { return }
        let count = ir.sub(ir.load(ir.i32, state, NativeABI.stateStressCountdownOffset), ir.int32(1))
        ir.store(count, state, NativeABI.stateStressCountdownOffset)
        ir.ifThen(ir.icmp(LLVMIntSLE, count, ir.int32(0)), "stress") {
            ir.store(ir.int32(NativeABI.stressPeriod), state, NativeABI.stateStressCountdownOffset)
            exit(.deopt(.stress), at: instruction.offset)
        }
    }

    /// Collects a result from several paths into one register.
    private struct Join {
        var incoming: [(LLVMValueRef, LLVMBasicBlockRef)] = []
        let done: LLVMBasicBlockRef
    }
    private func join() -> Join { Join(done: ir.block("join")) }
    private func finish(_ j: inout Join, _ value: LLVMValueRef) {
        j.incoming.append((value, ir.currentBlock))
        ir.br(j.done)
    }
    private func close(_ j: Join, _ type: LLVMTypeRef) -> LLVMValueRef {
        ir.position(at: j.done)
        return ir.phi(type, j.incoming)
    }

    /// Branches on `condition` into a new block for the true side; the builder
    /// continues in the false side.
    /// A then-side that does not end in a jump or return falls through to
    /// the false side ("not handled here, try the next way").
    private func branch(_ condition: LLVMValueRef, _ name: String, _ then: () -> Void) {
        let thenBlock = ir.block(name), elseBlock = ir.block(name + ".else")
        ir.condBr(condition, thenBlock, elseBlock)
        ir.position(at: thenBlock)
        then()
        if LLVMGetBasicBlockTerminator(ir.currentBlock) == nil { ir.br(elseBlock) }
        ir.position(at: elseBlock)
    }

    // MARK: Instructions

    private func emit(_ i: Instruction) {
        switch planForSiteNotRunYet(i) {
        case .inline: break
        case .deopt:
            exit(.deopt(.coldCode), at: i.offset)
            return
        case .runtime:
            runtime(i)
            return
        }
        if types.numericDefinition(i) && i.a < writeKinds.count && writeKinds[i.a] != .boxed {
            emitTyped(i)
            return
        }
        switch i.opcode {
        case .mov: set(i.a, get(i.register(1)))
        case .loadConst:
            let index = i.register(1)
            if case .number(let d) = block.constants[index] {
                set(i.a, ir.int64(Value(d).bits))
            } else {
                let constants = ir.load(ir.i8Pointer, data, NativeABI.dataConstantsOffset, .runtime)
                set(i.a, ir.load(ir.i64, constants, 8 * index))
            }
        case .loadInt: set(i.a, ir.int64(Value(i.signed(1)).bits))
        case .loadUndefined: set(i.a, ir.int64(NativeABI.undefinedBits))
        case .loadNull: set(i.a, ir.int64(NativeABI.nullBits))
        case .loadTrue: set(i.a, ir.int64(NativeABI.trueBits))
        case .loadFalse: set(i.a, ir.int64(NativeABI.falseBits))
        case .loadEmpty: set(i.a, ir.int64(0))
        case .nop, .debugger: break

        case .checkTDZ:
            branch(ir.icmp(LLVMIntEQ, get(i.a), ir.int64(0)), "tdz") { runtime(i); ir.br(edge(i.next)) }
        case .getScope, .getScopeChecked:
            var context = get(i.register(1))
            for _ in 0..<i.operand(2) { context = ir.load(ir.i64, ir.pointer(context), NativeABI.contextParentOffset) }
            let v = ir.load(ir.i64, ir.pointer(context), NativeABI.contextSlotsOffset + 8 * i.register(3))
            set(i.a, v)
            if i.opcode == .getScopeChecked {
                branch(ir.icmp(LLVMIntEQ, v, ir.int64(0)), "tdz") { runtime(i); ir.br(edge(i.next)) }
            }
        case .setScope:
            var context = get(i.a)
            for _ in 0..<i.operand(1) { context = ir.load(ir.i64, ir.pointer(context), NativeABI.contextParentOffset) }
            ir.store(get(i.register(3)), ir.pointer(context), NativeABI.contextSlotsOffset + 8 * i.register(2))

        case .getGlobal, .getGlobalOrUndefined, .setGlobal, .setGlobalStrict: emitGlobal(i)
        case .getNamed: emitGetNamed(i)
        case .setNamed, .defineNamed: emitSetNamed(i)
        case .getIndexed: emitGetIndexed(i)
        case .setIndexed: emitSetIndexed(i)

        case .add, .sub, .mul, .div, .mod, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr:
            stressGuard(i)
            set(i.a, arithmetic(i, i.opcode, get(i.register(1)), get(i.register(2)), site: i.register(3)))
        case .addImm, .subImm:
            stressGuard(i)
            let y = ir.int64(Value(i.signed(2)).bits)
            set(i.a, arithmetic(i, i.opcode == .addImm ? .add : .sub, get(i.register(1)), y, site: i.register(3)))
        case .inc, .dec: emitIncrement(i)
        case .neg: emitNegate(i)
        case .toNumber, .toNumeric:
            let x = get(i.register(1))
            branch(ir.isNumber(x), "number") { set(i.a, x); ir.br(edge(i.next)) }
            runtime(i)
        case .not: set(i.a, ir.boxBool(ir.xor(truthy(get(i.register(1))), ir.trueValue)))
        case .bitNot:
            let x = get(i.register(1))
            branch(ir.isInt32(x), "int") {
                set(i.a, ir.boxInt32(ir.xor(ir.int32Payload(x), ir.int32(-1))))
                ir.br(edge(i.next))
            }
            runtime(i)

        // What the frame holds: the callee and new.target, and the callee's
        // closure context and home object (executeSimple's reads, inline).
        case .loadCallee: set(i.a, ir.load(ir.i64, currentFrameRecord(), NativeABI.frameCalleeOffset))
        case .loadNewTarget: set(i.a, ir.load(ir.i64, currentFrameRecord(), NativeABI.frameNewTargetOffset))
        case .loadClosureContext, .loadHome:
            let callee = ir.load(ir.i64, currentFrameRecord(), NativeABI.frameCalleeOffset)
            var j = join()
            branch(ir.isCell(callee), "cell") {
                let p = ir.pointer(callee)
                branch(ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindFunction)), "function") {
                    let offset = i.opcode == .loadHome ? NativeABI.functionHomeOffset : NativeABI.functionContextOffset
                    finish(&j, ir.load(ir.i64, p, offset))
                }
            }
            finish(&j, ir.int64(NativeABI.undefinedBits))
            set(i.a, close(j, ir.i64))
        case .loadGlobalThis: set(i.a, ir.load(ir.i64, state, NativeABI.stateGlobalObjectOffset))
        case .strictEq, .strictNe:
            let equal = strictEqual(i, get(i.register(1)), get(i.register(2)))
            set(i.a, ir.boxBool(i.opcode == .strictEq ? equal : ir.xor(equal, ir.trueValue)))
        case .eq, .ne: emitLooseEquality(i)
        case .lt, .le, .gt, .ge:
            stressGuard(i)
            if let holds = typedCompare(i, .register(i.register(1)), .register(i.register(2)), site: i.register(3)) {
                set(i.a, ir.boxBool(holds))
                break
            }
            let holds = compare(i, i.opcode, get(i.register(1)), get(i.register(2)), site: i.register(3), valueResult: true)
            set(i.a, ir.boxBool(holds))

        // Control flow.
        case .jump: ir.br(edge(i.target(0)))
        case .loop:
            countDownToOptimizedCode(at: i.target(0))
            ir.br(edge(i.target(0)))
        case .jumpIfTrue, .jumpIfFalse:
            let t: LLVMValueRef
            switch readKinds[i.a] {
            case .int32: t = ir.icmp(LLVMIntNE, loadInt(i.a), ir.int32(0))
            case .double: t = ir.fcmp(LLVMRealONE, loadDouble(i.a), ir.double(0))
            case .boxed: t = truthy(get(i.a))
            }
            if i.opcode == .jumpIfTrue { ir.condBr(t, edge(i.target(1)), edge(i.next)) }
            else { ir.condBr(t, edge(i.next), edge(i.target(1))) }
        case .jumpIfNullish, .jumpIfNotNullish:
            let nullish = ir.isNullish(get(i.a))
            let (yes, no) = (edge(i.target(1)), edge(i.next))
            if i.opcode == .jumpIfNullish { ir.condBr(nullish, yes, no) } else { ir.condBr(nullish, no, yes) }
        case .jumpIfUndefined, .jumpIfNotUndefined:
            let undefined = ir.icmp(LLVMIntEQ, get(i.a), ir.int64(NativeABI.undefinedBits))
            let (yes, no) = (edge(i.target(1)), edge(i.next))
            if i.opcode == .jumpIfUndefined { ir.condBr(undefined, yes, no) } else { ir.condBr(undefined, no, yes) }
        case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual:
            stressGuard(i)
            if let holds = typedCompare(i, .register(i.a), .register(i.register(1)), site: i.register(2)) {
                ir.condBr(holds, edge(i.next), edge(i.target(3)))
                break
            }
            let holds = compare(i, i.opcode, get(i.a), get(i.register(1)), site: i.register(2), valueResult: false)
            ir.condBr(holds, edge(i.next), edge(i.target(3)))
        case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
            stressGuard(i)
            if let holds = typedCompare(i, .register(i.a), .immediate(i.signed(1)), site: i.register(2)) {
                ir.condBr(holds, edge(i.next), edge(i.target(3)))
                break
            }
            let y = ir.int64(Value(i.signed(1)).bits)
            let holds = compare(i, i.opcode, get(i.a), y, site: i.register(2), valueResult: false)
            ir.condBr(holds, edge(i.next), edge(i.target(3)))
        case .jumpIfNotStrictEqual, .jumpIfStrictEqual:
            let equal = strictEqual(i, get(i.a), get(i.register(1)))
            if i.opcode == .jumpIfStrictEqual { ir.condBr(equal, edge(i.target(3)), edge(i.next)) }
            else { ir.condBr(equal, edge(i.next), edge(i.target(3))) }
        case .getIterator where i.a + 1 < writeKinds.count && writeKinds[i.a] == .boxed && writeKinds[i.a + 1] == .boxed:
            emitGetIterator(i)
        case .iteratorNext: emitIteratorNext(i)
        case .iteratorClose where i.a + 1 < writeKinds.count && writeKinds[i.a + 1] == .boxed:
            // The record of an array walk (an int32 index) or of a finished
            // one (undefined) has no `return` to call: it is only marked done.
            branch(ir.xor(ir.isCell(get(i.a + 1)), ir.trueValue), "nothing") {
                set(i.a + 1, ir.int64(NativeABI.undefinedBits))
                ir.br(edge(i.next))
            }
            runtime(i)
        case .forInNext:
            let produced = runtime(i)
            ir.condBr(ir.icmp(LLVMIntNE, produced, ir.int32(0)), edge(i.next), edge(i.target(2)))

        // Calls and `new` run in the runtime (nativeCall), which pushes the
        // callee's frame, runs it (natively when it is compiled) and comes
        // back with the result.
        case .call where types.intrinsic(i) == .charCodeAt:
            emitCharCodeAt(i)
        case .call where types.intrinsic(i) == .fromCharCode:
            emitFromCharCode(i)
        case .call where types.intrinsic(i).isCollectionMethod && (types.intrinsic(i) != .arrayPush || i.operand(2) == 1):
            emitCollectionCall(i)
        case .call where leafCall(i) != nil:
            emitLeafCall(i, leafCall(i)!)
        case .call where callSiteSawOnlyJS(i):
            emitDirectCall(i, construct: false)
        case .new where leafCall(i) != nil:
            emitLeafCall(i, leafCall(i)!)
        case .new where callSiteSawOnlyJS(i):
            emitDirectCall(i, construct: true)
        case .ret where i.a <= 0xFFFF:
            // The value in its frame register and the register in the exit
            // word: the caller pops the frame without decoding the `ret`.
            // Register 0 is a constructor's `this`, its value when it
            // returns something else than an object.
            ir.store(get(i.a), frame, 8 * i.a, .frame)
            spill([0], readKinds)
            ir.ret(ir.int64(NativeABI.exitWord(NativeABI.exitReturned, detail: UInt64(i.a), offset: i.offset)))
        case .ret, .yield, .generatorStart:
            exit(.interpret, at: i.offset)

        default:
            runtime(i)
        }
    }

    /// Whether the instruction's feedback site has recorded a run: nil for
    /// instructions without one. Arithmetic and call sites record every run;
    /// a property cache stays empty also for receivers it cannot hold (a
    /// dictionary object, a string's length), and a global's for a missing
    /// or accessor global (global caches keep no entry count).
    private func siteRan(_ i: Instruction) -> Bool? {
        func recorded(_ sites: [UInt8], _ operand: Int) -> Bool? {
            let site = i.register(operand)
            return site < sites.count ? sites[site] != 0 : nil
        }
        switch i.opcode {
        case .add, .sub, .mul, .div, .mod, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr, .addImm, .subImm, .lt, .le, .gt, .ge:
            return recorded(feedback.arithmetic, 3)
        case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual,
             .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
            return recorded(feedback.arithmetic, 2)
        case .call: return recorded(feedback.callKinds, 3)
        case .getNamed, .setNamed, .defineNamed, .getIndexed, .setIndexed: return recorded(feedback.propertyStates, 3)
        case .getGlobal, .getGlobalOrUndefined, .setGlobal, .setGlobalStrict: return recorded(feedback.propertyKinds, 2)
        default: return nil
        }
    }

    private enum NotRunYetPlan { case inline, deopt, runtime }

    /// What to compile for an instruction whose site had not run when the
    /// function tiered up (after it ran in the interpreter; --jit=eager
    /// compiles everything inline).
    /// - A property access outside loops is a call of the runtime, which
    ///   reads and fills the cache the interpreter uses: inline checks for
    ///   every kind of entry take 50-165 IR instructions, and such sites
    ///   were most of a large function's compile time.
    /// - In a loop it keeps the inline checks, which read the entries the
    ///   runtime fills later: a branch of a hot loop that had not run yet
    ///   may run hot later without the function compiling again. In a loop
    ///   still ahead (none of its sites had run) on a first compile, it
    ///   leaves like arithmetic and calls there.
    /// - Arithmetic and calls deopt on a first compile (less code; if they
    ///   do run, the function recompiles with their feedback). Outside the
    ///   loops of a function that has some, they compile unspecialized: that
    ///   is mostly the code after the loop an OSR compile entered, which runs
    ///   once per call, and deopting there threw away the function's code
    ///   each time its first call finished. The same holds for code of an
    ///   outer loop after the inner loop an OSR compile entered: it runs once
    ///   per outer trip, and deopting there made json-roundtrip's main
    ///   function compile twice (70 ms each).
    private func planForSiteNotRunYet(_ i: Instruction) -> NotRunYetPlan {
        guard feedback.interpretedFirst, siteRan(i) == false else { return .inline }
        switch i.opcode {
        case .getNamed, .setNamed, .defineNamed, .getIndexed, .setIndexed,
             .getGlobal, .getGlobalOrUndefined, .setGlobal, .setGlobalStrict:
            if !inLoop(i) { return .runtime }
            if loopsAhead.contains(where: { $0.contains(i.offset) }) { return feedback.coldCodeDeopts ? .deopt : .inline }
            return .inline
        default:
            if !loopRanges.isEmpty && (!inLoop(i) || inOuterLoopBody(i)) { return .inline }
            return feedback.coldCodeDeopts ? .deopt : .inline
        }
    }

    /// Loops none of whose sites had run when the function was compiled.
    private lazy var loopsAhead: [ClosedRange<Int>] = loopRanges.filter { loop in
        !instructions.contains { loop.contains($0.offset) && siteRan($0) == true }
    }

    // MARK: Typed numbers (RegisterTypes)

    private enum Operand {
        case register(Int)
        case immediate(Int32)
    }

    private func guardOrDeopt(_ ok: LLVMValueRef, _ reason: DeoptReason, _ i: Instruction) {
        ir.ifThen(ir.xor(ok, ir.trueValue), "guard") { exit(.deopt(reason), at: i.offset) }
    }

    /// An operand as an i32; deopts when it is not an int32.
    private func intOperand(_ o: Operand, _ i: Instruction) -> LLVMValueRef {
        switch o {
        case .immediate(let q): return ir.int32(q)
        case .register(let r):
            switch readKinds[r] {
            case .int32: return loadInt(r)
            case .double:
                let d = loadDouble(r)
                let inRange = ir.and(ir.fcmp(LLVMRealOGE, d, ir.double(-2147483648.0)), ir.fcmp(LLVMRealOLE, d, ir.double(2147483647.0)))
                let n = LLVMBuildFPToSI(ir.builder, ir.select(inRange, d, ir.double(0)), ir.i32, "")!
                let exact = ir.fcmp(LLVMRealOEQ, LLVMBuildSIToFP(ir.builder, n, ir.f64, "")!, d)
                let notNegativeZero = ir.or(ir.icmp(LLVMIntNE, n, ir.int32(0)), ir.icmp(LLVMIntSGE, ir.bitcast(d, ir.i64), ir.int64(0)))
                guardOrDeopt(ir.and(ir.and(inRange, exact), notNegativeZero), .notInt32, i)
                return n
            case .boxed:
                let v = get(r)
                guardOrDeopt(ir.isInt32(v), .notInt32, i)
                return ir.int32Payload(v)
            }
        }
    }

    /// ToInt32 of an operand (bitwise operators); deopts when it is not a
    /// number or too large to wrap inline. Where the site saw only int32s,
    /// a boxed operand is checked to be one (a double deopts, and the code
    /// compiled again wraps it): ToInt32 of a double inline is some twenty
    /// instructions an operand to compile, for values that never came.
    private func int32Operand(_ o: Operand, _ i: Instruction) -> LLVMValueRef {
        if case .register(let r) = o, readKinds[r] == .int32 { return loadInt(r) }
        if case .immediate(let q) = o { return ir.int32(q) }
        if case .register(let r) = o, readKinds[r] == .boxed, Self.isBitwise(i.opcode), speculation(site: i.register(3)).intsOnly {
            return intOperand(o, i)
        }
        let (value, ok) = ir.toInt32(doubleOperand(o, i))
        guardOrDeopt(ok, .notInt32, i)
        return value
    }

    /// An operand as an f64; deopts when it is not a number.
    private func doubleOperand(_ o: Operand, _ i: Instruction) -> LLVMValueRef {
        switch o {
        case .immediate(let q): return ir.double(Double(q))
        case .register(let r):
            switch readKinds[r] {
            case .int32: return LLVMBuildSIToFP(ir.builder, loadInt(r), ir.f64, "")!
            case .double: return loadDouble(r)
            case .boxed:
                let v = get(r)
                guardOrDeopt(ir.isNumber(v), .notNumber, i)
                return ir.numberPayload(v)
            }
        }
    }

    /// A numeric definition of a typed register: unboxed arithmetic whose
    /// int32 results deopt where the interpreter would make a double.
    private func emitTyped(_ i: Instruction) {
        let dest = writeKinds[i.a]
        let x: Operand, y: Operand
        switch i.opcode {
        case .call:
            emitIntrinsicCall(i)
            return
        case .getIndexed:
            emitTypedElementGet(i)
            return
        case .loadInt:
            setNumber(i.a, int: ir.int32(i.signed(1)))
            return
        case .loadConst:
            guard case .number(let d) = block.constants[i.register(1)] else { return }
            if dest == .int32 { setNumber(i.a, int: ir.int32(Value(d).int32)) } else { setNumber(i.a, double: ir.double(d)) }
            return
        case .mov:
            if dest == .int32 { setNumber(i.a, int: intOperand(.register(i.register(1)), i)) }
            else { setNumber(i.a, double: doubleOperand(.register(i.register(1)), i)) }
            return
        case .inc, .dec, .neg:
            x = .register(i.register(1))
            y = .immediate(i.opcode == .dec ? -1 : 1)
        case .addImm, .subImm:
            x = .register(i.register(1))
            y = .immediate(i.signed(2))
        default:
            x = .register(i.register(1))
            y = .register(i.register(2))
        }
        stressGuard(i)
        // Bitwise operators compute in int32 even into a double register.
        let bitwise = Self.isBitwise(i.opcode)
        if dest == .int32 || bitwise {
            let p = bitwise ? int32Operand(x, i) : intOperand(x, i), q = bitwise ? int32Operand(y, i) : intOperand(y, i)
            let result: LLVMValueRef
            switch i.opcode {
            case .add, .addImm, .inc, .dec, .sub, .subImm, .mul:
                let name = i.opcode == .sub || i.opcode == .subImm ? "ssub" : i.opcode == .mul ? "smul" : "sadd"
                let (v, overflow) = ir.overflowing(name, p, q)
                var bad = overflow
                if i.opcode == .mul {
                    // A zero from a negative operand is -0, a double.
                    let negative = ir.or(ir.icmp(LLVMIntSLT, p, ir.int32(0)), ir.icmp(LLVMIntSLT, q, ir.int32(0)))
                    bad = ir.or(bad, ir.and(ir.icmp(LLVMIntEQ, v, ir.int32(0)), negative))
                }
                guardOrDeopt(ir.xor(bad, ir.trueValue), .resultNotInt32, i)
                result = v
            case .neg:
                guardOrDeopt(ir.and(ir.icmp(LLVMIntNE, p, ir.int32(0)), ir.icmp(LLVMIntNE, p, ir.int32(.min))), .resultNotInt32, i)
                result = ir.sub(ir.int32(0), p)
            case .mod:
                guardOrDeopt(ir.and(ir.icmp(LLVMIntSGE, p, ir.int32(0)), ir.icmp(LLVMIntSGT, q, ir.int32(0))), .resultNotInt32, i)
                result = LLVMBuildSRem(ir.builder, p, q, "")!
            case .bitAnd: result = ir.and(p, q)
            case .bitOr: result = ir.or(p, q)
            case .bitXor: result = ir.xor(p, q)
            case .shl: result = LLVMBuildShl(ir.builder, p, ir.and(q, ir.int32(31)), "")!
            default: result = LLVMBuildAShr(ir.builder, p, ir.and(q, ir.int32(31)), "")!  // shr
            }
            setNumber(i.a, int: result)
        } else {
            setNumber(i.a, double: doubleArithmetic(i.opcode, doubleOperand(x, i), doubleOperand(y, i)))
        }
    }

    /// Arithmetic `op` on doubles; `inc` and `dec` add `b` (1 or -1), the
    /// immediates' `b` is the immediate, and `neg` leaves it unread.
    private func doubleArithmetic(_ op: Opcode, _ a: LLVMValueRef, _ b: LLVMValueRef) -> LLVMValueRef {
        switch op {
        case .add, .addImm, .inc, .dec: return LLVMBuildFAdd(ir.builder, a, b, "")!
        case .sub, .subImm: return LLVMBuildFSub(ir.builder, a, b, "")!
        case .mul: return LLVMBuildFMul(ir.builder, a, b, "")!
        case .div: return LLVMBuildFDiv(ir.builder, a, b, "")!
        case .neg: return LLVMBuildFNeg(ir.builder, a, "")!
        default: return ir.jsRemainder(a, b)  // mod
        }
    }

    /// A call site that only saw one builtin (Math.sqrt, ...): the callee is
    /// checked to be that builtin and its work done inline; anything else deopts.
    private func emitIntrinsicCall(_ i: Instruction) {
        let intrinsic = types.intrinsic(i)
        let site = i.register(3), base = i.register(1), argc = Int(i.operand(2))
        let callee = get(base)
        let checked = ir.block("builtin")
        branch(ir.isCell(callee), "cell") {
            branch(isSiteBuiltin(ir.pointer(callee), site: site), "same") { ir.br(checked) }
        }
        exit(.deopt(.calleeChanged), at: i.offset)
        ir.position(at: checked)
        let needed = intrinsic == .imul ? 2 : 1
        if argc < needed {
            exit(.deopt(.notNumber), at: i.offset)
            return
        }
        if intrinsic == .imul {
            let p = int32Operand(.register(base + 2), i), q = int32Operand(.register(base + 3), i)
            setNumber(i.a, int: ir.mul(p, q))
            return
        }
        let d = doubleOperand(.register(base + 2), i)
        let name: String
        switch intrinsic {
        case .sqrt: name = "llvm.sqrt.f64"
        case .abs: name = "llvm.fabs.f64"
        case .floor: name = "llvm.floor.f64"
        case .ceil: name = "llvm.ceil.f64"
        default: name = "llvm.trunc.f64"
        }
        setNumber(i.a, double: ir.intrinsic(name, returns: ir.f64, [d]))
    }

    /// Emits `body` where `callee` (boxed) is the builtin the call site saw
    /// and `condition` holds; the builder goes on after it otherwise.
    private func whenSiteBuiltin(_ callee: LLVMValueRef, site: Int, and condition: LLVMValueRef, _ body: () -> Void) {
        branch(ir.and(ir.isCell(callee), condition), "cell") {
            branch(isSiteBuiltin(ir.pointer(callee), site: site), "builtin", body)
        }
    }

    /// Whether the function cell `f` is the builtin the call site saw: its
    /// index among the natives, the same in every isolate of the process.
    private func isSiteBuiltin(_ f: LLVMValueRef, site: Int) -> LLVMValueRef {
        ir.and(ir.icmp(LLVMIntEQ, ir.load(ir.i8, f, 0, .header), ir.int8(NativeABI.kindNativeFunction)),
               ir.icmp(LLVMIntEQ, ir.load(ir.i64, f, NativeABI.nativeIndexOffset, .header),
                       ir.int64(Value(feedback.callNativeIndexes[site]).bits)))
    }

    /// The code unit at `index` (i32) of the string cell `s`, for `body`
    /// (an i32), when `s` is flat and the index inside it, and when the
    /// string is one-byte if `oneByteOnly`; otherwise the builder goes on.
    private func withFlatStringUnit(_ s: LLVMValueRef, _ index: LLVMValueRef, oneByteOnly: Bool, _ body: (LLVMValueRef) -> Void) {
        let isFlat = ir.icmp(LLVMIntEQ, ir.load(ir.i8, s, 0, .header), ir.int8(NativeABI.kindString))
        let inside = ir.icmp(LLVMIntULT, index, ir.load(ir.i32, s, NativeABI.cellAuxOffset, .header))
        let oneByte = ir.icmp(LLVMIntNE, ir.and(ir.load(ir.i8, s, NativeABI.cellFlagsOffset, .header), ir.int8(NativeABI.stringOneByteFlag)), ir.int8(0))
        branch(oneByteOnly ? ir.and(ir.and(isFlat, inside), oneByte) : ir.and(isFlat, inside), "flat") {
            let offset = ir.zext(index, ir.i64), units = ir.int64(UInt64(NativeABI.stringUnitsOffset))
            func byte() -> LLVMValueRef { ir.zext(ir.load(ir.i8, s, ir.add(offset, units)), ir.i32) }
            if oneByteOnly { body(byte()); return }
            var j = join()
            branch(oneByte, "bytes") { finish(&j, byte()) }
            let i16 = LLVMInt16TypeInContext(ir.context)!
            finish(&j, ir.zext(ir.load(i16, s, ir.add(ir.mul(offset, ir.int64(2)), units)), ir.i32))
            body(close(j, ir.i32))
        }
    }

    /// `s.charCodeAt(k)` at a site that only called that builtin: on a flat
    /// string and an int32 index inside it, the code unit is read here;
    /// anything else (another callee, a rope, an index outside) is the call.
    private func emitCharCodeAt(_ i: Instruction) {
        let site = i.register(3), base = i.register(1), argc = Int(i.operand(2))
        if argc >= 1 {
            let this = get(base + 1), index = get(base + 2)
            whenSiteBuiltin(get(base), site: site, and: ir.and(ir.isCell(this), ir.isInt32(index))) {
                withFlatStringUnit(ir.pointer(this), ir.int32Payload(index), oneByteOnly: false) { unit in
                    set(i.a, ir.boxInt32(unit))
                    ir.br(edge(i.next))
                }
            }
        }
        runtime(i)
    }

    /// `String.fromCharCode(c)` at a site that only called that builtin, for
    /// an ASCII code: the isolate's atom for it; anything else is the call.
    private func emitFromCharCode(_ i: Instruction) {
        let site = i.register(3), base = i.register(1), argc = Int(i.operand(2))
        if argc == 1 {
            let code = get(base + 2)
            whenSiteBuiltin(get(base), site: site, and: ir.isInt32(code)) {
                let unit = ir.int32Payload(code)
                branch(ir.icmp(LLVMIntULT, unit, ir.int32(Int32(NativeABI.singleCharCount))), "ascii") {
                    set(i.a, singleCharString(unit))
                    ir.br(edge(i.next))
                }
            }
        }
        runtime(i)
    }

    /// `m.get(k)`, `s.add(v)`, `a.push(v)`, ... at a site that only called
    /// that Map, Set or Array method: when the callee is still it, the
    /// operation runs in `mvm_collection` (no frame, no argument list; it
    /// touches no JS heap, so nothing is spilled). A receiver of another
    /// kind, a rope key or an array off the builtin's fast path is the call.
    private func emitCollectionCall(_ i: Instruction) {
        let site = i.register(3), base = i.register(1), argc = Int(i.operand(2))
        let receiver = get(base + 1)
        let undefined = ir.int64(NativeABI.undefinedBits)
        let key = argc >= 1 ? get(base + 2) : undefined, value = argc >= 2 ? get(base + 3) : undefined
        whenSiteBuiltin(get(base), site: site, and: ir.isCell(receiver)) {
            var args: [LLVMValueRef?] = [state, ir.int32(Int32(types.intrinsic(i).rawValue)), receiver, key, value]
            let result = LLVMBuildCall2(ir.builder, collectionType, collectionHelper, &args, 5, "")!
            branch(ir.icmp(LLVMIntNE, result, ir.int64(0)), "done") {
                set(i.a, result)
                ir.br(edge(i.next))
            }
        }
        runtime(i)
    }

    private func callSiteSawOnlyJS(_ i: Instruction) -> Bool {
        let site = i.register(3)
        return site < feedback.callKinds.count && feedback.callKinds[site] == 1
    }

    /// Direct call sites a function compiles inline, at most; a function
    /// with more calls the shared stub (DirectCalls.swift) at all of them.
    /// The sequence is long (a frame record filled in, registers cleared,
    /// the result checked), and in call-heavy functions copies of it were
    /// close to half the IR to compile. A loop compile counts the sites in
    /// its loop only.
    private static let inlineDirectCalls = 2
    private lazy var directCallSites = instructions.filter {
        ($0.opcode == .call || $0.opcode == .new) && compiled($0) && callSiteSawOnlyJS($0)
    }.count
    private var directCallHelpers: [Bool: LLVMValueRef] = [:]
    /// Sites with a known target (`callTarget`) a function compiles inline
    /// for that target, at most; one with more treats them as the others.
    /// Callgrind, all inline against at most four: deltablue compiled 4303
    /// against 3809 M instructions, raytracer 4139 against 3115, and their
    /// code ran 0.5% and 6% faster. A helper per target in each module
    /// instead (internal functions, called by every site of the target)
    /// compiled 4180 and 3898.
    private static let inlineTargetedCalls = 4
    private lazy var targetedCallSites = instructions.filter {
        ($0.opcode == .call || $0.opcode == .new) && compiled($0) && callSiteSawOnlyJS($0) && callTarget($0, construct: $0.opcode == .new) != nil
    }.count

    /// A call or `new` whose site only saw JS functions: a compiled callee
    /// gets its frame pushed here and its native code called; anything else
    /// goes through the runtime. `outOfLine` calls the shared stub however
    /// few sites there are: a pure leaf's call is the rare way, and the
    /// stub is less IR to compile than the sequence inline.
    private func emitDirectCall(_ i: Instruction, construct: Bool, outOfLine: Bool = false) {
        spill(RegisterTypes.possibleReads(i), readKinds)
        var site = DirectCall(state: state, frame: frame, data: data,
                              base: ir.int64(UInt64(i.register(1))), argc: ir.int64(UInt64(i.operand(2))),
                              returnRegister: ir.int32(Int32(i.a)), pcOffset: ir.int32(Int32(i.offset)),
                              callerRegisters: ir.int64(UInt64(block.registerCount)))
        let slow = ir.block("call.runtime")
        let target = callTarget(i, construct: construct)
        if let target, targetedCallSites <= Self.inlineTargetedCalls, !outOfLine {
            site.target = (target, Int(i.operand(2)))
        }
        if site.target == nil && (directCallSites > Self.inlineDirectCalls || outOfLine) {
            // 0: done, the result in the frame; 1: the runtime's call; -1: an exception.
            var args: [LLVMValueRef?] = [site.state, site.frame, site.data, site.base, site.argc,
                                         site.returnRegister, site.pcOffset, site.callerRegisters]
            let status = LLVMBuildCall2(ir.builder, DirectCallEmitter.stubType(ir.context), directCallHelper(construct: construct), &args, 8, "")!
            let done = ir.block("call.done")
            let switchInstruction = LLVMBuildSwitch(ir.builder, status, done, 2)!
            LLVMAddCase(switchInstruction, ir.int32(1), slow)
            LLVMAddCase(switchInstruction, ir.int32(-1), exceptionExit())
            ir.position(at: done)
            reloadOutputs(i)
            ir.br(edge(i.next))
        } else {
            directCalls.pushFrameAndCall(ir, site, construct: construct, slow: slow, exception: exceptionExit(), returned: { result in
                reloadOutputs(i)
                set(i.a, result)
                ir.br(edge(i.next))
            }, finished: {
                reloadOutputs(i)
                ir.br(edge(i.next))
            })
        }
        ir.position(at: slow)
        runtime(i)
        ir.br(edge(i.next))
    }

    /// The pure leaf (PureLeaf.swift) every callee of call or `new` `i`
    /// ran, given all its parameters; nil for other calls.
    private func leafCall(_ i: Instruction) -> (leaf: PureLeaf, target: CodeBlock)? {
        if let known = leafCalls[i.offset] { return known }
        var found: (PureLeaf, CodeBlock)?
        let construct = i.opcode == .new
        if callSiteSawOnlyJS(i), let target = callTarget(i, construct: construct), let leaf = PureLeaf(target, construct: construct),
           Int(i.operand(2)) >= leaf.parameterCount {
            found = (leaf, target)
        }
        leafCalls[i.offset] = .some(found)
        return found
    }
    private var leafCalls: [Int: (leaf: PureLeaf, target: CodeBlock)?] = [:]
    /// Calls compiled as their callee's body (NativeCode.inlinedCalls).
    private(set) var inlinedCalls = 0

    /// A leaf's register in a call compiled as its body: a double, a
    /// boxed value (a property's, an argument's), a boolean (an i1: a
    /// comparison's), or a constructor's `this` (only stored into: the
    /// object is made after the body's values).
    private enum LeafValue {
        case number(LLVMValueRef)
        case boxed(LLVMValueRef)
        case boolean(LLVMValueRef)
        case newObject
    }

    /// A call of a pure leaf: when the callee runs the leaf's code, its
    /// body computed here, every check on the way going to the call
    /// instead (emitDirectCall) when it fails.
    private func emitLeafCall(_ i: Instruction, _ known: (leaf: PureLeaf, target: CodeBlock)) {
        let (leaf, target) = known
        inlinedCalls += 1
        let call = ir.block("leaf.call")
        func check(_ condition: LLVMValueRef) {
            let next = ir.block("leaf.ok")
            ir.condBr(condition, next, call)
            ir.position(at: next)
        }
        // The object's cell, once `v` is checked to be an object.
        func object(_ v: LLVMValueRef) -> LLVMValueRef {
            check(ir.isCell(v))
            let p = ir.pointer(v)
            check(ir.icmp(LLVMIntUGE, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.firstObjectKind)))
            return p
        }
        func number(_ v: LeafValue) -> LLVMValueRef {
            switch v {
            case .number(let d): return d
            case .boxed(let bits):
                check(ir.isNumber(bits))
                return ir.numberPayload(bits)
            case .boolean: check(ir.falseValue); return ir.double(0)  // `true + 1`: the call does it
            case .newObject: preconditionFailure("PureLeaf let a constructor's `this` be read")
            }
        }
        // ToInt32 as the interpreter's (magnitudes of 2^63 and more go to the call).
        func int32(_ d: LLVMValueRef) -> LLVMValueRef {
            let (i, handled) = ir.toInt32(d)
            check(handled)
            return i
        }
        func boxed(_ v: LeafValue) -> LLVMValueRef {
            switch v {
            case .number(let d): return ir.boxNumber(d)
            case .boolean(let b): return ir.boxBool(b)
            case .boxed(let bits): return bits
            case .newObject: preconditionFailure("PureLeaf let a constructor's `this` be read")
            }
        }
        let base = i.register(1)
        let callee = get(base)
        check(ir.isCell(callee))
        let p = ir.pointer(callee)
        check(ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindFunction)))
        if leaf.construct { check(DirectCallEmitter.plainConstructor(ir, p)) }
        let calleeData = DirectCallEmitter.functionData(ir, p)
        check(DirectCallEmitter.runs(ir, calleeData, target))
        // The slot of an own data property of `v` where the callee's cache
        // for `site` saw the object's shape (reads and stores alike).
        func ownSlot(_ v: LeafValue, site: Int) -> LLVMValueRef {
            let o = object(boxed(v))
            let e = cacheEntry(site: site, entry: 0, of: calleeData)
            check(ir.and(ir.icmp(LLVMIntEQ, ir.load(ir.i64, o, NativeABI.shapeOffset, .header),
                                 ir.load(ir.i64, e, NativeABI.cacheShapeOffset, .runtime)),
                         ir.icmp(LLVMIntEQ, ir.load(ir.i8, e, NativeABI.cacheKindOffset, .runtime), ir.int8(NativeABI.cacheKindOwn))))
            return slotAddress(o, ir.load(ir.i32, e, NativeABI.cacheSlotOffset, .runtime))
        }
        // Register k of the leaf is the caller's register base + 1 + k:
        // the callee, `this`, then the arguments.
        var values: [Int: LeafValue] = [:]
        // A constructor's stores, in order: its cache site and the value.
        var stores: [(site: Int, value: LLVMValueRef)] = []
        // A method's stores into own properties: made at its `ret`.
        var ownStores: [(site: Int, object: LeafValue, value: LeafValue)] = []
        for k in 0...leaf.parameterCount {
            if k == 0 && leaf.construct {
                values[0] = .newObject
                continue
            }
            let r = base + 1 + k
            switch readKinds[r] {
            case .int32: values[k] = .number(LLVMBuildSIToFP(ir.builder, loadInt(r), ir.f64, "")!)
            case .double: values[k] = .number(loadDouble(r))
            case .boxed: values[k] = .boxed(get(r))
            }
        }
        // The body in offset order: each jump's target block joins the
        // paths into it (leafJoin); each `ret` goes to `returned` with
        // its value boxed.
        let returned = leaf.construct ? nil : ir.block("leaf.returned")
        var results: [(LLVMValueRef, LLVMBasicBlockRef)] = []
        var jumpedTo: [Int: [(values: [Int: LeafValue], block: LLVMBasicBlockRef)]] = [:]
        var current: [Int: LeafValue]? = values
        for instruction in leaf.instructions {
            if let paths = jumpedTo.removeValue(forKey: instruction.offset) {
                current = leafJoin(paths + (current.map { [($0, ir.currentBlock)] } ?? []), boxed: boxed)
            }
            guard var values = current else { continue }
            let x = { number(values[instruction.register(1)]!) }
            let y = { number(values[instruction.register(2)]!) }
            /// Goes on at operand `operand`'s target when `taken`, else at the next instruction.
            func jump(_ operand: Int, when taken: LLVMValueRef) {
                let target = ir.block("leaf.jump"), next = ir.block("leaf.next")
                ir.condBr(taken, target, next)
                jumpedTo[instruction.target(operand), default: []].append((values, target))
                ir.position(at: next)
            }
            let value: LeafValue
            switch instruction.opcode {
            case .ret:
                if !leaf.construct {
                    // Every store's check, then the stores (PureLeaf: no branch, no read after one).
                    let places = ownStores.map { (ownSlot($0.object, site: $0.site), boxed($0.value)) }
                    for (slot, value) in places { ir.store(value, slot, .slots) }
                    results.append((boxed(values[instruction.a]!), ir.currentBlock))
                    ir.br(returned!)
                }
                current = nil
                continue
            case .jump:
                jumpedTo[instruction.target(0), default: []].append((values, ir.currentBlock))
                current = nil
                continue
            case .jumpIfTrue, .jumpIfFalse:
                let truth = leafTruth(values[instruction.a]!, check: check)
                jump(1, when: instruction.opcode == .jumpIfTrue ? truth : ir.xor(truth, ir.trueValue))
                continue
            case .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined, .jumpIfNotUndefined:
                var test = ir.falseValue
                if case .boxed(let bits) = values[instruction.a]! {
                    test = instruction.opcode == .jumpIfNullish || instruction.opcode == .jumpIfNotNullish
                        ? ir.isNullish(bits)
                        : ir.icmp(LLVMIntEQ, bits, ir.int64(NativeABI.undefinedBits))
                }
                let positive = instruction.opcode == .jumpIfNullish || instruction.opcode == .jumpIfUndefined
                jump(1, when: positive ? test : ir.xor(test, ir.trueValue))
                continue
            case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual:
                let holds = ir.fcmp(Self.leafComparison(instruction.opcode), number(values[instruction.a]!), x())
                jump(3, when: ir.xor(holds, ir.trueValue))
                continue
            case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
                let holds = ir.fcmp(Self.leafComparison(instruction.opcode), number(values[instruction.a]!),
                                    ir.double(Double(instruction.signed(1))))
                jump(3, when: ir.xor(holds, ir.trueValue))
                continue
            case .jumpIfStrictEqual, .jumpIfNotStrictEqual:
                let equal = leafStrictEqual(values[instruction.a]!, values[instruction.register(1)]!, check: check, number: number)
                jump(3, when: instruction.opcode == .jumpIfStrictEqual ? equal : ir.xor(equal, ir.trueValue))
                continue
            case .loadInt: value = .number(ir.double(Double(instruction.signed(1))))
            case .loadConst:
                if case .number(let d) = target.constants[instruction.register(1)] {
                    value = .number(ir.double(d))
                } else {
                    // A string: the callee's atom, from its constants.
                    let constants = ir.load(ir.i8Pointer, calleeData, NativeABI.dataConstantsOffset, .runtime)
                    value = .boxed(ir.load(ir.i64, constants, 8 * instruction.register(1)))
                }
            case .loadTrue, .loadFalse: value = .boolean(instruction.opcode == .loadTrue ? ir.trueValue : ir.falseValue)
            case .loadNull: value = .boxed(ir.int64(NativeABI.nullBits))
            case .mov: value = values[instruction.register(1)]!
            case .loadUndefined: value = .boxed(ir.int64(NativeABI.undefinedBits))
            case .loadClosureContext: value = .boxed(ir.load(ir.i64, p, NativeABI.functionContextOffset))
            case .getScope, .getScopeChecked:
                // The callee's closure variable (emitted as for the callee itself).
                var context = boxed(values[instruction.register(1)]!)
                for _ in 0..<instruction.operand(2) { context = ir.load(ir.i64, ir.pointer(context), NativeABI.contextParentOffset) }
                let v = ir.load(ir.i64, ir.pointer(context), NativeABI.contextSlotsOffset + 8 * instruction.register(3))
                if instruction.opcode == .getScopeChecked { check(ir.icmp(LLVMIntNE, v, ir.int64(0))) }
                value = .boxed(v)
            case .setNamed where leaf.construct:
                stores.append((instruction.register(3), boxed(values[instruction.register(2)]!)))
                continue
            case .setNamed:
                ownStores.append((instruction.register(3), values[instruction.a]!, values[instruction.register(2)]!))
                continue
            case .getNamed:
                value = .boxed(ir.load(ir.i64, ownSlot(values[instruction.register(1)]!, site: instruction.register(3)), .slots))
            case .addImm, .subImm: value = .number(doubleArithmetic(instruction.opcode, x(), ir.double(Double(instruction.signed(2)))))
            case .inc, .dec, .neg: value = .number(doubleArithmetic(instruction.opcode, x(), ir.double(instruction.opcode == .dec ? -1 : 1)))
            case .bitNot: value = .number(LLVMBuildSIToFP(ir.builder, ir.xor(int32(x()), ir.int32(-1)), ir.f64, "")!)
            case .strictEq, .strictNe:
                let equal = leafStrictEqual(values[instruction.register(1)]!, values[instruction.register(2)]!, check: check, number: number)
                value = .boolean(instruction.opcode == .strictEq ? equal : ir.xor(equal, ir.trueValue))
            case .lt, .le, .gt, .ge: value = .boolean(ir.fcmp(Self.leafComparison(instruction.opcode), x(), y()))
            case .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr:
                let a = int32(x()), b = int32(y())
                let count = ir.and(b, ir.int32(31))
                let result: LLVMValueRef
                switch instruction.opcode {
                case .bitAnd: result = ir.and(a, b)
                case .bitOr: result = ir.or(a, b)
                case .bitXor: result = ir.xor(a, b)
                case .shl: result = LLVMBuildShl(ir.builder, a, count, "")!
                case .shr: result = LLVMBuildAShr(ir.builder, a, count, "")!
                default: result = LLVMBuildLShr(ir.builder, a, count, "")!
                }
                value = .number(instruction.opcode == .ushr ? LLVMBuildUIToFP(ir.builder, result, ir.f64, "")!
                                                            : LLVMBuildSIToFP(ir.builder, result, ir.f64, "")!)
            default:  // add ... mod
                let a = x()
                value = .number(doubleArithmetic(instruction.opcode, a, y()))
            }
            values[instruction.a] = value
            current = values
        }
        if leaf.construct {
            // The object, then each property added as the callee's cache
            // saw it added: a transition from the object's shape into an
            // inline slot, with no prototype changed since (emitSetNamed).
            let object = ir.allocateThis(state: state, callee: p, thisProperties: target.thisProperties,
                                         calleeData: calleeData, slow: call)
            let o = ir.pointer(object)
            for (site, value) in stores {
                let e = cacheEntry(site: site, entry: 0, of: calleeData)
                let offset = ir.load(ir.i32, e, NativeABI.cacheSlotOffset, .runtime)
                let shapeOK = ir.icmp(LLVMIntEQ, ir.load(ir.i64, o, NativeABI.shapeOffset, .header),
                                      ir.load(ir.i64, e, NativeABI.cacheShapeOffset, .runtime))
                let isTransition = ir.icmp(LLVMIntEQ, ir.load(ir.i8, e, NativeABI.cacheKindOffset, .runtime),
                                           ir.int8(NativeABI.cacheKindTransition))
                check(ir.and(ir.and(shapeOK, isTransition), ir.and(ir.icmp(LLVMIntSGT, offset, ir.int32(0)), prototypeUnchanged(o, e))))
                ir.store(ir.load(ir.i64, e, NativeABI.cacheNewShapeOffset, .runtime), o, NativeABI.shapeOffset, .header)
                ir.store(value, o, ir.sext(offset, ir.i64), .slots)
            }
            set(i.a, object)
            ir.br(edge(i.next))
        } else {
            ir.position(at: returned!)
            set(i.a, results.count == 1 ? results[0].0 : ir.phi(ir.i64, results))
            ir.br(edge(i.next))
        }
        ir.position(at: call)
        emitDirectCall(i, construct: leaf.construct, outOfLine: true)
    }

    /// The fcmp predicate of a leaf's comparison (ordered: NaN compares false).
    private static func leafComparison(_ opcode: Opcode) -> LLVMRealPredicate {
        switch opcode {
        case .lt, .jumpIfNotLess, .jumpIfNotLessImm: return LLVMRealOLT
        case .le, .jumpIfNotLessEqual, .jumpIfNotLessEqualImm: return LLVMRealOLE
        case .gt, .jumpIfNotGreater, .jumpIfNotGreaterImm: return LLVMRealOGT
        default: return LLVMRealOGE
        }
    }

    /// A leaf value as a condition: booleans and numbers as JS tests them,
    /// undefined and null false; anything else (strings, objects) goes to
    /// the call.
    private func leafTruth(_ v: LeafValue, check: (LLVMValueRef) -> Void) -> LLVMValueRef {
        switch v {
        case .boolean(let b): return b
        case .number(let d): return ir.fcmp(LLVMRealONE, d, ir.double(0))
        case .newObject: preconditionFailure("PureLeaf let a constructor's `this` be read")
        case .boxed(let bits):
            let isTrue = ir.icmp(LLVMIntEQ, bits, ir.int64(NativeABI.trueBits))
            let falsy = ir.or(ir.icmp(LLVMIntEQ, bits, ir.int64(NativeABI.falseBits)),
                              ir.isNullish(bits))
            check(ir.or(ir.or(isTrue, falsy), ir.isNumber(bits)))
            // For a non-number the select takes isTrue; the payload is then unused.
            let nonzero = ir.fcmp(LLVMRealONE, ir.numberPayload(bits), ir.double(0))
            return ir.select(ir.isNumber(bits), nonzero, isTrue)
        }
    }

    /// `x === y` of leaf values: numbers as doubles (a number and a value
    /// of another type are never equal), booleans as bits; other values by
    /// their bits, once neither is a string (strings with different cells
    /// may be equal: the call compares them).
    private func leafStrictEqual(_ x: LeafValue, _ y: LeafValue, check: (LLVMValueRef) -> Void,
                                 number: (LeafValue) -> LLVMValueRef) -> LLVMValueRef {
        switch (x, y) {
        case (.number, _), (_, .number): return ir.fcmp(LLVMRealOEQ, number(x), number(y))
        case (.boolean(let a), .boolean(let b)): return ir.icmp(LLVMIntEQ, a, b)
        default: break
        }
        func bits(_ v: LeafValue) -> LLVMValueRef {
            switch v {
            case .boolean(let b): return ir.boxBool(b)
            case .boxed(let value): return value
            case .number, .newObject: preconditionFailure("PureLeaf let a constructor's `this` be read")
            }
        }
        let a = bits(x), b = bits(y)
        func notString(_ v: LLVMValueRef) -> LLVMValueRef {
            // A non-cell reads the global object's kind instead (an object's).
            ir.xor(isString(ir.select(ir.isCell(v), v, ir.load(ir.i64, state, NativeABI.stateGlobalObjectOffset))), ir.trueValue)
        }
        let numbers = ir.and(ir.isNumber(a), ir.isNumber(b))
        check(ir.or(numbers, ir.or(ir.icmp(LLVMIntEQ, a, b), ir.and(notString(a), notString(b)))))
        let sameBits = ir.and(ir.icmp(LLVMIntEQ, a, b), ir.icmp(LLVMIntNE, a, ir.int64(NativeABI.canonicalNaNBits)))
        return ir.select(numbers, ir.fcmp(LLVMRealOEQ, ir.numberPayload(a), ir.numberPayload(b)), sameBits)
    }

    /// The registers where paths of a leaf's body meet: one kept where
    /// every path set it, through a phi where they differ (boxed in each
    /// path when their kinds differ). Leaves the builder at the join.
    private func leafJoin(_ paths: [(values: [Int: LeafValue], block: LLVMBasicBlockRef)],
                          boxed: (LeafValue) -> LLVMValueRef) -> [Int: LeafValue] {
        let join = ir.block("leaf.join")
        var common = Set(paths[0].values.keys)
        for path in paths.dropFirst() { common.formIntersection(path.values.keys) }
        enum Merge { case same(LeafValue), number, boolean, boxed }
        var merges: [Int: Merge] = [:]
        for r in common {
            let first = paths[0].values[r]!
            func identical(_ v: LeafValue) -> Bool {
                switch (first, v) {
                case (.number(let a), .number(let b)), (.boxed(let a), .boxed(let b)), (.boolean(let a), .boolean(let b)): return a == b
                case (.newObject, .newObject): return true
                default: return false
                }
            }
            if paths.allSatisfy({ identical($0.values[r]!) }) {
                merges[r] = .same(first)
            } else if paths.allSatisfy({ if case .number = $0.values[r]! { return true } else { return false } }) {
                merges[r] = .number
            } else if paths.allSatisfy({ if case .boolean = $0.values[r]! { return true } else { return false } }) {
                merges[r] = .boolean
            } else if paths.allSatisfy({ if case .newObject = $0.values[r]! { return false } else { return true } }) {
                merges[r] = .boxed
            }
        }
        var incoming: [Int: [(LLVMValueRef, LLVMBasicBlockRef)]] = [:]
        for path in paths {
            ir.position(at: path.block)
            for (r, merge) in merges {
                switch (merge, path.values[r]!) {
                case (.number, .number(let v)), (.boolean, .boolean(let v)): incoming[r, default: []].append((v, path.block))
                case (.boxed, let v): incoming[r, default: []].append((boxed(v), path.block))
                default: break
                }
            }
            ir.br(join)
        }
        ir.position(at: join)
        var values: [Int: LeafValue] = [:]
        for (r, merge) in merges {
            switch merge {
            case .same(let v): values[r] = v
            case .number: values[r] = .number(ir.phi(ir.f64, incoming[r]!))
            case .boolean: values[r] = .boolean(ir.phi(ir.i1, incoming[r]!))
            case .boxed: values[r] = .boxed(ir.phi(ir.i64, incoming[r]!))
            }
        }
        return values
    }

    /// The CodeBlock every callee of `i`'s site ran, when the call can be
    /// compiled for it (DirectCall.canTarget): the site then compiles
    /// inline with the block's facts as constants (`inlineTargetedCalls`).
    private func callTarget(_ i: Instruction, construct: Bool) -> CodeBlock? {
        let site = i.register(3)
        guard site < feedback.callTargets.count, let target = feedback.callTargets[site],
              DirectCall.canTarget(target, construct: construct) else { return nil }
        return target
    }

    /// The shared out-of-line direct call (DirectCalls.swift), declared on first use.
    private func directCallHelper(construct: Bool) -> LLVMValueRef {
        if let helper = directCallHelpers[construct] { return helper }
        let helper = DirectCallEmitter.declare(ir.module, DirectCallEmitter.stubSymbol(construct: construct),
                                               DirectCallEmitter.stubType(ir.context))
        directCallHelpers[construct] = helper
        return helper
    }


    static func isBitwise(_ op: Opcode) -> Bool {
        op == .bitAnd || op == .bitOr || op == .bitXor || op == .shl || op == .shr || op == .ushr
    }

    /// The int32 and double predicates of a comparison (or compare-and-jump).
    private func predicates(_ op: Opcode) -> (LLVMIntPredicate, LLVMRealPredicate) {
        switch op {
        case .lt, .jumpIfNotLess, .jumpIfNotLessImm: return (LLVMIntSLT, LLVMRealOLT)
        case .le, .jumpIfNotLessEqual, .jumpIfNotLessEqualImm: return (LLVMIntSLE, LLVMRealOLE)
        case .gt, .jumpIfNotGreater, .jumpIfNotGreaterImm: return (LLVMIntSGT, LLVMRealOGT)
        default: return (LLVMIntSGE, LLVMRealOGE)
        }
    }

    /// A comparison with a typed operand, or nil when both are boxed (or
    /// one is and its site saw more than numbers). A boxed operand beside a
    /// typed one is unboxed with a guard rather than the typed one boxed: a
    /// loop's double counter compared with a boxed bound was boxed (checked
    /// for an int32 value, for NaN) on every trip.
    private func typedCompare(_ i: Instruction, _ x: Operand, _ y: Operand, site: Int) -> LLVMValueRef? {
        func kind(_ o: Operand) -> RegisterKind {
            if case .register(let r) = o { return readKinds[r] }
            return .int32
        }
        let (kx, ky) = (kind(x), kind(y))
        if kx == .boxed && ky == .boxed { return nil }
        let (intPredicate, realPredicate) = predicates(i.opcode)
        if kx != .boxed && ky != .boxed {
            // Typed operands need no guard: the conversions below cannot fail.
            if kx == .int32 && ky == .int32 { return ir.icmp(intPredicate, intOperand(x, i), intOperand(y, i)) }
            return ir.fcmp(realPredicate, doubleOperand(x, i), doubleOperand(y, i))
        }
        let seen = speculation(site: site)
        guard seen.numbers else { return nil }
        // One boxed side: int32 beside an int32 when the site saw only those.
        if seen.intsOnly && kx != .double && ky != .double { return ir.icmp(intPredicate, intOperand(x, i), intOperand(y, i)) }
        return ir.fcmp(realPredicate, doubleOperand(x, i), doubleOperand(y, i))
    }

    // MARK: Numbers

    /// What the interpreter saw at an arithmetic site: speculate on numbers
    /// (deopt otherwise) or keep a runtime path.
    private func speculation(site: Int) -> (numbers: Bool, intsOnly: Bool) {
        let seen = site < feedback.arithmetic.count ? feedback.arithmetic[site] & ~ArithmeticSite.integralDouble : 0
        if seen == 0 { return feedback.deoptStress ? (true, true) : (false, false) }
        return (seen & ~3 == 0, seen == 1)
    }

    private func bothInt32(_ x: LLVMValueRef, _ y: LLVMValueRef) -> LLVMValueRef {
        ir.isInt32(ir.and(x, y))  // both tags are all ones only if each is
    }

    /// The boxed result of `x op y` with the interpreter's exact representation choices.
    private func arithmetic(_ i: Instruction, _ op: Opcode, _ x: LLVMValueRef, _ y: LLVMValueRef, site: Int) -> LLVMValueRef {
        let (numbers, intsOnly) = speculation(site: site)
        var j = join()
        let hasIntPath = op != .div
        if hasIntPath {
            branch(bothInt32(x, y), "int") {
                intArithmetic(op, ir.int32Payload(x), ir.int32Payload(y), into: &j)
            }
        }
        let hasDoublePath = op == .add || op == .sub || op == .mul || op == .div || op == .mod
        if hasDoublePath && !intsOnly {
            branch(ir.and(ir.isNumber(x), ir.isNumber(y)), "double") {
                let a = ir.numberPayload(x), b = ir.numberPayload(y)
                let result: LLVMValueRef
                switch op {
                case .add: result = ir.boxRawDouble(LLVMBuildFAdd(ir.builder, a, b, ""))
                case .sub: result = ir.boxNumber(LLVMBuildFSub(ir.builder, a, b, ""))
                case .mul: result = ir.boxNumber(LLVMBuildFMul(ir.builder, a, b, ""))
                case .div: result = ir.boxNumber(LLVMBuildFDiv(ir.builder, a, b, ""))
                default: result = ir.boxNumber(ir.jsRemainder(a, b))  // mod
                }
                finish(&j, result)
            }
        }
        // Bitwise operators on numbers that are not int32: ToInt32 inline
        // (values too large for it go to the runtime, not a deopt).
        let wrapsInline = Self.isBitwise(op) && !intsOnly
        if wrapsInline {
            branch(ir.and(ir.isNumber(x), ir.isNumber(y)), "toInt32") {
                let (p, pOK) = ir.toInt32(ir.numberPayload(x))
                let (q, qOK) = ir.toInt32(ir.numberPayload(y))
                branch(ir.and(pOK, qOK), "wrapped") { intArithmetic(op, p, q, into: &j) }
            }
        }
        if numbers && !wrapsInline {
            exit(.deopt(intsOnly ? .notInt32 : .notNumber), at: i.offset)
        } else {
            runtime(i)
            finish(&j, output(i.a))
        }
        return close(j, ir.i64)
    }

    /// The int32 path of `p op q`: results into `j`; overflow and the other
    /// cases the interpreter computes in doubles branch off (a select would
    /// compute the costly side, e.g. fmod, on every pass).
    private func intArithmetic(_ op: Opcode, _ p: LLVMValueRef, _ q: LLVMValueRef, into j: inout Join) {
        func wide() -> (LLVMValueRef, LLVMValueRef) {
            (LLVMBuildSIToFP(ir.builder, p, ir.f64, "")!, LLVMBuildSIToFP(ir.builder, q, ir.f64, "")!)
        }
        switch op {
        case .add, .sub:
            let (v, overflow) = ir.overflowing(op == .add ? "sadd" : "ssub", p, q)
            branch(overflow, "overflow") {
                let (dp, dq) = wide()
                finish(&j, ir.boxRawDouble(op == .add ? LLVMBuildFAdd(ir.builder, dp, dq, "")! : LLVMBuildFSub(ir.builder, dp, dq, "")!))
            }
            finish(&j, ir.boxInt32(v))
        case .mul:
            let (v, overflow) = ir.overflowing("smul", p, q)
            let nonNegative = ir.and(ir.icmp(LLVMIntSGE, p, ir.int32(0)), ir.icmp(LLVMIntSGE, q, ir.int32(0)))
            let exact = ir.and(ir.xor(overflow, ir.trueValue), ir.or(ir.icmp(LLVMIntNE, v, ir.int32(0)), nonNegative))
            branch(exact, "exact") { finish(&j, ir.boxInt32(v)) }
            let (dp, dq) = wide()
            finish(&j, ir.boxNumber(LLVMBuildFMul(ir.builder, dp, dq, "")!))
        case .mod:
            // Only x >= 0, y > 0 stays int (the sign of zero and of the result follow x).
            let simple = ir.and(ir.icmp(LLVMIntSGE, p, ir.int32(0)), ir.icmp(LLVMIntSGT, q, ir.int32(0)))
            branch(simple, "simple") { finish(&j, ir.boxInt32(LLVMBuildSRem(ir.builder, p, q, "")!)) }
            let (dp, dq) = wide()
            finish(&j, ir.boxNumber(LLVMBuildFRem(ir.builder, dp, dq, "")!))
        case .bitAnd: finish(&j, ir.boxInt32(ir.and(p, q)))
        case .bitOr: finish(&j, ir.boxInt32(ir.or(p, q)))
        case .bitXor: finish(&j, ir.boxInt32(ir.xor(p, q)))
        case .shl: finish(&j, ir.boxInt32(LLVMBuildShl(ir.builder, p, ir.and(q, ir.int32(31)), "")!))
        case .shr: finish(&j, ir.boxInt32(LLVMBuildAShr(ir.builder, p, ir.and(q, ir.int32(31)), "")!))
        default:  // ushr: a uint32, int32 when it fits
            let shifted = LLVMBuildLShr(ir.builder, p, ir.and(q, ir.int32(31)), "")!
            branch(ir.icmp(LLVMIntSGE, shifted, ir.int32(0)), "fits") { finish(&j, ir.boxInt32(shifted)) }
            finish(&j, ir.boxRawDouble(LLVMBuildUIToFP(ir.builder, shifted, ir.f64, "")!))
        }
    }

    private func emitIncrement(_ i: Instruction) {
        let x = get(i.register(1))
        let delta: Int32 = i.opcode == .inc ? 1 : -1
        var j = join()
        branch(ir.isInt32(x), "int") { intArithmetic(.add, ir.int32Payload(x), ir.int32(delta), into: &j) }
        branch(ir.isNumber(x), "double") {
            finish(&j, ir.boxNumber(LLVMBuildFAdd(ir.builder, ir.doublePayload(x), ir.double(Double(delta)), "")!))
        }
        runtime(i)
        finish(&j, output(i.a))
        set(i.a, close(j, ir.i64))
    }

    private func emitNegate(_ i: Instruction) {
        let x = get(i.register(1))
        var j = join()
        let p = ir.int32Payload(x)
        let simple = ir.and(ir.isInt32(x), ir.and(ir.icmp(LLVMIntNE, p, ir.int32(0)), ir.icmp(LLVMIntNE, p, ir.int32(.min))))
        branch(simple, "int") { finish(&j, ir.boxInt32(ir.sub(ir.int32(0), p))) }
        branch(ir.isNumber(x), "double") { finish(&j, ir.boxNumber(LLVMBuildFNeg(ir.builder, ir.numberPayload(x), "")!)) }
        runtime(i)
        finish(&j, output(i.a))
        set(i.a, close(j, ir.i64))
    }

    /// `x <op> y` as an i1; `valueResult` says the instruction writes a boolean
    /// register (the runtime path leaves it there) rather than jumping.
    private func compare(_ i: Instruction, _ op: Opcode, _ x: LLVMValueRef, _ y: LLVMValueRef, site: Int, valueResult: Bool) -> LLVMValueRef {
        let (numbers, intsOnly) = speculation(site: site)
        let (intPredicate, realPredicate) = predicates(op)
        var j = join()
        branch(bothInt32(x, y), "int") { finish(&j, ir.icmp(intPredicate, ir.int32Payload(x), ir.int32Payload(y))) }
        if !intsOnly {
            branch(ir.and(ir.isNumber(x), ir.isNumber(y)), "double") {
                finish(&j, ir.fcmp(realPredicate, ir.numberPayload(x), ir.numberPayload(y)))
            }
        }
        if numbers {
            exit(.deopt(intsOnly ? .notInt32 : .notNumber), at: i.offset)
        } else {
            let condition = runtime(i)
            finish(&j, valueResult ? ir.icmp(LLVMIntEQ, output(i.a), ir.int64(NativeABI.trueBits)) : ir.icmp(LLVMIntNE, condition, ir.int32(0)))
        }
        return close(j, ir.i1)
    }

    /// `x === y` as an i1: equal bits (but not NaN), equal numbers, or strings
    /// compared by the runtime.
    private func strictEqual(_ i: Instruction, _ x: LLVMValueRef, _ y: LLVMValueRef) -> LLVMValueRef {
        var j = join()
        branch(ir.icmp(LLVMIntEQ, x, y), "same") { finish(&j, ir.icmp(LLVMIntNE, x, ir.int64(NativeABI.canonicalNaNBits))) }
        // Two int32s with different bits differ: only a double on either
        // side needs the comparison as doubles (`perm[0] !== 0` converted
        // and compared every int it saw).
        let numbers = ir.and(ir.and(ir.isNumber(x), ir.isNumber(y)), ir.xor(bothInt32(x, y), ir.trueValue))
        branch(numbers, "numbers") {
            finish(&j, ir.fcmp(LLVMRealOEQ, ir.numberPayload(x), ir.numberPayload(y)))
        }
        branch(ir.and(ir.isCell(x), ir.isCell(y)), "cells") {
            let bothStrings = ir.and(isString(x), isString(y))
            branch(bothStrings, "strings") {
                // Different bits: unequal if the lengths differ or both are
                // atoms (one atom per contents); else compare in the runtime.
                let p = ir.pointer(x), q = ir.pointer(y)
                let lengthsDiffer = ir.icmp(LLVMIntNE, ir.load(ir.i32, p, NativeABI.cellAuxOffset, .header),
                                            ir.load(ir.i32, q, NativeABI.cellAuxOffset, .header))
                func isAtom(_ cell: LLVMValueRef) -> LLVMValueRef {
                    ir.and(ir.icmp(LLVMIntEQ, ir.load(ir.i8, cell, 0, .header), ir.int8(NativeABI.kindString)),
                           ir.icmp(LLVMIntNE, ir.and(ir.load(ir.i8, cell, NativeABI.cellFlagsOffset, .header), ir.int8(NativeABI.stringAtomFlag)), ir.int8(0)))
                }
                branch(ir.or(lengthsDiffer, ir.and(isAtom(p), isAtom(q))), "distinct") { finish(&j, ir.falseValue) }
                let condition: LLVMValueRef
                if i.opcode == .strictEq || i.opcode == .strictNe {
                    runtime(i)
                    let result = output(i.a)
                    condition = ir.icmp(LLVMIntEQ, result, ir.int64(i.opcode == .strictEq ? NativeABI.trueBits : NativeABI.falseBits))
                } else {
                    condition = ir.icmp(LLVMIntNE, runtime(i), ir.int32(0))
                }
                finish(&j, condition)
            }
            finish(&j, ir.falseValue)
        }
        finish(&j, ir.falseValue)
        return close(j, ir.i1)
    }

    private func isString(_ v: LLVMValueRef) -> LLVMValueRef {
        let kind = ir.load(ir.i8, ir.pointer(v), 0, .header)
        return ir.or(ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.kindString)), ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.kindRope)))
    }

    private func emitLooseEquality(_ i: Instruction) {
        let x = get(i.register(1)), y = get(i.register(2))
        var j = join()
        branch(ir.and(ir.isNumber(x), ir.isNumber(y)), "numbers") {
            finish(&j, ir.fcmp(LLVMRealOEQ, ir.numberPayload(x), ir.numberPayload(y)))
        }
        // Only null and undefined are == to null or undefined.
        let nullishX = ir.isNullish(x)
        let nullishY = ir.isNullish(y)
        branch(ir.or(nullishX, nullishY), "nullish") { finish(&j, ir.and(nullishX, nullishY)) }
        runtime(i)
        finish(&j, ir.icmp(LLVMIntEQ, output(i.a), ir.int64(i.opcode == .eq ? NativeABI.trueBits : NativeABI.falseBits)))
        let equal = close(j, ir.i1)
        set(i.a, ir.boxBool(i.opcode == .eq ? equal : ir.xor(equal, ir.trueValue)))
    }

    /// ToBoolean, inline for every kind of value.
    private func truthy(_ v: LLVMValueRef) -> LLVMValueRef {
        var j = join()
        branch(ir.icmp(LLVMIntEQ, v, ir.int64(NativeABI.trueBits)), "true") { finish(&j, ir.trueValue) }
        branch(ir.icmp(LLVMIntULE, v, ir.int64(NativeABI.undefinedBits)), "falsy") { finish(&j, ir.falseValue) }
        branch(ir.isInt32(v), "int") { finish(&j, ir.icmp(LLVMIntNE, ir.int32Payload(v), ir.int32(0))) }
        branch(ir.isNumber(v), "double") { finish(&j, ir.fcmp(LLVMRealONE, ir.doublePayload(v), ir.double(0))) }
        // A cell: strings by length, everything else true.
        let aux = ir.load(ir.i32, ir.pointer(v), NativeABI.cellAuxOffset)
        finish(&j, ir.or(ir.xor(isString(v), ir.trueValue), ir.icmp(LLVMIntNE, aux, ir.int32(0))))
        return close(j, ir.i1)
    }

    // MARK: Properties

    /// The first entry of property cache `site`.
    private func cacheEntry(site: Int, entry: Int, of instanceData: LLVMValueRef? = nil) -> LLVMValueRef {
        let caches = ir.load(ir.i8Pointer, instanceData ?? data, NativeABI.dataCachesOffset, .runtime)
        let offset = (site * NativeABI.cacheEntriesPerSite + entry) * NativeABI.cacheEntryStride
        var index: [LLVMValueRef?] = [ir.int64(UInt64(offset))]
        return LLVMBuildGEP2(ir.builder, ir.i8, caches, &index, 1, "")!
    }

    /// The cache kinds seen at a site (bit per CacheKind; 0x80: out-of-line
    /// slots), or every kind when nothing was seen yet.
    private func kindsSeen(site: Int) -> UInt8 {
        let seen = site < feedback.propertyKinds.count ? feedback.propertyKinds[site] : 0
        return seen == 0 ? 0xFF : seen
    }
    private func seen(_ kind: UInt8, site: Int) -> Bool { kindsSeen(site: site) & (1 << kind) != 0 }

    /// A property cache's state when the snapshot was taken (0 if none).
    private func propertyState(site: Int) -> UInt8 {
        site < feedback.propertyStates.count ? feedback.propertyStates[site] : 0
    }

    /// Cache entries worth checking inline at a site.
    private func inlineEntries(site: Int) -> Int {
        let state = Int(propertyState(site: site))
        return state > 4 ? 0 : max(1, state)
    }

    /// A property slot by the offset encoding of Shape.slotOffset: inline
    /// slots at positive byte offsets, out-of-line ones as -(index + 1).
    private func slotAddress(_ object: LLVMValueRef, _ offset: LLVMValueRef, outOfLine: Bool = true) -> LLVMValueRef {
        if !outOfLine { return ir.address(object, ir.sext(offset, ir.i64), ir.i64) }
        // Selects, not a branch: one block per access instead of three
        // (LLVM's time goes by blocks and instructions). The slots pointer
        // is a header word every object has, so loading it is always safe.
        let inline = ir.icmp(LLVMIntSGT, offset, ir.int32(0)), wide = ir.sext(offset, ir.i64)
        let outOfLineSlots = ir.load(ir.i8Pointer, object, NativeABI.slotsOffset, .header)
        let outOfLineIndex = ir.mul(ir.sub(ir.int64(0), ir.add(wide, ir.int64(1))), ir.int64(8))
        return ir.address(ir.select(inline, object, outOfLineSlots), ir.select(inline, wide, outOfLineIndex), ir.i64)
    }

    /// The same for an offset known when compiling (FeedbackSnapshot.propertyConstants).
    private func slotAddress(_ object: LLVMValueRef, constant offset: Int32) -> LLVMValueRef {
        if offset > 0 { return ir.address(object, Int(offset), ir.i64) }
        return ir.address(ir.load(ir.i8Pointer, object, NativeABI.slotsOffset, .header), 8 * Int(-offset - 1), ir.i64)
    }

    /// Runs `body` with the object's cell pointer when `v` is an object.
    private func withObject(_ v: LLVMValueRef, _ body: (LLVMValueRef) -> Void) {
        branch(ir.isCell(v), "cell") {
            let p = ir.pointer(v)
            branch(ir.icmp(LLVMIntUGE, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.firstObjectKind)), "object") { body(p) }
        }
    }

    /// Global variables: the cache entry's shape against the global object's.
    private func emitGlobal(_ i: Instruction) {
        let global = ir.pointer(ir.load(ir.i64, state, NativeABI.stateGlobalObjectOffset, .runtime))
        let e = cacheEntry(site: i.register(2), entry: 0)
        let shapeOK = ir.icmp(LLVMIntEQ, ir.load(ir.i64, global, NativeABI.shapeOffset, .header), ir.load(ir.i64, e, NativeABI.cacheShapeOffset, .runtime))
        let own = ir.icmp(LLVMIntEQ, ir.load(ir.i8, e, NativeABI.cacheKindOffset, .runtime), ir.int8(NativeABI.cacheKindOwn))
        branch(ir.and(shapeOK, own), "cached") {
            let slot = slotAddress(global, ir.load(ir.i32, e, NativeABI.cacheSlotOffset, .runtime))
            if i.opcode == .getGlobal || i.opcode == .getGlobalOrUndefined {
                set(i.a, ir.load(ir.i64, slot, .slots))
            } else {
                ir.store(get(i.a), slot, .slots)
            }
            ir.br(edge(i.next))
        }
        // Global caches keep no entry count: a filled entry is what was seen.
        let seen = kindsSeen(site: i.register(2))
        if (i.opcode == .getGlobal || i.opcode == .getGlobalOrUndefined) && seen & ~(1 << NativeABI.cacheKindOwn | 0x80) == 0 {
            missLeaves(i)
        } else {
            runtime(i)
        }
    }

    /// For an object: each inline-checked cache entry of `site` whose shape
    /// matches, with the entry, its kind, its slot offset, whether that slot
    /// is where this code may reach it (inline-only sites), and the address of
    /// that slot in a given holder.
    private func withCacheEntries(_ o: LLVMValueRef, site: Int,
                                  _ body: (_ object: LLVMValueRef, _ entry: LLVMValueRef, _ kind: LLVMValueRef,
                                           _ offset: LLVMValueRef, _ placed: LLVMValueRef,
                                           _ slot: (_ holder: LLVMValueRef) -> LLVMValueRef) -> Void) {
        let outOfLine = kindsSeen(site: site) & 0x80 != 0
        let entries = inlineEntries(site: site)
        guard entries > 0 else { return }
        withObject(o) { p in
            let shape = ir.load(ir.i64, p, NativeABI.shapeOffset, .header)
            // The entry whose shape matches, then one body for it: the code
            // for the kinds is not repeated per entry of a polymorphic site.
            let matched = ir.block("shape"), none = ir.block("shape.else")
            var incoming: [(LLVMValueRef, LLVMBasicBlockRef)] = []
            for entry in 0..<entries {
                let e = cacheEntry(site: site, entry: entry)
                let next = entry + 1 < entries ? ir.block("shape.next") : none
                incoming.append((e, ir.currentBlock))
                ir.condBr(ir.icmp(LLVMIntEQ, shape, ir.load(ir.i64, e, NativeABI.cacheShapeOffset, .runtime)), matched, next)
                ir.position(at: next)
            }
            ir.position(at: matched)
            let e = entries == 1 ? incoming[0].0 : ir.phi(ir.i8Pointer, incoming)
            let kind = ir.load(ir.i8, e, NativeABI.cacheKindOffset, .runtime)
            let offset = ir.load(ir.i32, e, NativeABI.cacheSlotOffset, .runtime)
            // Slots seen only inline: an out-of-line one now is a miss.
            body(p, e, kind, offset, outOfLine ? ir.trueValue : ir.icmp(LLVMIntSGT, offset, ir.int32(0))) { holder in
                slotAddress(holder, offset, outOfLine: outOfLine)
            }
            if LLVMGetBasicBlockTerminator(ir.currentBlock) == nil { ir.br(none) }
            ir.position(at: none)
        }
    }

    /// The entry's prototype is still the object's and no prototype changed shape since.
    private func prototypeUnchanged(_ object: LLVMValueRef, _ entry: LLVMValueRef) -> LLVMValueRef {
        let epochOK = ir.icmp(LLVMIntEQ, ir.load(ir.i32, entry, NativeABI.cacheEpochOffset, .runtime),
                              ir.load(ir.i32, state, NativeABI.stateProtoEpochOffset, .runtime))
        let protoOK = ir.icmp(LLVMIntEQ, ir.load(ir.i64, object, NativeABI.protoOffset, .header), ir.load(ir.i64, entry, NativeABI.cacheProtoOffset, .runtime))
        return ir.and(epochOK, protoOK)
    }

    // MARK: Slots at compiled-in offsets

    /// After instruction `i`: what `checkedShapes` keeps (see there). The
    /// code for `i` is its block `first` and the blocks made since `lastBlock`.
    private func forgetShapes(after i: Instruction, emittedFrom first: LLVMBasicBlockRef, lastBlock: LLVMBasicBlockRef?) {
        defer { shapeCheckedHere = nil }
        if callsOut(from: first, after: lastBlock) {
            checkedShapes.removeAll()
            copiedFrom.removeAll()
            return
        }
        let written = RegisterTypes.possibleWrites(i)
        for r in written {
            checkedShapes[r] = nil
            copiedFrom[r] = nil
        }
        copiedFrom = copiedFrom.filter { !written.contains($0.value) }
        // A copy holds the same object (the bytecode copies `this` and a
        // call's receiver into place before using them): a check of either
        // tells about both.
        if i.opcode == .mov && i.a != i.register(1) {
            copiedFrom[i.a] = i.register(1)
            checkedShapes[i.a] = checkedShapes[i.register(1)]
        }
        if let check = shapeCheckedHere, !written.contains(check.register) {
            checkedShapes[check.register] = check.shapeClass
            if let source = copiedFrom[check.register] { checkedShapes[source] = check.shapeClass }
        }
    }

    /// Whether the blocks hold a call of anything but an LLVM intrinsic.
    private func callsOut(from first: LLVMBasicBlockRef, after lastBlock: LLVMBasicBlockRef?) -> Bool {
        var block: LLVMBasicBlockRef? = first
        var rest = lastBlock.flatMap { LLVMGetNextBasicBlock($0) }
        while let current = block {
            var instruction = LLVMGetFirstInstruction(current)
            while let value = instruction {
                if LLVMIsACallInst(value) != nil {
                    var length = 0
                    let name = LLVMGetCalledValue(value).flatMap { LLVMGetValueName2($0, &length) }
                    if !(name.map { String(cString: $0).hasPrefix("llvm.") } ?? false) { return true }
                }
                instruction = LLVMGetNextInstruction(value)
            }
            block = rest
            rest = rest.flatMap { LLVMGetNextBasicBlock($0) }
        }
        return false
    }

    /// Where a named access at `site` on register `r` finds its slot at an
    /// offset compiled in (FeedbackSnapshot.propertyPlaces), or nil.
    private func constantPlace(_ r: Int, site: Int) -> (place: PropertyPlace, offset: Int32)? {
        guard site < feedback.propertyPlaces.count, readKinds[r] == .boxed,
              let place = PropertyPlace(rawValue: feedback.propertyPlaces[site]), place != .none else { return nil }
        return (place, feedback.propertyConstants[site * FeedbackSnapshot.tableWords])
    }

    /// Word `word` of `site`'s entry in the function's shape table.
    private func tableWord(site: Int, _ word: Int) -> LLVMValueRef {
        let table = ir.load(ir.i8Pointer, data, NativeABI.dataShapeTableOffset, .runtime)
        return ir.load(ir.i64, table, 8 * (site * FeedbackSnapshot.tableWords + word), .runtime)
    }

    /// A named access at a site with its offset compiled in: `body` gets the
    /// slot's address and ends its block. Returns false when nothing needed
    /// checking (the object in `r` is known to have the site's shape and
    /// the slot is its own): `body` ran unchecked, its block open for the
    /// next instruction. True when something was checked and the caller
    /// goes on with the miss.
    private func withConstantSlot(_ r: Int, site: Int, _ place: (place: PropertyPlace, offset: Int32), next: Int,
                                  _ body: (LLVMValueRef) -> Void) -> Bool {
        let shapeClass = feedback.propertyShapeClasses[site]
        let o = get(r)
        fixedSlotAccesses += 1
        func reached(_ slot: LLVMValueRef) {
            body(slot)
            ir.br(edge(next))
        }
        if place.place == .ownOfSeveralShapes {
            // Each shape seen, its own offset; what the object is stays unknown.
            withObject(o) { p in
                let shape = ir.load(ir.i64, p, NativeABI.shapeOffset, .header)
                for j in 0..<FeedbackSnapshot.tableWords {
                    let offset = feedback.propertyConstants[site * FeedbackSnapshot.tableWords + j]
                    if offset == 0 { break }
                    branch(ir.icmp(LLVMIntEQ, shape, tableWord(site: site, j)), "shape\(j)") { reached(slotAddress(p, constant: offset)) }
                }
            }
            return true
        }
        // Known shapes serve own slots only: an inline transition since the
        // check (through another register holding the same object) may have
        // given the object an own property that hides the prototype's.
        if checkedShapes[r] == shapeClass && place.place == .own {
            uncheckedSlotAccesses += 1
            body(slotAddress(ir.pointer(o), constant: place.offset))
            return false
        }
        // The holder of a prototype's slot: the object's prototype while
        // that is the table's, with the table's shape. (The table's word is
        // compared, not read through: the prototype is read from the object,
        // which keeps it alive.)
        func reachHolder(from object: LLVMValueRef) {
            guard place.place == .prototype else { return reached(slotAddress(object, constant: place.offset)) }
            let proto = ir.load(ir.i64, object, NativeABI.protoOffset, .header)
            branch(ir.icmp(LLVMIntEQ, proto, tableWord(site: site, 1)), "prototype") {
                let holder = ir.pointer(proto)
                let holderShape = ir.load(ir.i64, holder, NativeABI.shapeOffset, .header)
                branch(ir.icmp(LLVMIntEQ, holderShape, tableWord(site: site, 2)), "holder") {
                    reached(slotAddress(holder, constant: place.offset))
                }
            }
        }
        withObject(o) { p in
            branch(ir.icmp(LLVMIntEQ, ir.load(ir.i64, p, NativeABI.shapeOffset, .header), tableWord(site: site, 0)), "constant") {
                reachHolder(from: p)
            }
        }
        shapeCheckedHere = (r, shapeClass)
        return true
    }

    /// A miss at a site with its offset compiled in (a shape it never saw)
    /// leaves, in loops or not, while misses may: a call of the runtime
    /// that came back would leave nothing known about any object after it,
    /// and the small methods that such sites fill (`this.x - v.x`, ...)
    /// would check every access. Code thrown away for misses is
    /// recompiled with calls (FeedbackSnapshot.propertyMissesLeave).
    private func constantMiss(_ i: Instruction) {
        if feedback.propertyMissesLeave { exit(.deopt(.propertyMiss), at: i.offset) } else { runtime(i) }
    }

    private func emitGetNamed(_ i: Instruction) {
        let site = i.register(3)
        if let place = constantPlace(i.register(1), site: site) {
            stressGuard(i)
            if withConstantSlot(i.register(1), site: site, place, next: i.next, { set(i.a, ir.load(ir.i64, $0, .slots)) }) {
                constantMiss(i)
            }
            return
        }
        let o = get(i.register(1))
        let done = edge(i.next)
        stressGuard(i)
        withPrimitiveString(o, i) { set(i.a, $0); ir.br(done) }
        withCacheEntries(o, site: site) { p, e, kind, _, placed, slot in
            if seen(NativeABI.cacheKindOwn, site: site) {
                branch(ir.and(ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.cacheKindOwn)), placed), "own") {
                    set(i.a, ir.load(ir.i64, slot(p), .slots))
                    ir.br(done)
                }
            }
            if seen(NativeABI.cacheKindProto, site: site) {
                let isProto = ir.and(ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.cacheKindProto)), placed)
                branch(ir.and(isProto, prototypeUnchanged(p, e)), "proto") {
                    let holder = ir.pointer(ir.load(ir.i64, e, NativeABI.cacheHolderOffset, .runtime))
                    set(i.a, ir.load(ir.i64, slot(holder), .slots))
                    ir.br(done)
                }
            }
            if seen(NativeABI.cacheKindArrayLength, site: site) {
                let isLength = ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.cacheKindArrayLength))
                let isArray = ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindArray))
                branch(ir.and(isLength, isArray), "length") {
                    let elements = ir.load(ir.i8Pointer, p, NativeABI.elementsOffset, .header)
                    var j = join()
                    branch(ir.icmp(LLVMIntEQ, LLVMBuildPtrToInt(ir.builder, elements, ir.i64, "")!, ir.int64(0)), "none") {
                        finish(&j, ir.int32(0))
                    }
                    finish(&j, ir.load(ir.i32, elements, 4, .elements))
                    let length = close(j, ir.i32)
                    let fits = ir.icmp(LLVMIntSGE, length, ir.int32(0))
                    set(i.a, ir.select(fits, ir.boxInt32(length), ir.boxRawDouble(LLVMBuildUIToFP(ir.builder, length, ir.f64, "")!)))
                    ir.br(done)
                }
            }
        }
        withMegamorphicSlot(o, site: site, name: i.register(2), forStore: false) { slot in
            set(i.a, ir.load(ir.i64, slot, .slots))
            ir.br(done)
        }
        // Method loads (prototype entries) stay with the runtime: their sites
        // meet one class after another, and each new one would be an exit.
        miss(i, site: site, handled: 1 << NativeABI.cacheKindOwn | 1 << NativeABI.cacheKindArrayLength | 0x80)
    }

    /// A string receiver: its `length` from the cell, and a method its site
    /// cached (an entry of shape CacheEntry.primitiveString, valid while no
    /// prototype changed: Operations.stringMethodHit). Property caches hold
    /// neither for the interpreter's object checks, so without these every
    /// `s.length` and `s.charCodeAt` in compiled code called the runtime.
    private static let lengthName = Array("length".utf16)
    private func withPrimitiveString(_ o: LLVMValueRef, _ i: Instruction, _ body: (LLVMValueRef) -> Void) {
        let site = i.register(3), name = i.register(2)
        let isLength = name < block.names.count && block.names[name] == Self.lengthName
        let methods = kindsSeen(site: site) & FeedbackSnapshot.primitiveStringReceiver != 0 ? inlineEntries(site: site) : 0
        guard isLength || methods > 0 else { return }
        branch(ir.isCell(o), "cell") {
            branch(isString(o), "string") {
                if isLength {
                    body(ir.boxInt32(ir.load(ir.i32, ir.pointer(o), NativeABI.cellAuxOffset, .header)))
                    return
                }
                for entry in 0..<methods {
                    let e = cacheEntry(site: site, entry: entry)
                    let isString = ir.icmp(LLVMIntEQ, ir.load(ir.i64, e, NativeABI.cacheShapeOffset, .runtime),
                                           ir.int64(NativeABI.primitiveStringShape))
                    let epochOK = ir.icmp(LLVMIntEQ, ir.load(ir.i32, e, NativeABI.cacheEpochOffset, .runtime),
                                          ir.load(ir.i32, state, NativeABI.stateProtoEpochOffset, .runtime))
                    branch(ir.and(isString, epochOK), "method") {
                        let holder = ir.pointer(ir.load(ir.i64, e, NativeABI.cacheHolderOffset, .runtime))
                        body(ir.load(ir.i64, slotAddress(holder, ir.load(ir.i32, e, NativeABI.cacheSlotOffset, .runtime)), .slots))
                    }
                }
            }
        }
    }

    /// At a megamorphic site: the slot the isolate's megamorphic cache
    /// (MegamorphicCache.swift) holds for this object's shape and the name.
    private func withMegamorphicSlot(_ o: LLVMValueRef, site: Int, name: Int, forStore: Bool, _ body: (LLVMValueRef) -> Void) {
        guard propertyState(site: site) == 5 else { return }
        withObject(o) { p in
            let table = ir.load(ir.i8Pointer, state, NativeABI.stateMegamorphicTableOffset, .runtime)
            branch(ir.icmp(LLVMIntNE, LLVMBuildPtrToInt(ir.builder, table, ir.i64, "")!, ir.int64(0)), "table") {
                let shape = ir.load(ir.i64, p, NativeABI.shapeOffset, .header)
                let names = ir.load(ir.i8Pointer, data, NativeABI.dataNamesOffset, .runtime)
                let key = ir.load(ir.i64, names, 8 * name, .runtime)
                let shifted = { (v: LLVMValueRef, n: UInt64) in LLVMBuildLShr(self.ir.builder, v, self.ir.int64(n), "")! }
                let hash = ir.and(ir.xor(ir.xor(shifted(shape, 4), shifted(key, 4)), shifted(key, 14)),
                                  ir.int64(UInt64(NativeABI.megamorphicCapacity - 1)))
                let entry = ir.address(table, ir.mul(hash, ir.int64(UInt64(NativeABI.megamorphicEntryStride))), ir.i8)
                var match = ir.and(ir.icmp(LLVMIntEQ, ir.load(ir.i64, entry, NativeABI.megamorphicShapeOffset, .runtime), shape),
                                   ir.icmp(LLVMIntEQ, ir.load(ir.i64, entry, NativeABI.megamorphicNameOffset, .runtime), key))
                if forStore {
                    match = ir.and(match, ir.icmp(LLVMIntNE, ir.load(ir.i8, entry, NativeABI.megamorphicWritableOffset, .runtime), ir.int8(0)))
                }
                branch(match, "megamorphic") {
                    body(slotAddress(p, ir.load(ir.i32, entry, NativeABI.megamorphicSlotOffset, .runtime)))
                }
            }
        }
    }

    /// A property access none of the inline-checked entries answered. At a
    /// site whose feedback shows only kinds this code handles, that is new
    /// (a shape never seen here): leave for the interpreter, whose inline
    /// cache learns it, and recompile if it keeps happening. Leaving instead
    /// of calling the runtime keeps the hot path free of calls, so values
    /// stay in machine registers across it. Other sites call the runtime.
    private func miss(_ i: Instruction, site: Int, handled: UInt8) {
        let state = propertyState(site: site)
        let kinds = site < feedback.propertyKinds.count ? feedback.propertyKinds[site] : 0
        if (1...4).contains(state) && kinds & ~handled == 0 { missLeaves(i) } else { runtime(i) }
    }

    /// Leaves on a miss inside a loop, where a call would cost the loop its
    /// values in registers (see FeedbackSnapshot.propertyMissesLeave).
    /// Outside loops a call costs little, and a miss there (often a second
    /// class meeting a method) would cost a recompilation.
    private func missLeaves(_ i: Instruction) {
        if feedback.propertyMissesLeave && inLoop(i) {
            exit(.deopt(.propertyMiss), at: i.offset)
        } else {
            runtime(i)
        }
    }

    private func emitSetNamed(_ i: Instruction) {
        let site = i.register(3)
        if let place = constantPlace(i.a, site: site), place.place != .prototype {
            stressGuard(i)
            let v = get(i.register(2))
            if withConstantSlot(i.a, site: site, place, next: i.next, { ir.store(v, $0, .slots) }) {
                constantMiss(i)
            }
            return
        }
        let o = get(i.a), v = get(i.register(2))
        let done = edge(i.next)
        stressGuard(i)
        withCacheEntries(o, site: site) { p, e, kind, offset, placed, slot in
            if seen(NativeABI.cacheKindOwn, site: site) {
                branch(ir.and(ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.cacheKindOwn)), placed), "own") {
                    ir.store(v, slot(p), .slots)
                    ir.br(done)
                }
            }
            guard seen(NativeABI.cacheKindTransition, site: site) else { return }
            // A transition into an inline slot (out-of-line ones may need to grow: the runtime does those).
            let isTransition = ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.cacheKindTransition))
            let inlineSlot = ir.icmp(LLVMIntSGT, offset, ir.int32(0))
            branch(ir.and(ir.and(isTransition, inlineSlot), prototypeUnchanged(p, e)), "transition") {
                ir.store(ir.load(ir.i64, e, NativeABI.cacheNewShapeOffset, .runtime), p, NativeABI.shapeOffset, .header)
                ir.store(v, p, ir.sext(offset, ir.i64), .slots)
                ir.br(done)
            }
        }
        if i.opcode == .setNamed {
            withMegamorphicSlot(o, site: site, name: i.register(1), forStore: true) { slot in
                ir.store(v, slot, .slots)
                ir.br(done)
            }
        }
        miss(i, site: site, handled: 1 << NativeABI.cacheKindOwn | 1 << NativeABI.cacheKindTransition | (seen(NativeABI.cacheKindTransition, site: site) ? 0 : 0x80))
    }

    /// The element slot for `o[k]` when `o` is an array-like object with `k`
    /// inside its length and capacity; `body` gets (cell, element address).
    /// Register `r` as an element index: (index, whether it is one, i.e. an
    /// int32 >= 0, or a double equal to one). A typed register is used as it
    /// is: a double key is not boxed only to be unboxed again.
    private func elementKey(_ r: Int) -> (index: LLVMValueRef, isIndex: LLVMValueRef) {
        switch readKinds[r] {
        case .int32:
            let index = loadInt(r)
            return (index, ir.icmp(LLVMIntSGE, index, ir.int32(0)))
        case .double:
            let d = loadDouble(r)
            let index = LLVMBuildFreeze(ir.builder, LLVMBuildFPToSI(ir.builder, d, ir.i32, "")!, "")!
            let exact = ir.fcmp(LLVMRealOEQ, LLVMBuildSIToFP(ir.builder, index, ir.f64, "")!, d)
            return (index, ir.and(exact, ir.icmp(LLVMIntSGE, index, ir.int32(0))))
        case .boxed:
            let k = get(r), index = ir.int32Payload(k)
            return (index, ir.and(ir.isInt32(k), ir.icmp(LLVMIntSGE, index, ir.int32(0))))
        }
    }

    private func withElement(_ o: LLVMValueRef, _ key: (index: LLVMValueRef, isIndex: LLVMValueRef), forWrite: Bool,
                             _ body: (LLVMValueRef, LLVMValueRef) -> Void) {
        let index = key.index
        branch(ir.and(ir.isCell(o), key.isIndex), "indexed") {
            let p = ir.pointer(o)
            let kind = ir.load(ir.i8, p, 0, .header)
            var plain = ir.or(ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.kindArray)), ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.kindObject)))
            if forWrite {
                let flags = ir.load(ir.i8, p, NativeABI.cellFlagsOffset, .header)
                plain = ir.and(plain, ir.icmp(LLVMIntEQ, ir.and(flags, ir.int8(NativeABI.elementWriteBlockers)), ir.int8(0)))
            } else {
                plain = ir.or(plain, ir.icmp(LLVMIntEQ, kind, ir.int8(NativeABI.kindArguments)))
            }
            branch(plain, "plain") {
                let elements = ir.load(ir.i8Pointer, p, NativeABI.elementsOffset, .header)
                branch(ir.icmp(LLVMIntNE, LLVMBuildPtrToInt(ir.builder, elements, ir.i64, "")!, ir.int64(0)), "storage") {
                    let capacity = ir.load(ir.i32, elements, 0, .elements), length = ir.load(ir.i32, elements, 4, .elements)
                    let inside = ir.and(ir.icmp(LLVMIntULT, index, length), ir.icmp(LLVMIntULT, index, capacity))
                    branch(inside, "inside") {
                        let offset = ir.add(ir.mul(ir.zext(index, ir.i64), ir.int64(8)), ir.int64(UInt64(NativeABI.elementsHeader)))
                        body(p, ir.address(elements, offset, ir.i64))
                    }
                }
            }
        }
    }

    /// The iterator record of `for-of`, spread or destructuring over an array
    /// that iterates as arrays do (JITState.arrayIteration, checked as the
    /// runtime checks it): the array and index 0, no iterator object.
    /// Anything else, or before the runtime's first check filled the
    /// state, goes to the runtime.
    private func emitGetIterator(_ i: Instruction) {
        let x = get(i.register(1))
        branch(ir.isCell(x), "cell") {
            let p = ir.pointer(x)
            func field(_ type: LLVMTypeRef, _ offset: Int) -> LLVMValueRef { ir.load(type, state, offset, .runtime) }
            let isArray = ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindArray))
            let plain = ir.and(ir.icmp(LLVMIntEQ, ir.load(ir.i64, p, NativeABI.protoOffset, .header), field(ir.i64, NativeABI.iterationArrayPrototypeOffset)),
                               ir.icmp(LLVMIntEQ, ir.load(ir.i64, p, NativeABI.shapeOffset, .header), field(ir.i64, NativeABI.iterationPlainArrayShapeOffset)))
            branch(ir.and(isArray, plain), "array") {
                // Both methods where they were found, and still the originals.
                func original(_ holder: Int, _ shape: Int, _ offset: Int, _ function: Int) -> LLVMValueRef {
                    let h = ir.pointer(field(ir.i64, holder))
                    let shapeOK = ir.icmp(LLVMIntEQ, ir.load(ir.i64, h, NativeABI.shapeOffset, .header), field(ir.i64, shape))
                    var j = join()
                    branch(shapeOK, "shape") {
                        finish(&j, ir.icmp(LLVMIntEQ, ir.load(ir.i64, slotAddress(h, field(ir.i32, offset)), .slots), field(ir.i64, function)))
                    }
                    finish(&j, ir.falseValue)
                    return close(j, ir.i1)
                }
                let values = original(NativeABI.iterationArrayPrototypeOffset, NativeABI.iterationArrayPrototypeShapeOffset,
                                      NativeABI.iterationValuesOffsetOffset, NativeABI.iterationValuesFunctionOffset)
                branch(values, "values") {
                    let next = original(NativeABI.iterationIteratorPrototypeOffset, NativeABI.iterationIteratorPrototypeShapeOffset,
                                        NativeABI.iterationNextOffsetOffset, NativeABI.iterationNextFunctionOffset)
                    branch(next, "pristine") {
                        set(i.a, x)
                        set(i.a + 1, ir.boxInt32(ir.int32(0)))
                        ir.br(edge(i.next))
                    }
                }
            }
        }
        runtime(i)
    }

    /// A step of `for-of`. Over an array the iterator record holds the array
    /// and an int32 index (Operations.getIterator), and the step is done
    /// here as in the interpreter: the next element, or past the end the
    /// record marked done and the loop left. A hole and any other iterator
    /// go to the runtime.
    private func emitIteratorNext(_ i: Instruction) {
        stressGuard(i)
        let record = i.register(1)
        let iterable = get(record), state = get(record + 1)
        let slow = ir.block("iterator.runtime"), done = ir.block("iterator.done")
        let cell = ir.block("iterator.cell"), array = ir.block("iterator.array")
        let storage = ir.block("iterator.storage"), inside = ir.block("iterator.inside"), element = ir.block("iterator.element")
        ir.condBr(ir.and(ir.isInt32(state), ir.isCell(iterable)), cell, slow)
        ir.position(at: cell)
        let p = ir.pointer(iterable)
        ir.condBr(ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindArray)), array, slow)
        ir.position(at: array)
        // An array without element storage is empty.
        let elements = ir.load(ir.i8Pointer, p, NativeABI.elementsOffset, .header)
        ir.condBr(ir.icmp(LLVMIntNE, LLVMBuildPtrToInt(ir.builder, elements, ir.i64, "")!, ir.int64(0)), storage, done)
        ir.position(at: storage)
        let index = ir.int32Payload(state)
        ir.condBr(ir.icmp(LLVMIntULT, index, ir.load(ir.i32, elements, 4, .elements)), inside, done)
        ir.position(at: inside)
        ir.condBr(ir.icmp(LLVMIntULT, index, ir.load(ir.i32, elements, 0, .elements)), element, slow)
        ir.position(at: element)
        let offset = ir.add(ir.mul(ir.zext(index, ir.i64), ir.int64(8)), ir.int64(UInt64(NativeABI.elementsHeader)))
        let value = ir.load(ir.i64, ir.address(elements, offset, ir.i64), .elements)
        branch(ir.icmp(LLVMIntNE, value, ir.int64(0)), "present") {
            set(i.a, value)
            set(record + 1, ir.boxInt32(ir.add(index, ir.int32(1))))
            ir.br(edge(i.next))
        }
        ir.br(slow)  // a hole: the prototype chain may have the element
        ir.position(at: done)
        set(record + 1, ir.int64(NativeABI.undefinedBits))
        ir.br(edge(i.target(2)))
        ir.position(at: slow)
        let produced = runtime(i)
        ir.condBr(ir.icmp(LLVMIntNE, produced, ir.int32(0)), edge(i.next), edge(i.target(2)))
    }

    /// The kinds of receivers an element access site saw (KeyedFeedback):
    /// all of them when it never ran or saw others (`generic`), and then
    /// its misses go to the runtime. So do a string site's (ropes, units
    /// outside ASCII): they are common, not a sign the code is wrong.
    private func keyedKinds(site: Int) -> (elements: Bool, typedArrays: Bool, strings: Bool, generic: Bool) {
        let state = propertyState(site: site)
        if state == 0 || state & NativeABI.keyedGeneric == NativeABI.keyedGeneric { return (true, true, true, true) }
        let strings = state & NativeABI.keyedString != 0
        return (state & NativeABI.keyedElements != 0, state & NativeABI.keyedTypedArray != 0, strings, strings)
    }

    /// The atom for code unit `unit` (i32, below singleCharCount) from the
    /// isolate's table.
    private func singleCharString(_ unit: LLVMValueRef) -> LLVMValueRef {
        let table = ir.load(ir.i8Pointer, state, NativeABI.stateSingleCharStringsOffset, .runtime)
        return ir.load(ir.i64, table, ir.mul(ir.zext(unit, ir.i64), ir.int64(8)), .runtime)
    }

    private func emitGetIndexed(_ i: Instruction) {
        let done = edge(i.next)
        stressGuard(i)
        let kinds = keyedKinds(site: i.register(3))
        let o = get(i.register(1)), k = elementKey(i.register(2))
        if kinds.elements { withElement(o, k, forWrite: false) { _, address in
            let v = ir.load(ir.i64, address, .elements)
            branch(ir.icmp(LLVMIntNE, v, ir.int64(0)), "present") {
                set(i.a, v)
                ir.br(done)
            }
        } }
        if kinds.typedArrays { withTypedElement(o, k) { kind, address in
            var j = join()
            branch(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedUint8))), "u8") {
                finish(&j, ir.boxInt32(ir.zext(typedElementAccess(NativeABI.typedUint8, at: address), ir.i32)))
            }
            branch(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedInt8))), "i8") {
                finish(&j, ir.boxInt32(ir.sext(typedElementAccess(NativeABI.typedInt8, at: address), ir.i32)))
            }
            branch(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedInt32))), "i32") {
                finish(&j, ir.boxInt32(typedElementAccess(NativeABI.typedInt32, at: address)))
            }
            finish(&j, ir.boxNumber(typedElementAccess(NativeABI.typedFloat64, at: address)))
            set(i.a, close(j, ir.i64))
            ir.br(done)
        } }
        if kinds.strings {
            // `s[i]` of a flat one-byte string whose unit is ASCII: its atom.
            branch(ir.and(ir.isCell(o), k.isIndex), "string") {
                withFlatStringUnit(ir.pointer(o), k.index, oneByteOnly: true) { unit in
                    branch(ir.icmp(LLVMIntULT, unit, ir.int32(Int32(NativeABI.singleCharCount))), "ascii") {
                        set(i.a, singleCharString(unit))
                        ir.br(done)
                    }
                }
            }
        }
        if kinds.generic { runtime(i) } else { missLeaves(i) }
    }

    /// A load or store of a typed array element of `kind` at `address`
    /// (unaligned: a view may start at any byte offset). The integer kinds'
    /// values are int32s, truncated on the way to memory.
    private func typedElementAccess(_ kind: UInt32, at address: LLVMValueRef, store value: LLVMValueRef? = nil) -> LLVMValueRef {
        let type = kind == NativeABI.typedFloat64 ? ir.f64 : kind == NativeABI.typedInt32 ? ir.i32 : ir.i8
        let pointer = ir.bitcast(address, LLVMPointerType(type, 0))
        let access: LLVMValueRef
        if let value {
            access = LLVMBuildStore(ir.builder, type == ir.i8 ? ir.trunc(value, ir.i8) : value, pointer)!
        } else {
            access = LLVMBuildLoad2(ir.builder, type, pointer, "")!
        }
        LLVMSetAlignment(access, 1)
        return access
    }

    /// `o[k]` at a site that saw typed arrays of one element kind alone
    /// (RegisterTypes.typedElements): the element goes unboxed into its
    /// typed register (an f64 for a Float64Array, else an int32), with no
    /// boxing and no switch on the kind. Another receiver or kind, or a key
    /// outside the array, deopts; the interpreter's feedback then says so.
    private func emitTypedElementGet(_ i: Instruction) {
        let kind = types.typedElements(i)!
        stressGuard(i)
        let o = get(i.register(1)), k = elementKey(i.register(2))
        withTypedElement(o, k, only: kind) { _, address in
            let element = typedElementAccess(kind, at: address)
            switch kind {
            case NativeABI.typedFloat64: setNumber(i.a, double: element)
            case NativeABI.typedUint8: setNumber(i.a, int: ir.zext(element, ir.i32))
            default: setNumber(i.a, int: element)
            }
            ir.br(edge(i.next))
        }
        exit(.deopt(.propertyMiss), at: i.offset)
    }

    /// `o[k] = v` at such a site: a number stored as the element is, from a
    /// typed register without boxing (ToInt32 for the integer kinds, whose
    /// Uint8 store keeps the low byte as ToUint8 does). A value that is not
    /// a number deopts, as does a miss.
    private func emitTypedElementSet(_ i: Instruction, _ kind: UInt32) {
        stressGuard(i)
        let source = Operand.register(i.register(2))
        let value = kind == NativeABI.typedFloat64 ? doubleOperand(source, i) : int32Operand(source, i)
        let o = get(i.a), k = elementKey(i.register(1))
        withTypedElement(o, k, only: kind) { _, address in
            _ = typedElementAccess(kind, at: address, store: value)
            ir.br(edge(i.next))
        }
        exit(.deopt(.propertyMiss), at: i.offset)
    }

    /// `o[k]` on an Int8/Uint8/Int32/Float64Array (on one of `only` that
    /// kind) with `k` inside its length: `body` gets the element kind and
    /// the element's address.
    private func withTypedElement(_ o: LLVMValueRef, _ key: (index: LLVMValueRef, isIndex: LLVMValueRef), only: UInt32? = nil,
                                  _ body: (LLVMValueRef, LLVMValueRef) -> Void) {
        let index = key.index
        branch(ir.and(ir.isCell(o), key.isIndex), "typed.key") {
            let p = ir.pointer(o)
            branch(ir.icmp(LLVMIntEQ, ir.load(ir.i8, p, 0, .header), ir.int8(NativeABI.kindTypedArray)), "typed") {
                let kind = ir.load(ir.i32, p, NativeABI.cellAuxOffset)
                let handled = (only.map { [$0] } ?? [NativeABI.typedUint8, NativeABI.typedInt8, NativeABI.typedInt32, NativeABI.typedFloat64])
                    .map { ir.icmp(LLVMIntEQ, kind, ir.int32(Int32($0))) }.reduce(ir.falseValue) { ir.or($0, $1) }
                let length = ir.load(ir.i64, p, NativeABI.typedArrayLengthOffset)
                let byteOffset = ir.load(ir.i64, p, NativeABI.typedArrayByteOffsetOffset)
                let ints = ir.and(ir.isInt32(length), ir.isInt32(byteOffset))
                let inside = ir.icmp(LLVMIntSLT, index, ir.int32Payload(length))
                branch(ir.and(ir.and(handled, ints), inside), "typed.inside") {
                    let buffer = ir.pointer(ir.load(ir.i64, p, NativeABI.typedArrayBufferOffset))
                    let data = ir.pointer(ir.sub(ir.load(ir.i64, buffer, NativeABI.bufferDataOffset), ir.int64(NativeABI.doubleOffset)))
                    let size = only.map { ir.int64(UInt64(NativeABI.typedElementSize($0))) }
                        ?? ir.select(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedFloat64))), ir.int64(8),
                                     ir.select(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedInt32))), ir.int64(4), ir.int64(1)))
                    let offset = ir.add(ir.sext(ir.int32Payload(byteOffset), ir.i64), ir.mul(ir.zext(index, ir.i64), size))
                    body(kind, ir.address(data, offset, ir.i8))
                }
            }
        }
    }

    private func emitSetIndexed(_ i: Instruction) {
        if let kind = types.typedElements(i) {
            emitTypedElementSet(i, kind)
            return
        }
        let done = edge(i.next)
        let v = get(i.register(2))
        stressGuard(i)
        let kinds = keyedKinds(site: i.register(3))
        let o = get(i.a), k = elementKey(i.register(1))
        if kinds.elements { withElement(o, k, forWrite: true) { _, address in
            let old = ir.load(ir.i64, address, .elements)
            branch(ir.icmp(LLVMIntNE, old, ir.int64(0)), "present") {
                ir.store(v, address, .elements)
                ir.br(done)
            }
        } }
        // Typed arrays take numbers (ToInt32 for the integer kinds).
        if kinds.typedArrays { branch(ir.isNumber(v), "number") {
            withTypedElement(o, k) { kind, address in
                let d = ir.numberPayload(v)
                let isFloat = ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedFloat64)))
                branch(isFloat, "f64") {
                    _ = typedElementAccess(NativeABI.typedFloat64, at: address, store: d)
                    ir.br(done)
                }
                let (n, ok) = ir.toInt32(d)
                let int = ir.select(ir.isInt32(v), ir.int32Payload(v), n)
                branch(ir.or(ir.isInt32(v), ok), "wrapped") {
                    branch(ir.icmp(LLVMIntEQ, kind, ir.int32(Int32(NativeABI.typedInt32))), "i32") {
                        _ = typedElementAccess(NativeABI.typedInt32, at: address, store: int)
                        ir.br(done)
                    }
                    _ = typedElementAccess(NativeABI.typedUint8, at: address, store: int)  // Int8 stores the same byte
                    ir.br(done)
                }
            }
        } }
        runtime(i)
    }
}

// Which registers compiled code may keep unboxed (an i32 or an f64 in a
// machine register) instead of as a NaN-boxed word, at each instruction.
//
// A forward data flow over the instruction graph: a numeric definition
// (arithmetic the feedback saw stay int32 or become double, number constants,
// moves and increments of typed registers) makes its destination typed, any
// other write makes it boxed, and paths meet at the wider kind (int32 <
// double < boxed). Entry points other than the function's start (loop headers
// for OSR, returns from `new`) take the kinds their in-function predecessors
// give, and the entry converts the frame's boxed values with a guard. So a
// temporary holding an object in one statement and a double in the next is
// unboxed where it is a number, and int32 results that overflow deopt.
// Functions with handlers (try, for-of) are typed as well: an exception
// leaves compiled code through a write-back of the typed registers
// (FunctionCompiler.exceptionExit), and the interpreter runs the handler.
import MVMBytecode
import MVMRuntime

enum RegisterKind: Comparable, Hashable {
    case int32
    case double
    case boxed

    func join(_ other: RegisterKind) -> RegisterKind { max(self, other) }
}

struct RegisterTypes {
    let block: CodeBlock
    let feedback: FeedbackSnapshot
    /// Kinds on entry to each instruction (nil: unreachable).
    private(set) var kindsIn: [[RegisterKind]?]
    /// Kinds after each instruction.
    private(set) var kindsOut: [[RegisterKind]]
    /// On entry to each instruction, the double registers that may hold an
    /// integral value the interpreter would have as an int32: an int32
    /// register or an int-valued operation (Math.floor, a Float64Array
    /// element, ...) gave it on some path, as imul's results meet a double
    /// constant at a loop's header, or arithmetic whose double results were
    /// integral in the interpreter (ArithmeticSite.integralDouble). The
    /// others hold what double arithmetic made (`+`, and `- * / %` whose
    /// results were fractional, Math.sqrt, constants that are not int32s),
    /// which compiled code boxes as doubles (FunctionCompiler.get).
    private(set) var integralIn: [[Bool]]
    var reachable: [Bool] { kindsIn.map { $0 != nil } }
    /// The instructions control may go to after each one, as indexes (Liveness walks them back).
    let successorIndexes: [[Int]]

    init(block: CodeBlock, instructions: [Instruction], feedback: FeedbackSnapshot) {
        self.block = block
        self.feedback = feedback
        let count = block.registerCount
        let boxed = Array(repeating: RegisterKind.boxed, count: count)
        kindsIn = Array(repeating: nil, count: instructions.count)
        kindsOut = Array(repeating: boxed, count: instructions.count)
        integralIn = Array(repeating: Array(repeating: false, count: count), count: instructions.count)
        var index: [Int: Int] = [:]
        for (n, i) in instructions.enumerated() { index[i.offset] = n }
        let successors = instructions.map { RegisterTypes.successors($0).compactMap { index[$0] } }
        successorIndexes = successors
        guard !instructions.isEmpty else { return }
        kindsIn[0] = boxed
        var work = [0]
        var queued: Set<Int> = [0]
        while let n = work.popLast() {
            queued.remove(n)
            guard let incoming = kindsIn[n] else { continue }
            var out = incoming
            var integral = integralIn[n]
            let i = instructions[n]
            for r in RegisterTypes.possibleWrites(i) where r < count { out[r] = .boxed; integral[r] = false }
            if numericDefinition(i) && i.a < count {
                out[i.a] = resultKind(i, incoming, feedback)
                integral[i.a] = out[i.a] == .int32 || mayBeIntegral(i, incoming, integralIn[n])
            }
            kindsOut[n] = out
            for s in successors[n] {
                let merged: [RegisterKind]
                if let existing = kindsIn[s] { merged = zip(existing, out).map { $0.join($1) } } else { merged = out }
                let mergedIntegral = kindsIn[s] == nil ? integral : zip(integralIn[s], integral).map { $0 || $1 }
                if kindsIn[s] != merged || integralIn[s] != mergedIntegral {
                    kindsIn[s] = merged
                    integralIn[s] = mergedIntegral
                    if !queued.contains(s) { work.append(s); queued.insert(s) }
                }
            }
        }
    }

    /// The offsets control may go to after `i` (entry points aside).
    static func successors(_ i: Instruction) -> [Int] {
        switch i.opcode {
        case .jump, .loop: return [i.target(0)]
        case .ret, .throw, .throwError, .throwConstAssign, .newRegExp, .yield: return []
        case .jumpIfTrue, .jumpIfFalse, .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined, .jumpIfNotUndefined:
            return [i.next, i.target(1)]
        case .iteratorNext, .forInNext: return [i.next, i.target(2)]
        case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual, .jumpIfNotStrictEqual,
             .jumpIfStrictEqual, .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
            return [i.next, i.target(3)]
        default: return [i.next]
        }
    }

    /// What instruction `i` writes into its destination, given the others' kinds.
    func resultKind(_ i: Instruction, _ kinds: [RegisterKind], _ feedback: FeedbackSnapshot) -> RegisterKind {
        func kind(_ r: Int) -> RegisterKind { r < kinds.count ? kinds[r] : .boxed }
        func seen(_ site: Int) -> UInt8 {
            site < feedback.arithmetic.count ? feedback.arithmetic[site] & ~ArithmeticSite.integralDouble : 0
        }
        func fromFeedback(_ f: UInt8) -> RegisterKind {
            if f == 1 { return .int32 }
            if f != 0 && f & ~3 == 0 { return .double }
            return .boxed
        }
        switch i.opcode {
        case .loadInt: return .int32
        case .loadConst:
            guard case .number(let d) = block.constants[i.register(1)] else { return .boxed }
            return Value(d).isInt32 ? .int32 : .double
        case .mov: return kind(i.register(1))
        case .add, .sub, .mul, .mod: return fromFeedback(seen(i.register(3)))
        case .addImm, .subImm: return fromFeedback(seen(i.register(3)))
        case .div:
            let f = seen(i.register(3))
            return f != 0 && f & ~3 == 0 ? .double : .boxed
        case .bitAnd, .bitOr, .bitXor, .shl, .shr:
            // ToInt32 makes any number an int32.
            let f = seen(i.register(3))
            return f != 0 && f & ~3 == 0 ? .int32 : .boxed
        case .inc, .dec:
            return kind(i.register(1))
        case .call:
            return intrinsic(i) == .imul ? .int32 : .double
        case .neg:
            // -0 is a double, so an int32's negation is typed double.
            return kind(i.register(1)) == .boxed ? .boxed : .double
        case .getIndexed:
            return typedElements(i) == NativeABI.typedFloat64 ? .double : .int32
        default: return .boxed
        }
    }

    /// Whether a numeric definition typed double may give an integral value
    /// the interpreter would have as an int32 (see `integralIn`).
    func mayBeIntegral(_ i: Instruction, _ kinds: [RegisterKind], _ integral: [Bool]) -> Bool {
        func from(_ r: Int) -> Bool { r < kinds.count && (kinds[r] == .int32 || integral[r]) }
        switch i.opcode {
        case .mov, .inc, .dec, .neg: return from(i.register(1))
        case .loadConst, .add: return false
        case .sub, .mul, .div, .mod:
            let site = i.register(3)
            return site < feedback.arithmetic.count && feedback.arithmetic[site] & ArithmeticSite.integralDouble != 0
        case .addImm, .subImm:
            let site = i.register(3)
            return from(i.register(1)) || site < feedback.arithmetic.count && feedback.arithmetic[site] & ArithmeticSite.integralDouble != 0
        case .call: return intrinsic(i) != .sqrt
        default: return true
        }
    }

    /// Instructions whose destination may be typed.
    func numericDefinition(_ i: Instruction) -> Bool {
        switch i.opcode {
        case .loadInt, .mov, .add, .sub, .mul, .div, .mod, .addImm, .subImm, .bitAnd, .bitOr, .bitXor, .shl, .shr,
             .inc, .dec, .neg:
            return true
        case .loadConst:
            if case .number = block.constants[i.register(1)] { return true }
            return false
        case .call:
            switch intrinsic(i) {
            case .sqrt, .abs, .floor, .ceil, .trunc, .imul: return true
            default: return false
            }
        case .getIndexed: return typedElements(i) != nil
        default: return false
        }
    }

    /// The element kind (TypedArrayKind's raw value) of the typed arrays an
    /// element site (getIndexed, setIndexed) saw, when it saw only typed
    /// arrays and all of one kind it reads unboxed: Float64Array (an f64),
    /// Uint8Array or Int32Array (an int32).
    func typedElements(_ i: Instruction) -> UInt32? {
        let site = i.register(3)
        guard i.opcode == .getIndexed || i.opcode == .setIndexed, site < feedback.propertyStates.count else { return nil }
        switch feedback.propertyStates[site] {
        case NativeABI.keyedTypedArray | NativeABI.keyedFloat64Elements: return NativeABI.typedFloat64
        case NativeABI.keyedTypedArray | NativeABI.keyedUint8Elements: return NativeABI.typedUint8
        case NativeABI.keyedTypedArray | NativeABI.keyedInt32Elements: return NativeABI.typedInt32
        default: return nil
        }
    }

    /// The builtin a call site saw alone, when it can run inline.
    func intrinsic(_ i: Instruction) -> NativeIntrinsic {
        let site = i.register(3)
        guard i.opcode == .call, site < feedback.callIntrinsics.count else { return .none }
        return NativeIntrinsic(rawValue: feedback.callIntrinsics[site]) ?? .none
    }

    /// Whether operand 0 names a register the instruction writes.
    static func writesFirstOperand(_ op: Opcode) -> Bool {
        guard op.info.operands.first == .reg else { return false }
        switch op {
        case .setNamed, .defineNamed, .setIndexed, .setScope, .setGlobal, .setGlobalStrict, .declareGlobalFunction,
             .defineField, .defineMethod, .defineGetter, .defineSetter, .setSuper, .definePrivate, .setPrivate,
             .arrayPush, .arrayPushHole, .arraySpread, .copyDataProperties, .iteratorClose, .checkTDZ, .checkThis,
             .jumpIfTrue, .jumpIfFalse, .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined, .jumpIfNotUndefined,
             .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual,
             .jumpIfNotStrictEqual, .jumpIfStrictEqual, .jumpIfNotLessImm, .jumpIfNotLessEqualImm,
             .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm, .ret, .throw, .yield:
            return false
        default:
            return true
        }
    }

    /// Every register an instruction may write (generously).
    static func possibleWrites(_ i: Instruction) -> [Int] {
        var result: [Int] = []
        if writesFirstOperand(i.opcode) { result.append(i.a) }
        switch i.opcode {
        case .getIterator, .forInPrepare, .newClass: result.append(i.a + 1)
        case .iteratorNext, .forInNext: result.append(i.register(1) + 1)
        case .superCall, .superCallSpread: result.append(0)
        case .copyContext: result.append(i.a)
        default: break
        }
        // A call's frame overlays the registers from its base up.
        if i.opcode == .call || i.opcode == .new || i.opcode == .callSpread || i.opcode == .newSpread {
            result += Array(i.register(1)..<(i.register(1) + 2 + Int(i.opcode == .call || i.opcode == .new ? i.operand(2) : 0)))
        }
        return result
    }

    /// Every register an instruction may read (generously).
    static func possibleReads(_ i: Instruction) -> [Int] {
        var result: [Int] = []
        for (n, kind) in i.opcode.info.operands.enumerated() where kind == .reg {
            let r = Int(n == 0 ? i.operand(0) >> 8 : i.operand(n))
            if UInt32(r) != noRegister && !(n == 0 && writesFirstOperand(i.opcode) && i.opcode != .copyContext) { result.append(r) }
        }
        switch i.opcode {
        case .call, .new: result += Array(i.register(1)..<(i.register(1) + 2 + Int(i.operand(2))))
        case .superCall: result += Array(i.register(1)..<(i.register(1) + 2 + Int(i.operand(2))))
        case .newArray: result += Array(i.register(1)..<(i.register(1) + Int(i.operand(2))))
        case .callSpread, .newSpread: result += [i.register(1), i.register(1) + 1]
        case .iteratorNext, .forInNext, .iteratorClose: result += [i.register(1), i.register(1) + 1, i.a, i.a + 1]
        default: break
        }
        return result
    }

}

/// Which registers are live (read on some path before being written) on
/// entry to each instruction: a backward data flow over the same graph.
///
/// Compiled code uses it where a typed register would be boxed on a jump
/// only because paths meet at the wider kind: a temporary of a loop body,
/// unboxed while it is used and dead at the loop header, need not be boxed
/// on every back-edge (n-body's inner loop boxed seven doubles per trip).
/// Its boxed copy keeps an older value, which nobody reads.
struct Liveness {
    private let words: Int
    private var liveIn: [[UInt64]]

    /// Nil for functions where a register may be read outside this graph: an
    /// exception handler (the interpreter runs it, reading what the throwing
    /// instruction left), generators and async functions (resumed by the
    /// runtime). `successors` is RegisterTypes.successorIndexes.
    init?(block: CodeBlock, instructions: [Instruction], successors: [[Int]]) {
        guard block.handlers.isEmpty, !block.flags.contains(.generator), !block.flags.contains(.async) else { return nil }
        let count = block.registerCount
        words = (count + 63) / 64
        liveIn = Array(repeating: Array(repeating: 0, count: words), count: instructions.count)
        var predecessors = Array(repeating: [Int](), count: instructions.count)
        for (n, next) in successors.enumerated() { for s in next { predecessors[s].append(n) } }
        // Only the destination of an instruction that goes on to the next
        // one is surely written (a branch may leave before its writes).
        let kills: [Int?] = instructions.enumerated().map { n, i in
            RegisterTypes.writesFirstOperand(i.opcode) && i.a < count && successors[n] == [n + 1] ? i.a : nil
        }
        let reads = instructions.map { RegisterTypes.possibleReads($0).filter { $0 < count } }
        var work = Array(instructions.indices)
        var queued = Set(work)
        while let n = work.popLast() {
            queued.remove(n)
            var live = Array(repeating: UInt64(0), count: words)
            for s in successors[n] { for w in 0..<words { live[w] |= liveIn[s][w] } }
            if let r = kills[n] { live[r / 64] &= ~(1 << UInt64(r % 64)) }
            for r in reads[n] { live[r / 64] |= 1 << UInt64(r % 64) }
            if live != liveIn[n] {
                liveIn[n] = live
                for p in predecessors[n] where !queued.contains(p) { work.append(p); queued.insert(p) }
            }
        }
    }

    /// Whether register `r` may be read at or after instruction `index` before a write.
    func isLive(_ r: Int, at index: Int) -> Bool {
        r / 64 >= words || liveIn[index][r / 64] & (1 << UInt64(r % 64)) != 0
    }
}

// Which registers compiled code may keep unboxed (an i32 or an f64 in a
// machine register) instead of as a NaN-boxed word.
//
// A register is typed when every instruction that writes it produces a
// number of that type: int32 when all its definitions are int32 arithmetic
// the feedback saw stay int32 (overflow deopts), or constants; double when
// some are double arithmetic. The interpreter may have left anything in the
// frame, so a typed register is also required to be written before it is
// read on every path (then a value of the wrong type at an entry point is
// either dead or a reason to stay in the interpreter). Flow-insensitive,
// which suits loops of numeric code and leaves everything else boxed.
import MVMBytecode
import MVMRuntime

enum RegisterKind: Comparable {
    /// No definition seen yet (the fixpoint's start).
    case none
    case int32
    case double
    case boxed

    func join(_ other: RegisterKind) -> RegisterKind { max(self, other) }
}

struct RegisterTypes {
    let block: CodeBlock
    private(set) var kinds: [RegisterKind]
    /// Per instruction index: registers written on every path to it.
    private(set) var definedBefore: [BitSet]
    /// Per instruction index: reachable from the entry (all, when not analyzed).
    private(set) var reachable: [Bool]

    init(block: CodeBlock, instructions: [Instruction], feedback: FeedbackSnapshot) {
        self.block = block
        let count = block.registerCount
        kinds = Array(repeating: .none, count: count)
        definedBefore = []
        reachable = Array(repeating: true, count: instructions.count)
        // Functions with handlers reach them from anywhere in the try: keep it simple.
        guard block.handlers.isEmpty, count > 0 else {
            kinds = Array(repeating: .boxed, count: count)
            return
        }
        let reachability = RegisterTypes.definiteAssignment(block, instructions)
        definedBefore = reachability.defined
        reachable = reachability.reachable
        // Unreachable code (the implicit `return undefined` after a return) constrains nothing.
        let instructions = zip(instructions, reachability.reachable).filter { $0.1 }.map { $0.0 }
        // Registers the entry fills (this, the parameters) and anything some
        // instruction may write without a numeric result are boxed.
        for r in 0...min(block.parameterCount, count - 1) { kinds[r] = .boxed }
        for i in instructions {
            let numeric = numericDefinition(i)
            for r in RegisterTypes.possibleWrites(i) where r < count && !(numeric && r == i.a) { kinds[r] = .boxed }
        }
        // Reads where the register may not be written yet.
        for (index, i) in zip(reachability.indexes, instructions) {
            for r in RegisterTypes.possibleReads(i) where r < count && !definedBefore[index].contains(r) { kinds[r] = .boxed }
        }
        // Fixpoint over the numeric definitions.
        var changed = true
        while changed {
            changed = false
            for i in instructions where numericDefinition(i) && i.a < count && kinds[i.a] != .boxed {
                let result = resultKind(i, feedback)
                if result == .none { continue }
                let joined = kinds[i.a].join(result)
                if joined != kinds[i.a] {
                    kinds[i.a] = joined
                    changed = true
                }
            }
        }
        for r in 0..<count where kinds[r] == .none { kinds[r] = .boxed }
    }

    func kind(_ r: Int) -> RegisterKind { r < kinds.count ? kinds[r] : .boxed }

    /// What instruction `i` writes into its destination, given the others' kinds.
    func resultKind(_ i: Instruction, _ feedback: FeedbackSnapshot) -> RegisterKind {
        func seen(_ site: Int) -> UInt8 { site < feedback.arithmetic.count ? feedback.arithmetic[site] : 0 }
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
        case .mov: return kind(i.register(1)) == .none ? .none : kind(i.register(1))
        case .add, .sub, .mul, .mod: return fromFeedback(seen(i.register(3)))
        case .addImm, .subImm: return fromFeedback(seen(i.register(3)))
        case .div:
            let f = seen(i.register(3))
            return f != 0 && f & ~3 == 0 ? .double : .boxed
        case .bitAnd, .bitOr, .bitXor, .shl, .shr:
            return seen(i.register(3)) == 1 ? .int32 : .boxed
        case .inc, .dec, .neg:
            let operand = kind(i.register(1))
            return operand == .none ? .none : operand
        default: return .boxed
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
        default: return false
        }
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

    /// Registers certainly written (the destination of an instruction known to write it).
    static func mustWrite(_ i: Instruction) -> Int? {
        writesFirstOperand(i.opcode) ? i.a : nil
    }

    /// Forward "written on every path" over the instruction graph.
    static func definiteAssignment(_ block: CodeBlock, _ instructions: [Instruction]) -> (defined: [BitSet], reachable: [Bool], indexes: [Int]) {
        let count = block.registerCount
        var index: [Int: Int] = [:]
        for (n, i) in instructions.enumerated() { index[i.offset] = n }
        var successors: [[Int]] = Array(repeating: [], count: instructions.count)
        for (n, i) in instructions.enumerated() {
            var next: [Int] = []
            switch i.opcode {
            case .jump, .loop: next = [i.target(0)]
            case .ret, .throw, .throwError, .throwConstAssign, .newRegExp, .yield: next = []
            case .jumpIfTrue, .jumpIfFalse, .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined, .jumpIfNotUndefined:
                next = [i.next, i.target(1)]
            case .iteratorNext, .forInNext: next = [i.next, i.target(2)]
            case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual, .jumpIfNotStrictEqual,
                 .jumpIfStrictEqual, .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
                next = [i.next, i.target(3)]
            default: next = [i.next]
            }
            successors[n] = next.compactMap { index[$0] }
        }
        var entry = BitSet(count: count)
        for r in 0...min(block.parameterCount, count - 1) { entry.insert(r) }
        var inSets = Array(repeating: BitSet(full: count), count: instructions.count)
        inSets[0] = entry
        var work = [0]
        var queued = Set([0])
        var reachable = Array(repeating: false, count: instructions.count)
        reachable[0] = true
        while let n = work.popLast() {
            queued.remove(n)
            var out = inSets[n]
            if let r = mustWrite(instructions[n]), r < count { out.insert(r) }
            for s in successors[n] {
                let merged = inSets[s].intersection(out)
                if merged != inSets[s] || !reachable[s] {
                    reachable[s] = true
                    inSets[s] = merged
                    if !queued.contains(s) { work.append(s); queued.insert(s) }
                }
            }
        }
        return (inSets, reachable, instructions.indices.filter { reachable[$0] })
    }
}

/// A fixed-size set of small integers.
struct BitSet: Equatable {
    private var words: [UInt64]
    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }
    init(full count: Int) { words = Array(repeating: ~0, count: (count + 63) / 64) }
    func contains(_ i: Int) -> Bool { i / 64 < words.count && words[i / 64] & (1 << UInt64(i % 64)) != 0 }
    mutating func insert(_ i: Int) { if i / 64 < words.count { words[i / 64] |= 1 << UInt64(i % 64) } }
    func intersection(_ other: BitSet) -> BitSet {
        var result = self
        for k in words.indices { result.words[k] &= other.words[k] }
        return result
    }
}

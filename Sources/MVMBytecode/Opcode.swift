// The opcode table: the one description of every instruction. The encoder
// (`CodeBuilder`), the disassembler and the interpreter all read it.
//
// Encoding. An instruction is one or more 32-bit words:
//
//     word 0     31                              8 7            0
//               +----------------------------------+--------------+
//               |  operand 0 (24 bits, unsigned)   |   opcode     |
//               +----------------------------------+--------------+
//     word 1..n 31                                               0
//               +-------------------------------------------------+
//               |  operand 1..n (32 bits; jumps are signed)       |
//               +-------------------------------------------------+
//
// The first operand rides in the opcode word because almost every
// instruction has one (usually the destination register), so `mov r1, r2`
// is two words and `add r1, r2, r3, fb` four. Jump offsets are relative to
// the first word of the jumping instruction; a jump that is the only operand
// (`jump`, `loop`) is a signed 24-bit offset in word 0, any other a full word. Register operands index the
// current frame: r0 is `this`, r1... the parameters, then locals and
// temporaries. A 24-bit first operand limits a frame to 16M registers.

/// What an operand means; drives the encoder's checks and the disassembler.
public enum OperandKind: UInt8, Sendable {
    /// A register of the current frame.
    case reg
    /// A signed immediate.
    case imm
    /// A count or a small unsigned number.
    case count
    /// An index into the code block's constant pool.
    case const
    /// An index into the code block's identifier atoms.
    case name
    /// An index into the code block's nested functions.
    case fn
    /// A signed offset from this instruction's first word.
    case jump
    /// A property inline-cache slot of this function.
    case prop
    /// An arithmetic/comparison feedback slot of this function.
    case arith
    /// A call/new feedback slot of this function.
    case call
}

public struct OpcodeInfo: Sendable {
    public let name: String
    public let operands: [OperandKind]
    /// Words the instruction occupies.
    public var length: Int { max(1, operands.count) }
}

/// Every instruction. The raw value is the opcode byte.
public enum Opcode: UInt8, CaseIterable, Sendable {
    // Loads and moves.
    case mov, loadConst, loadInt, loadUndefined, loadNull, loadTrue, loadFalse, loadEmpty
    case loadGlobalThis, loadCallee, loadNewTarget, loadHome, loadClosureContext
    case checkTDZ, checkThis, throwConstAssign
    // Scopes (heap contexts for captured variables).
    case newContext, copyContext, getScope, getScopeChecked, setScope, getImport
    // Globals.
    case getGlobal, getGlobalOrUndefined, setGlobal, setGlobalStrict, declareGlobalVar, declareGlobalFunction
    // Properties.
    case getNamed, setNamed, getIndexed, setIndexed, defineNamed, defineField, defineMethod
    case defineGetter, defineSetter, deleteNamed, deleteIndexed, getSuper, setSuper
    case inOperator, instanceOf
    // Private class members: keys are per-class private symbols.
    case newPrivateName, definePrivate, getPrivate, setPrivate, hasPrivate
    // Arithmetic and bitwise operators.
    case add, sub, mul, div, mod, exp, bitAnd, bitOr, bitXor, shl, shr, ushr
    case inc, dec, neg, toNumber, toNumeric, bitNot, not, typeOf, toStringOp, toPropertyKey
    // Comparisons.
    case eq, ne, strictEq, strictNe, lt, le, gt, ge
    // Control flow.
    case jump, loop, jumpIfTrue, jumpIfFalse, jumpIfNullish, jumpIfNotNullish, jumpIfUndefined
    case jumpIfNotUndefined
    /// Compare-and-branch: jump when the comparison is false (loop and if
    /// conditions), one dispatch instead of two.
    case jumpIfNotLess, jumpIfNotLessEqual, jumpIfNotGreater, jumpIfNotGreaterEqual
    case jumpIfNotStrictEqual, jumpIfStrictEqual
    /// The same with an int32 immediate on the right (`i < 10`, `n < 2`).
    case jumpIfNotLessImm, jumpIfNotLessEqualImm, jumpIfNotGreaterImm, jumpIfNotGreaterEqualImm
    /// `x + 1`, `n - 2`: an int32 immediate on the right.
    case addImm, subImm
    // Calls.
    case call, new, callSpread, newSpread, superCall, superCallSpread, ret
    // Object creation.
    case newObject, newArray, arrayPush, arrayPushHole, arraySpread, newClosure, newMethod, newClass
    case createArguments, createRest, copyDataProperties, templateObject, newRegExp
    // Iteration.
    case getIterator, iteratorNext, iteratorClose, forInPrepare, forInNext
    // Generators: `generatorStart` makes the generator object (then `ret`
    // returns it); `yield` suspends the frame into it.
    case generatorStart, yield
    // Exceptions and the rest.
    case `throw`, throwError, debugger, nop
}

extension Opcode {
    /// The table, indexed by opcode byte.
    public static let table: [OpcodeInfo] = Opcode.allCases.map { $0.describe() }

    public var info: OpcodeInfo { Opcode.table[Int(rawValue)] }

    private func describe() -> OpcodeInfo {
        let r = OperandKind.reg, c = OperandKind.count, j = OperandKind.jump
        let ops: [OperandKind]
        switch self {
        case .mov: ops = [r, r]
        case .loadConst: ops = [r, .const]
        case .loadInt: ops = [r, .imm]
        case .loadUndefined, .loadNull, .loadTrue, .loadFalse, .loadEmpty, .loadGlobalThis,
             .loadCallee, .loadNewTarget, .loadHome, .loadClosureContext, .createArguments, .checkThis:
            ops = [r]
        case .newObject: ops = [r, c]  // c: the properties an object literal defines (its inline slots)
        case .checkTDZ: ops = [r, .name]
        case .throwConstAssign: ops = [.name]
        case .newContext: ops = [r, r, c]
        case .copyContext: ops = [r]
        case .getScope: ops = [r, r, c, c]
        case .getScopeChecked, .getImport: ops = [r, r, c, c, .name]
        case .setScope: ops = [r, c, c, r]
        case .getGlobal, .getGlobalOrUndefined: ops = [r, .name, .prop]
        case .setGlobal, .setGlobalStrict: ops = [r, .name, .prop]
        case .declareGlobalVar: ops = [.name]
        case .declareGlobalFunction: ops = [r, .name]
        case .getNamed: ops = [r, r, .name, .prop]
        case .setNamed: ops = [r, .name, r, .prop]
        case .getIndexed: ops = [r, r, r, .prop]
        case .setIndexed: ops = [r, r, r, .prop]
        case .defineNamed: ops = [r, .name, r, .prop]
        case .defineField, .defineMethod: ops = [r, r, r]
        case .defineGetter, .defineSetter: ops = [r, r, r, c]
        case .deleteNamed: ops = [r, r, .name]
        case .deleteIndexed: ops = [r, r, r]
        case .getSuper: ops = [r, r, r, r]
        case .setSuper: ops = [r, r, r, r]
        case .inOperator, .instanceOf: ops = [r, r, r]
        case .newPrivateName: ops = [r, .const]
        case .definePrivate: ops = [r, r, r, c]
        case .getPrivate, .setPrivate, .hasPrivate: ops = [r, r, r]
        case .add, .sub, .mul, .div, .mod, .exp, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr,
             .eq, .ne, .strictEq, .strictNe, .lt, .le, .gt, .ge:
            ops = [r, r, r, .arith]
        case .inc, .dec, .neg: ops = [r, r, .arith]
        case .toNumber, .toNumeric, .bitNot, .not, .typeOf, .toStringOp, .toPropertyKey: ops = [r, r]
        case .jump, .loop: ops = [j]
        case .jumpIfTrue, .jumpIfFalse, .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined,
             .jumpIfNotUndefined:
            ops = [r, j]
        case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual,
             .jumpIfNotStrictEqual, .jumpIfStrictEqual:
            ops = [r, r, .arith, j]
        case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
            ops = [r, .imm, .arith, j]
        case .addImm, .subImm: ops = [r, r, .imm, .arith]
        case .call, .new: ops = [r, r, c, .call]
        case .callSpread, .newSpread, .superCallSpread: ops = [r, r, r]
        case .superCall: ops = [r, r, c]
        case .ret, .throw: ops = [r]
        case .newArray: ops = [r, r, c]
        case .arrayPush, .arraySpread: ops = [r, r]
        case .arrayPushHole: ops = [r]
        case .newClosure: ops = [r, .fn, r]
        case .newMethod: ops = [r, .fn, r, r]
        case .newClass: ops = [r, .fn, r, r, c]
        case .createRest: ops = [r, c]
        case .copyDataProperties: ops = [r, r, r]
        case .templateObject: ops = [r, .const]
        case .newRegExp: ops = [r, .const, .const]
        case .getIterator: ops = [r, r]
        case .iteratorNext, .forInNext: ops = [r, r, j]
        case .iteratorClose: ops = [r]
        case .forInPrepare: ops = [r, r]
        case .throwError: ops = [c, .const]
        case .generatorStart: ops = [r]
        case .yield: ops = [r, r]
        case .debugger, .nop: ops = []
        }
        return OpcodeInfo(name: "\(self)", operands: ops)
    }
}

/// Marks "no register" in an operand that may be absent (e.g. a class
/// without `extends`). Fits the 24-bit first operand too.
public let noRegister: UInt32 = 0xFF_FFFF

/// What `definePrivate` installs.
public enum PrivateKind: UInt32, Sendable {
    case field, method, getter, setter
}

/// The kinds of error `throwError` raises.
public enum ErrorKind: UInt32, Sendable {
    case error, typeError, referenceError, syntaxError, rangeError
}

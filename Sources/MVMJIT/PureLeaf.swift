// Callees that compiled code computes at the call site instead of calling.
//
// A call from native code to native code pushes a frame record, clears the
// callee's registers and checks the result: about 15 ns, where a small
// helper's own work (spectral-norm's `a(i, j)`, a few adds, a multiply and
// two divides; an accessor's property read) is 2-3 ns. A callee that is
// straight-line arithmetic on its parameters, constants and own data
// properties of its parameters or `this`, ending in a `ret`, has no
// effects: nothing of it can be seen but its result. So at a site whose
// callees all ran such a block, the caller checks that the callee runs it,
// then computes the body: arithmetic in doubles once its operands are
// numbers (exact for the interpreter's int32 results, the same rounding
// for the rest), the result boxed as the interpreter would (Value(Double));
// comparisons of numbers, bitwise operators (ToInt32 of numbers below 2^63);
// a property read where the object's shape is the one the callee's own
// inline cache holds for that site, as an own data property. Any check
// that fails makes the call as before: nothing was done that could have
// been seen, so nothing is undone.
//
// A method may also store into existing own properties (`markHeld() {
// this.state |= HELD; }`) when it does not branch: the site makes every
// check first (each object's shape is the one the callee's cache saw with
// the property as its own), then the stores, at the `ret`; no read follows
// a store. So a failed check still leaves nothing to undo.
//
// The body may branch forwards (`a < b ? x : y`, `p || q`, an early
// return): the site computes it as blocks that join where the body's
// paths do, a register read after a join being one every path into it
// set. It may read the callee's closure variables (a module's `const
// FORWARD = 1`), checked not to be in their temporal dead zone.
//
// A constructor whose straight-line body is such a computation plus stores
// of new properties into `this` (`constructor(x, y) { this.x = x; this.y =
// y; }`) is a leaf of `new` too: the site computes the values, makes the
// object as a compiled `new` does (ObjectAllocation.swift), and adds each
// property as the callee's own cache saw it added (a transition into an
// inline slot). A check that fails after the object was made leaves that
// object unreachable, with the properties added so far: a valid object for
// the collector, seen by nobody.
import MVMBytecode

struct PureLeaf {
    /// The body in offset order: only the opcodes `init` accepts where a
    /// path from the entry reaches, anything after the last `ret`.
    let instructions: [Instruction]
    let parameterCount: Int
    /// A leaf of `new`: its stores (setNamed) add properties to `this`.
    let construct: Bool

    /// Longer bodies are called: a call's cost is paid back by less.
    static let maximumInstructions = 24
    /// Nor more property reads and writes: each checks the callee's cache entry at
    /// run time (five loads), where the callee's own code has the offsets
    /// as constants. raytracer's `dot(v)`, six reads, ran no faster at its
    /// sites than called, for 13% more compile work (callgrind); a loop
    /// calling two accessors (one read, and two reads added) took 16% off.
    static let maximumPropertyReads = 4

    /// What the registers hold at a point of the body.
    private struct Registers {
        /// Set by the body or the call: numbers, booleans, any value.
        var defined: Set<Int>
        /// Copies of a constructor's `this` (only stored into).
        var thisCopies: Set<Int> = []
        /// Registers that hold undefined (a constructor may return it).
        var undefinedRegisters: Set<Int> = []
        /// Registers that hold the callee's closure context (only read by getScope).
        var contexts: Set<Int> = []

        /// What holds on both of two paths into one point.
        func joined(_ other: Registers) -> Registers {
            Registers(defined: defined.intersection(other.defined), thisCopies: thisCopies.intersection(other.thisCopies),
                      undefinedRegisters: undefinedRegisters.intersection(other.undefinedRegisters),
                      contexts: contexts.intersection(other.contexts))
        }

        /// Register `r` written: with any value, or with this or a context.
        mutating func write(_ r: Int, this: Bool = false, undefined: Bool = false, context: Bool = false) {
            defined.remove(r); thisCopies.remove(r); undefinedRegisters.remove(r); contexts.remove(r)
            if this { thisCopies.insert(r) } else if context { contexts.insert(r) } else { defined.insert(r) }
            if undefined { undefinedRegisters.insert(r) }
        }
    }

    /// The leaf `block` is, or nil. Its registers are only read after a
    /// write on every path there, or are parameters (r1...), or are `this`
    /// (r0) in strict code (not an arrow's): none is read before it is
    /// set, and `this` is the value the call passed (a sloppy function's
    /// would have been the global object for `undefined`, a wrapper for a
    /// number). For `new` (`construct`), `this` is the new object: only
    /// stored into, through r0 or copies of it, and the straight-line body
    /// returns it or undefined, so `new` gives the object. Jumps go
    /// forwards only, so the body ends.
    init?(_ block: CodeBlock, construct: Bool = false) {
        guard DirectCall.canTarget(block, construct: construct),
              !block.flags.contains(.generator), !block.flags.contains(.async) else { return nil }
        var entry = Registers(defined: Set(block.parameterCount > 0 ? Array(1...block.parameterCount) : []))
        if construct {
            entry.thisCopies.insert(0)
        } else if block.flags.contains(.strict) && !block.flags.contains(.arrow) {
            entry.defined.insert(0)
        }
        let all = decode(block)
        var current: Registers? = entry
        // The registers on the jumps into each offset not reached yet.
        var jumpedTo: [Int: Registers] = [:]
        var body: [Instruction] = [], counted = 0, propertyReads = 0
        // A call's stores wait for its `ret` (after every check): so no
        // read follows one, and a body that stores does not branch.
        var stores = false, jumps = false
        for instruction in all {
            if let jumped = jumpedTo.removeValue(forKey: instruction.offset) {
                current = current.map { $0.joined(jumped) } ?? jumped
            }
            body.append(instruction)
            guard var registers = current else {
                if jumpedTo.isEmpty { break }  // the rest is unreachable
                continue
            }
            counted += 1
            guard counted <= Self.maximumInstructions else { return nil }
            let a = instruction.a, r1 = instruction.register(1)
            /// Reads `reads` (all set on every path) and writes `a`.
            func compute(_ reads: [Int]) -> Bool {
                guard reads.allSatisfy(registers.defined.contains) else { return false }
                registers.write(a)
                return true
            }
            /// A forward jump to operand `operand`'s target, when `reads` are set.
            func jump(_ operand: Int, reads: [Int]) -> Bool {
                jumps = true
                let target = instruction.target(operand)
                guard !construct, target > instruction.offset, reads.allSatisfy(registers.defined.contains) else { return false }
                jumpedTo[target] = jumpedTo[target].map { $0.joined(registers) } ?? registers
                return true
            }
            switch instruction.opcode {
            case .loadInt, .loadTrue, .loadFalse, .loadNull: registers.write(a)
            case .loadUndefined: registers.write(a, undefined: true)
            case .loadConst:
                switch block.constants[r1] {
                case .number, .string: registers.write(a)
                default: return nil
                }
            case .mov where registers.thisCopies.contains(r1): registers.write(a, this: true)
            case .mov where registers.contexts.contains(r1): registers.write(a, context: true)
            case .mov, .addImm, .subImm, .inc, .dec, .neg, .bitNot:
                guard compute([r1]) else { return nil }
            case .add, .sub, .mul, .div, .mod, .bitAnd, .bitOr, .bitXor, .shl, .shr, .ushr,
                 .strictEq, .strictNe, .lt, .le, .gt, .ge:
                guard compute([r1, instruction.register(2)]) else { return nil }
            case .getNamed:
                propertyReads += 1
                guard !stores, propertyReads <= Self.maximumPropertyReads, compute([r1]) else { return nil }
            case .loadClosureContext: registers.write(a, context: true)
            case .getScope, .getScopeChecked:
                guard registers.contexts.contains(r1) else { return nil }
                registers.write(a)
            case .setNamed where construct:
                guard registers.thisCopies.contains(a), registers.defined.contains(instruction.register(2)) else { return nil }
            case .setNamed:
                // An existing own property of an object (`this.state |= HELD`).
                propertyReads += 1
                stores = true
                guard propertyReads <= Self.maximumPropertyReads,
                      registers.defined.contains(a), registers.defined.contains(instruction.register(2)) else { return nil }
            case .jumpIfTrue, .jumpIfFalse, .jumpIfNullish, .jumpIfNotNullish, .jumpIfUndefined, .jumpIfNotUndefined:
                guard jump(1, reads: [a]) else { return nil }
            case .jumpIfNotLess, .jumpIfNotLessEqual, .jumpIfNotGreater, .jumpIfNotGreaterEqual,
                 .jumpIfNotStrictEqual, .jumpIfStrictEqual:
                guard jump(3, reads: [a, r1]) else { return nil }
            case .jumpIfNotLessImm, .jumpIfNotLessEqualImm, .jumpIfNotGreaterImm, .jumpIfNotGreaterEqualImm:
                guard jump(3, reads: [a]) else { return nil }
            case .jump:
                guard jump(0, reads: []) else { return nil }
                current = nil
                continue
            case .ret:
                if construct {
                    guard registers.thisCopies.contains(a) || registers.undefinedRegisters.contains(a) else { return nil }
                } else {
                    guard registers.defined.contains(a) else { return nil }
                }
                current = nil
                continue
            default: return nil
            }
            current = registers
        }
        // Every path ended in a `ret`.
        guard current == nil, jumpedTo.isEmpty, counted > 0, !(stores && jumps) else { return nil }
        instructions = body
        parameterCount = block.parameterCount
        self.construct = construct
    }
}

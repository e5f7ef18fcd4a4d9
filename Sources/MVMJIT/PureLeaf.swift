// Callees that compiled code computes at the call site instead of calling.
//
// A call from native code to native code pushes a frame record, clears the
// callee's registers and checks the result: about 15 ns, where a small
// helper's own work (spectral-norm's `a(i, j)`, a few adds, a multiply and
// two divides; an accessor's property read) is 2-3 ns. A callee that is
// straight-line arithmetic on its parameters, number constants and own data
// properties of its parameters or `this`, ending in a `ret`, has no
// effects: nothing of it can be seen but its result. So at a site whose
// callees all ran such a block, the caller checks that the callee runs it,
// then computes the body: arithmetic in doubles once its operands are
// numbers (exact for the interpreter's int32 results, the same rounding
// for the rest), the result boxed as the interpreter would (Value(Double));
// a property read where the object's shape is the one the callee's own
// inline cache holds for that site, as an own data property. Any check
// that fails makes the call as before: nothing was done that could have
// been seen, so nothing is undone.
//
// A constructor whose body is such a computation plus stores of new
// properties into `this` (`constructor(x, y) { this.x = x; this.y = y; }`)
// is a leaf of `new` too: the site computes the values, makes the object
// as a compiled `new` does (ObjectAllocation.swift), and adds each
// property as the callee's own cache saw it added (a transition into an
// inline slot). A check that fails after the object was made leaves that
// object unreachable, with the properties added so far: a valid object for
// the collector, seen by nobody.
import MVMBytecode

struct PureLeaf {
    /// The body, up to its `ret`: only the opcodes `init` accepts.
    let instructions: [Instruction]
    let parameterCount: Int
    /// The register the `ret` returns (a constructor's: `this` or undefined).
    let result: Int
    /// A leaf of `new`: its stores (setNamed) add properties to `this`.
    let construct: Bool

    /// Longer bodies are called: a call's cost is paid back by less.
    static let maximumInstructions = 24
    /// Nor more property reads: each checks the callee's cache entry at
    /// run time (five loads), where the callee's own code has the offsets
    /// as constants. raytracer's `dot(v)`, six reads, ran no faster at its
    /// sites than called, for 13% more compile work (callgrind); a loop
    /// calling two accessors (one read, and two reads added) took 16% off.
    static let maximumPropertyReads = 4

    /// The leaf `block` is, or nil. Its registers are only read after a
    /// write in the body, or are parameters (r1...), or are `this` (r0)
    /// in strict code (not an arrow's): none is read before it is set, and
    /// `this` is the value the call passed (a sloppy function's would have
    /// been the global object for `undefined`, a wrapper for a number).
    /// For `new` (`construct`), `this` is the new object: only stored
    /// into, through r0 or copies of it, and the body returns it or
    /// undefined, so `new` gives the object.
    init?(_ block: CodeBlock, construct: Bool = false) {
        guard DirectCall.canTarget(block, construct: construct),
              !block.flags.contains(.generator), !block.flags.contains(.async) else { return nil }
        var defined = Set(block.parameterCount > 0 ? Array(1...block.parameterCount) : [])
        var thisCopies: Set<Int> = [], undefinedRegisters: Set<Int> = []
        if construct {
            thisCopies.insert(0)
        } else if block.flags.contains(.strict) && !block.flags.contains(.arrow) {
            defined.insert(0)
        }
        var body: [Instruction] = [], propertyReads = 0
        for instruction in decode(block) {
            guard body.count < Self.maximumInstructions else { return nil }
            body.append(instruction)
            let reads: [Int]
            switch instruction.opcode {
            case .loadInt: reads = []
            case .loadConst:
                guard case .number = block.constants[instruction.register(1)] else { return nil }
                reads = []
            case .loadUndefined where construct: reads = []
            case .mov where thisCopies.contains(instruction.register(1)):
                thisCopies.insert(instruction.a)
                defined.remove(instruction.a)
                undefinedRegisters.remove(instruction.a)
                continue
            case .mov, .addImm, .subImm, .inc, .dec, .neg: reads = [instruction.register(1)]
            case .add, .sub, .mul, .div, .mod: reads = [instruction.register(1), instruction.register(2)]
            case .getNamed:
                propertyReads += 1
                guard propertyReads <= Self.maximumPropertyReads else { return nil }
                reads = [instruction.register(1)]
            case .setNamed where construct:
                guard thisCopies.contains(instruction.a), defined.contains(instruction.register(2)) else { return nil }
                continue
            case .ret:
                if construct {
                    guard thisCopies.contains(instruction.a) || undefinedRegisters.contains(instruction.a) else { return nil }
                } else {
                    guard defined.contains(instruction.a) else { return nil }
                }
                instructions = body
                parameterCount = block.parameterCount
                result = instruction.a
                self.construct = construct
                return
            default: return nil
            }
            guard reads.allSatisfy(defined.contains) else { return nil }
            defined.insert(instruction.a)
            thisCopies.remove(instruction.a)
            if instruction.opcode == .loadUndefined {
                undefinedRegisters.insert(instruction.a)
            } else {
                undefinedRegisters.remove(instruction.a)
            }
        }
        return nil
    }
}

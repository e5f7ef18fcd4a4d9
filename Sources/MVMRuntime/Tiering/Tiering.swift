// Tier-up: how hot functions move from the interpreter to native code.
//
// The runtime never imports LLVM (DESIGN.md, "Layers"): a faster tier plugs
// in through `NativeTier`. The interpreter counts function entries and loop
// back-edges down from a threshold (`tierCountdown`); at zero it asks the
// tier for native code, passing the CodeBlock and a snapshot of the
// function's feedback. Native code runs on the interpreter's own register
// frame, so moving between tiers is a call and a return at an instruction
// boundary: entering at a loop header is OSR, and a failed guard (a deopt) is
// a return that names the instruction where the interpreter goes on.
import MVMBytecode
import MVMSyntax

/// Which tiers run.
public enum JITMode: String, Sendable, CaseIterable {
    /// The interpreter only.
    case off
    /// Hot functions tier up (compiled on a background thread).
    case on
    /// Every function is compiled on its first call, synchronously (for testing).
    case eager
}

/// What a tier knows about a function when it compiles it: the interpreter's
/// feedback, reduced to what changes the code. Its identity (==, hash)
/// holds no isolate address, so equal snapshots in two isolates share one
/// compiled function; the shapes it carries besides fill each isolate's
/// shape table (`propertyShapes`).
public struct FeedbackSnapshot: Hashable, Sendable {
    /// Per arithmetic/comparison site: 1 int32, 2 double, 4 string, 8 other
    /// (or'ed); and ArithmeticSite.integralDouble.
    public var arithmetic: [UInt8]
    /// Per property cache: entries in use (0...4), 5 megamorphic.
    public var propertyStates: [UInt8]
    /// Per property cache: bit k set when an entry of CacheKind k is there;
    /// bit 7 when an entry's slot is out of line, bit 6 when the receiver was
    /// a primitive string. Compiled code checks only those.
    public var propertyKinds: [UInt8]
    public static let primitiveStringReceiver: UInt8 = 0x40
    /// A property cache miss in a loop leaves compiled code (a deopt) at a
    /// site with feedback instead of calling the runtime. False for
    /// --jit=eager and deopt stress, which compile before feedback exists,
    /// and after the function's code was thrown away for such misses.
    public var propertyMissesLeave: Bool
    /// Per call site: 0 unused, 1 only JS functions seen, 2 other callees seen.
    public var callKinds: [UInt8]
    /// Per call site: the one builtin seen, when compiled code can do its work
    /// inline (`NativeIntrinsic`), and that builtin's index among the natives.
    public var callIntrinsics: [UInt8]
    public var callNativeIndexes: [Int32]
    /// Per call site that saw only JS functions: the code they all run,
    /// when they were closures of one CodeBlock (nil elsewhere). Compiled
    /// code checks the callee's code against it and compiles what the
    /// block fixes (its parameter and register counts, `this` handling)
    /// into the call. CodeBlocks are shared by every isolate and never
    /// change; the snapshot keeps them alive while its code can be used.
    public var callTargets: [CodeBlock?]
    /// Compile extra guards that fail on purpose (tier-comparison tests).
    public var deoptStress: Bool
    /// The function ran enough for its feedback to tell cold code: an
    /// instruction whose feedback shows it never ran compiles to a deopt
    /// exit (less code to compile; if it does run, the function recompiles).
    /// False for --jit=eager, which compiles before anything ran.
    public var coldCodeDeopts: Bool
    /// The function ran in the interpreter before this compile, so a site
    /// whose feedback is still empty has not run yet; outside loops a
    /// property access there compiles to a call of the runtime (which fills
    /// and reads the same cache) instead of inline checks for every kind of
    /// entry (FunctionCompiler.planForSiteNotRunYet). False for --jit=eager
    /// and deopt stress, which compile before feedback exists and check the
    /// caches inline as the interpreter fills them.
    public var interpretedFirst: Bool
    /// Per property cache of a named access (getNamed, setNamed,
    /// defineNamed) that saw one to four shapes: where the property's slot
    /// is, when compiled code can reach it at an offset compiled in
    /// (`PropertyPlace`), and the offsets (Shape.slotOffset: bytes into the
    /// cell, or -(out-of-line index + 1)), `tableWords` per site, one per
    /// shape the code checks; 0 elsewhere. Such code checks the object
    /// against the function's shape table (InstanceData.shapeTable,
    /// `tableWords` per site) instead of loading the cache entries. A
    /// shape's layout never changes, so an offset holds for as long as the
    /// table's shapes do.
    public var propertyPlaces: [UInt8]
    public var propertyConstants: [Int32]
    /// Per such site, the first such site whose object shape is the same
    /// (itself if none): an object checked at one site needs no check at
    /// the next of its class while nothing ran that could change it.
    public var propertyShapeClasses: [UInt16]
    /// The table words themselves, `tableWords` per site (0 elsewhere):
    /// this isolate's shapes and prototype, for its shape table at
    /// installation. Not part of the snapshot's identity, so isolates
    /// whose objects are laid out alike share the code.
    public var propertyShapes: [UInt64]
    /// Words of the shape table per property cache: the object's shape,
    /// then for a prototype's slot the prototype and its shape; or the
    /// shapes of a site that saw several (PropertyPlace).
    public static let tableWords = 4

    public init(arithmetic: [UInt8], propertyStates: [UInt8], propertyKinds: [UInt8], callKinds: [UInt8],
                callIntrinsics: [UInt8] = [], callNativeIndexes: [Int32] = [], callTargets: [CodeBlock?] = [],
                propertyMissesLeave: Bool = false, deoptStress: Bool, coldCodeDeopts: Bool = false,
                interpretedFirst: Bool = false, propertyPlaces: [UInt8] = [], propertyConstants: [Int32] = [],
                propertyShapeClasses: [UInt16] = [], propertyShapes: [UInt64] = []) {
        self.interpretedFirst = interpretedFirst
        self.propertyPlaces = propertyPlaces
        self.propertyConstants = propertyConstants
        self.propertyShapeClasses = propertyShapeClasses
        self.propertyShapes = propertyShapes
        self.propertyMissesLeave = propertyMissesLeave
        self.callIntrinsics = callIntrinsics
        self.callNativeIndexes = callNativeIndexes
        self.callTargets = callTargets
        self.arithmetic = arithmetic
        self.propertyStates = propertyStates
        self.propertyKinds = propertyKinds
        self.callKinds = callKinds
        self.deoptStress = deoptStress
        self.coldCodeDeopts = coldCodeDeopts
    }

    /// Each array's bytes in one go: a function whose compile is pending
    /// asks for its code every 200 back-edges, and the synthesized hash
    /// combined the arrays element by element, ~300 calls per ask.
    public func hash(into hasher: inout Hasher) {
        func combine<T>(_ values: [T]) {
            hasher.combine(values.count)
            values.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        combine(arithmetic)
        combine(propertyStates)
        combine(propertyKinds)
        combine(callKinds)
        combine(callIntrinsics)
        combine(callNativeIndexes)
        for target in callTargets { hasher.combine(target.map(ObjectIdentifier.init)) }
        hasher.combine(propertyMissesLeave)
        hasher.combine(deoptStress)
        hasher.combine(coldCodeDeopts)
        hasher.combine(interpretedFirst)
        combine(propertyPlaces)
        combine(propertyConstants)
        combine(propertyShapeClasses)
    }

    public static func == (a: FeedbackSnapshot, b: FeedbackSnapshot) -> Bool {
        a.arithmetic == b.arithmetic && a.propertyStates == b.propertyStates && a.propertyKinds == b.propertyKinds
            && a.callKinds == b.callKinds && a.callIntrinsics == b.callIntrinsics && a.callNativeIndexes == b.callNativeIndexes
            && a.callTargets.count == b.callTargets.count && zip(a.callTargets, b.callTargets).allSatisfy { $0 === $1 }
            && a.propertyMissesLeave == b.propertyMissesLeave && a.deoptStress == b.deoptStress
            && a.coldCodeDeopts == b.coldCodeDeopts && a.interpretedFirst == b.interpretedFirst
            && a.propertyPlaces == b.propertyPlaces && a.propertyConstants == b.propertyConstants
            && a.propertyShapeClasses == b.propertyShapeClasses
    }
}

/// Builtins compiled code can run inline when a call site saw only them.
public enum NativeIntrinsic: UInt8, Sendable {
    case none = 0, sqrt, abs, floor, ceil, trunc, imul
    /// String.prototype.charCodeAt (its result stays boxed: NaN past the end)
    /// and String.fromCharCode (a string).
    case charCodeAt, fromCharCode
    /// Map and Set methods compiled code calls straight into the table
    /// (`Isolate.collectionIntrinsic`), without a frame or an argument list.
    case mapGet, mapSet, mapHas, mapDelete, setAdd, setHas, setDelete
    /// Array.prototype.push with one argument and pop, the same way.
    case arrayPush, arrayPop

    /// Whether compiled code runs it through `mvm_collection`.
    public var isCollectionMethod: Bool { rawValue >= NativeIntrinsic.mapGet.rawValue && rawValue <= NativeIntrinsic.arrayPop.rawValue }
}

/// Where a named access with an offset compiled in finds its slot
/// (FeedbackSnapshot.propertyPlaces).
public enum PropertyPlace: UInt8, Sendable {
    case none = 0
    /// In the object: its shape is table word 0.
    case own
    /// In the object's prototype, which holds it as data: word 1 is that
    /// prototype and word 2 its shape (the object's own shape, word 0,
    /// says the object does not have it).
    case prototype
    /// In the object, which has one of two to four shapes (table words 0...)
    /// with the slot at an offset of its own (FeedbackSnapshot.propertyConstants).
    case ownOfSeveralShapes
}

/// Compiled code for one (CodeBlock, FeedbackSnapshot). Immutable; shared by
/// every isolate that asks for the same specialization.
public final class NativeCode: @unchecked Sendable {
    /// `UInt64 entry(JITState *state, Value *registers, InstanceData *data, UInt32 pcOffset)`.
    public let entry: UnsafeRawPointer
    public let symbol: String
    public let compileMilliseconds: Double
    public let codeSize: Int
    /// The bytecode offsets a loop compile covers (its outermost loop, from
    /// the header to the back-edge); nil for the whole function.
    public let region: ClosedRange<Int>?
    /// The loop headers it can be entered at (OSR), sorted. Entered
    /// elsewhere, it returns at once (NativeExit "interpret"): an entry at
    /// every header cost compile time and, with edges into the middle of a
    /// loop nest, slower loops.
    public let loopEntries: [Int]
    /// Named accesses compiled to a slot at a fixed offset
    /// (FeedbackSnapshot.propertyConstants), and how many of them check no
    /// shape (an earlier access checked the same object).
    public let fixedSlotAccesses: Int
    public let uncheckedSlotAccesses: Int
    /// In its deopt exit words (bits 48-55): a deopt whose tag is not the
    /// installed code's came from an activation of code already thrown
    /// away, and does not count against the code that replaced it. 1-255,
    /// cycling over the tier's compiles.
    public let codeTag: UInt8
    /// Quick code: compiled for latency, not speed. It counts down the
    /// function's `tierCountdown` at its start and its back-edges and calls
    /// NativeABI.tierUpSymbol at zero, which installs the optimized code
    /// of the function when it is ready (Isolate.upgrade).
    public let quick: Bool
    /// Calls compiled as their callee's body (MVMJIT's PureLeaf).
    public let inlinedCalls: Int

    public init(entry: UnsafeRawPointer, symbol: String, compileMilliseconds: Double, codeSize: Int, region: ClosedRange<Int>? = nil,
                loopEntries: [Int], fixedSlotAccesses: Int = 0, uncheckedSlotAccesses: Int = 0, codeTag: UInt8 = 0, quick: Bool = false,
                inlinedCalls: Int = 0) {
        self.codeTag = codeTag
        self.quick = quick
        self.inlinedCalls = inlinedCalls
        self.entry = entry
        self.symbol = symbol
        self.compileMilliseconds = compileMilliseconds
        self.codeSize = codeSize
        self.region = region
        self.loopEntries = loopEntries
        self.fixedSlotAccesses = fixedSlotAccesses
        self.uncheckedSlotAccesses = uncheckedSlotAccesses
    }
}

extension CodeBlock {
    /// The line where code covering `region` starts (the function's line
    /// for the whole function, a loop compile's header line).
    public func firstLine(of region: ClosedRange<Int>?) -> Int {
        region.map { position(at: $0.lowerBound).line } ?? Int(loc.line)
    }
}

/// A loop compile installed in one isolate, with the deopts it took there.
final class LoopCode {
    let code: NativeCode
    var deopts: UInt32 = 0
    init(_ code: NativeCode) { self.code = code }
}

/// The answer to a tier-up request.
public enum NativeCodeLookup: Sendable {
    /// Ready; `compiledNow` is false when it came from the shared cache
    /// (compiled earlier, by this isolate or another).
    case ready(NativeCode, compiledNow: Bool)
    /// Compiling on the background thread; ask again later.
    case pending
    /// This function will not be compiled (the reason goes to --stats).
    case refused(String)
}

/// A tier that turns bytecode into native code (MVMJIT provides one).
public protocol NativeTier: AnyObject, Sendable {
    /// Native code for `block` specialized to `feedback`: the whole function,
    /// or with `loop` (a loop header's offset) only the outermost loop
    /// around that header, entered there (OSR). `header`, for the whole
    /// function, is the loop header whose back-edges asked for it (nil: a
    /// call did): the code can be entered there, not only at the function's
    /// start and its outermost loops. It is a hint: code compiled for
    /// another header is shared. `quick` asks for quick code
    /// (NativeCode.quick), of the whole function only. With `wait`, a
    /// missing compilation happens now on this thread; without, it is queued.
    func nativeCode(for block: CodeBlock, feedback: FeedbackSnapshot, loop: Int?, header: Int?, quick: Bool, wait: Bool) -> NativeCodeLookup
}

extension NativeTier {
    /// Optimized code (`quick` false).
    public func nativeCode(for block: CodeBlock, feedback: FeedbackSnapshot, loop: Int?, header: Int?, wait: Bool) -> NativeCodeLookup {
        nativeCode(for: block, feedback: feedback, loop: loop, header: header, quick: false, wait: wait)
    }
}

/// Why compiled code gave control back to the interpreter.
public enum DeoptReason: UInt16, Sendable, CaseIterable {
    case none = 0
    case notInt32 = 1
    case notNumber = 2
    case stress = 4
    case coldCode = 6
    case calleeChanged = 7
    case propertyMiss = 8
    /// Int32 operands whose result is not one (overflow, -0, a fraction).
    case resultNotInt32 = 9
    /// An entry (a call, or OSR at a loop header) found a register of
    /// another type than the code was compiled for.
    case entryTypes = 10

    public var description: String {
        switch self {
        case .none: return "none"
        case .notInt32: return "operand not int32"
        case .notNumber: return "operand not a number"
        case .stress: return "forced (deopt stress)"
        case .coldCode: return "reached code that had never run"
        case .calleeChanged: return "callee is not the builtin compiled in"
        case .propertyMiss: return "property cache miss"
        case .resultNotInt32: return "result not int32 (overflow, -0 or a fraction)"
        case .entryTypes: return "entered with a register of another type"
        }
    }
}

/// Arithmetic feedback besides the operand kinds (FeedbackSnapshot.arithmetic).
public enum ArithmeticSite {
    /// A double result was integral and in int32 range, so the interpreter
    /// boxed it as an int32 (Value(Double)): `- * / %` and the immediate
    /// forms, whose code compiled for doubles boxes such results as int32s
    /// too (RegisterTypes.integralIn); other double results it boxes as
    /// they are. (The interpreter's `+` boxes its double sums as they are.)
    public static let integralDouble: UInt8 = 16
}

/// Per-isolate words native code reads through its first argument. Its
/// layout is part of the native ABI (see `NativeABI`).
struct JITState {
    var isolate: UnsafeMutableRawPointer
    /// The global object's bits (global variable caches check its shape).
    var globalObject: UInt64
    /// Bumped whenever an object used as a prototype changes shape.
    var protoEpoch: UInt32
    /// Deopt stress: guards count this down and fail when it reaches zero.
    var stressCountdown: Int32
    /// The frame stack (compiled code pushes frames of compiled callees).
    var frames: UnsafeMutableRawPointer
    var frameCount: Int
    var frameCapacity: Int
    var stackTop: UnsafeMutablePointer<Value>
    var registerEnd: UnsafeMutablePointer<Value>
    /// Compiled code calls compiled code directly only above this native
    /// stack address (the stack guard's limit plus Isolate.nativeCallReserve).
    var nativeStackLimit: UInt
    /// The megamorphic property cache (MegamorphicCache.swift), made on first use.
    var megamorphicTable: UnsafeMutablePointer<MegamorphicEntry>?
    /// The atoms of the 128 one-unit ASCII strings, by code unit: what
    /// `s[i]` and String.fromCharCode give.
    var singleCharStrings: UnsafeMutablePointer<Value>
    /// What makes iterating an array need no iterator object (Operations'
    /// arrayIteratorIsPristine, which fills it; compiled code checks it too).
    var arrayIteration = ArrayIterationCheck()
    /// The heap's free lists and collection trigger: compiled code makes
    /// `new`'s object itself.
    var heap: UnsafeMutablePointer<HeapAllocation>
    /// Where `prototype` is in the function shape last seen by `new`: that
    /// shape's bits (0: none yet) and the slot's offset (Cell.slot(atOffset:)).
    var prototypeSlotShape: UInt64 = 0
    var prototypeSlotOffset: Int32 = 0
    /// The layout roots of plain objects by inline slot count, as bits (0:
    /// not made yet; Isolate.objectRootShapeBits).
    var objectRoots: UnsafeMutablePointer<UInt64>
}

/// An array iterates without an iterator object while its prototype is
/// Array.prototype, it has no own named properties (so no own
/// [Symbol.iterator]), and the slots where Array.prototype[Symbol.iterator]
/// and %ArrayIteratorPrototype%.next were found still hold the originals,
/// the prototypes' shapes unchanged since (so the offsets still hold).
/// Zero until the first full check succeeds.
struct ArrayIterationCheck {
    var arrayPrototype: UInt64 = 0
    var plainArrayShape: UInt64 = 0
    var arrayPrototypeShape: UInt64 = 0
    var valuesOffset: Int32 = 0
    var valuesFunction: UInt64 = 0
    var iteratorPrototype: UInt64 = 0
    var iteratorPrototypeShape: UInt64 = 0
    var nextOffset: Int32 = 0
    var nextFunction: UInt64 = 0
}

/// The `--stats` record of the JIT in one isolate.
public struct JITStatistics: Sendable {
    public struct Compiled: Sendable {
        public var name: String
        public var location: String
        public var milliseconds: Double
        /// False when the code came from the shared cache.
        public var compiledHere: Bool
        public var codeSize: Int
        /// A loop compile (OSR of one loop nest); `location` is its header's line.
        public var loop = false
        /// NativeCode.fixedSlotAccesses and .uncheckedSlotAccesses.
        public var fixedSlotAccesses = 0
        public var uncheckedSlotAccesses = 0
        /// Quick code (NativeCode.quick).
        public var quick = false
        /// Optimized code that replaced the function's quick code; every
        /// other installation is a function's first code (or its first
        /// since its code was thrown away), what it waited for in the
        /// interpreter.
        public var upgrade = false
        /// NativeCode.inlinedCalls.
        public var inlinedCalls = 0
    }
    public struct Deopt: Hashable, Sendable {
        public var function: String
        public var location: String
        public var opcode: String
        public var reason: String
    }
    /// Every installation, in order.
    public var installed: [Compiled] = []
    /// Compilations this isolate started (the shared cache had nothing).
    public var compiles: Int { installed.filter(\.compiledHere).count }
    /// Installations the shared cache served without compiling.
    public var cacheHits: Int { installed.filter { !$0.compiledHere }.count }
    public var deopts: [Deopt: Int] = [:]
    public var deoptCount: Int { deopts.values.reduce(0, +) }
    /// Functions the tier would not compile, with the reason.
    public var refused: [String: String] = [:]
    /// Native code thrown away after too many deopts.
    public var discarded = 0
    /// Entries into native code at a loop header (OSR) by the interpreter,
    /// by function ("name (file:line)"): a loop that got hot, or went on
    /// after native code left it there (quick code giving way to its
    /// optimized code, a loop compile's return after a deopt).
    public var loopEntries: [String: Int] = [:]

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        if sorted.isEmpty { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    public var description: String {
        var lines: [String] = []
        let compiledHere = installed.filter(\.compiledHere), times = compiledHere.map(\.milliseconds)
        lines.append("jit: \(installed.count) functions installed (\(compiles) compiled, \(cacheHits) from the shared cache), "
                     + "compile time \(format3(times.reduce(0, +))) ms total, \(format3(Self.median(times))) ms median; "
                     + "\(deoptCount) deopts, \(discarded) discarded")
        // A function's first code is quick code, or optimized code (short
        // functions, loops, quick code off); functions that stay hot
        // replace quick code with optimized code later.
        if !compiledHere.isEmpty {
            let first = compiledHere.filter { !$0.upgrade }, upgrades = compiledHere.filter(\.upgrade).map(\.milliseconds)
            func compiles(_ n: Int) -> String { n == 1 ? "1 compile" : "\(n) compiles" }
            lines.append("jit: first code \(format3(Self.median(first.map(\.milliseconds)))) ms median "
                         + "(\(compiles(first.count)), \(first.filter(\.quick).count) quick); "
                         + "upgrades to optimized code \(format3(Self.median(upgrades))) ms median (\(compiles(upgrades.count)))")
        }
        for entry in installed {
            let slots = entry.fixedSlotAccesses == 0 ? ""
                : ", \(entry.fixedSlotAccesses) property accesses at fixed offsets (\(entry.uncheckedSlotAccesses) with no shape check)"
            let inlined = entry.inlinedCalls == 0 ? ""
                : ", \(entry.inlinedCalls) call\(entry.inlinedCalls == 1 ? "" : "s") computed at the site (a pure leaf callee)"
            lines.append("  compiled \(entry.name)\(entry.loop ? " loop" : "")\(entry.quick ? " quick" : "") (\(entry.location)): \(entry.compiledHere ? "\(format3(entry.milliseconds)) ms" : "shared cache"), \(entry.codeSize) bytes\(slots)\(inlined)")
        }
        for (deopt, count) in deopts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key.location < $1.key.location) }) {
            lines.append("  deopt \(deopt.function) (\(deopt.location)) \(deopt.opcode): \(deopt.reason) x\(count)")
        }
        for (name, count) in loopEntries.sorted(by: { $0.key < $1.key }) {
            lines.append("  entered \(name) at a loop header x\(count)")
        }
        for (name, reason) in refused.sorted(by: { $0.key < $1.key }) {
            lines.append("  not compiled \(name): \(reason)")
        }
        return lines.joined(separator: "\n")
    }
}

/// How a function stands with the native tier (`InstanceData.tierStatus`).
enum TierStatus {
    static let interpreted: UInt8 = 0
    /// A compilation is under way (its snapshot is in `FunctionInstance.requested`).
    static let requested: UInt8 = 1
    static let installed: UInt8 = 2
    /// Never again: refused by the tier or deopting too often.
    static let abandoned: UInt8 = 3
}

/// Exit words native code returns: the instruction offset in the low 32 bits,
/// a deopt reason (or a returned register) in bits 32-47, the kind in the top byte.
enum NativeExit {
    static let interpret: UInt64 = 0
    static let exception: UInt64 = 1
    static let deopt: UInt64 = 2
    /// At a `ret` whose value is in the frame, in the register that bits
    /// 32-47 name: the caller pops the frame without reading bytecode.
    static let returned: UInt64 = 3

    /// The word for `kind` at instruction `offset`, with `detail` (a deopt
    /// reason, a returned register) in bits 32-47.
    static func word(_ kind: UInt64, detail: UInt64 = 0, offset: Int = 0) -> UInt64 {
        kind << kindShift | (detail & 0xFFFF) << detailShift | UInt64(UInt32(truncatingIfNeeded: offset))
    }
    static let kindShift: UInt64 = 56
    static let detailShift: UInt64 = 32
    static let codeTagShift: UInt64 = 48
    /// Which code a deopt left (NativeCode.codeTag).
    @inline(__always) static func codeTag(_ exit: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: exit >> codeTagShift) }
    @inline(__always) static func returnedRegister(_ exit: UInt64) -> Int { Int(UInt16(truncatingIfNeeded: exit >> detailShift)) }
    /// The instruction the interpreter goes on with.
    @inline(__always) static func offset(_ exit: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: exit)) }
    /// A deopt exit's reason.
    static func deoptReason(_ exit: UInt64) -> DeoptReason {
        DeoptReason(rawValue: UInt16(truncatingIfNeeded: exit >> detailShift)) ?? .none
    }
}

typealias NativeEntry = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer, UInt32) -> UInt64

extension Isolate {
    /// Entries and back-edges before a function first asks for native code.
    var initialTierCountdown: Int32 {
        switch jitMode {
        case .off: return .max
        case .eager: return 0
        case .on: return Int32(clamping: jitThreshold)
        }
    }

    /// A function's countdown ran out at its entry (or native code left it
    /// to the interpreter, see `takeExit`). True when native code for the
    /// whole function is installed: the caller enters it.
    @inline(never)
    func tierUp(_ data: UnsafeMutablePointer<InstanceData>) -> Bool { tierUp(data, header: nil) }

    /// tierUp from the back-edge of the loop at `header` (nil: an entry).
    private func tierUp(_ data: UnsafeMutablePointer<InstanceData>, header: Int?) -> Bool {
        let instance = data.pointee.instance.takeUnretainedValue()
        if data.pointee.native != nil {
            if instance.nativeCode?.quick == true {
                _ = upgrade(data, instance, header: header)
            } else {
                data.pointee.tierCountdown = .max
            }
            return true
        }
        if compilesLoops(data, instance) {
            // Few entries: the count was spent in loops, whose back-edges
            // decide (tierUpAtLoop); the first one enters a loop's code.
            if data.pointee.tierStatus == TierStatus.interpreted { pollLoops(data, instance, after: 0) }
            return false
        }
        return requestNativeCode(data, loop: nil, header: header)
    }

    /// Asks the tier for the function's code (`loop` nil) or for the loop
    /// nest around header `loop`, or polls the request in flight. True when
    /// new code was installed.
    private func requestNativeCode(_ data: UnsafeMutablePointer<InstanceData>, loop: Int?, header: Int?) -> Bool {
        guard jitMode != .off, let tier = nativeTier, data.pointee.tierStatus != TierStatus.abandoned else {
            data.pointee.tierCountdown = .max
            return false
        }
        let instance = data.pointee.instance.takeUnretainedValue()
        let block = instance.block
        if block.flags.contains(.generator) || block.flags.contains(.async) {
            abandonTier(data, instance, reason: "generator functions stay in the interpreter")
            return false
        }
        let snapshot: FeedbackSnapshot, requestedLoop: Int?
        let pending = data.pointee.tierStatus == TierStatus.requested
        if pending, let requested = instance.requested {
            snapshot = requested
            requestedLoop = instance.requestedLoop
        } else {
            snapshot = feedbackSnapshot(data, block)
            requestedLoop = loop
        }
        switch tier.nativeCode(for: block, feedback: snapshot, loop: requestedLoop, header: header,
                               quick: quickCodeFirst, wait: compilesWaiting) {
        case .ready(let code, let compiledNow):
            guard fillShapeTable(data, snapshot) else {
                abandonTier(data, instance, reason: "its shape table changed under a compilation")
                return false
            }
            // A background compilation this isolate asked for counts as its own.
            install(code, data, instance, compiledHere: compiledNow || pending)
            return true
        case .pending:
            instance.requested = snapshot
            instance.requestedLoop = requestedLoop
            data.pointee.tierStatus = TierStatus.requested
            data.pointee.tierCountdown = Self.requestPollInterval
            return false
        case .refused(let reason):
            abandonTier(data, instance, reason: reason)
            return false
        }
    }

    /// Whether a compile happens on the thread that asks for it.
    private var compilesWaiting: Bool { jitMode == .eager || deoptStress || !compileInBackground }

    /// Entries and back-edges quick code runs before it asks for the
    /// function's optimized code.
    private var upgradeCountdown: Int32 { Int32(clamping: max(jitThreshold, 1)) }
    /// Entries and back-edges between asks while a requested compile
    /// (first code or an upgrade) is under way.
    private static let requestPollInterval: Int32 = 200

    /// The function runs quick code and its countdown ran out: asks for its
    /// optimized code (with the feedback the interpreter has now, for the
    /// loop at `header` if a back-edge asked) or polls that request, and
    /// installs the code when it is ready. True when it was installed.
    private func upgrade(_ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance, header: Int?) -> Bool {
        guard let tier = nativeTier, jitMode != .off else {
            data.pointee.tierCountdown = .max
            return false
        }
        let pending = instance.upgradeRequested
        let snapshot = pending ?? feedbackSnapshot(data, instance.block)
        switch tier.nativeCode(for: instance.block, feedback: snapshot, loop: nil, header: header, quick: false, wait: compilesWaiting) {
        case .ready(let code, let compiledNow):
            instance.upgradeRequested = nil
            guard fillShapeTable(data, snapshot) else {
                // The quick code's shapes hold the table: it stays.
                data.pointee.tierCountdown = .max
                return false
            }
            install(code, data, instance, compiledHere: compiledNow || pending != nil, upgrade: true)
            return true
        case .pending:
            instance.upgradeRequested = snapshot
            data.pointee.tierCountdown = Self.requestPollInterval
            return false
        case .refused(let reason):
            instance.upgradeRequested = nil
            data.pointee.tierCountdown = .max
            jitStatistics.refused[functionLabel(instance.block)] = "no optimized code: \(reason)"
            return false
        }
    }

    /// Quick code's countdown ran out at its start (`offset` 0) or at the
    /// back-edge of the loop whose header is at `offset` (NativeABI
    /// .tierUpSymbol). 1 when optimized code was installed that can be
    /// entered at that header: the quick code leaves for the interpreter
    /// there, whose next back-edge enters it. A call goes on in the quick
    /// code; the next one runs the new code.
    func nativeTierUp(_ offset: UInt32) -> Int32 {
        let data = frames[frameCount - 1].data
        let instance = data.pointee.instance.takeUnretainedValue()
        guard instance.nativeCode?.quick == true else { return 0 }
        let header = offset == 0 ? nil : Int(offset)
        guard upgrade(data, instance, header: header), let header, let code = instance.nativeCode else { return 0 }
        return code.loopEntries.contains(header) ? 1 : 0
    }

    /// Back-edges between looks at a loop without code in a function that
    /// has loop code (each adds to the loop's heat, `loopHeat`).
    static let loopPollInterval: Int32 = 64

    /// Calls tierUpAtLoop after `backEdges` more back-edges.
    private func pollLoops(_ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance, after backEdges: Int32) {
        data.pointee.tierCountdown = backEdges
        instance.loopPoll = backEdges
    }

    /// Whether OSR compiles the loop nest rather than the function: a loop
    /// got hot within the function's first two calls, so its loops hold
    /// the time, and the code before and after a loop and its other loops
    /// need not be compiled with it (a benchmark's driver loop compiled
    /// whole took its setup, its checks and its later loops along: 20-100
    /// ms of LLVM, and a recompile when a later loop first ran). A function
    /// that has loop code goes on compiling its loops until it has been
    /// called often enough to be worth compiling whole. Only for --jit=on
    /// without deopt stress, where feedback comes from the interpreter.
    private func compilesLoops(_ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance) -> Bool {
        guard jitMode == .on, !deoptStress, nativeTier != nil else { return false }
        let entries = data.pointee.entryCount
        if instance.loopCode.isEmpty && instance.requestedLoop == nil { return entries <= 2 }
        return entries < UInt32(max(jitThreshold / 8, 4))
    }

    enum LoopTierUp { case interpret, resume, exception }

    /// The countdown ran out at a loop back-edge whose header is the
    /// frame's pc: `.resume` when native code ran from there, or the whole
    /// function's is installed (the interpreter goes on from the frame's pc);
    /// `.exception` when native code left with one pending.
    @inline(never)
    func tierUpAtLoop(_ data: UnsafeMutablePointer<InstanceData>, _ frame: UnsafeMutablePointer<Frame>) -> LoopTierUp {
        let instance = data.pointee.instance.takeUnretainedValue()
        let header = frame.pointee.pc - data.pointee.code
        let loops = data.pointee.native == nil && compilesLoops(data, instance)
        if !loops {
            // Whole-function tier-up; loop code, if any, serves meanwhile.
            _ = tierUp(data, header: header)
        } else if data.pointee.tierStatus == TierStatus.requested {
            _ = requestNativeCode(data, loop: nil, header: header)  // poll
        } else if data.pointee.tierStatus != TierStatus.abandoned, instance.loopCode(at: header) == nil {
            // The first hot loop compiles at once; later ones once their own
            // back-edges reach the threshold.
            let heat = instance.loopHeat[header, default: 0] + Int(instance.loopPoll) + 1
            instance.loopHeat[header] = heat
            if instance.loopCode.isEmpty || heat >= jitThreshold { _ = requestNativeCode(data, loop: header, header: header) }
        }
        // A loop that is most of its function compiles whole (FunctionCompiler.region).
        if data.pointee.native != nil {
            if instance.nativeCode?.loopEntries.contains(header) ?? true {
                jitStatistics.loopEntries[functionLabel(instance.block), default: 0] += 1  // the interpreter enters it
                return .resume
            }
            // Not an entry (an inner loop's header): the interpreter runs
            // to a back-edge of a loop around it, which is; every back-edge
            // looks until then. Entering here would return at once, and
            // with a zero countdown (takeExit) at every back-edge. Quick
            // code waiting for its optimized code polls less often.
            if instance.upgradeRequested == nil { data.pointee.tierCountdown = 0 }
            return .interpret
        }
        let code = instance.loopCode(at: header)
        if let code, !code.code.loopEntries.contains(header) {
            pollLoops(data, instance, after: 0)  // not an entry: as above
            return .interpret
        }
        guard let loop = code else {
            if loops && data.pointee.tierStatus == TierStatus.interpreted { pollLoops(data, instance, after: Self.loopPollInterval) }
            return .interpret
        }
        jitStatistics.loopEntries[functionLabel(instance.block), default: 0] += 1
        let exit = enterNative(loop.code.entry, frame)
        let kind = exit >> NativeExit.kindShift
        if kind == NativeExit.exception { return .exception }
        frame.pointee.pc = data.pointee.code + NativeExit.offset(exit)
        // The next back-edge looks again: it re-enters after a deopt, and
        // finds the code of the function's next loop, if any.
        if data.pointee.tierStatus != TierStatus.abandoned { pollLoops(data, instance, after: 0) }
        if kind == NativeExit.deopt {
            let reason = NativeExit.deoptReason(exit)
            countDeopt(frame, reason: reason)
            loop.deopts &+= 1
            if loop.deopts >= deoptLimit(reason) {
                instance.loopCode.removeAll { $0 === loop }
                instance.loopHeat[loop.code.region!.lowerBound] = nil
                discard(data, instance, reason: reason)
                if data.pointee.tierStatus == TierStatus.interpreted { pollLoops(data, instance, after: 0) }
            }
        }
        return .resume
    }

    private func abandonTier(_ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance, reason: String) {
        data.pointee.tierStatus = TierStatus.abandoned
        data.pointee.tierCountdown = .max
        jitStatistics.refused[functionLabel(instance.block)] = reason
    }

    private func install(_ code: NativeCode, _ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance, compiledHere: Bool,
                         upgrade: Bool = false) {
        instance.requested = nil
        instance.requestedLoop = nil
        let block = instance.block
        if code.region != nil {
            // Entered at its headers by tierUpAtLoop; the function is not compiled.
            instance.loopCode.append(LoopCode(code))
            data.pointee.tierStatus = TierStatus.interpreted
        } else {
            instance.nativeCode = code
            data.pointee.native = code.entry
            data.pointee.tierStatus = TierStatus.installed
            data.pointee.tierCountdown = code.quick ? upgradeCountdown : .max
            data.pointee.deoptCount = 0
        }
        jitStatistics.installed.append(.init(name: block.displayName,
                                             location: "\(block.source.name):\(block.firstLine(of: code.region))",
                                             milliseconds: code.compileMilliseconds, compiledHere: compiledHere,
                                             codeSize: code.codeSize, loop: code.region != nil,
                                             fixedSlotAccesses: code.fixedSlotAccesses, uncheckedSlotAccesses: code.uncheckedSlotAccesses,
                                             quick: code.quick, upgrade: upgrade, inlinedCalls: code.inlinedCalls))
    }

    func functionLabel(_ block: CodeBlock) -> String {
        "\(block.displayName) (\(block.source.name):\(block.loc.line))"
    }

    func feedbackSnapshot(_ data: UnsafeMutablePointer<InstanceData>, _ block: CodeBlock) -> FeedbackSnapshot {
        let d = data.pointee
        let arithmetic = Array(UnsafeBufferPointer(start: d.arithmetic, count: block.arithmeticFeedbackCount))
        let states = Array(UnsafeBufferPointer(start: d.cacheStates, count: block.propertyCacheCount))
        var kinds = [UInt8](repeating: 0, count: block.propertyCacheCount)
        for site in 0..<block.propertyCacheCount where states[site] <= 4 {
            for e in 0..<Int(max(states[site], 1)) {
                let entry = d.caches[site * 4 + e]
                if entry.shape == 0 { continue }
                kinds[site] |= 1 << entry.kind
                if entry.offset < 0 { kinds[site] |= 0x80 }
                if entry.shape == CacheEntry.primitiveString { kinds[site] |= FeedbackSnapshot.primitiveStringReceiver }
            }
        }
        let instance = d.instance.takeUnretainedValue()
        let (places, constants, classes, shapes) = propertyConstants(d, instance, states)
        var calls = [UInt8](repeating: 0, count: block.callFeedbackCount)
        var intrinsics = [UInt8](repeating: 0, count: block.callFeedbackCount)
        var nativeIndexes = [Int32](repeating: -1, count: block.callFeedbackCount)
        var targets = [CodeBlock?](repeating: nil, count: block.callFeedbackCount)
        for i in 0..<block.callFeedbackCount {
            let slots = d.callFeedback + i * CallFeedback.width
            if slots[0] == 0 { continue }
            if slots[0] == CallFeedback.megamorphic { calls[i] = 2; continue }
            calls[i] = 1
            let first = Value(bits: slots[0])
            if slots[1] == 0 && first.isCell(.nativeFunction) {
                let index = first.cell.internalValue(0).int32
                if let intrinsic = intrinsicNatives[index] {
                    intrinsics[i] = intrinsic.rawValue
                    nativeIndexes[i] = index
                }
            }
            for j in 0..<CallFeedback.width where slots[j] != 0 && slots[j] != CallFeedback.deadFunction {
                if slots[j] == CallFeedback.deadOther || !Value(bits: slots[j]).isCell(.function) { calls[i] = 2 }
            }
            // The one CodeBlock behind every callee seen, if there is one
            // (a callee the collector freed left no trace of its own).
            let callees = (0..<CallFeedback.width).map { slots[$0] }.filter { $0 != 0 }
            if calls[i] == 1, !callees.contains(CallFeedback.deadFunction) {
                let blocks = callees.map { instanceData(Value(bits: $0).cell).pointee.instance.takeUnretainedValue().block }
                if blocks.allSatisfy({ $0 === blocks[0] }) { targets[i] = blocks[0] }
            }
        }
        let interpretedFirst = jitMode == .on && !deoptStress
        return FeedbackSnapshot(arithmetic: arithmetic, propertyStates: states, propertyKinds: kinds, callKinds: calls,
                                callIntrinsics: intrinsics, callNativeIndexes: nativeIndexes, callTargets: targets,
                                propertyMissesLeave: interpretedFirst && instance.propertyMissesLeave,
                                deoptStress: deoptStress,
                                coldCodeDeopts: interpretedFirst && instance.recompilations == 0,
                                interpretedFirst: interpretedFirst, propertyPlaces: places, propertyConstants: constants,
                                propertyShapeClasses: classes, propertyShapes: shapes)
    }

    /// FeedbackSnapshot.propertyPlaces, .propertyConstants,
    /// .propertyShapeClasses and .propertyShapes: the named-access sites
    /// whose one entry found a data property of the object or of its
    /// prototype, or whose two to four entries each found one of the object.
    private func propertyConstants(_ d: InstanceData, _ instance: FunctionInstance,
                                   _ states: [UInt8]) -> ([UInt8], [Int32], [UInt16], [UInt64]) {
        let count = states.count, words = FeedbackSnapshot.tableWords
        var places = [UInt8](repeating: 0, count: count)
        var constants = [Int32](repeating: 0, count: count * words)
        var classes = [UInt16](repeating: 0, count: count)
        var shapes = [UInt64](repeating: 0, count: count * words)
        var firstSite: [UInt64: Int] = [:]
        for site in instance.namedPropertySites where site < count && site <= Int(UInt16.max) && (1...4).contains(states[site]) {
            let entry = d.caches[site * 4]
            guard entry.shape > CacheEntry.primitiveString, entry.offset != 0 else { continue }
            var place = PropertyPlace.none
            var siteWords: [UInt64] = [entry.shape, 0, 0, 0]
            var offsets: [Int32] = [entry.offset, 0, 0, 0]
            if states[site] > 1 {
                // Polymorphic: own data in each shape seen.
                let entries = (0..<Int(states[site])).map { d.caches[site * 4 + $0] }
                guard entries.allSatisfy({ $0.kind == CacheKind.own && $0.shape > CacheEntry.primitiveString && $0.offset != 0 }) else { continue }
                place = .ownOfSeveralShapes
                for (j, e) in entries.enumerated() {
                    siteWords[j] = e.shape
                    offsets[j] = e.offset
                }
            } else if entry.kind == CacheKind.own {
                place = .own
            } else if entry.kind == CacheKind.proto && entry.holder.bits == entry.proto.bits && entry.epoch == protoEpoch
                        && entry.holder.isObject && entry.holder.cell.cellFlags & ObjectFlags.dictionary == 0 {
                // No prototype changed shape since the entry was made (the
                // epoch), so the holder's shape now is the one it was found in.
                place = .prototype
                siteWords[1] = entry.holder.bits
                siteWords[2] = entry.holder.cell.shapeBits
            }
            guard place != .none else { continue }
            // Table words are set once: a site whose words hold others
            // keeps the code that reads its cache entry.
            if shapeTable(d.shapeTable, holdsOtherThan: siteWords[...], at: site) { continue }
            places[site] = place.rawValue
            for w in 0..<words {
                constants[site * words + w] = offsets[w]
                shapes[site * words + w] = siteWords[w]
            }
            guard place != .ownOfSeveralShapes else { continue }
            classes[site] = UInt16(firstSite[entry.shape, default: site])
            if firstSite[entry.shape] == nil { firstSite[entry.shape] = site }
        }
        return (places, constants, classes, shapes)
    }

    /// Whether `site`'s words in a shape table are set, to other values than
    /// `words` (a set word never changes: InstanceData.shapeTable).
    private func shapeTable(_ table: UnsafeMutablePointer<UInt64>?, holdsOtherThan words: ArraySlice<UInt64>, at site: Int) -> Bool {
        guard let table else { return false }
        let base = site * FeedbackSnapshot.tableWords
        return table[base] != 0 && words.enumerated().contains { table[base + $0.offset] != $0.element }
    }

    /// Fills the function's shape table for `snapshot`'s compiled-in
    /// offsets; false (and nothing written) when a site's words hold
    /// others, which the snapshot's own check rules out unless an
    /// installation came between.
    func fillShapeTable(_ data: UnsafeMutablePointer<InstanceData>, _ snapshot: FeedbackSnapshot) -> Bool {
        let words = FeedbackSnapshot.tableWords
        let sites = snapshot.propertyPlaces.indices.filter { snapshot.propertyPlaces[$0] != 0 }
        if sites.isEmpty { return true }
        let table: UnsafeMutablePointer<UInt64>
        if let existing = data.pointee.shapeTable {
            table = existing
        } else {
            let count = max(1, data.pointee.instance.takeUnretainedValue().block.propertyCacheCount) * words
            table = .allocate(capacity: count)
            table.initialize(repeating: 0, count: count)
            data.pointee.shapeTable = table
        }
        let wanted = { (site: Int) in snapshot.propertyShapes[site * words ..< (site + 1) * words] }
        if sites.contains(where: { shapeTable(table, holdsOtherThan: wanted($0), at: $0) }) { return false }
        for site in sites {
            for w in 0..<words { table[site * words + w] = snapshot.propertyShapes[site * words + w] }
        }
        return true
    }

    /// Runs the native code of the frame on top from its pc. Returns false
    /// when an exception is pending; otherwise the frame's pc is where the
    /// interpreter continues.
    @inline(never)
    func runNative(_ entry: UnsafeRawPointer, _ frame: UnsafeMutablePointer<Frame>) -> Bool {
        takeExit(enterNative(entry, frame), frame)
    }

    /// Calls `frame`'s native code from the frame's pc; returns its exit word.
    @inline(__always)
    func enterNative(_ entry: UnsafeRawPointer, _ frame: UnsafeMutablePointer<Frame>) -> UInt64 {
        let data = frame.pointee.data
        let offset = UInt32(frame.pointee.pc - data.pointee.code)
        return unsafeBitCast(entry, to: NativeEntry.self)(UnsafeMutableRawPointer(jitState), UnsafeMutableRawPointer(frame.pointee.registers),
                                                           UnsafeMutableRawPointer(data), offset)
    }

    /// Applies an exit word to the frame it left: its pc becomes the
    /// instruction the interpreter goes on with, a deopt is counted, and the
    /// countdown is zeroed so the next back-edge enters native code again.
    /// False when an exception is pending instead.
    func takeExit(_ exit: UInt64, _ frame: UnsafeMutablePointer<Frame>) -> Bool {
        let kind = exit >> NativeExit.kindShift
        if kind == NativeExit.exception { return false }
        let data = frame.pointee.data
        frame.pointee.pc = data.pointee.code + NativeExit.offset(exit)
        // The interpreter goes on from here: its next loop back-edge
        // re-enters native code. A `ret` has none, and a zero countdown
        // would send the function's next call through tierUp for nothing.
        if kind != NativeExit.returned { data.pointee.tierCountdown = 0 }
        if kind == NativeExit.deopt { recordDeopt(frame, exit) }
        return true
    }

    /// Counts a deopt; code that keeps deopting is thrown away so that the
    /// function recompiles with the feedback the interpreter gathers meanwhile,
    /// and after a few rounds it stays interpreted. A deopt of code already
    /// thrown away (a deeper activation of it, still on the stack) only
    /// shows in --stats: a recursion compiled before its second branch had
    /// run deopted in each of its 19 frames, which counted as 17 discards
    /// and left fib interpreted for good ("deopted too often").
    @inline(never)
    func recordDeopt(_ frame: UnsafeMutablePointer<Frame>, _ exit: UInt64) {
        let reason = NativeExit.deoptReason(exit)
        countDeopt(frame, reason: reason)
        let data = frame.pointee.data
        let instance = data.pointee.instance.takeUnretainedValue()
        guard let installed = instance.nativeCode, installed.codeTag == NativeExit.codeTag(exit) else { return }
        data.pointee.deoptCount &+= 1
        if data.pointee.deoptCount >= deoptLimit(reason) {
            data.pointee.native = nil
            instance.nativeCode = nil
            discard(data, instance, reason: reason)
        }
    }

    /// Deopts before code is thrown away: code that had never run has
    /// feedback now, and so has a site whose int32 result overflowed (in a
    /// loop it goes on doing so: a sieve's i * i past 46341), so they
    /// recompile soon. So does code whose entry refuses the frame's types:
    /// after a loop's sum overflowed int32, its loop code compiled for an
    /// int32 sum refused every back-edge (9 deopts, then the recompile).
    private func deoptLimit(_ reason: DeoptReason) -> UInt32 {
        if deoptStress { return 4 }
        switch reason {
        case .coldCode, .resultNotInt32, .entryTypes: return 3
        default: return 10
        }
    }

    /// The --stats record of a deopt at the frame's pc.
    private func countDeopt(_ frame: UnsafeMutablePointer<Frame>, reason: DeoptReason) {
        let data = frame.pointee.data
        let block = data.pointee.instance.takeUnretainedValue().block
        let offset = frame.pointee.pc - data.pointee.code
        let position = block.position(at: offset)
        let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: frame.pointee.pc.pointee)).map { "\($0)" } ?? "?"
        let key = JITStatistics.Deopt(function: block.displayName,
                                      location: "\(block.source.name):\(position.line):\(position.column)",
                                      opcode: opcode, reason: reason.description)
        jitStatistics.deopts[key, default: 0] += 1
    }

    /// Code was thrown away (the caller unhooked it): compile again with
    /// fresh feedback, or after a few rounds stay interpreted.
    private func discard(_ data: UnsafeMutablePointer<InstanceData>, _ instance: FunctionInstance, reason: DeoptReason) {
        if reason == .propertyMiss { instance.propertyMissesLeave = false }
        instance.upgradeRequested = nil  // asked with the feedback that failed
        jitStatistics.discarded += 1
        instance.recompilations += 1
        if instance.recompilations > (deoptStress ? 8 : 3) {
            abandonTier(data, instance, reason: "deopted too often")
        } else if data.pointee.tierStatus != TierStatus.requested {
            data.pointee.tierStatus = TierStatus.interpreted
            data.pointee.tierCountdown = deoptStress ? 0 : Int32(clamping: jitThreshold)
        }
    }
}

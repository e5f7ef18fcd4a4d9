// The isolate: one independent JavaScript world. Everything the runtime
// mutates belongs to an isolate; isolates share only immutable CodeBlocks.
import MVMBytecode
import MVMSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JavaScript exception is pending in the isolate (`pendingException`).
public struct Thrown: Error {}

/// Arguments of a native function call: `this` at base[0], arguments after.
public struct Arguments {
    let base: UnsafeMutablePointer<Value>
    public let count: Int
    public let newTarget: Value
    public let callee: Value
    @inline(__always) public subscript(i: Int) -> Value { i < count ? base[1 + i] : .undefined }
    public var this: Value { base[0] }
    public var isConstruct: Bool { !newTarget.isUndefined }
    public var all: [Value] { (0..<count).map { base[1 + $0] } }
}

public typealias NativeFunction = (Isolate, Arguments) throws(Thrown) -> Value

/// A builtin's body as the isolate keeps it: boxed in a class, so that a
/// call can borrow the box instead of copying the function out of it.
final class NativeBody {
    let body: NativeFunction
    init(_ body: @escaping NativeFunction) { self.body = body }
}

/// The isolate's builtins by index (a native function cell holds its index).
/// A Swift array of closures cost every call two retains and two releases
/// (the array's buffer, which the call might replace, and the closure's
/// context): 44% of a `Set.prototype.has` loop. Here the boxes sit in raw
/// memory, each retained once, and a call borrows its box.
struct NativeTable {
    private var boxes: UnsafeMutablePointer<Unmanaged<NativeBody>>
    private(set) var count = 0
    private var capacity = 512

    init() { boxes = .allocate(capacity: capacity) }

    mutating func append(_ body: @escaping NativeFunction) -> Int {
        if count == capacity {
            let grown = UnsafeMutablePointer<Unmanaged<NativeBody>>.allocate(capacity: 2 * capacity)
            grown.moveInitialize(from: boxes, count: count)
            boxes.deallocate()
            boxes = grown
            capacity *= 2
        }
        boxes[count] = Unmanaged.passRetained(NativeBody(body))
        count += 1
        return count - 1
    }

    @inline(__always)
    func call(_ index: Int, _ isolate: Isolate, _ args: Arguments) throws(Thrown) -> Value {
        var outcome: Result<Value, Thrown> = .success(.undefined)
        boxes[index]._withUnsafeGuaranteedRef { box in
            do throws(Thrown) { outcome = .success(try box.body(isolate, args)) } catch { outcome = .failure(error) }
        }
        return try outcome.get()
    }

    func release() {
        for i in 0..<count { boxes[i].release() }
        boxes.deallocate()
    }
}

/// Per-isolate data of one CodeBlock: resolved constants, inline caches,
/// feedback and counters. Raw memory, so the interpreter reads it without ARC.
struct InstanceData {
    var code: UnsafePointer<UInt32>
    var constants: UnsafeMutablePointer<Value>
    var names: UnsafeMutablePointer<Value>
    var caches: UnsafeMutablePointer<CacheEntry>
    var cacheStates: UnsafeMutablePointer<UInt8>
    var arithmetic: UnsafeMutablePointer<UInt8>
    var callFeedback: UnsafeMutablePointer<UInt64>
    var registerCount: Int32
    var parameterCount: Int32
    var flags: UInt32
    var entryCount: UInt32
    /// Entries and loop back-edges left before asking for native code
    /// (see Tiering.swift); 0 while native code is installed.
    var tierCountdown: Int32
    var tierStatus: UInt8
    var deoptCount: UInt32
    /// The installed native code's entry (a `NativeEntry`), or nil.
    var native: UnsafeRawPointer?
    /// Per property cache, FeedbackSnapshot.tableWords words: the shapes
    /// (and prototype) compiled code of this function checks objects
    /// against where it reads a slot at an offset compiled in
    /// (FeedbackSnapshot.propertyPlaces); 0 where none. A site's words are
    /// set once, by the first installation that relies on them, and never
    /// change after, so code installed earlier stays right. Nil until then.
    var shapeTable: UnsafeMutablePointer<UInt64>?
    var instance: Unmanaged<FunctionInstance>
    /// The function's `name` (an atom) and `length`.
    var name: Value
    var length: Int32
    /// CodeBlock.thisProperties: room for the objects it makes as a
    /// constructor (read by each `new` of it).
    var thisProperties: Int32
}

/// One inline-cache entry (see Interpreter.swift for the kinds).
struct CacheEntry {
    /// The `shape` of entries for primitive string receivers: no cell's shape
    /// pointer is odd.
    static let primitiveString: UInt64 = 1

    var shape: UInt64
    var proto: Value
    var holder: Value
    var newShape: UInt64
    var offset: Int32
    var epoch: UInt32
    var kind: UInt8
}

/// What an element access site (getIndexed, setIndexed) saw, in its property
/// cache state byte: bits for plain elements and typed arrays, and `generic`
/// (anything else, which also reads as megamorphic in --stats). Compiled code
/// checks only the kinds seen.
enum KeyedFeedback {
    static let elements: UInt8 = 1
    static let typedArray: UInt8 = 2
    static let generic: UInt8 = 5
    /// A string receiver with an int32 key (its code unit's string).
    static let string: UInt8 = 8
    /// Beside `typedArray`, the element kinds of the typed arrays seen: a
    /// site that saw one of the first three alone reads and writes its
    /// elements unboxed in compiled code (an f64, an int32).
    static let float64Elements: UInt8 = 16
    static let uint8Elements: UInt8 = 32
    static let int32Elements: UInt8 = 64
    static let otherElements: UInt8 = 128
    /// The low bits: the kinds of receivers, without the typed arrays' element kinds.
    static let receiverKinds: UInt8 = 15

    /// `typedArray` and the element kind bit of a typed array whose kind
    /// (TypedArrayKind's raw value) is `kind`.
    @inline(__always)
    static func typedArray(kind: UInt32) -> UInt8 {
        switch kind {
        case TypedArrayKind.float64.rawValue: return typedArray | float64Elements
        case TypedArrayKind.uint8.rawValue: return typedArray | uint8Elements
        case TypedArrayKind.int32.rawValue: return typedArray | int32Elements
        default: return typedArray | otherElements
        }
    }

    @inline(__always)
    static func record(_ state: UnsafeMutablePointer<UInt8>, _ kind: UInt8) {
        if state.pointee & kind != kind { state.pointee |= kind }
    }
}

/// Call and `new` sites remember the callees they saw: monomorphic (one),
/// polymorphic (up to four), megamorphic (slot 0 holds 1). The JIT reads it.
enum CallFeedback {
    static let width = 4
    static let megamorphic: UInt64 = 1
    /// What a callee the collector freed leaves in its slot: the feedback
    /// holds callees weakly (a closure made per call would keep its
    /// context alive otherwise), and the JIT needs only whether it was a
    /// JS function. Both are "other"-tagged bits no Value has (null is 0x2,
    /// the booleans 0x6 and 0x7, undefined 0xA), so no callee recorded
    /// before, a call of null included, reads as one.
    static let deadFunction: UInt64 = 0x102
    static let deadOther: UInt64 = 0x106

    /// Replaces the callees marking left unmarked by tombstones (before the
    /// sweep, while their cells can still be read).
    static func forgetDead(_ slots: UnsafeMutablePointer<UInt64>, count: Int) {
        for i in 0..<count where slots[i] != megamorphic {
            let callee = Value(bits: slots[i])
            guard callee.isCell, !callee.cell.marked else { continue }
            slots[i] = callee.isCell(.function) ? deadFunction : deadOther
        }
    }

    @inline(__always)
    static func record(_ slots: UnsafeMutablePointer<UInt64>, _ callee: Value) {
        if slots[0] == callee.bits { return }
        recordSlow(slots, callee)
    }

    @inline(never)
    static func recordSlow(_ slots: UnsafeMutablePointer<UInt64>, _ callee: Value) {
        if slots[0] == megamorphic { return }
        for i in 0..<width {
            if slots[i] == callee.bits { return }
            if slots[i] == 0 { slots[i] = callee.bits; return }
        }
        slots[0] = megamorphic
    }

    /// 0 unused, 1 monomorphic, 2 polymorphic, 3 megamorphic.
    static func state(_ slots: UnsafeMutablePointer<UInt64>) -> Int {
        if slots[0] == 0 { return 0 }
        if slots[0] == megamorphic { return 3 }
        return slots[1] == 0 ? 1 : 2
    }
}

enum CacheKind {
    static let own: UInt8 = 0
    static let proto: UInt8 = 1
    static let arrayLength: UInt8 = 2
    static let transition: UInt8 = 3
    /// A getter on the prototype chain: `holder` is the getter function.
    static let getter: UInt8 = 4
}

final class FunctionInstance {
    let block: CodeBlock
    let data: UnsafeMutablePointer<InstanceData>
    var children: [FunctionInstance?]
    /// The children's instance data once they exist, in raw memory:
    /// `newClosure` reads it without retaining anything (childInstanceData).
    let childData: UnsafeMutablePointer<UnsafeMutablePointer<InstanceData>?>
    var templates: [Int: Value] = [:]
    /// The native code installed for this function (keeps `data.native` alive).
    var nativeCode: NativeCode? = nil
    /// The snapshot a pending compilation was asked for, and the loop
    /// header when it compiles one loop nest (nil: the whole function).
    var requested: FeedbackSnapshot? = nil
    var requestedLoop: Int? = nil
    /// The snapshot the optimized compile of a function running quick code
    /// was asked for, while it is under way (Isolate.upgrade).
    var upgradeRequested: FeedbackSnapshot? = nil
    /// Code for loop nests of a function entered too few times to compile
    /// whole (OSR compiles, Tiering.swift), and the back-edges counted so
    /// far at headers none of them covers.
    var loopCode: [LoopCode] = []
    var loopHeat: [Int: Int] = [:]
    /// The loop code whose region holds loop header `header`.
    func loopCode(at header: Int) -> LoopCode? { loopCode.first { $0.code.region!.contains(header) } }
    /// The countdown the last look at the loops set (Isolate.pollLoops).
    var loopPoll: Int32 = 0
    var recompilations = 0
    /// Whether compiled code may leave on a property cache miss; false once
    /// code was thrown away for such misses, so a function whose sites keep
    /// meeting new shapes is recompiled once, not once per shape.
    var propertyMissesLeave = true
    /// The property caches of named accesses (getNamed, setNamed,
    /// defineNamed); the others are global variables' and element accesses'.
    lazy var namedPropertySites: [Int] = {
        var sites: [Int] = []
        var pc = 0
        while pc < block.codeCount {
            let word = block.code[pc]
            guard let op = Opcode(rawValue: UInt8(truncatingIfNeeded: word)) else { break }
            if op == .getNamed || op == .setNamed || op == .defineNamed { sites.append(Int(block.code[pc + 3])) }
            pc += op.info.length
        }
        return sites
    }()

    init(block: CodeBlock, isolate: Isolate) {
        self.block = block
        children = Array(repeating: nil, count: block.functions.count)
        childData = .allocate(capacity: max(1, block.functions.count))
        childData.initialize(repeating: nil, count: max(1, block.functions.count))
        data = .allocate(capacity: 1)
        let constants = UnsafeMutablePointer<Value>.allocate(capacity: max(1, block.constants.count))
        for (i, constant) in block.constants.enumerated() {
            switch constant {
            case .number(let d): constants[i] = Value(d)
            case .string(let units): constants[i] = isolate.atom(units: units)
            case .template: constants[i] = .undefined
            }
        }
        let names = UnsafeMutablePointer<Value>.allocate(capacity: max(1, block.names.count))
        for (i, units) in block.names.enumerated() { names[i] = isolate.atom(units: units) }
        let cacheCount = block.propertyCacheCount
        let caches = UnsafeMutablePointer<CacheEntry>.allocate(capacity: max(1, cacheCount * 4))
        caches.initialize(repeating: CacheEntry(shape: 0, proto: .empty, holder: .empty, newShape: 0, offset: 0, epoch: 0, kind: 0),
                          count: max(1, cacheCount * 4))
        let states = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, cacheCount))
        states.initialize(repeating: 0, count: max(1, cacheCount))
        let arithmetic = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, block.arithmeticFeedbackCount))
        arithmetic.initialize(repeating: 0, count: max(1, block.arithmeticFeedbackCount))
        // Call sites: up to four callees each (CallFeedback.width), 1 marks megamorphic.
        let calls = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, block.callFeedbackCount * CallFeedback.width))
        calls.initialize(repeating: 0, count: max(1, block.callFeedbackCount * CallFeedback.width))
        data.initialize(to: InstanceData(
            code: block.code, constants: constants, names: names, caches: caches, cacheStates: states,
            arithmetic: arithmetic, callFeedback: calls, registerCount: Int32(block.registerCount),
            parameterCount: Int32(block.parameterCount), flags: block.flags.rawValue, entryCount: 0,
            tierCountdown: isolate.initialTierCountdown, tierStatus: 0, deoptCount: 0, native: nil, shapeTable: nil, instance: Unmanaged.passUnretained(self), name: isolate.atom(units: block.name), length: Int32(block.length),
            thisProperties: Int32(block.thisProperties)))
    }

    deinit {
        let d = data.pointee
        d.constants.deallocate()
        d.names.deallocate()
        d.caches.deallocate()
        d.cacheStates.deallocate()
        d.arithmetic.deallocate()
        d.callFeedback.deallocate()
        d.shapeTable?.deallocate()
        data.deallocate()
        childData.deallocate()
    }
}

/// A frame of the JS call stack. Registers live on the isolate's register stack.
struct Frame {
    var data: UnsafeMutablePointer<InstanceData>
    /// The instruction executing (for callers: the call instruction).
    var pc: UnsafePointer<UInt32>
    /// Where the caller resumes.
    var returnPC: UnsafePointer<UInt32>
    var registers: UnsafeMutablePointer<Value>
    var callee: Value
    var newTarget: Value
    /// All arguments as an array, for functions that read `arguments`; for
    /// one that only has a rest parameter, the rest array (CodeBits.restOnly).
    var arguments: Value
    var returnRegister: UInt32
    var flags: UInt32
    /// The generator object a generator's frame runs for (else undefined).
    var generator: Value = .undefined

    static let construct: UInt32 = 1
    /// Returning from this frame returns from `execute` to native code.
    static let entry: UInt32 = 2
    static let generator: UInt32 = 4
}

public struct IsolateStatistics {
    public var bytecodesExecuted: UInt64 = 0
}

public final class Isolate {
    let heap = Heap()
    var atoms = AtomTable()
    var natives = NativeTable()
    var instances: [ObjectIdentifier: FunctionInstance] = [:]
    var allInstances: [FunctionInstance] = []
    var rootShapes: [Shape] = []
    /// Bumped whenever an object used as a prototype changes shape (native
    /// code reads it too, so it lives in `jitState`).
    var protoEpoch: UInt32 {
        @inline(__always) get { jitState.pointee.protoEpoch }
        @inline(__always) set { jitState.pointee.protoEpoch = newValue }
    }
    let jitState: UnsafeMutablePointer<JITState>

    // The native tier.
    /// Which tiers run; set before running code.
    public var jitMode: JITMode = .off
    /// Entries plus loop back-edges before a function tiers up (`jitMode == .on`).
    public var jitThreshold = 1000
    /// Native code deopts on purpose at intervals and is recompiled often
    /// (tier-comparison tests).
    public var deoptStress = false {
        didSet { jitState.pointee.stressCountdown = deoptStress ? 7 : 0 }
    }
    /// With `jitMode == .on`, compile on a background thread (the default)
    /// or right here when a function gets hot (deterministic, for tests).
    public var compileInBackground = true
    /// A function's first code is quick code (NativeCode.quick: LLVM's
    /// fast instruction selector and register allocator, a few IR passes),
    /// which counts its entries and back-edges and asks for optimized code
    /// once they pass `jitThreshold` again. False: optimized code at once.
    public var quickCodeFirst = true
    /// The tier that compiles hot functions (nil: the interpreter only).
    public var nativeTier: NativeTier? = nil
    public var jitStatistics = JITStatistics()
    var pendingException: Value = .empty
    /// Live bytes the heap may hold after a collection; beyond it the program
    /// gets a RangeError (catchable) instead of taking the process down.
    public var heapLimit = 4 << 30
    /// Collect at the first safepoint after every allocation (tests use it
    /// to shake out rooting bugs).
    public var gcStress = false {
        didSet { heap.threshold = gcStress ? 0 : 4 << 20 }
    }

    // Register and frame stacks.
    let registerCapacity = 1 << 20
    let registerBase: UnsafeMutablePointer<Value>
    /// The register stack's top and the frame count live in `jitState`:
    /// compiled code pushes and pops frames of compiled callees itself.
    var stackTop: UnsafeMutablePointer<Value> {
        @inline(__always) get { jitState.pointee.stackTop }
        @inline(__always) set { jitState.pointee.stackTop = newValue }
    }
    let frameCapacity = 20_000
    let frames: UnsafeMutablePointer<Frame>
    var frameCount: Int {
        @inline(__always) get { jitState.pointee.frameCount }
        @inline(__always) set { jitState.pointee.frameCount = newValue }
    }
    /// Native re-entry depth guard, for the thread currently running the
    /// isolate (made on first use; remade when a run starts on another thread).
    var stackGuard: StackGuard { threadGuard ?? refreshStackGuard() }
    private var threadGuard: StackGuard? = nil
    /// The guard's limit, kept as a plain word for the per-call check
    /// (0 until the first run: everything fits then).
    var stackLimit: UInt = 0

    /// Re-reads the stack bounds if the isolate now runs on another thread.
    @discardableResult
    func refreshStackGuard() -> StackGuard {
        if let current = threadGuard, current.isCurrentThread { return current }
        let fresh = StackGuard()
        threadGuard = fresh
        stackLimit = fresh.limit
        jitState.pointee.nativeStackLimit = fresh.limit &+ Isolate.nativeCallReserve
        return fresh
    }

    /// True while the native stack has room for another nested call.
    @inline(__always) var hasStackRoom: Bool { StackGuard.currentAddress() > stackLimit }

    // Strings and atoms used everywhere.
    var emptyString: Value = .empty
    var smallIndexStrings: [Value] = []
    var names = CommonNames()
    var symbols = WellKnownSymbols()
    var pinnedSymbols: [Value] = []
    var symbolRegistry: [String: Value] = [:]

    // The realm's intrinsics.
    var globalObject: Value = .undefined
    var objectPrototype: Value = .null
    var functionPrototype: Value = .null
    var arrayPrototype: Value = .null
    var stringPrototype: Value = .null
    var numberPrototype: Value = .null
    var booleanPrototype: Value = .null
    var symbolPrototype: Value = .null
    var errorPrototype: Value = .null
    var iteratorPrototype: Value = .null
    /// The shape of `{value, done}` iterator results (0 until the first is
    /// made) and where its two slots are: results are made with it directly,
    /// and iteration reads them without looking the names up.
    var iteratorResultShape: UInt64 = 0
    var iteratorResultOffsets: (value: Int32, done: Int32) = (0, 0)
    var arrayIteratorPrototype: Value = .null
    var mapIteratorPrototype: Value = .null
    var setIteratorPrototype: Value = .null
    var stringIteratorPrototype: Value = .null
    var mapPrototype: Value = .null
    var datePrototype: Value = .null
    var setPrototype: Value = .null
    var weakMapPrototype: Value = .null
    var weakSetPrototype: Value = .null
    var arrayBufferPrototype: Value = .null
    var dataViewPrototype: Value = .null
    var typedArrayPrototypes: [Value] = []
    var errorPrototypes: [ErrorType: Value] = [:]
    var arrayValuesFunction: Value = .undefined
    var arrayIteratorNextFunction: Value = .undefined
    /// The `next` of Map and Set iterators: iteration that finds one of them
    /// in its record steps the table directly (`iteratorStep`).
    var mapIteratorNextFunction: Value = .undefined
    var setIteratorNextFunction: Value = .undefined
    var generatorPrototype: Value = .null
    var generatorFunctionPrototype: Value = .null
    /// Extra roots for the realm (constructors and the like).
    var intrinsicRoots: [Value] = []
    var functionHasInstance: Value = .undefined
    var functionShape: Shape! = nil
    var nativeFunctionShape: Shape! = nil
    var randomState: (UInt64, UInt64) = (0, 0)
    /// Where the last exception was thrown (for the uncaught report).
    var throwSite: ThrowSite? = nil
    /// Arrays being joined (cycles print as "").
    var joinStack: [UInt64] = []
    /// Builtins compiled code may run inline, by native index (Math.sqrt, ...).
    var intrinsicNatives: [Int32: NativeIntrinsic] = [:]
    /// Where `prototype` is in the function shape last seen by `new` (shape
    /// bits, slot offset); in `jitState`, which compiled code reads too.
    var prototypeSlotCache: (shape: UInt64, offset: Int32) {
        @inline(__always) get { (jitState.pointee.prototypeSlotShape, jitState.pointee.prototypeSlotOffset) }
        set { (jitState.pointee.prototypeSlotShape, jitState.pointee.prototypeSlotOffset) = newValue }
    }
    /// Values the host holds (embedding API handles); freed entries are
    /// `.undefined` and listed in `freeHandles`.
    var handles: [Value] = []
    var freeHandles: [Int] = []
    /// Every module record made in this isolate (they live as long as it does).
    var modules: [ModuleRecord] = []
    /// Namespace objects, by value bits (the inspector prints them as Node does).
    var moduleNamespaces: Set<UInt64> = []
    var moduleGetter: Value? = nil
    var moduleLoadDepth = 0

    // Output.
    var stdoutBuffer: [UInt8] = []
    var consoleIndent = 0
    var consoleCounts: [String: Int] = [:]
    public var stdoutSink: (([UInt8]) -> Void)? = nil
    public var stderrSink: (([UInt8]) -> Void)? = nil
    let startTime: UInt64

    // Statistics (--stats).
    public var statistics = IsolateStatistics()
    public var countBytecodes = false
    /// Plain objects' layout roots, their bits by inline count (the default
    /// count's made with the isolate, larger ones on first use: 0 until
    /// then; objectRootShapeBits), in `jitState` for compiled code; and the
    /// larger ones' shapes, which this keeps alive.
    var objectRoots: UnsafeMutablePointer<UInt64> { jitState.pointee.objectRoots }
    var sizedObjectRootShapes: [Shape] = []

    public init() {
        registerBase = .allocate(capacity: registerCapacity)
        frames = .allocate(capacity: frameCapacity)
        jitState = .allocate(capacity: 1)
        jitState.initialize(to: JITState(isolate: UnsafeMutableRawPointer(bitPattern: 16)!, globalObject: 0, protoEpoch: 1,
                                         stressCountdown: 0, frames: UnsafeMutableRawPointer(frames), frameCount: 0,
                                         frameCapacity: frameCapacity, stackTop: registerBase,
                                         registerEnd: registerBase + registerCapacity, nativeStackLimit: 0,
                                         megamorphicTable: nil,
                                         singleCharStrings: .allocate(capacity: Isolate.singleCharCount),
                                         heap: heap.allocation, objectRoots: .allocate(capacity: Shape.maxInlineCount + 1)))
        jitState.pointee.objectRoots.initialize(repeating: 0, count: Shape.maxInlineCount + 1)
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        startTime = UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        for internalCount in 0...GeneratorSlot.count {  // the largest internal-slot count of any kind
            rootShapes.append(Shape(inlineOffset: ObjectLayout.internalOffset + 8 * internalCount))
        }
        objectRoots[Shape.defaultInlineCount] = rootShapes[ObjectLayout.internalCount(.object)].bits
        setUpStrings()
        setUpRealm()
        jitState.pointee.isolate = Unmanaged.passUnretained(self).toOpaque()
        jitState.pointee.globalObject = globalObject.bits
    }

    deinit {
        flushOutput()
        heap.releaseAll()
        atoms.release()
        natives.release()
        registerBase.deallocate()
        frames.deallocate()
        jitState.pointee.megamorphicTable?.deallocate()
        jitState.pointee.singleCharStrings.deallocate()
        jitState.pointee.objectRoots.deallocate()
        jitState.deallocate()
    }

    /// Releases the isolate's memory now (also done on deinit).
    public func dispose() { flushOutput() }

    /// One-unit strings kept as atoms: the ASCII ones.
    static let singleCharCount = 128

    private func setUpStrings() {
        emptyString = makeAtom([])
        for unit in 0..<Isolate.singleCharCount { jitState.pointee.singleCharStrings[unit] = makeAtom([UInt16(unit)]) }
        smallIndexStrings = []
        names = CommonNames(self)
    }

    func makeAtom(_ units: [UInt16]) -> Value {
        let cell = allocateFlatString(length: units.count, oneByte: true)
        for (i, u) in units.enumerated() { StringLayout.bytes(cell)[i] = UInt8(u) }
        cell.cellFlags |= StringLayout.atomFlag
        atoms.insert(cell)
        return Value(cell: cell)
    }

    func smallIndexString(_ i: Int) -> Value {
        if smallIndexStrings.isEmpty { smallIndexStrings = (0..<1024).map { atom(String($0)) } }
        return smallIndexStrings[i]
    }

    func pinSymbol(_ symbol: Value) {
        if symbol.cell.cellFlags & SymbolFlags.pinned == 0 {
            symbol.cell.cellFlags |= SymbolFlags.pinned
            pinnedSymbols.append(symbol)
        }
    }

    // MARK: Instances

    func instance(for block: CodeBlock) -> FunctionInstance {
        if let existing = instances[ObjectIdentifier(block)] { return existing }
        let created = FunctionInstance(block: block, isolate: self)
        instances[ObjectIdentifier(block)] = created
        allInstances.append(created)
        return created
    }

    func childInstance(_ parent: UnsafeMutablePointer<InstanceData>, _ index: Int) -> FunctionInstance {
        let owner = parent.pointee.instance.takeUnretainedValue()
        if let child = owner.children[index] { return child }
        let child = FunctionInstance(block: owner.block.functions[index], isolate: self)
        owner.children[index] = child
        owner.childData[index] = child.data
        allInstances.append(child)
        return child
    }

    /// The instance data of child function `index` (a closure about to be
    /// made): once the child exists, a load from the owner's raw table,
    /// with no retain of the owner or the child.
    @inline(__always)
    func childInstanceData(_ parent: UnsafeMutablePointer<InstanceData>, _ index: Int) -> UnsafeMutablePointer<InstanceData> {
        if let known = parent.pointee.instance._withUnsafeGuaranteedRef({ $0.childData[index] }) { return known }
        return childInstance(parent, index).data
    }

    // MARK: Time and output

    var monotonicNanoseconds: UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    func writeStdout(_ text: String) {
        stdoutBuffer.append(contentsOf: text.utf8)
        stdoutBuffer.append(10)
        if stdoutBuffer.count > 1 << 16 { flushOutput() }
    }

    func writeStderr(_ text: String) {
        flushOutput()
        var bytes = Array(text.utf8)
        bytes.append(10)
        if let sink = stderrSink { sink(bytes) } else { bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) } }
    }

    public func flushOutput() {
        if stdoutBuffer.isEmpty { return }
        if let sink = stdoutSink { sink(stdoutBuffer) } else {
            stdoutBuffer.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
        }
        stdoutBuffer.removeAll(keepingCapacity: true)
    }
}

/// Atoms the runtime uses by name, created once per isolate.
struct CommonNames {
    let length, prototype, constructor, name, message, stack, cause, toString, valueOf, next, done, value: Value
    let get, set, enumerable, configurable, writable, proto, callee, toJSON, lastIndex, join, errors, `return`: Value
    let undefined, null, `true`, `false`, object, function, number, string, boolean, symbol, bigint: Value

    /// Placeholders until the isolate has made its atoms.
    init() {
        let u = Value.undefined
        length = u; prototype = u; constructor = u; name = u; message = u; stack = u; cause = u; toString = u
        valueOf = u; next = u; done = u; value = u; get = u; set = u; enumerable = u; configurable = u
        writable = u; proto = u; callee = u; toJSON = u; lastIndex = u; join = u; errors = u; `return` = u
        undefined = u; null = u; `true` = u; `false` = u; object = u; function = u; number = u; string = u
        boolean = u; symbol = u; bigint = u
    }

    init(_ isolate: Isolate) {
        func a(_ s: String) -> Value { isolate.atom(s) }
        length = a("length"); prototype = a("prototype"); constructor = a("constructor"); name = a("name")
        message = a("message"); stack = a("stack"); cause = a("cause"); toString = a("toString")
        valueOf = a("valueOf"); next = a("next"); done = a("done"); value = a("value")
        get = a("get"); set = a("set"); enumerable = a("enumerable"); configurable = a("configurable")
        writable = a("writable"); proto = a("__proto__"); callee = a("callee"); toJSON = a("toJSON")
        lastIndex = a("lastIndex"); join = a("join"); errors = a("errors"); `return` = a("return")
        undefined = a("undefined"); null = a("null"); `true` = a("true"); `false` = a("false")
        object = a("object"); function = a("function"); number = a("number"); string = a("string")
        boolean = a("boolean"); symbol = a("symbol"); bigint = a("bigint")
    }
}

struct WellKnownSymbols {
    var iterator = Value.undefined, toPrimitive = Value.undefined, hasInstance = Value.undefined
    var toStringTag = Value.undefined, asyncIterator = Value.undefined, species = Value.undefined
    var isConcatSpreadable = Value.undefined, unscopables = Value.undefined, match = Value.undefined
    var replace = Value.undefined, search = Value.undefined, split = Value.undefined, matchAll = Value.undefined
}

public enum ErrorType: String, CaseIterable, Sendable {
    case error = "Error", typeError = "TypeError", referenceError = "ReferenceError", syntaxError = "SyntaxError"
    case rangeError = "RangeError", evalError = "EvalError", uriError = "URIError", aggregateError = "AggregateError"
}

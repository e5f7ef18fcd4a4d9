// When a background compile may first load LLVM.
//
// Loading it is the JIT's largest fixed cost: dlopen applies libLLVM's
// 350k relocations (16 ms), then the session makes LLJIT, the target
// machine and the stubs' module; 20-26 ms of CPU on the compile thread
// before the first function compiles. That thread runs beside the
// isolate's, yet still slows it: on this 2-core machine a separate process
// doing the same dlopen slowed json-roundtrip's interpreter by 3-5 ms
// (shared caches and memory bandwidth). It pays only when the program
// keeps interpreting hot code, and json-roundtrip, whose time is in
// JSON.parse and JSON.stringify, paid it for nothing: 0 functions compiled
// before it ended, 10% slower than --jit=off.
//
// The evidence is the rate of asks. A function waiting for its code asks
// again every 200 entries and back-edges, so asks per millisecond measure
// how much the hot functions' own bytecode runs, not the builtins they
// call: json-roundtrip asked 1.4 times per ms, the other benchmarks of the
// suite 19 to 190 times in their first 2 ms (so they load LLVM 2 ms later
// than they would without the gate). Past `patience` the gate opens anyway, if the functions kept
// asking, so a program whose loops have long bodies waits a bounded time,
// and loading costs at most a fifth of what it has run since.
struct LoadGate {
    /// Asks per millisecond since the first, summed over the functions
    /// waiting, that open the gate.
    static let asksPerMillisecond: UInt64 = 4
    /// The least time the rate is measured over: asks come in bursts
    /// (json-roundtrip's for-of over its 1000 records asks 5 times in
    /// well under a millisecond, then JSON.stringify runs for several).
    static let window: UInt64 = 2_000_000
    /// Nanoseconds after the first ask when the gate opens at any rate,
    /// given `patientAsks` asks: a function that asked a few times is
    /// not hot, however long the program runs.
    static let patience: UInt64 = 100_000_000
    static let patientAsks: UInt64 = 8

    private(set) var isOpen = false
    private var firstAsk: UInt64?
    private var asks: UInt64 = 0

    /// Counts an ask for native code (a function's first request, or a
    /// later one while it waits) at `now`, nanoseconds of a monotonic
    /// clock, and tells whether the gate is open: it opens, for good, when
    /// the asks since the first came at the rate, or patience ran out.
    mutating func ask(at now: UInt64) -> Bool {
        if isOpen { return true }
        asks += 1
        guard let firstAsk else {
            firstAsk = now
            return false
        }
        let elapsed = now &- firstAsk
        isOpen = (elapsed >= Self.patience && asks >= Self.patientAsks)
            || (elapsed >= Self.window && asks * 1_000_000 >= Self.asksPerMillisecond * elapsed)
        return isOpen
    }

    /// Opens the gate: LLVM is loaded, or is wanted at once.
    mutating func open() { isOpen = true }
}

// The native tier: MVMRuntime's `NativeTier`, backed by one LLJIT session
// and a cache of compiled functions keyed by (CodeBlock, feedback snapshot).
// Compiled code holds no isolate address, so the cache is shared by every
// isolate that uses this tier; it is the process's one piece of shared
// state besides the immutable CodeBlocks, and a lock guards it.
import CLLVM
import Dispatch
import Foundation
import MVMBytecode
import MVMRuntime

public final class JITTier: NativeTier, @unchecked Sendable {
    public struct Options: Sendable {
        /// Append `START SIZE js:NAME FILE:LINE` to /tmp/perf-PID.map per compiled function.
        public var perfMap = false
        /// Register LLVM's perf JIT event listener (jit-PID.dump for `perf inject`).
        public var perfJitdump = false
        /// LLVM's pass pipeline (LLVMRunPasses syntax). Chosen by measuring
        /// the suite: default<O2> took about twice the compile time for code
        /// no faster than this (the fast paths need promotion of the register
        /// allocas, folding of boxing, load CSE and LICM, little else).
        public var passes = FunctionCompiler.passes
        /// Print each optimized module to stderr.
        public var dumpIR = false
        /// Whether background compiles wait to load LLVM until the program
        /// shows it will pay (`LoadGate`); off, the first request loads it.
        /// A compile a caller waits for (eager, synchronous) loads it at once.
        public var gatesLoading = true
        /// Called once, on the compiling thread, if the JIT turns out to be
        /// unavailable when it is first needed (LLVM does not load, or has
        /// no target for this machine); hot functions then stay interpreted.
        public var onUnavailable: (@Sendable (String) -> Void)?
        public init(perfMap: Bool = false, perfJitdump: Bool = false, passes: String = FunctionCompiler.passes) {
            self.perfMap = perfMap
            self.perfJitdump = perfJitdump
            self.passes = passes
        }
    }

    private struct Key: Hashable {
        let block: ObjectIdentifier
        let feedback: FeedbackSnapshot
        /// The loop header of a loop compile; nil for the whole function.
        let loop: Int?
        /// Quick code (NativeCode.quick).
        let quick: Bool
    }
    private enum Entry {
        case compiling
        case ready(NativeCode)
        case failed(String)
    }

    /// A compilation asked for and not started.
    private struct Request {
        let block: CodeBlock
        let feedback: FeedbackSnapshot
        let loop: Int?
        /// NativeTier.nativeCode's `header`, from the first ask.
        let header: Int?
        let symbol: String
        let quick: Bool
        static let quickWeight = 4
        /// How often the function asked again while it waited (each ask is
        /// another 200 entries and back-edges in the interpreter).
        var asks: Int
        /// Its size, for what compiling it costs.
        let words: Int
        let order: Int
        /// Worth compiling first: interpreter time it would save per unit
        /// of compile time, both estimated.
        ///
        /// A quick compile counts `quickWeight` times: it costs about a
        /// third of an optimized one, and its function waits in the
        /// interpreter, where one waiting for an upgrade runs quick code. Quick
        /// compiles always first delayed deltablue's upgrades behind quick
        /// code for its setup functions: 427 ms against 386 without quick
        /// code; weighted, 378 (raytracer 429 -> 398).
        func precedes(_ other: Request) -> Bool {
            let mine = asks * other.words * (quick ? Self.quickWeight : 1)
            let theirs = other.asks * words * (other.quick ? Self.quickWeight : 1)
            return mine != theirs ? mine > theirs : order < other.order
        }
    }

    private let options: Options
    /// The LLJIT session, made by the first compile (on `queue`), or at once
    /// for a perf map or jitdump, which need it from the start: making it
    /// (target machines, host CPU features, LLJIT, the shared stubs' module)
    /// was 4 ms of a run that compiles nothing.
    private var madeSession: NativeCodeSession?
    /// Why the session could not be made (then every compile fails with it).
    private var sessionFailure: Error?
    /// Compilations run here, one at a time, off the isolates' threads.
    private let queue = DispatchQueue(label: "mvm.jit.compile", qos: .utility)
    private let lock = NSLock()
    private var cache: [Key: Entry] = [:]
    /// Requests not started yet. Each has one job on `queue`, and a job
    /// compiles the request that is worth most when it starts, not the one
    /// that queued it: requests come faster than compiles finish (deltablue
    /// asks for 59 functions and, first come first served, got 20 before
    /// it ended), so hot small functions go before large or cooling ones.
    private var requests: [Key: Request] = [:]
    private var requestCounter = 0
    /// Holds background compiles until loading LLVM looks worth it; the
    /// requests it held have no job on `queue` yet, and get theirs when
    /// it opens.
    private var loadGate = LoadGate()
    private var heldRequests = 0
    /// The compiled blocks, so a cached ObjectIdentifier never names a new block.
    private var blocks: [ObjectIdentifier: CodeBlock] = [:]
    private var symbolCounter = 0
    /// The last compile's NativeCode.codeTag (used on `queue` only).
    private var lastCodeTag: UInt8 = 0
    private let perfMap: PerfMap?
    /// Whether `perfJitdump` took effect (LLVM may lack the perf listener).
    public var perfJitdumpActive: Bool { madeSession?.perfJitdumpActive ?? false }
    /// Functions compiled since the tier was made (all isolates).
    public private(set) var compilations = 0
    /// CPU time making the session took (loading LLVM, LLJIT, the target
    /// machines, optimizing the stubs), once per tier; nil until it is
    /// made. Compile times do not include it.
    public var sessionSetupMilliseconds: Double? { lock.withLock { setupMilliseconds } }
    private var setupMilliseconds: Double?

    public init(options: Options = Options()) throws {
        self.options = options
        perfMap = options.perfMap ? PerfMap() : nil
        if !options.gatesLoading { loadGate.open() }
        if options.perfMap || options.perfJitdump {
            loadGate.open()
            _ = try makeSession()
        }
    }

    /// The session, made on first use (on `queue`, or in init): LLVM is
    /// opened then, not at startup (see Sources/CLLVM/LLVMLoader.c).
    private func session() throws -> NativeCodeSession {
        if let madeSession { return madeSession }
        if let sessionFailure { throw sessionFailure }
        do {
            return try makeSession()
        } catch {
            sessionFailure = error
            options.onUnavailable?("\(error)")
            throw error
        }
    }

    private func makeSession() throws -> NativeCodeSession {
        let start = JITTier.threadCPUNanoseconds()
        let environment = ProcessInfo.processInfo.environment
        let level = environment["MVM_JIT_CODEGEN"].flatMap { UInt32($0) }.map { LLVMCodeGenOptLevel(rawValue: $0) }
        let session = try NativeCodeSession(perfJitdump: options.perfJitdump, codeGenLevel: level ?? LLVMCodeGenLevelLess)
        session.passes = environment["MVM_JIT_PASSES"] ?? options.passes
        session.quickPasses = environment["MVM_JIT_QUICK_PASSES"] ?? FunctionCompiler.quickPasses
        session.dumpIR = options.dumpIR
        // Each compiled when a function first calls it, once for the
        // session (at once with a perf map, which names them). One module
        // each: LLVM compiles a module whole, and the pair cost 58-63 M
        // instructions (callgrind), paid by the first function that made a
        // call; richards and binary-trees use one, and compile 33 M less.
        for construct in [false, true] {
            let symbol = DirectCallEmitter.stubSymbol(construct: construct)
            try session.addModule(named: symbol) { context, module in
                DirectCallEmitter.buildStub(construct: construct, context: context, module: module)
            }
            if let perfMap {
                perfMap.add(start: try session.address(of: symbol), size: session.size(of: symbol), name: "mvm:\(symbol)")
            }
        }
        madeSession = session
        let milliseconds = Double(JITTier.threadCPUNanoseconds() - start) / 1e6
        lock.withLock { setupMilliseconds = milliseconds }
        return session
    }

    public func nativeCode(for block: CodeBlock, feedback: FeedbackSnapshot, loop: Int?, header: Int?, quick: Bool,
                           wait: Bool) -> NativeCodeLookup {
        if let reason = FunctionCompiler.refusal(block) { return .refused(reason) }
        // Not for a compile a loop's back-edges asked for, even one that
        // compiles the whole function: that loop is hot already, and quick
        // code for it first made fannkuch 10%, sieve 7% and props-poly 5%
        // slower (9 interleaved runs). Quick code with LLVM's greedy
        // register allocator (`-optimize-regalloc`: code 1.0-1.8 times as
        // slow as optimized code, where the fast allocator's was 2-2.2
        // times, for a compile 1.3-1.6 times as long) did not pay either:
        // mandelbrot 4 ms faster, fannkuch 4% and sieve 6% slower (5 runs).
        let quick = quick && loop == nil && block.codeCount >= FunctionCompiler.quickCodeMinimumWords
        let key = Key(block: ObjectIdentifier(block), feedback: feedback, loop: loop, quick: quick)
        lock.lock()
        switch cache[key] {
        case .ready(let code):
            lock.unlock()
            return .ready(code, compiledNow: false)
        case .failed(let reason):
            lock.unlock()
            return .refused(reason)
        case .compiling:
            var released = 0
            if requests[key] != nil {
                requests[key]!.asks += 1
                released = askThroughGate()
            }
            lock.unlock()
            startJobs(released)
            if !wait { return .pending }
            queue.sync {}  // the compilation in flight finishes first
            return nativeCode(for: block, feedback: feedback, loop: loop, header: header, quick: quick, wait: wait)
        case nil:
            cache[key] = .compiling
            blocks[key.block] = block
            symbolCounter += 1
            let symbol = "js_\(Self.sanitize(block.nameString))_\(loop.map { "loop\($0)_" } ?? "")\(quick ? "quick_" : "")\(symbolCounter)"
            if wait { loadGate.open() }
            lock.unlock()
            if wait {
                let entry = queue.sync { compile(block, feedback, loop, header, symbol, key) }
                if case .ready(let code) = entry { return .ready(code, compiledNow: true) }
                if case .failed(let reason) = entry { return .refused(reason) }
                return .pending
            }
            let released: Int = lock.withLock {
                requestCounter += 1
                requests[key] = Request(block: block, feedback: feedback, loop: loop, header: header, symbol: symbol, quick: quick, asks: 1,
                                        words: max(block.codeCount, 1), order: requestCounter)
                heldRequests += 1
                return askThroughGate()
            }
            startJobs(released)
            return .pending
        }
    }

    /// Under `lock`: counts an ask at the load gate; when it is open,
    /// returns the held requests, which now get their jobs.
    private func askThroughGate() -> Int {
        guard heldRequests > 0, loadGate.ask(at: DispatchTime.now().uptimeNanoseconds) else { return 0 }
        defer { heldRequests = 0 }
        return heldRequests
    }

    /// Queues `count` background compiles (not under `lock`).
    private func startJobs(_ count: Int) {
        for _ in 0..<count {
            queue.async {
                Self.yieldToIsolates()
                self.compileMostWorthwhileRequest()
            }
        }
    }

    /// Runs on `queue`: takes the request that precedes the others.
    private func compileMostWorthwhileRequest() {
        let next: (Key, Request)? = lock.withLock {
            guard var best = requests.first else { return nil }
            for candidate in requests where candidate.value.precedes(best.value) { best = candidate }
            requests[best.key] = nil
            return best
        }
        guard let (key, request) = next else { return }
        _ = compile(request.block, request.feedback, request.loop, request.header, request.symbol, key)
    }

    /// The CPU time the calling thread has used, in nanoseconds. Compile
    /// time is measured with it: the compile thread runs niced beside the
    /// isolate, and wall time would count the time it waited for a core.
    /// LLJIT has no compile threads of its own here, so the module is
    /// optimized and code-generated on this thread.
    private static func threadCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Runs on `queue`.
    private func compile(_ block: CodeBlock, _ feedback: FeedbackSnapshot, _ loop: Int?, _ header: Int?,
                         _ symbol: String, _ key: Key) -> Entry {
        let entry: Entry
        do {
            let session = try self.session()
            let start = JITTier.threadCPUNanoseconds()
            lastCodeTag = lastCodeTag == 255 ? 1 : lastCodeTag + 1
            let codeTag = lastCodeTag
            var region: ClosedRange<Int>?, loopEntries: [Int] = []
            var slotAccesses = (fixed: 0, unchecked: 0), inlinedCalls = 0
            try session.addModule(named: symbol, quick: key.quick) { context, module in
                let compiler = FunctionCompiler(block: block, feedback: feedback, loop: loop, header: header, symbol: symbol,
                                                codeTag: codeTag, quick: key.quick, context: context, module: module)
                compiler.compile()
                region = compiler.region
                loopEntries = compiler.loopEntries
                slotAccesses = (compiler.fixedSlotAccesses, compiler.uncheckedSlotAccesses)
                inlinedCalls = compiler.inlinedCalls
            }
            let address = try session.address(of: symbol)
            let milliseconds = Double(JITTier.threadCPUNanoseconds() - start) / 1e6
            let size = session.size(of: symbol)
            perfMap?.add(start: address, size: size,
                         name: "js:\(block.displayName)\(region == nil ? "" : " loop")\(key.quick ? " quick" : "") \(block.source.name):\(block.firstLine(of: region))")
            entry = .ready(NativeCode(entry: address, symbol: symbol, compileMilliseconds: milliseconds, codeSize: size, region: region,
                                      loopEntries: loopEntries, fixedSlotAccesses: slotAccesses.fixed,
                                      uncheckedSlotAccesses: slotAccesses.unchecked, codeTag: codeTag, quick: key.quick,
                                      inlinedCalls: inlinedCalls))
        } catch {
            entry = .failed("\(error)")
        }
        lock.withLock {
            cache[key] = entry
            compilations += 1
        }
        return entry
    }

    /// Background compiles run at a lower scheduling priority (nice 10) than
    /// the isolates' threads: when the machine has no idle core, the
    /// program keeps running and the compile waits, rather than both
    /// sharing the core. Only the calling thread (the queue's) is changed.
    private static func yieldToIsolates() {
        #if os(Linux)
        // On Linux the nice value is per thread; 0 names the calling one.
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        if getpriority(which, 0) < 10 { setpriority(which, 0, 10) }
        #endif
    }

    private static func sanitize(_ name: String) -> String {
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return cleaned.isEmpty ? "anonymous" : cleaned
    }
}

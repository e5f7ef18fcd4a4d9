// The JIT's command-line surface: mvm's flags, their errors, the perf map,
// and the compile and deopt counts mvm-bench records.
import Foundation
import Testing

/// Runs mvm with `arguments`, and `environment` added to this process's.
func runMVM(_ arguments: [String], environment: [String: String] = [:]) throws -> BenchRun {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("mvm")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return BenchRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                    stderr: String(decoding: stderr, as: UTF8.self))
}

let hotLoop = """
    function sq(x) { return x * x; }
    let s = 0;
    for (let i = 0; i < 5000; i++) s = (s + sq(i)) % 1000003;
    console.log(s);
    """

@Test func statsListCompiledFunctionsAndDeopts() throws {
    let suite = try makeSuite(["hot.js": hotLoop])
    let file = suite.appendingPathComponent("hot.js").path
    let interpreted = try runMVM(["run", "--jit=off", file])
    let eager = try runMVM(["run", "--jit=eager", "--stats", file])
    #expect(eager.status == 0)
    #expect(eager.stdout == interpreted.stdout)
    // The top level's loop runs long: its quick code gives way to optimized
    // code. sq is short, so its first code is optimized.
    #expect(eager.stderr.contains("jit: 3 functions installed (3 compiled, 0 from the shared cache)"), "\(eager.stderr)")
    #expect(eager.stderr.contains("(2 compiles, 1 quick); upgrades to optimized code "), "\(eager.stderr)")
    #expect(eager.stderr.contains(" ms median (1 compile)"), "\(eager.stderr)")
    #expect(eager.stderr.contains("compiled (anonymous) quick (\(file):1):"), "\(eager.stderr)")
    #expect(eager.stderr.contains("compiled (anonymous) (\(file):1):"), "\(eager.stderr)")
    #expect(eager.stderr.contains("compiled sq (\(file):1):"))
    #expect(eager.stderr.contains("jit: LLVM session set up in "), "\(eager.stderr)")
    let optimizedOnly = try runMVM(["run", "--jit=eager", "--no-jit-quick", "--stats", file])
    #expect(optimizedOnly.stdout == interpreted.stdout)
    #expect(optimizedOnly.stderr.contains("jit: 2 functions installed (2 compiled, 0 from the shared cache)"), "\(optimizedOnly.stderr)")
    #expect(!optimizedOnly.stderr.contains(" quick ("), "\(optimizedOnly.stderr)")
    #expect(optimizedOnly.stderr.contains("(2 compiles, 0 quick); upgrades to optimized code 0 ms median (0 compiles)"), "\(optimizedOnly.stderr)")
    // A run that compiles nothing never makes the session.
    let coldSuite = try makeSuite(["cold.js": "console.log(6 * 7);"])
    let cold = try runMVM(["run", "--stats", coldSuite.appendingPathComponent("cold.js").path])
    #expect(cold.stdout == "42\n")
    #expect(cold.stderr.contains("jit: 0 functions installed"), "\(cold.stderr)")
    #expect(!cold.stderr.contains("LLVM session"), "\(cold.stderr)")
    let stressed = try runMVM(["run", "--jit=eager", "--deopt-stress", "--stats", file])
    #expect(stressed.stdout == interpreted.stdout)
    #expect(stressed.stderr.contains(": forced (deopt stress) x"), "\(stressed.stderr)")
    let early = try runMVM(["run", "--jit-threshold", "10", "--stats", file])
    #expect(early.stdout == interpreted.stdout)
    // Compiled where it waits, the top level's loop code is ready at the
    // back-edge that asked: the interpreter enters it there, once.
    let osr = try runMVM(["run", "--jit-threshold", "10", "--jit-synchronous", "--stats", file])
    #expect(osr.stdout == interpreted.stdout)
    #expect(osr.stderr.contains("  entered (anonymous) (\(file):1) at a loop header x1\n"), "\(osr.stderr)")
}

@Test func withoutLLVMTheInterpreterRunsAndSaysWhy() throws {
    let suite = try makeSuite(["hot.js": hotLoop])
    let file = suite.appendingPathComponent("hot.js").path
    let interpreted = try runMVM(["run", "--jit=off", file])
    let missing = ["MVM_LLVM_LIBRARY": "/nonexistent/libLLVM.so"]
    let note = "mvm: the JIT is unavailable (JITError: cannot load LLVM (/nonexistent/libLLVM.so"
    // LLVM is opened for the first compile: the note comes once, the
    // functions stay interpreted, and --stats says why.
    let eager = try runMVM(["run", "--jit=eager", "--stats", file], environment: missing)
    #expect(eager.status == 0)
    #expect(eager.stdout == interpreted.stdout)
    #expect(eager.stderr.components(separatedBy: note).count == 2, "\(eager.stderr)")
    #expect(eager.stderr.contains("jit: 0 functions installed"))
    #expect(eager.stderr.contains("not compiled sq (\(file):1): JITError: cannot load LLVM"), "\(eager.stderr)")
    // A perf map needs LLVM from the start: the same note, before the run.
    let mapped = try runMVM(["run", "--perf-map", file], environment: missing)
    #expect(mapped.status == 0)
    #expect(mapped.stdout == interpreted.stdout)
    #expect(mapped.stderr.hasPrefix(note), "\(mapped.stderr)")
    // A library that is not LLVM: named with the first function it lacks.
    let notLLVM = try runMVM(["run", "--jit=eager", file], environment: ["MVM_LLVM_LIBRARY": "libc.so.6"])
    #expect(notLLVM.status == 0)
    #expect(notLLVM.stdout == interpreted.stdout)
    #expect(notLLVM.stderr.contains("mvm: the JIT is unavailable (JITError: libc.so.6 lacks the LLVM function LLVM"), "\(notLLVM.stderr)")
    // A run that compiles nothing never opens LLVM.
    let cold = try runMVM(["-e", "console.log(6 * 7)"], environment: missing)
    #expect(cold.status == 0)
    #expect(cold.stdout == "42\n")
    #expect(cold.stderr == "")
}

@Test func backgroundCompilesLoadLLVMOnlyForHotCode() throws {
    // The missing library makes loading visible: the note says LLVM was
    // tried. A loop whose time is in JSON.stringify asks for its code once
    // (at back-edge 10) and never again: LLVM is never loaded.
    let builtins = """
        const doc = JSON.parse("[" + '{"id": 1, "name": "item", "tags": ["a", "b"]},'.repeat(1999) + '{"id": 2}]');
        let total = 0;
        for (let round = 0; round < 40; round++) total += JSON.stringify(doc).length;
        console.log(total);
        """
    let busy = """
        let s = 0;
        for (let i = 0; i < 3000000; i++) s = (s + i * 7) % 1000003;
        console.log(s);
        """
    let suite = try makeSuite(["builtins.js": builtins, "busy.js": busy])
    let missing = ["MVM_LLVM_LIBRARY": "/nonexistent/libLLVM.so"]
    for (name, loads) in [("builtins.js", false), ("busy.js", true)] {
        let file = suite.appendingPathComponent(name).path
        let interpreted = try runMVM(["run", "--jit=off", file])
        let run = try runMVM(["run", "--jit-threshold", "10", file], environment: missing)
        #expect(run.status == 0)
        #expect(run.stdout == interpreted.stdout)
        #expect(run.stderr.contains("mvm: the JIT is unavailable (JITError: cannot load LLVM") == loads, "\(name): \(run.stderr)")
    }
}

@Test func badJITOptionsAreClearErrors() throws {
    let negative = try runMVM(["-e", "1", "--jit-threshold=-1"])
    #expect(negative.status == 2)
    #expect(negative.stderr.contains("mvm: --jit-threshold must be 0 or more"))
    let unknown = try runMVM(["-e", "1", "--jit=fast"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("--jit"), "\(unknown.stderr)")
}

/// Runs mvm with `arguments` (which include --perf-map) and returns the
/// perf map it wrote, removing the file.
func perfMapOfRun(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("mvm")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let map = "/tmp/perf-\(process.processIdentifier).map"
    defer { try? FileManager.default.removeItem(atPath: map) }
    return (try? String(contentsOfFile: map, encoding: .utf8)) ?? ""
}

@Test func perfMapNamesCompiledFunctions() throws {
    let suite = try makeSuite(["hot.js": hotLoop])
    let file = suite.appendingPathComponent("hot.js").path
    let text = try perfMapOfRun(["run", "--jit=eager", "--perf-map", file])
    let line = text.split(separator: "\n").first { $0.hasSuffix("js:sq \(file):1") }
    #expect(line != nil, "perf map: \(text)")
    if let fields = line?.split(separator: " ") {
        #expect(UInt64(fields[0], radix: 16).map { $0 > 0 } == true)
        #expect(UInt64(fields[1], radix: 16).map { $0 > 0 } == true)
    }
}

/// A loop compiled alone (OSR of a script's top level) is named in the perf
/// map and in --stats by its function, "loop", and its header's line.
@Test func loopCompilesAreNamedByTheirLine() throws {
    let twoLoops = """
        let s = 0;
        for (let i = 0; i < 5000; i++) s = (s + i * i) % 1000003;
        let t = 0;
        for (let i = 0; i < 5000; i++) t = (t * 31 + i) % 65521;
        console.log(s, t);
        """
    let suite = try makeSuite(["loops.js": twoLoops])
    let file = suite.appendingPathComponent("loops.js").path
    let text = try perfMapOfRun(["run", "--jit-threshold", "10", "--jit-synchronous", "--perf-map", file])
    for line in [2, 4] {
        #expect(text.split(separator: "\n").contains { $0.hasSuffix("js:(anonymous) loop \(file):\(line)") }, "perf map: \(text)")
    }
    let stats = try runMVM(["run", "--jit-threshold", "10", "--jit-synchronous", "--stats", file])
    #expect(stats.stdout == "42538 8002\n")
    #expect(stats.stderr.contains("compiled (anonymous) loop (\(file):4):"), "\(stats.stderr)")
}

/// Long enough in the interpreter that the jit run loads LLVM (0.6 s in a
/// debug build, where the session takes 25 ms of the niced compile
/// thread): its hot loop asks for code far faster than the load gate wants.
let hotSum = """
    // hot-sum: a long integer loop.
    // iterations: 1
    // checksum: 8999997000000
    function benchmark() { let s = 0; for (let i = 0; i < 3000000; i++) s += 2 * i; return s; }
    """

@Test func benchJSONCarriesJITCounts() throws {
    let suite = try makeSuite(["tiny-sum.js": tinySum, "hot-sum.js": hotSum])
    let json = suite.appendingPathComponent("out.json").path
    let run = try runBench(["--suite", suite.path, "--quick", "--no-micro", "--configs", "interp,jit", "--json", json])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("jit, first run"))
    let data = try Data(contentsOf: URL(fileURLWithPath: json))
    let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let benchmarks = report?["benchmarks"] as? [[String: Any]] ?? []
    func jitCounts(_ name: String) -> [String: Any]? {
        let results = benchmarks.first { $0["name"] as? String == name }?["results"] as? [[String: Any]] ?? []
        let jit = results.first { $0["configuration"] as? String == "jit" }
        return (jit?["samples"] as? [[String: Any]])?.first?["jit"] as? [String: Any]
    }
    let counts = jitCounts("tiny-sum")
    #expect(counts?["functionsCompiled"] as? Int != nil, "\(String(describing: counts))")
    #expect(counts?["compileMillisecondsTotal"] as? Double != nil)
    // LLVM's setup is its own count: none where nothing compiled.
    #expect(counts?["sessionSetupMilliseconds"] == nil)
    let hot = jitCounts("hot-sum")
    #expect((hot?["sessionSetupMilliseconds"] as? Double ?? 0) > 0, "\(String(describing: hot))")
    #expect(run.stdout.contains("setup ms"))
    #expect((hot?["firstCodeMillisecondsMedian"] as? Double ?? 0) > 0, "\(String(describing: hot))")
    #expect(hot?["quickCompiles"] as? Int != nil, "\(String(describing: hot))")
    #expect(run.stdout.contains("first ms") && run.stdout.contains("upgrade ms"))
    #expect(counts?["deopts"] as? Int != nil)
}

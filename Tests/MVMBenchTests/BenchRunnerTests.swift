// Runs the mvm-bench executable on tiny suites and checks what it prints and
// writes: the table, the JSON, the chart, and FAIL for wrong or broken runs.
// Never a time: only that times are there and well-formed.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The directory SwiftPM builds executables into (next to the test bundle).
let productsDirectory: URL = {
    var url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("mvm-bench").path) { return url }
    }
    return URL(fileURLWithPath: ".build/debug")
}()

struct BenchRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runBench(_ arguments: [String]) throws -> BenchRun {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("mvm-bench")
    process.arguments = arguments
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("bench-out-\(UUID().uuidString)")
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("bench-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return BenchRun(status: process.terminationStatus,
                    stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                    stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

/// A fresh directory holding the given benchmark files.
func makeSuite(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-suite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return directory
}

let tinySum = """
    // tiny-sum: a small integer loop.
    // iterations: 3
    // checksum: 4950
    function benchmark() { let s = 0; for (let i = 0; i < 100; i++) s += i; return s; }
    """

let tinyStrings = """
    // tiny-strings: joins and splits.
    // iterations: 2
    // checksum: 3,a-b-c
    function benchmark() { const parts = "a,b,c".split(","); return parts.length + "," + parts.join("-"); }
    """

/// A time as the table prints it: digits with three decimals.
func isTime(_ text: Substring) -> Bool {
    let parts = text.split(separator: ".")
    return parts.count == 2 && parts[0].allSatisfy(\.isNumber) && parts[1].count == 3 && parts[1].allSatisfy(\.isNumber)
}

@Test func quickRunPrintsTableJSONAndChart() throws {
    let suite = try makeSuite(["tiny-sum.js": tinySum, "tiny-strings.js": tinyStrings])
    defer { try? FileManager.default.removeItem(at: suite) }
    let json = suite.appendingPathComponent("out.json"), svg = suite.appendingPathComponent("out.svg")
    let run = try runBench(["--quick", "--suite", suite.path, "--configs", "interp,jit",
                            "--json", json.path, "--plot", svg.path, "--isolates", "20", "--megabytes", "0.05"])
    #expect(run.status == 0, "stderr: \(run.stderr)")

    // The table: a header naming the columns, one row per benchmark with a
    // median, a range and the ratio to the baseline (1.00x for interp itself).
    let lines = run.stdout.split(separator: "\n")
    let header = try #require(lines.first { $0.hasPrefix("benchmark") })
    #expect(header.contains("interp") && header.contains("jit"))
    for name in ["tiny-strings", "tiny-sum"] {
        let row = try #require(lines.first { $0.hasPrefix(name + " ") }, "no row for \(name) in:\n\(run.stdout)")
        let fields = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(isTime(fields[1]), "median in \(row)")
        #expect(fields[2].hasPrefix("(") && fields[2].hasSuffix(")") && fields[2].dropFirst().dropLast().split(separator: "-").allSatisfy(isTime),
                "range in \(row)")
        #expect(fields[3] == "1.00x", "ratio in \(row)")
    }
    #expect(lines.contains { $0.hasPrefix("geomean") })
    #expect(!run.stdout.contains("FAIL"))
    // The progress line says what ran.
    #expect(run.stderr.contains("tiny-sum: interp, run 1/1"))

    // The JSON: machine, options, every sample, verified checksums.
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    let machine = try #require(object["machine"] as? [String: Any])
    #expect((machine["cores"] as? Int ?? 0) >= 1)
    let git = try #require(object["git"] as? [String: Any])
    #expect((git["revision"] as? String)?.isEmpty == false)
    let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
    #expect(benchmarks.map { $0["name"] as? String } == ["tiny-strings", "tiny-sum"])
    for benchmark in benchmarks {
        let results = try #require(benchmark["results"] as? [[String: Any]])
        let interp = try #require(results.first { $0["configuration"] as? String == "interp" })
        #expect(interp["status"] as? String == "ok")
        let samples = try #require(interp["samples"] as? [[String: Any]])
        #expect(samples.count == 1)
        #expect((samples[0]["wallSeconds"] as? Double ?? 0) > 0)
        #expect(benchmark["iterations"] as? Int == 1)
    }
    let summary = try #require(object["summary"] as? [[String: Any]])
    #expect(summary.first { $0["configuration"] as? String == "interp" }?["geomeanRatio"] as? Double == 1)

    // The micro-benchmarks, each with its unit.
    let micro = try #require(object["micro"] as? [[String: Any]])
    let units = Dictionary(uniqueKeysWithValues: micro.map { ($0["name"] as? String ?? "", $0["unit"] as? String ?? "") })
    #expect(units["isolate create + dispose"] == "us")
    #expect(units.first { $0.key.hasPrefix("memory per idle isolate") }?.value == "KB")
    #expect(units.first { $0.key.hasPrefix("parse speed") }?.value == "MB/s")
    #expect(units.first { $0.key.hasPrefix("allocation throughput") }?.value == "objects/s")
    #expect(units["startup: mvm -e ''"] == "ms")
    for entry in micro { #expect((entry["median"] as? Double ?? -1) > 0, "\(entry)") }

    // The chart is well-formed SVG.
    let parser = XMLParser(data: try Data(contentsOf: svg))
    #expect(parser.parse())
}

@Test func wrongOrBrokenRunsAreFailNotTimed() throws {
    let suite = try makeSuite([
        "wrong.js": "// wrong: computes 6.\n// iterations: 1\n// checksum: 7\nfunction benchmark() { return 6; }\n",
        "throws.js": "// throws\n// iterations: 1\n// checksum: 1\nfunction benchmark() { null.x; }\n",
        "drifts.js": "// drifts: a different result each call.\n// iterations: 2\n// checksum: 1\nlet n = 0;\nfunction benchmark() { return ++n; }\n",
        "hangs.js": "// hangs\n// iterations: 1\n// checksum: 1\nfunction benchmark() { for (;;) {} }\n",
        "fine.js": tinySum.replacingOccurrences(of: "tiny-sum", with: "fine"),
    ])
    defer { try? FileManager.default.removeItem(at: suite) }
    let json = suite.appendingPathComponent("out.json")
    let run = try runBench(["--suite", suite.path, "--configs", "interp", "--runs", "2",
                            "--no-micro", "--timeout", "2", "--json", json.path])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    for name in ["wrong", "throws", "drifts", "hangs"] {
        #expect(lines.contains { $0.hasPrefix(name + " ") && $0.hasSuffix("FAIL") }, "\(name) row in:\n\(run.stdout)")
    }
    #expect(run.stdout.contains("FAIL wrong under interp: checksum '6', expected '7'"))
    #expect(run.stdout.contains("FAIL throws under interp: exit status 1: TypeError: Cannot read properties of null (reading 'x')"))
    #expect(run.stdout.contains("iteration 1 computed 2, the first computed 1"))
    #expect(run.stdout.contains("FAIL hangs under interp: timed out after 2 s"))
    #expect(run.stdout.contains("geomean") && run.stdout.contains("(1 passed)"))

    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    for benchmark in try #require(object["benchmarks"] as? [[String: Any]]) {
        let cell = try #require((benchmark["results"] as? [[String: Any]])?.first)
        let samples = cell["samples"] as? [Any] ?? []
        if benchmark["name"] as? String == "fine" {
            #expect(cell["status"] as? String == "ok" && samples.count == 2)
        } else {
            #expect(cell["status"] as? String == "fail" && samples.isEmpty && cell["median"] == nil)
        }
    }
}

@Test func badSuitesAndOptionsAreClearErrors() throws {
    let suite = try makeSuite(["nocheck.js": "// nocheck\n// iterations: 1\nfunction benchmark() { return 1; }\n"])
    defer { try? FileManager.default.removeItem(at: suite) }
    let missing = try runBench(["--suite", suite.path, "--no-micro"])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("nocheck.js:1:1: benchmark header: missing '// checksum: VALUE'"))

    let filtered = try runBench(["--suite", suite.path, "--filter", "zzz", "--no-micro"])
    #expect(filtered.status != 0 && filtered.stderr.contains("no benchmark in \(suite.path) matches zzz"))

    let badConfig = try runBench(["--configs", "interp,v8", "--no-micro"])
    #expect(badConfig.status != 0 && badConfig.stderr.contains("unknown configuration 'v8'"))

    let badBaseline = try runBench(["--suite", suite.path, "--configs", "interp", "--baseline", "node", "--no-micro"])
    #expect(badBaseline.status != 0)
}

// Micro-benchmarks: each runs in a fresh child process (`mvm-bench
// --micro-child NAME`), so one measurement's heap and RSS never leak into the
// next; the child prints its MicroResult as JSON. The startup benchmark is the
// exception: it times `mvm -e ''` processes from the parent.
import Foundation
import MVMRuntime
import MVMSyntax

struct MicroSettings: Codable {
    var quick: Bool
    var runs: Int
    var isolates: Int
    var megabytes: Double
    var parseFile: String?
}

enum MicroBenchmark: String, CaseIterable {
    case isolateChurn = "isolate-churn"
    case isolateRun = "isolate-run"
    case idleIsolateMemory = "idle-isolate-memory"
    case parseSpeed = "parse-speed"
    case allocation = "allocation"

    /// Runs in the child process.
    func measure(_ settings: MicroSettings) throws -> MicroResult {
        switch self {
        case .isolateChurn: return isolateChurn(settings, script: nil)
        case .isolateRun:
            return isolateChurn(settings, script: SourceFile(name: "churn.js", text: "const o = {a: [1, 2, 3]}; o.b = o.a.map(x => x * 2);"))
        case .idleIsolateMemory: return idleIsolateMemory(settings)
        case .parseSpeed: return try parseSpeed(settings)
        case .allocation: return try allocation(settings)
        }
    }

    /// Create (and run `script` in) an isolate, then dispose it; microseconds each.
    private func isolateChurn(_ settings: MicroSettings, script: SourceFile?) -> MicroResult {
        let count = settings.quick ? 100 : max(settings.isolates, 1)
        var micros: [Double] = []
        micros.reserveCapacity(count)
        for _ in 0..<count {
            let start = Subprocess.now()
            let isolate = Isolate()
            if let script { _ = isolate.runProgram(script, as: .script) }
            isolate.dispose()
            micros.append((Subprocess.now() - start) * 1e6)
        }
        return MicroResult(name: script == nil ? "isolate create + dispose" : "isolate create + run a small script + dispose",
                           unit: "us", samples: micros)
    }

    /// RSS growth while `count` freshly created isolates stay alive, per isolate.
    private func idleIsolateMemory(_ settings: MicroSettings) -> MicroResult {
        let count = settings.quick ? 100 : 1000
        _ = Isolate()  // first-use costs (code pages, lazy globals) are not per isolate
        let before = residentBytes()
        var isolates: [Isolate] = []
        for _ in 0..<count { isolates.append(Isolate()) }
        let after = residentBytes()
        for isolate in isolates { isolate.dispose() }
        let kilobytes = Double(after - before) / Double(count) / 1024
        return MicroResult(name: "memory per idle isolate (RSS delta over \(count) live)", unit: "KB", samples: [kilobytes])
    }

    private func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    private func parseSpeed(_ settings: MicroSettings) throws -> MicroResult {
        let source: SourceFile
        if let path = settings.parseFile {
            guard let data = FileManager.default.contents(atPath: path) else { throw SuiteError.unreadable(path) }
            source = SourceFile(name: path, bytes: [UInt8](data))
        } else {
            let bytes = Int((settings.quick ? 0.2 : settings.megabytes) * 1_000_000)
            source = SourceFile(name: "generated.js", text: GeneratedCode.text(bytes: bytes))
        }
        let goal: Goal = source.name.hasSuffix(".mjs") ? .module : .script
        _ = try Parser.parse(source, as: goal)  // warm up, and fail early on bad input
        let megabytes = Double(source.byteCount) / 1_000_000
        var rates: [Double] = []
        for _ in 0..<(settings.quick ? 1 : max(settings.runs, 1)) {
            let start = Subprocess.now()
            _ = try Parser.parse(source, as: goal)
            rates.append(megabytes / (Subprocess.now() - start))
        }
        return MicroResult(name: "parse speed (\(settings.parseFile ?? "generated code"), \(String(format: "%.1f", megabytes)) MB)",
                           unit: "MB/s", samples: rates)
    }

    /// Objects allocated per second by a loop that keeps a few alive (short
    /// linked runs) and drops the rest; the note gives the collector's share.
    private func allocation(_ settings: MicroSettings) throws -> MicroResult {
        let count = settings.quick ? 100_000 : 3_000_000
        let source = SourceFile(name: "allocation.js", text: """
            let keep = null, total = 0;
            for (let i = 0; i < \(count); i++) {
              const o = { value: i, next: keep, tag: i & 7 };
              keep = (i & 63) === 0 ? null : o;
              total += o.tag;
            }
            if (total !== \((0..<count).reduce(0) { $0 + ($1 & 7) })) throw new Error("allocation loop miscomputed");
            """)
        var rates: [Double] = []
        var notes: [(Double, String)] = []
        for _ in 0..<(settings.quick ? 1 : max(settings.runs, 1)) {
            let isolate = Isolate()
            let start = Subprocess.now()
            if let failure = isolate.runProgram(source, as: .script) { throw SuiteError.message(failure) }
            let seconds = Subprocess.now() - start
            let report = isolate.report
            isolate.dispose()
            rates.append(Double(count) / seconds)
            notes.append((Double(count) / seconds, String(format: "GC %d collections, %.1f ms, %.0f%% of the loop",
                                                         report.collections, report.collectionMilliseconds,
                                                         report.collectionMilliseconds / 10 / seconds)))
        }
        let median = Statistics.median(rates)
        let note = notes.min { abs($0.0 - median) < abs($1.0 - median) }?.1
        return MicroResult(name: "allocation throughput ({value, next, tag} objects)", unit: "objects/s", samples: rates, note: note)
    }
}

enum MicroRunner {
    /// Runs every micro-benchmark in its own child process, then times `mvm -e ''`.
    static func runAll(settings: MicroSettings, mvm: String, timeout: Double, scratch: URL,
                       progress: Progress) -> [MicroResult] {
        var results: [MicroResult] = []
        let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let encoded = String(decoding: (try? JSONEncoder().encode(settings)) ?? Data(), as: UTF8.self)
        for micro in MicroBenchmark.allCases {
            progress.show("micro-benchmark: \(micro.rawValue)")
            do {
                let child = try Subprocess.run([me, "--micro-child", micro.rawValue, "--micro-settings", encoded],
                                               timeout: timeout, scratch: scratch)
                guard child.succeeded, let data = child.stdout.data(using: .utf8),
                      let result = try? JSONDecoder().decode(MicroResult.self, from: data) else {
                    progress.note("micro-benchmark \(micro.rawValue) failed: \(child.failureSummary)")
                    continue
                }
                results.append(result)
            } catch {
                progress.note("micro-benchmark \(micro.rawValue) failed: \(error)")
            }
        }
        if access(mvm, X_OK) == 0 {
            progress.show("micro-benchmark: startup of mvm -e ''")
            var millis: [Double] = []
            for _ in 0..<(settings.quick ? 3 : 20) {
                guard let run = try? Subprocess.run([mvm, "-e", ""], timeout: timeout, scratch: scratch), run.succeeded else { break }
                millis.append(run.wallSeconds * 1000)
            }
            if !millis.isEmpty { results.append(MicroResult(name: "startup: mvm -e ''", unit: "ms", samples: millis)) }
        }
        return results
    }
}

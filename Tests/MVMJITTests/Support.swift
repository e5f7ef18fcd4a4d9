// Runs JavaScript under a chosen tier and collects what it printed.
import Foundation
import MVMJIT
import MVMRuntime
import MVMSyntax

/// One JIT for all tests in the process: its cache is what isolates share.
let sharedTier: JITTier = try! JITTier()

let corpusDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

func corpusFiles(_ folder: String) -> [String] {
    let directory = corpusDirectory.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".js") }.sorted()
}

func corpusText(_ folder: String, _ name: String) -> String {
    (try? String(contentsOf: corpusDirectory.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)) ?? ""
}

/// How a run uses the tiers.
struct TierSetting: CustomStringConvertible {
    var mode: JITMode
    var threshold = 1000
    var deoptStress = false
    /// Isolate.quickCodeFirst (--jit-quick).
    var quick = true
    var description: String {
        "--jit=\(mode.rawValue)\(deoptStress ? " --deopt-stress" : "")\(quick ? "" : " --no-jit-quick") threshold \(threshold)"
    }

    static let interpreter = TierSetting(mode: .off)
    static let eager = TierSetting(mode: .eager)
    /// Optimized code from the first compile (quick code is the default).
    static let eagerOptimized = TierSetting(mode: .eager, quick: false)
    static let stress = TierSetting(mode: .eager, deoptStress: true)
    /// Tier up almost at once, while feedback is still thin (more deopts).
    static let early = TierSetting(mode: .on, threshold: 3)
}

struct TierRun {
    var output: String
    var statistics: JITStatistics
    /// The --stats numbers of the run (collections, heap size).
    var report: IsolateReport
}

let utcTimeZone: Void = {
    setenv("TZ", "UTC", 1)
    tzset()
}()

/// Runs `source` in a new isolate under `setting`; stdout plus the uncaught report.
func run(_ source: String, name: String, _ setting: TierSetting, tier: JITTier = sharedTier) -> TierRun {
    _ = utcTimeZone
    let isolate = Isolate()
    isolate.jitMode = setting.mode
    isolate.jitThreshold = setting.threshold
    isolate.deoptStress = setting.deoptStress
    isolate.compileInBackground = false
    isolate.quickCodeFirst = setting.quick
    isolate.nativeTier = setting.mode == .off ? nil : tier
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    isolate.stderrSink = { out += $0 }
    let failure = isolate.runProgram(SourceFile(name: name, text: source), as: .script)
    isolate.flushOutput()
    var text = String(decoding: out, as: UTF8.self)
    if let failure { text += "uncaught: " + failure + "\n" }
    return TierRun(output: text, statistics: isolate.jitStatistics, report: isolate.report)
}

/// Functions the tier refused for a reason other than the expected ones
/// (generators stay interpreted; code that keeps deopting is given up):
/// a refusal is a compiler failure the outputs alone would not show.
func unexpectedRefusals(_ statistics: JITStatistics) -> [String: String] {
    statistics.refused.filter { !$0.value.hasPrefix("generator functions") && $0.value != "deopted too often" }
}

/// The first line where two outputs differ, for a readable failure.
func firstDifference(_ a: String, _ b: String) -> String {
    let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
    for i in 0..<max(x.count, y.count) {
        let l = i < x.count ? x[i] : "<missing>", r = i < y.count ? y[i] : "<missing>"
        if l != r { return "line \(i + 1):\n  interpreter: \(l)\n  compiled:    \(r)" }
    }
    return "(equal)"
}

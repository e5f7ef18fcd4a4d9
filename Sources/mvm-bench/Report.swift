// What a run of mvm-bench found: the model behind the table, the JSON file
// (`--json`) and the chart (`--plot`).
import Foundation

struct Report: Codable {
    var tool = "mvm-bench"
    var date: String
    var git: GitInfo
    var machine: MachineInfo
    var options: OptionsInfo
    var configurations: [ConfigurationInfo]
    var missingPeers: [String]
    var benchmarks: [BenchmarkResult]
    var summary: [ColumnSummary]
    var micro: [MicroResult]
}

struct GitInfo: Codable {
    var revision: String  // "unknown" outside a git checkout
    var dirty: Bool
}

struct MachineInfo: Codable {
    var hostname: String
    var os: String
    var kernel: String
    var cpu: String
    var cores: Int
    var memoryBytes: UInt64
}

struct OptionsInfo: Codable {
    var runs: Int
    var quick: Bool
    var scale: Double
    var baseline: String
    var filters: [String]
    var suite: String
}

struct ConfigurationInfo: Codable {
    var name: String
    var command: [String]
    var version: String?
    var available: Bool
    var reason: String?
}

struct Sample: Codable {
    var wallSeconds: Double
    var cpuSeconds: Double
    var maxRSSKilobytes: Int
    /// What the JIT did in this run (the jit configuration only).
    var jit: JITSample? = nil
}

/// The `jit:` line of `mvm run --stats`.
struct JITSample: Codable {
    var functionsCompiled: Int
    var fromSharedCache: Int
    var compileMillisecondsTotal: Double
    var compileMillisecondsMedian: Double
    var deopts: Int
    /// Loading LLVM and making its session, once per process (nil: the
    /// run compiled nothing, so it never loaded LLVM).
    var sessionSetupMilliseconds: Double?
    /// Medians of the compiles that gave functions their first code
    /// (quick code, or optimized code at once) and of the upgrades of
    /// quick code to optimized code (nil: none), and the quick compiles.
    var firstCodeMillisecondsMedian: Double?
    var upgradeMillisecondsMedian: Double?
    var quickCompiles: Int?

    /// Parses "jit: N functions installed (C compiled, H from the shared cache),
    /// compile time T ms total, M ms median; D deopts, X discarded".
    init?(statsOutput: String) {
        let lines = statsOutput.split(separator: "\n")
        /// The numbers of the line that starts with `prefix`, after it.
        func numbersOf(lineAfter prefix: String) -> [Double]? {
            lines.first { $0.hasPrefix(prefix) }.map {
                $0.dropFirst(prefix.count).split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
            }
        }
        guard let numbers = numbersOf(lineAfter: "jit: "), numbers.count >= 7 else { return nil }
        functionsCompiled = Int(numbers[1])
        fromSharedCache = Int(numbers[2])
        compileMillisecondsTotal = numbers[3]
        compileMillisecondsMedian = numbers[4]
        deopts = Int(numbers[5])
        // "jit: first code F ms median (N compiles, Q quick); upgrades to
        // optimized code U ms median (K compiles)".
        if let values = numbersOf(lineAfter: "jit: first code "), values.count >= 5 {
            firstCodeMillisecondsMedian = values[0]
            quickCompiles = Int(values[2])
            upgradeMillisecondsMedian = values[4] > 0 ? values[3] : nil
        }
        sessionSetupMilliseconds = numbersOf(lineAfter: "jit: LLVM session set up in ")?.first
    }
}

struct CellResult: Codable {
    enum Status: String, Codable { case ok, fail, unavailable }
    var configuration: String
    var status: Status
    var reason: String?
    var samples: [Sample]
    var median: Double?
    var min: Double?
    var max: Double?
    /// median / the baseline's median: below 1 is faster than the baseline.
    var ratio: Double?
}

struct BenchmarkResult: Codable {
    var name: String
    var summary: String
    var iterations: Int
    var checksum: String
    var results: [CellResult]

    func cell(_ configuration: String) -> CellResult? { results.first { $0.configuration == configuration } }
}

struct ColumnSummary: Codable {
    var configuration: String
    /// Geometric mean of the medians over the benchmarks that passed in this column.
    var geomeanSeconds: Double?
    /// Geometric mean of the ratios over the benchmarks that passed here and in the baseline.
    var geomeanRatio: Double?
    var passed: Int
    var failed: Int
}

struct MicroResult: Codable {
    var name: String
    var unit: String
    var samples: [Double]
    var median: Double
    var min: Double
    var max: Double
    var note: String?

    init(name: String, unit: String, samples: [Double], note: String? = nil) {
        self.name = name
        self.unit = unit
        self.samples = samples
        self.median = Statistics.median(samples)
        self.min = samples.min() ?? 0
        self.max = samples.max() ?? 0
        self.note = note
    }
}

extension Report {
    /// Fills in medians, ratios and the per-column summary.
    mutating func summarize(baseline: String) {
        for b in benchmarks.indices {
            for c in benchmarks[b].results.indices where benchmarks[b].results[c].status == .ok {
                let walls = benchmarks[b].results[c].samples.map(\.wallSeconds)
                benchmarks[b].results[c].median = Statistics.median(walls)
                benchmarks[b].results[c].min = walls.min()
                benchmarks[b].results[c].max = walls.max()
            }
            let base = benchmarks[b].cell(baseline).flatMap { $0.status == .ok ? $0.median : nil }
            for c in benchmarks[b].results.indices {
                if let base, let median = benchmarks[b].results[c].median { benchmarks[b].results[c].ratio = median / base }
            }
        }
        summary = configurations.map { configuration in
            let cells = benchmarks.compactMap { $0.cell(configuration.name) }
            return ColumnSummary(configuration: configuration.name,
                                 geomeanSeconds: Statistics.geometricMean(cells.compactMap(\.median)),
                                 geomeanRatio: Statistics.geometricMean(cells.compactMap(\.ratio)),
                                 passed: cells.filter { $0.status == .ok }.count,
                                 failed: cells.filter { $0.status == .fail }.count)
        }
    }

    func writeJSON(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

enum MachineProbe {
    static func machine() -> MachineInfo {
        let info = ProcessInfo.processInfo
        var os = "unknown"
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var cpu = "unknown"
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var names = utsname()
        uname(&names)
        let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return MachineInfo(hostname: info.hostName, os: os, kernel: kernel, cpu: cpu,
                           cores: info.activeProcessorCount, memoryBytes: info.physicalMemory)
    }

    /// The revision of the engine measured: the checkout mvm-bench was built in,
    /// else the one holding the suite.
    static func git(suite: String, scratch: URL) -> GitInfo {
        let built = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
        for directory in [built, suite].compactMap({ $0 }) {
            guard let head = try? Subprocess.run(["git", "-C", directory, "rev-parse", "HEAD"], timeout: 10, scratch: scratch),
                  head.succeeded else { continue }
            let status = try? Subprocess.run(["git", "-C", directory, "status", "--porcelain", "--untracked-files=no"],
                                             timeout: 10, scratch: scratch)
            return GitInfo(revision: head.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                           dirty: !(status?.stdout.isEmpty ?? true))
        }
        return GitInfo(revision: "unknown", dirty: false)
    }
}

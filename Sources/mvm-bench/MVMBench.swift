// `mvm-bench`: runs the benchmark suite (Benchmarks/*.js) under MVM's tiers and
// the peer engines on PATH, each run a fresh process, and prints medians, ranges,
// ratios to a baseline and geometric means; then the micro-benchmarks.
import ArgumentParser
import Foundation

@main
struct MVMBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mvm-bench",
        abstract: "Benchmark MVM's tiers against node, node --jitless and qjs, plus micro-benchmarks.",
        discussion: """
            Configurations: interp (mvm --jit=off), jit (mvm --jit=on: tiering up through LLVM; its compile times and deopts are listed too), \
            and node, node --jitless, qjs when they are on PATH. A run whose checksum is wrong, \
            that exits with an error or times out is FAIL and is never timed.
            """)

    @Option(help: "The directory of benchmark programs (default: Benchmarks/ of this checkout).")
    var suite: String?

    @Option(name: .customLong("filter"), help: "Run only benchmarks whose name contains this (repeatable).")
    var filters: [String] = []

    @Option(help: "Comma-separated configurations to run (interp, jit, node, node --jitless, qjs); default: all found.")
    var configs: String?

    @Option(help: "Runs per benchmark and configuration; the table shows their median, minimum and maximum.")
    var runs: Int?

    @Flag(help: "A short smoke run: one run, one iteration per benchmark, small micro-benchmarks.")
    var quick = false

    @Option(help: "Multiply each benchmark's iteration count by this.")
    var scale: Double = 1

    @Option(help: "The configuration ratios are relative to.")
    var baseline = "interp"

    @Option(help: "Write the full results (machine, git revision, every sample) as JSON to this file.")
    var json: String?

    @Option(help: "Write a bar chart of the ratios as SVG to this file.")
    var plot: String?

    @Flag(inversion: .prefixedNo, help: "Run the benchmark programs.")
    var programs = true

    @Flag(inversion: .prefixedNo, help: "Run the micro-benchmarks.")
    var micro = true

    @Option(help: "The mvm executable (default: the one built next to mvm-bench).")
    var mvm: String?

    @Option(help: "Seconds before a run is killed and reported as FAIL.")
    var timeout: Double = 300

    @Option(help: "Parse-speed micro-benchmark: parse this file instead of generated code.")
    var parseFile: String?

    @Option(help: "Parse-speed micro-benchmark: megabytes of generated code.")
    var megabytes: Double = 4

    @Option(help: "Isolate micro-benchmarks: how many isolates to create and dispose.")
    var isolates: Int = 2000

    @Option(help: .hidden) var microChild: String?
    @Option(help: .hidden) var microSettings: String?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
        if scale <= 0 { throw ValidationError("--scale must be positive") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if let configs {
            for name in configs.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !Configurations.allNames.contains(name) {
                throw ValidationError("unknown configuration '\(name)' (known: \(Configurations.allNames.joined(separator: ", ")))")
            }
        }
    }

    func run() throws {
        if let microChild { return try runMicroChild(microChild) }
        let runs = self.runs ?? (quick ? 1 : 5)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mvm-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let progress = Progress()

        guard let suiteDirectory = suite ?? Suite.defaultDirectory() else { throw ValidationError(SuiteError.noSuite.description) }
        let benchmarks: [Benchmark]
        do { benchmarks = programs ? try Suite.load(directory: suiteDirectory, filters: filters) : [] }
        catch { throw ValidationError("\(error)") }

        let mvm = self.mvm ?? Configurations.defaultMVMPath()
        let selected = configs?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let (columns, missingPeers) = Configurations.discover(mvm: mvm, selected: selected, timeout: timeout, scratch: scratch)
        if programs && !columns.contains(where: { $0.name == baseline }) {
            throw ValidationError("the baseline '\(baseline)' is not among the configurations run (\(columns.map(\.name).joined(separator: ", ")))")
        }

        var report = Report(
            date: ISO8601DateFormatter().string(from: Date()),
            git: MachineProbe.git(suite: suiteDirectory, scratch: scratch),
            machine: MachineProbe.machine(),
            options: OptionsInfo(runs: runs, quick: quick, scale: scale, baseline: baseline, filters: filters, suite: suiteDirectory),
            configurations: columns.map {
                ConfigurationInfo(name: $0.name, command: $0.command, version: $0.version, available: $0.isAvailable, reason: $0.unavailable)
            },
            missingPeers: missingPeers, benchmarks: [], summary: [], micro: [])

        for (index, benchmark) in benchmarks.enumerated() {
            let iterations = quick ? 1 : max(1, Int((Double(benchmark.iterations) * scale).rounded()))
            report.benchmarks.append(try ProgramRunner.run(
                benchmark, iterations: iterations, columns: columns, runs: runs, timeout: timeout, scratch: scratch,
                progress: { progress.show("[\(index + 1)/\(benchmarks.count)] \(benchmark.name): \($0)") }))
        }
        report.summarize(baseline: baseline)

        if micro {
            let settings = MicroSettings(quick: quick, runs: runs, isolates: isolates, megabytes: megabytes, parseFile: parseFile)
            report.micro = MicroRunner.runAll(settings: settings, mvm: mvm, timeout: timeout, scratch: scratch, progress: progress)
        }
        progress.clear()

        if programs { print(TextTable.render(report), terminator: "") }
        else if !report.micro.isEmpty { print(TextTable.micro(report.micro), terminator: "") }
        if let json {
            try report.writeJSON(to: json)
            print("results written to \(json)")
        }
        if let plot, programs {
            try SVGPlot.render(report).write(toFile: plot, atomically: true, encoding: .utf8)
            print("chart written to \(plot)")
        }
    }

    /// The child side of a micro-benchmark: measure, print the result as JSON.
    func runMicroChild(_ name: String) throws {
        guard let benchmark = MicroBenchmark(rawValue: name) else { throw ValidationError("unknown micro-benchmark '\(name)'") }
        let settings = try microSettings.map { try JSONDecoder().decode(MicroSettings.self, from: Data($0.utf8)) }
            ?? MicroSettings(quick: quick, runs: runs ?? 5, isolates: isolates, megabytes: megabytes, parseFile: parseFile)
        let result = try benchmark.measure(settings)
        print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    }
}

/// The progress line on stderr: rewritten in place on a terminal, one line per
/// step otherwise (logs, tests).
final class Progress {
    private let isTerminal = isatty(2) != 0
    private var shown = false

    func show(_ text: String) {
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        } else {
            FileHandle.standardError.write(Data("mvm-bench: \(text)\n".utf8))
        }
    }

    func note(_ text: String) {
        clear()
        FileHandle.standardError.write(Data("mvm-bench: \(text)\n".utf8))
    }

    func clear() {
        if isTerminal && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
    }
}

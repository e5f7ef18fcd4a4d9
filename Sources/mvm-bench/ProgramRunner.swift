// One benchmark under every configuration: runs interleaved (run 1 of each
// configuration, then run 2, ...) so a drift in machine speed spreads evenly;
// every run's checksum is checked, and a configuration that fails once is FAIL
// with no time.
import Foundation

enum ProgramRunner {
    static func run(_ benchmark: Benchmark, iterations: Int, columns: [Configuration], runs: Int,
                    timeout: Double, scratch: URL, progress: (String) -> Void) throws -> BenchmarkResult {
        let file = scratch.appendingPathComponent(benchmark.name + ".js").path
        try Suite.program(benchmark, iterations: iterations).write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }

        var cells = columns.map {
            CellResult(configuration: $0.name, status: $0.isAvailable ? .ok : .unavailable,
                       reason: $0.unavailable, samples: [])
        }
        for round in 0..<runs {
            for (c, configuration) in columns.enumerated() where cells[c].status == .ok {
                progress("\(configuration.name), run \(round + 1)/\(runs)")
                let result: SubprocessResult
                do { result = try Subprocess.run(configuration.command + [file], timeout: timeout, scratch: scratch) }
                catch { cells[c].status = .fail; cells[c].reason = "\(error)"; continue }
                if let failure = verify(result, expected: benchmark.checksum) {
                    cells[c].status = .fail
                    cells[c].reason = failure
                    cells[c].samples = []
                } else {
                    cells[c].samples.append(Sample(wallSeconds: result.wallSeconds, cpuSeconds: result.cpuSeconds,
                                                   maxRSSKilobytes: result.maxRSSKilobytes,
                                                   jit: configuration.reportsJIT ? JITSample(statsOutput: result.stderr) : nil))
                }
            }
        }
        return BenchmarkResult(name: benchmark.name, summary: benchmark.summary, iterations: iterations,
                               checksum: benchmark.checksum, results: cells)
    }

    /// Why a run does not count, or nil when it computed the expected checksum.
    static func verify(_ result: SubprocessResult, expected: String) -> String? {
        if !result.succeeded { return result.failureSummary }
        guard let checksum = Suite.checksum(in: result.stdout) else { return "no '\(Suite.checksumPrefix)' line in its output" }
        return checksum == expected ? nil : "checksum '\(checksum)', expected '\(expected)'"
    }
}

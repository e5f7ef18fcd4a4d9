// The benchmark suite: JavaScript programs in Benchmarks/, each with a header.
//
//     // name: what it exercises (first line, free text)
//     // iterations: 10
//     // checksum: 832040
//     function benchmark() { ... return result; }
//
// The runner appends a driver that calls `benchmark()` `iterations` times
// (scaled by --scale, 1 with --quick), checks that every call computed the same
// thing, and prints it as `mvm-bench checksum: RESULT`. The run passes when that
// equals the header's checksum. Only standard JavaScript and console.log are
// used, so every engine runs the same file.
import Foundation

struct Benchmark {
    var name: String
    var path: String
    var summary: String
    var iterations: Int
    var checksum: String
}

enum SuiteError: Error, CustomStringConvertible {
    case noSuite
    case unreadable(String)
    case badHeader(String, String)
    case message(String)

    var description: String {
        switch self {
        case .noSuite: return "cannot find the Benchmarks/ directory; pass --suite DIR"
        case .unreadable(let path): return "cannot read '\(path)'"
        case .badHeader(let path, let what): return "\(path):1:1: benchmark header: \(what)"
        case .message(let what): return what
        }
    }
}

enum Suite {
    static let checksumPrefix = "mvm-bench checksum: "

    /// Benchmarks/ next to the current directory, or above the executable
    /// (`.build/release/mvm-bench` sits two or three levels below the package).
    static func defaultDirectory() -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        if var url = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            for _ in 0..<5 { url.deleteLastPathComponent(); candidates.append(url.path) }
        }
        for base in candidates {
            var isDirectory: ObjCBool = false
            let path = base + "/Benchmarks"
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        }
        return nil
    }

    static func load(directory: String, filters: [String]) throws -> [Benchmark] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw SuiteError.unreadable(directory)
        }
        var benchmarks: [Benchmark] = []
        for file in names.sorted() where file.hasSuffix(".js") {
            let name = String(file.dropLast(3))
            if !filters.isEmpty && !filters.contains(where: { name.contains($0) }) { continue }
            benchmarks.append(try parse(path: directory + "/" + file, name: name))
        }
        if benchmarks.isEmpty {
            throw SuiteError.message(filters.isEmpty ? "no benchmarks (*.js) in \(directory)"
                                                   : "no benchmark in \(directory) matches \(filters.joined(separator: ", "))")
        }
        return benchmarks
    }

    static func parse(path: String, name: String) throws -> Benchmark {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SuiteError.unreadable(path) }
        var summary = "", iterations: Int?, checksum: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
            guard line.hasPrefix("//") else { break }
            let body = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("iterations:") {
                let value = body.dropFirst("iterations:".count).trimmingCharacters(in: .whitespaces)
                guard let n = Int(value), n > 0 else { throw SuiteError.badHeader(path, "iterations must be a positive integer, not '\(value)'") }
                iterations = n
            } else if body.hasPrefix("checksum:") {
                checksum = body.dropFirst("checksum:".count).trimmingCharacters(in: .whitespaces)
            } else if summary.isEmpty {
                summary = body.hasPrefix(name + ":") ? body.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) : body
            }
        }
        guard let iterations else { throw SuiteError.badHeader(path, "missing '// iterations: N'") }
        guard let checksum, !checksum.isEmpty else { throw SuiteError.badHeader(path, "missing '// checksum: VALUE'") }
        return Benchmark(name: name, path: path, summary: summary, iterations: iterations, checksum: checksum)
    }

    /// The program a run executes: the benchmark's text and the driver.
    static func program(_ benchmark: Benchmark, iterations: Int) throws -> String {
        guard let text = try? String(contentsOfFile: benchmark.path, encoding: .utf8) else {
            throw SuiteError.unreadable(benchmark.path)
        }
        return text + """

            ;(function () {
              if (typeof benchmark !== "function") throw new Error("\(benchmark.name).js does not define function benchmark()");
              var result;
              for (var i = 0; i < \(iterations); i++) {
                var r = String(benchmark());
                if (i > 0 && r !== result) throw new Error("iteration " + i + " computed " + r + ", the first computed " + result);
                result = r;
              }
              console.log("\(checksumPrefix)" + result);
            })();

            """
    }

    /// The checksum a run printed (its last checksum line), if any.
    static func checksum(in output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix(checksumPrefix) }.map { String($0.dropFirst(checksumPrefix.count)) }
    }
}

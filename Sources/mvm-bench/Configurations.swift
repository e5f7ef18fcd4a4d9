// The configurations a benchmark runs under: MVM's tiers and the peer engines
// found on PATH. Each is a command line the benchmark file is appended to.
import Foundation

struct Configuration {
    var name: String
    var command: [String]
    var version: String?
    /// Why this configuration cannot run here (nil when it can).
    var unavailable: String?
    /// Runs with `--stats`, so each sample carries the JIT's counts.
    var reportsJIT = false

    var isAvailable: Bool { unavailable == nil }
}

enum Configurations {
    static let allNames = ["interp", "jit", "node", "node --jitless", "qjs"]

    /// `mvm` built next to this runner (SwiftPM builds it with mvm-bench).
    static func defaultMVMPath() -> String {
        let directory = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path ?? "."
        return directory + "/mvm"
    }

    /// The configurations to run, in table order, and the peers not found on PATH.
    static func discover(mvm: String, selected: [String], timeout: Double, scratch: URL) -> (columns: [Configuration], missingPeers: [String]) {
        var columns: [Configuration] = []
        var missing: [String] = []
        let mvmExists = access(mvm, X_OK) == 0
        let mvmVersion = mvmExists ? firstLine(of: [mvm, "--version"], scratch: scratch) : nil

        columns.append(Configuration(name: "interp", command: [mvm, "run", "--jit=off"], version: mvmVersion,
                                     unavailable: mvmExists ? nil : "no mvm executable at \(mvm)"))
        // The jit column runs default tiering; it exists once `--jit=eager` (which
        // demands compiled code) is accepted.
        var jitReason: String? = mvmExists ? nil : "no mvm executable at \(mvm)"
        if mvmExists, let probe = try? Subprocess.run([mvm, "-e", "", "--jit=eager"], timeout: timeout, scratch: scratch), !probe.succeeded {
            jitReason = probe.stderr.split(separator: "\n").first.map { String($0).replacingOccurrences(of: "mvm: ", with: "") } ?? "the JIT tier is not available"
        }
        columns.append(Configuration(name: "jit", command: [mvm, "run", "--jit=on", "--stats"], version: mvmVersion,
                                     unavailable: jitReason, reportsJIT: true))

        if let node = Subprocess.which("node") {
            let version = firstLine(of: [node, "--version"], scratch: scratch)
            columns.append(Configuration(name: "node", command: [node], version: version))
            columns.append(Configuration(name: "node --jitless", command: [node, "--jitless"], version: version))
        } else {
            missing += ["node", "node --jitless"]
        }
        if let qjs = Subprocess.which("qjs") {
            // qjs has no --version; its help text starts with "QuickJS version ...".
            let help = (try? Subprocess.run([qjs, "-h"], timeout: timeout, scratch: scratch)).map { $0.stdout + $0.stderr } ?? ""
            let version = help.split(separator: "\n").first { $0.contains("version") }.map(String.init)
            columns.append(Configuration(name: "qjs", command: [qjs], version: version))
        } else {
            missing.append("qjs")
        }
        if !selected.isEmpty {
            columns = columns.filter { selected.contains($0.name) }
            missing = missing.filter { selected.contains($0) }
        }
        return (columns, missing)
    }

    private static func firstLine(of command: [String], scratch: URL) -> String? {
        guard let result = try? Subprocess.run(command, timeout: 10, scratch: scratch), result.succeeded else { return nil }
        return result.stdout.split(separator: "\n").first.map(String.init)
    }
}

// Running one program as a child process and timing it.
//
// posix_spawn + wait4 rather than Foundation's Process: the wall time is taken
// right around the spawn and the reap (no run loop, no pipe threads), and wait4
// hands back the child's CPU time and peak RSS. Output goes to files, so a child
// that prints a lot can never block on a full pipe.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct SubprocessResult {
    var status: Int32          // exit status, or 128 + signal
    var timedOut: Bool
    var wallSeconds: Double
    var cpuSeconds: Double     // user + system
    var maxRSSKilobytes: Int
    var stdout: String
    var stderr: String

    var succeeded: Bool { status == 0 && !timedOut }

    /// A one-line account of a failed run, for the table's footnotes.
    var failureSummary: String {
        if timedOut { return "timed out after \(String(format: "%.0f", wallSeconds)) s" }
        // The error's own line ("TypeError: ..." in an uncaught report), else the first.
        let lines = stderr.split(separator: "\n").filter { !$0.hasPrefix("Warning:") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let line = lines.first { $0.contains("Error:") || $0.hasPrefix("Uncaught") } ?? lines.first
        let reason = status > 128 ? "killed by signal \(status - 128)" : "exit status \(status)"
        return line.map { "\(reason): \($0)" } ?? reason
    }
}

enum SubprocessError: Error, CustomStringConvertible {
    case spawnFailed(String, Int32)
    var description: String {
        switch self {
        case .spawnFailed(let program, let code): return "cannot run \(program): \(String(cString: strerror(code)))"
        }
    }
}

enum Subprocess {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `arguments` (the first is the program, looked up on PATH if it has no
    /// slash), kills it after `timeout` seconds.
    static func run(_ arguments: [String], timeout: Double, scratch: URL) throws -> SubprocessResult {
        let outPath = scratch.appendingPathComponent("stdout-\(getpid())").path
        let errPath = scratch.appendingPathComponent("stderr-\(getpid())").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        let code = arguments[0].contains("/")
            ? posix_spawn(&pid, arguments[0], &actions, nil, cArguments, environ)
            : posix_spawnp(&pid, arguments[0], &actions, nil, cArguments, environ)
        guard code == 0 else { throw SubprocessError.spawnFailed(arguments[0], code) }

        // A watchdog kills the child if it runs too long; it is cancelled as soon
        // as the child is reaped, so it never signals a reused pid.
        let killed = WatchdogFlag()
        let watchdog = DispatchWorkItem {
            killed.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = now() - start
        watchdog.cancel()

        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let result = SubprocessResult(
            status: exitCode, timedOut: killed.isSet, wallSeconds: wall,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            maxRSSKilobytes: Int(usage.ru_maxrss),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        unlink(outPath)
        unlink(errPath)
        return result
    }

    /// The full path of `program` on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// A flag set from the watchdog's thread and read after the child is reaped.
final class WatchdogFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

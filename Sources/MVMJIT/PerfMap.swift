// /tmp/perf-PID.map: how `perf report` names JIT code without debug info.
// One line per compiled function, "START SIZE NAME" in hex, appended as
// functions are compiled (perf reads the file after the run).
import Foundation

final class PerfMap: @unchecked Sendable {
    private let handle: FileHandle?

    init() {
        let path = "/tmp/perf-\(ProcessInfo.processInfo.processIdentifier).map"
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        handle = FileHandle(forWritingAtPath: path)
        handle?.seekToEndOfFile()
    }

    deinit { try? handle?.close() }

    /// Called on the compile queue only.
    func add(start: UnsafeRawPointer, size: Int, name: String) {
        let line = "\(String(UInt(bitPattern: start), radix: 16)) \(String(max(size, 1), radix: 16)) \(name)\n"
        handle?.write(Data(line.utf8))
    }
}

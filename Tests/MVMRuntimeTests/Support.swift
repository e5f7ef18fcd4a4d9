// Runs JavaScript in fresh isolates and reads `// expect:` lines.
import Foundation
import MVMBytecode
import MVMRuntime
import MVMSyntax

let corpusDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

func corpusFiles(_ folder: String) -> [String] {
    let directory = corpusDirectory.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".js") || $0.hasSuffix(".mjs") }.sorted()
}

func corpusText(_ folder: String, _ name: String) -> String {
    let url = corpusDirectory.appendingPathComponent(folder).appendingPathComponent(name)
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}

/// What a program printed, and the uncaught-exception report if any.
struct RunResult {
    var stdout: [String]
    var stderr: [String]
    var failure: String?
}

/// Local time is UTC in every test, as it was where the `// expect:` lines came from.
let utcTimeZone: Void = {
    setenv("TZ", "UTC", 1)
    tzset()
}()

/// Runs `source` as a classic script (or module) in a new isolate.
func run(_ source: String, name: String = "test.js", goal: Goal = .script, gcStress: Bool = false) -> RunResult {
    _ = utcTimeZone
    let isolate = Isolate()
    isolate.gcStress = gcStress
    var out: [UInt8] = []
    var err: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    isolate.stderrSink = { err += $0 }
    let failure = isolate.runProgram(SourceFile(name: name, text: source), as: goal)
    isolate.flushOutput()
    return RunResult(stdout: lines(out), stderr: lines(err), failure: failure)
}

private func lines(_ bytes: [UInt8]) -> [String] {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    return text.isEmpty ? [] : text.components(separatedBy: "\n")
}

/// The `// expect: ...` lines of a script, in order.
func expectations(_ source: String) -> [String] {
    source.components(separatedBy: "\n").compactMap { line in
        guard let range = line.range(of: "// expect: ") ?? (line.hasSuffix("// expect:") ? line.range(of: "// expect:") : nil) else { return nil }
        return String(line[range.upperBound...])
    }
}

func trimmedTrailing(_ s: String) -> String {
    var t = s
    while t.hasSuffix(" ") { t.removeLast() }
    return t
}

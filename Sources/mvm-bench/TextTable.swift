// The report as text: one row per benchmark, one column per configuration
// ("median (min–max) ratio"), the geometric means, then the notes and the
// micro-benchmarks.
import Foundation

enum TextTable {
    static func seconds(_ t: Double) -> String { String(format: t < 10 ? "%.3f" : "%.2f", t) }
    static func ratio(_ r: Double) -> String { String(format: r < 10 ? "%.2fx" : "%.1fx", r) }

    static func render(_ report: Report) -> String {
        let baseline = report.options.baseline
        let names = report.configurations.map(\.name)
        var rows: [[String]] = []
        rows.append(["benchmark"] + names)
        rows.append([""] + names.map { _ in "median (min-max)  vs \(baseline)" })
        var notes: [String] = []
        for benchmark in report.benchmarks {
            var row = [benchmark.name]
            for name in names {
                guard let cell = benchmark.cell(name) else { row.append(""); continue }
                switch cell.status {
                case .ok:
                    let range = "(\(seconds(cell.min ?? 0))-\(seconds(cell.max ?? 0)))"
                    row.append("\(seconds(cell.median ?? 0)) \(range)  \(cell.ratio.map(ratio) ?? "-")")
                case .fail:
                    row.append("FAIL")
                    notes.append("FAIL \(benchmark.name) under \(name): \(cell.reason ?? "")")
                case .unavailable:
                    row.append("n/a")
                }
            }
            rows.append(row)
        }
        var geomean = ["geomean"]
        for summary in report.summary {
            var text = summary.geomeanSeconds.map(seconds) ?? "-"
            if let r = summary.geomeanRatio { text += "  " + ratio(r) }
            if summary.failed > 0 { text += "  (\(summary.passed) passed)" }
            geomean.append(summary.passed == 0 && summary.failed == 0 ? "n/a" : text)
        }
        rows.append(geomean)

        var widths = Array(repeating: 0, count: names.count + 1)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "   ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = "wall time in seconds, \(report.options.runs) run\(report.options.runs == 1 ? "" : "s") each, each run a fresh process; ratio = median / \(baseline)'s median (lower is faster)\n\n"
        out += line(rows[0]) + "\n" + line(rows[1]) + "\n"
        out += String(repeating: "-", count: widths.reduce(0, +) + 3 * names.count) + "\n"
        for row in rows[2..<(rows.count - 1)] { out += line(row) + "\n" }
        out += String(repeating: "-", count: widths.reduce(0, +) + 3 * names.count) + "\n"
        out += line(rows[rows.count - 1]) + "\n"

        for configuration in report.configurations where !configuration.available {
            notes.append("n/a \(configuration.name): \(configuration.reason ?? "not available")")
        }
        if !report.missingPeers.isEmpty { notes.append("not on PATH: \(report.missingPeers.joined(separator: ", "))") }
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        out += jitCounts(report)
        if !report.micro.isEmpty { out += "\n" + micro(report.micro) }
        return out
    }

    /// What the JIT did in each benchmark's first jit run.
    static func jitCounts(_ report: Report) -> String {
        var rows = [["jit, first run", "compiled", "quick", "shared", "compile ms", "median ms", "first ms", "upgrade ms", "setup ms", "deopts"]]
        var medians: [Double] = [], firstMedians: [Double] = [], upgradeMedians: [Double] = []
        func milliseconds(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
        for benchmark in report.benchmarks {
            guard let jit = benchmark.results.first(where: { $0.configuration == "jit" })?.samples.first?.jit else { continue }
            rows.append([benchmark.name, "\(jit.functionsCompiled)", jit.quickCompiles.map(String.init) ?? "-", "\(jit.fromSharedCache)",
                         String(format: "%.1f", jit.compileMillisecondsTotal), String(format: "%.2f", jit.compileMillisecondsMedian),
                         milliseconds(jit.firstCodeMillisecondsMedian), milliseconds(jit.upgradeMillisecondsMedian),
                         jit.sessionSetupMilliseconds.map { String(format: "%.1f", $0) } ?? "-", "\(jit.deopts)"])
            if jit.functionsCompiled > 0 { medians.append(jit.compileMillisecondsMedian) }
            if let first = jit.firstCodeMillisecondsMedian { firstMedians.append(first) }
            if let upgrade = jit.upgradeMillisecondsMedian { upgradeMedians.append(upgrade) }
        }
        if rows.count == 1 { return "" }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = "\n"
        for row in rows {
            out += row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "   ") + "\n"
        }
        func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
        if !medians.isEmpty {
            out += "median compile time per function (median over benchmarks): \(median(medians)) ms"
            if !firstMedians.isEmpty { out += "; to a function's first code \(median(firstMedians)) ms" }
            if !upgradeMedians.isEmpty { out += "; quick code's upgrades \(median(upgradeMedians)) ms" }
            out += "\n"
        }
        out += "first ms: compiles that gave a function its first code (quick code, or optimized code at once); upgrade ms: optimized code replacing quick code (-: none)\n"
        out += "setup ms: loading LLVM and making its session, once per process, before the first compile and not in compile ms (-: never loaded)\n"
        return out
    }

    static func micro(_ results: [MicroResult]) -> String {
        func number(_ x: Double) -> String {
            if x >= 1e6 { return String(format: "%.2fM", x / 1e6) }
            return String(format: x >= 100 ? "%.0f" : "%.1f", x)
        }
        var rows = [["micro-benchmark", "median", "min", "max", "unit"]]
        for r in results { rows.append([r.name, number(r.median), number(r.min), number(r.max), r.unit]) }
        var widths = [0, 0, 0, 0, 0]
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for (index, row) in rows.enumerated() {
            var text = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for i in 1...3 { text += "   " + String(repeating: " ", count: widths[i] - row[i].count) + row[i] }
            text += "   " + row[4]
            if index > 0, let note = results[index - 1].note { text += "   (\(note))" }
            out += text + "\n"
        }
        return out
    }
}

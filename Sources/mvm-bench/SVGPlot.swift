// `--plot FILE.svg`: the ratios as grouped bars, one group per benchmark and one
// bar per configuration, on a log scale with the baseline at 1.
import Foundation

enum SVGPlot {
    static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1"]

    static func render(_ report: Report) -> String {
        let baseline = report.options.baseline
        let columns = report.configurations.filter { $0.available && $0.name != baseline }.map(\.name)
        var groups: [(String, [Double?])] = report.benchmarks.map { b in
            (b.name, columns.map { b.cell($0)?.ratio })
        }
        groups.append(("geomean", columns.map { name in report.summary.first { $0.configuration == name }?.geomeanRatio }))

        let values: [Double] = groups.flatMap { $0.1.compactMap { $0 } } + [1]
        var low: Double = floor(log10(values.min() ?? 1)), high: Double = ceil(log10(values.max() ?? 1))
        if low == high { low -= 1; high += 1 }
        let barWidth = 12.0, gap = 16.0, plotHeight = 320.0
        let left = 70.0, top = 70.0, bottom = 130.0, right = 20.0
        let groupWidth = Double(max(columns.count, 1)) * barWidth + gap
        let width = left + Double(groups.count) * groupWidth + right
        let height = top + plotHeight + bottom
        func y(_ ratio: Double) -> Double { top + plotHeight * (high - log10(ratio)) / (high - low) }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func f(_ x: Double) -> String { String(format: "%.1f", x) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(left))" y="22" font-size="14" font-weight="bold">mvm-bench: wall time relative to \(escape(baseline)) (log scale, lower is faster)</text>

            """
        // Legend.
        for (i, name) in columns.enumerated() {
            let x = left + Double(i) * 150
            svg += "<rect x=\"\(f(x))\" y=\"34\" width=\"12\" height=\"12\" fill=\"\(colors[i % colors.count])\"/>"
            svg += "<text x=\"\(f(x + 16))\" y=\"44\">\(escape(name))</text>\n"
        }
        // Decade grid lines and labels.
        var decade = low
        while decade <= high {
            let ratio = pow(10, decade)
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(ratio)))\" y2=\"\(f(y(ratio)))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(ratio) + 4))\" text-anchor=\"end\">\(ratio >= 1 ? String(format: "%.0fx", ratio) : String(format: "%gx", ratio))</text>\n"
            decade += 1
        }
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(1)))\" y2=\"\(f(y(1)))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>\n"
        // Bars.
        for (g, (name, ratios)) in groups.enumerated() {
            let x0 = left + Double(g) * groupWidth + gap / 2
            for (i, ratio) in ratios.enumerated() {
                let x = x0 + Double(i) * barWidth
                guard let ratio else {
                    svg += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(top + plotHeight - 4))\" text-anchor=\"middle\" fill=\"#999\">-</text>\n"
                    continue
                }
                let yTop = y(ratio), yBottom = top + plotHeight
                svg += "<rect x=\"\(f(x))\" y=\"\(f(yTop))\" width=\"\(f(barWidth - 1))\" height=\"\(f(max(yBottom - yTop, 0.5)))\" fill=\"\(colors[i % colors.count])\">"
                svg += "<title>\(escape(name)), \(escape(columns[i])): \(String(format: "%.3f", ratio))x</title></rect>\n"
            }
            let labelX = x0 + Double(ratios.count) * barWidth / 2
            svg += "<text transform=\"translate(\(f(labelX)),\(f(top + plotHeight + 8))) rotate(-50)\" text-anchor=\"end\"\(name == "geomean" ? " font-weight=\"bold\"" : "")>\(escape(name))</text>\n"
        }
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\"/>\n"
        svg += "</svg>\n"
        return svg
    }
}

// console: log/info/debug/dir to stdout, error/warn/trace to stderr, with
// Node's group indentation, assert and count.

extension Isolate {
    /// Prefixes every line with the current console.group indentation.
    func indented(_ text: String) -> String {
        if consoleIndent == 0 { return text }
        let pad = String(repeating: " ", count: consoleIndent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    func setUpConsole() {
        let console = newObject()
        defineHidden(globalObject, "console", console)
        for name in ["log", "info", "debug", "dir"] {
            method(console, name, 0) { iso, args throws(Thrown) in
                iso.writeStdout(iso.indented(try iso.formatLogArguments(args)))
                return .undefined
            }
        }
        for name in ["error", "warn", "trace"] {
            method(console, name, 0) { iso, args throws(Thrown) in
                iso.writeStderr(iso.indented(try iso.formatLogArguments(args)))
                return .undefined
            }
        }
        for name in ["group", "groupCollapsed"] {
            method(console, name, 0) { iso, args throws(Thrown) in
                if args.count > 0 { iso.writeStdout(iso.indented(try iso.formatLogArguments(args))) }
                iso.consoleIndent += 2
                return .undefined
            }
        }
        method(console, "groupEnd", 0) { iso, _ throws(Thrown) in
            iso.consoleIndent = max(0, iso.consoleIndent - 2)
            return .undefined
        }
        method(console, "assert", 0) { iso, args throws(Thrown) in
            if iso.truthy(args[0]) { return .undefined }
            var text = "Assertion failed"
            if args.count > 1 {
                let rest = iso.newArray((1..<args.count).map { args[$0] })
                iso.root(rest)
                let cell = rest.cell
                var parts: [String] = []
                for i in 0..<cell.elementLength {
                    let v = cell.elementValues[i]
                    parts.append(v.isString ? iso.swiftString(v) : try iso.inspect(v))
                }
                text += ": " + parts.joined(separator: " ")
            }
            iso.writeStderr(iso.indented(text))
            return .undefined
        }
        method(console, "count", 0) { iso, args throws(Thrown) in
            let label = args[0].isUndefined ? "default" : iso.swiftString(try iso.toString(args[0]))
            let n = (iso.consoleCounts[label] ?? 0) + 1
            iso.consoleCounts[label] = n
            iso.writeStdout(iso.indented("\(label): \(n)"))
            return .undefined
        }
        method(console, "countReset", 0) { iso, args throws(Thrown) in
            let label = args[0].isUndefined ? "default" : iso.swiftString(try iso.toString(args[0]))
            iso.consoleCounts[label] = 0
            return .undefined
        }
    }
}

// Syntax errors, as the user sees them.

/// An early error found while reading JavaScript. It prints as
/// `file.js:LINE:COL: SyntaxError: message`, then the offending line and a
/// caret under the column.
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var fileName: String
    public var loc: SourceLoc
    /// The text of the offending line, for the caret display.
    public var lineText: String

    public init(message: String, fileName: String, loc: SourceLoc, lineText: String) {
        self.message = message
        self.fileName = fileName
        self.loc = loc
        self.lineText = lineText
    }

    /// The one-line form: `file.js:3:14: SyntaxError: message`.
    public var headline: String { "\(fileName):\(loc.line):\(loc.column): SyntaxError: \(message)" }

    /// The headline, the offending line and a caret under the column. A long
    /// line (minified code) is cut to a window around the column, marked "...".
    /// Tabs before the column are kept so that the caret lines up in a terminal.
    public var description: String {
        let units = Array(lineText.utf16)
        let column = max(Int(loc.column) - 1, 0)
        let window = 80
        var start = 0
        var end = units.count
        if units.count > 2 * window {
            start = max(0, min(column, units.count) - window)
            end = min(units.count, column + window)
        }
        let prefix = start > 0 ? "..." : ""
        let suffix = end < units.count ? "..." : ""
        let shown = String(decoding: units[start..<end], as: UTF16.self)
        var caret = String(repeating: " ", count: prefix.count)
        for unit in units[start..<min(max(column, start), end)] { caret.append(unit == 0x09 ? "\t" : " ") }
        return "\(headline)\n\(prefix)\(shown)\(suffix)\n\(caret)^"
    }
}

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

    /// The headline, the offending line and a caret under the column.
    /// Tabs before the column are kept so that the caret lines up in a terminal.
    public var description: String {
        var caret = ""
        var column = 1
        for unit in lineText.utf16 {
            if column >= Int(loc.column) { break }
            caret.append(unit == 0x09 ? "\t" : " ")
            column += 1
        }
        return "\(headline)\n\(lineText)\n\(caret)^"
    }
}

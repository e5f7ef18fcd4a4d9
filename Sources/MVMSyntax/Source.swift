// Source text and positions.

/// A position in a source file. Every AST node carries one.
///
/// `line` and `column` are 1-based; `column` counts UTF-16 code units from the
/// start of the line, as V8 and Node report columns. `offset` is the 0-based
/// byte offset into the UTF-8 text.
public struct SourceLoc: Hashable, Sendable, CustomStringConvertible {
    public var offset: UInt32
    public var line: UInt32
    public var column: UInt32

    public init(offset: UInt32, line: UInt32, column: UInt32) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static let none = SourceLoc(offset: 0, line: 0, column: 0)
    public var description: String { "\(line):\(column)" }
}

/// A JavaScript source file: its name (for messages) and its UTF-8 bytes.
///
/// The bytes end with a NUL sentinel that is not part of the text, so the lexer
/// can look one byte ahead without a bounds check.
public final class SourceFile: Sendable {
    public let name: String
    /// The text followed by one NUL byte; `byteCount` excludes it.
    let storage: [UInt8]

    public init(name: String, text: String) {
        self.name = name
        var bytes = Array(text.utf8)
        bytes.append(0)
        storage = bytes
    }

    /// The text's bytes (without the sentinel).
    public var textBytes: ArraySlice<UInt8> { storage[..<(storage.count - 1)] }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        var copy = bytes
        copy.append(0)
        storage = copy
    }

    /// Bytes of text, without the sentinel.
    public var byteCount: Int { storage.count - 1 }

    /// The text of the line that holds `offset`, without its terminator.
    public func lineText(containing offset: Int) -> String {
        let limit = byteCount
        var start = min(max(offset, 0), limit)
        while start > 0, !SourceFile.endsLine(storage, before: start) { start -= 1 }
        var end = start
        while end < limit, !SourceFile.startsTerminator(storage, at: end) { end += 1 }
        return String(decoding: storage[start..<end], as: UTF8.self)
    }

    /// The text of a 1-based line number.
    public func lineText(atLine line: Int) -> String {
        var current = 1
        var i = 0
        let limit = byteCount
        while current < line && i < limit {
            if storage[i] == 0x0A { current += 1 } else if storage[i] == 0x0D {
                current += 1
                if i + 1 < limit && storage[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return lineText(containing: i)
    }

    /// The text between two byte offsets (used for Function.prototype.toString).
    public func text(from start: Int, to end: Int) -> String {
        String(decoding: storage[max(0, start)..<min(end, byteCount)], as: UTF8.self)
    }

    /// True when a line terminator (LF, CR, U+2028, U+2029) starts at `i`.
    static func startsTerminator(_ bytes: [UInt8], at i: Int) -> Bool {
        let byte = bytes[i]
        if byte == 0x0A || byte == 0x0D { return true }
        return byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
            && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
    }

    /// True when a line terminator ends just before `i`.
    static func endsLine(_ bytes: [UInt8], before i: Int) -> Bool {
        let byte = bytes[i - 1]
        if byte == 0x0A || byte == 0x0D { return true }
        return i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80 && (byte == 0xA8 || byte == 0xA9)
    }
}

// Interned names: identifiers, property keys and string literal values.

/// An interned string in an AST's `NameTable`. Equal names have equal ids.
public struct Name: Hashable, Sendable {
    public var id: UInt32
    public init(id: UInt32) { self.id = id }
    /// No name (an anonymous function, a catch without a binding, ...).
    public static let none = Name(id: .max)
    public var isNone: Bool { id == .max }
}

/// The strings every parse interns first, at fixed ids. The reserved words come
/// first, in the order of their `TokenKind` cases, so a keyword's token kind is
/// its id plus `TokenKind.firstKeyword`.
let wellKnownNames: [String] = reservedWords + [
    "let", "static", "yield", "await", "async", "get", "set", "of", "from", "as",
    "target", "meta", "constructor", "prototype", "eval", "arguments",
    "implements", "interface", "package", "private", "protected", "public",
    "__proto__", "use strict", "", "source", "*default*",
]

let reservedWords: [String] = [
    "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
    "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
    "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
]

extension Name {
    static let reservedCount = UInt32(reservedWords.count)
    public static let `let` = Name(id: reservedCount + 0)
    static let `static` = Name(id: reservedCount + 1)
    static let yield = Name(id: reservedCount + 2)
    static let await = Name(id: reservedCount + 3)
    static let async = Name(id: reservedCount + 4)
    public static let get = Name(id: reservedCount + 5)
    public static let set = Name(id: reservedCount + 6)
    static let of = Name(id: reservedCount + 7)
    static let from = Name(id: reservedCount + 8)
    static let `as` = Name(id: reservedCount + 9)
    static let target = Name(id: reservedCount + 10)
    static let meta = Name(id: reservedCount + 11)
    public static let constructor = Name(id: reservedCount + 12)
    public static let prototype = Name(id: reservedCount + 13)
    public static let eval = Name(id: reservedCount + 14)
    public static let arguments = Name(id: reservedCount + 15)
    /// implements ... public: reserved in strict mode code only.
    static let firstStrictReserved = reservedCount + 16
    static let lastStrictReserved = reservedCount + 21
    public static let proto = Name(id: reservedCount + 22)
    static let useStrict = Name(id: reservedCount + 23)
    public static let empty = Name(id: reservedCount + 24)
    static let source = Name(id: reservedCount + 25)
    /// "default" as an export name (the same id as the keyword).
    public static let defaultName = Name(id: 7)
    /// The `*default*` local binding of an anonymous `export default`.
    public static let starDefault = Name(id: reservedCount + 26)

    var isReservedWord: Bool { id < Name.reservedCount }
    var isStrictReservedWord: Bool {
        (id >= Name.firstStrictReserved && id <= Name.lastStrictReserved) || self == .let || self == .static || self == .yield
    }
}

/// Interns UTF-16 strings. Lookups accept ASCII bytes straight from the source
/// (the common case) or UTF-16 units, hashing both the same way, so an ASCII
/// identifier is interned without being converted first.
///
/// Keys compare by code unit: JavaScript identifiers and strings are equal when
/// their code points are, whereas Swift's `String ==` compares canonical
/// equivalence. Code units also hold lone surrogates, which `String` cannot.
public struct NameTable: Sendable {
    private var units: [UInt16] = []
    private var spans: [(start: UInt32, count: UInt32, hash: UInt32)] = []
    /// Open addressing: a slot holds a name id + 1, or 0 when empty.
    private var slots: [UInt32]

    public init() {
        slots = Array(repeating: 0, count: 1024)
        units.reserveCapacity(4096)
        spans.reserveCapacity(256)
        for name in wellKnownNames { _ = intern(Array(name.utf16)) }
    }

    public var count: Int { spans.count }

    /// The code units of `name`.
    public subscript(name: Name) -> ArraySlice<UInt16> {
        let span = spans[Int(name.id)]
        return units[Int(span.start)..<Int(span.start + span.count)]
    }

    /// `name` as a Swift string (lone surrogates become U+FFFD).
    public func string(_ name: Name) -> String {
        name.isNone ? "" : String(decoding: self[name], as: UTF16.self)
    }

    @inline(__always) static func mix(_ hash: UInt32, _ unit: UInt32) -> UInt32 {
        (hash ^ unit) &* 16_777_619
    }

    /// Interns ASCII bytes (every byte < 0x80).
    mutating func intern(ascii bytes: UnsafeBufferPointer<UInt8>) -> Name {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = NameTable.mix(hash, UInt32(byte)) }
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            let span = spans[Int(slot - 1)]
            if span.hash == hash && span.count == bytes.count && equal(span.start, bytes) {
                return Name(id: slot - 1)
            }
            index = (index + 1) & mask
        }
        let start = UInt32(units.count)
        for byte in bytes { units.append(UInt16(byte)) }
        return insert(start: start, count: UInt32(bytes.count), hash: hash, at: index)
    }

    /// Interns arbitrary UTF-16 code units.
    public mutating func intern<C: Collection>(_ codeUnits: C) -> Name where C.Element == UInt16 {
        let hash = NameTable.hash(codeUnits)
        let (found, index) = probe(codeUnits, hash)
        if let found { return found }
        let start = UInt32(units.count)
        units.append(contentsOf: codeUnits)
        return insert(start: start, count: UInt32(codeUnits.count), hash: hash, at: index)
    }

    private static func hash<C: Collection>(_ codeUnits: C) -> UInt32 where C.Element == UInt16 {
        var hash: UInt32 = 2_166_136_261
        for unit in codeUnits { hash = NameTable.mix(hash, UInt32(unit)) }
        return hash
    }

    /// The name for these units if interned, else the empty slot to put it in.
    private func probe<C: Collection>(_ codeUnits: C, _ hash: UInt32) -> (found: Name?, slot: Int) where C.Element == UInt16 {
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return (nil, index) }
            let span = spans[Int(slot - 1)]
            if span.hash == hash && span.count == codeUnits.count
                && units[Int(span.start)..<Int(span.start + span.count)].elementsEqual(codeUnits) {
                return (Name(id: slot - 1), index)
            }
            index = (index + 1) & mask
        }
    }

    public mutating func intern(_ string: String) -> Name { intern(Array(string.utf16)) }

    /// The name for these code units, if interned.
    public func lookup(_ codeUnits: [UInt16]) -> Name? {
        probe(codeUnits, NameTable.hash(codeUnits)).found
    }

    private func equal(_ start: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = Int(start)
        for byte in bytes {
            if units[i] != UInt16(byte) { return false }
            i += 1
        }
        return true
    }

    private mutating func insert(start: UInt32, count: UInt32, hash: UInt32, at index: Int) -> Name {
        let id = UInt32(spans.count)
        spans.append((start, count, hash))
        slots[index] = id + 1
        if spans.count * 2 > slots.count { grow() }
        return Name(id: id)
    }

    private mutating func grow() {
        var newSlots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        for (id, span) in spans.enumerated() {
            var index = Int(span.hash) & mask
            while newSlots[index] != 0 { index = (index + 1) & mask }
            newSlots[index] = UInt32(id + 1)
        }
        slots = newSlots
    }
}

// Strings: UTF-16 semantics, stored one byte per unit when every unit is
// Latin-1. Concatenation builds ropes, flattened on first read, so a loop
// that appends to a string stays linear. Atoms are the interned strings
// used as property keys: equal atoms are the same cell.
//
// Flat string cell:            Rope cell:
//   0  header (aux = length)     0  header (aux = length)
//   8  hash (UInt32, 0 = none)   8  left  (Value; the flat result once flattened)
//  12  index cache (UInt32)     16  right (Value; empty once flattened)
//  16  code units (UInt8 or UInt16)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum StringLayout {
    static let oneByteFlag: UInt8 = 1
    static let atomFlag: UInt8 = 2
    static let unitsOffset = 16
    static let notIndex: UInt32 = 0xFFFF_FFFF
    static let unknownIndex: UInt32 = 0xFFFF_FFFE
    /// Shorter concatenations copy; longer ones make a rope.
    static let ropeThreshold = 24
    static let maxLength = (1 << 30) - 25

    @inline(__always) static func isOneByte(_ cell: Cell) -> Bool { cell.cellFlags & oneByteFlag != 0 }
    @inline(__always) static func length(_ cell: Cell) -> Int { Int(cell.aux) }
    @inline(__always) static func bytes(_ cell: Cell) -> UnsafeMutablePointer<UInt8> {
        (cell + unitsOffset).assumingMemoryBound(to: UInt8.self)
    }
    @inline(__always) static func wide(_ cell: Cell) -> UnsafeMutablePointer<UInt16> {
        (cell + unitsOffset).assumingMemoryBound(to: UInt16.self)
    }
    @inline(__always) static func unit(_ cell: Cell, _ i: Int) -> UInt16 {
        isOneByte(cell) ? UInt16(bytes(cell)[i]) : wide(cell)[i]
    }

    static func hash(_ cell: Cell) -> UInt32 {
        let cached = cell.load(fromByteOffset: 8, as: UInt32.self)
        if cached != 0 { return cached }
        var h: UInt32 = 2_166_136_261
        let n = length(cell)
        if isOneByte(cell) {
            let p = bytes(cell)
            for i in 0..<n { h = (h ^ UInt32(p[i])) &* 16_777_619 }
        } else {
            let p = wide(cell)
            for i in 0..<n { h = (h ^ UInt32(p[i])) &* 16_777_619 }
        }
        if h == 0 { h = 1 }
        cell.storeBytes(of: h, toByteOffset: 8, as: UInt32.self)
        return h
    }

    static func hash<C: Collection>(units: C) -> UInt32 where C.Element == UInt16 {
        var h: UInt32 = 2_166_136_261
        for u in units { h = (h ^ UInt32(u)) &* 16_777_619 }
        return h == 0 ? 1 : h
    }

    static func equal(_ a: Cell, _ b: Cell) -> Bool {
        if a == b { return true }
        let n = length(a)
        if n != length(b) { return false }
        if a.cellFlags & atomFlag != 0 && b.cellFlags & atomFlag != 0 { return false }
        if isOneByte(a) && isOneByte(b) { return memcmp(bytes(a), bytes(b), n) == 0 }
        for i in 0..<n where unit(a, i) != unit(b, i) { return false }
        return true
    }

    static func equal<C: Collection>(_ a: Cell, _ units: C) -> Bool where C.Element == UInt16 {
        if length(a) != units.count { return false }
        var i = 0
        for u in units {
            if unit(a, i) != u { return false }
            i += 1
        }
        return true
    }

    /// The array index the string spells canonically ("0" ... "4294967294"), or notIndex.
    static func arrayIndex(_ cell: Cell) -> UInt32 {
        let cached = cell.load(fromByteOffset: 12, as: UInt32.self)
        if cached != unknownIndex { return cached }
        let result = computeIndex(cell)
        cell.storeBytes(of: result, toByteOffset: 12, as: UInt32.self)
        return result
    }

    private static func computeIndex(_ cell: Cell) -> UInt32 {
        let n = length(cell)
        if n == 0 || n > 10 { return notIndex }
        let first = unit(cell, 0)
        if first < 48 || first > 57 || (first == 48 && n > 1) { return notIndex }
        var value: UInt64 = 0
        for i in 0..<n {
            let u = unit(cell, i)
            if u < 48 || u > 57 { return notIndex }
            value = value * 10 + UInt64(u - 48)
        }
        return value < 4_294_967_295 ? UInt32(value) : notIndex
    }
}

/// The per-isolate atom table: open addressing over string cells.
struct AtomTable {
    private(set) var slots: UnsafeMutablePointer<Cell?>
    private(set) var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 1024
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
    }

    func release() { slots.deallocate() }

    func find<C: Collection>(_ units: C, hash: UInt32) -> Cell? where C.Element == UInt16 {
        var i = Int(hash) & (capacity - 1)
        while let cell = slots[i] {
            if StringLayout.hash(cell) == hash && StringLayout.equal(cell, units) { return cell }
            i = (i + 1) & (capacity - 1)
        }
        return nil
    }

    func find(_ cell: Cell) -> Cell? {
        let hash = StringLayout.hash(cell)
        var i = Int(hash) & (capacity - 1)
        while let atom = slots[i] {
            if StringLayout.hash(atom) == hash && StringLayout.equal(atom, cell) { return atom }
            i = (i + 1) & (capacity - 1)
        }
        return nil
    }

    mutating func insert(_ cell: Cell) {
        if (count + 1) * 2 > capacity { grow() }
        var i = Int(StringLayout.hash(cell)) & (capacity - 1)
        while slots[i] != nil { i = (i + 1) & (capacity - 1) }
        slots[i] = cell
        count += 1
    }

    private mutating func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        count = 0
        for i in 0..<oldCapacity { if let cell = old[i] { insert(cell) } }
        old.deallocate()
    }

    func forEach(_ body: (Cell) -> Void) {
        for i in 0..<capacity { if let cell = slots[i] { body(cell) } }
    }
}

extension Isolate {
    // MARK: Creating strings

    func allocateFlatString(length: Int, oneByte: Bool) -> Cell {
        let size = StringLayout.unitsOffset + (oneByte ? length : length * 2)
        let cell = heap.allocate(max(size, 16), kind: .string)
        cell.cellFlags = oneByte ? StringLayout.oneByteFlag : 0
        cell.aux = UInt32(length)
        cell.storeBytes(of: 0, toByteOffset: 8, as: UInt32.self)
        cell.storeBytes(of: StringLayout.unknownIndex, toByteOffset: 12, as: UInt32.self)
        return cell
    }

    public func newString<C: Collection>(units: C) -> Value where C.Element == UInt16 {
        let n = units.count
        if n == 0 { return emptyString }
        if n == 1, let u = units.first, u < Isolate.singleCharCount { return jitState.pointee.singleCharStrings[Int(u)] }
        var oneByte = true
        for u in units where u > 0xFF { oneByte = false; break }
        let cell = allocateFlatString(length: n, oneByte: oneByte)
        if oneByte {
            let p = StringLayout.bytes(cell)
            var i = 0
            for u in units { p[i] = UInt8(truncatingIfNeeded: u); i += 1 }
        } else {
            let p = StringLayout.wide(cell)
            var i = 0
            for u in units { p[i] = u; i += 1 }
        }
        return Value(cell: cell)
    }

    /// A one-unit string (an atom for ASCII), without an array in between.
    @inline(__always) func unitString(_ unit: UInt16) -> Value { newString(units: CollectionOfOne(unit)) }

    public func newString(_ string: String) -> Value { newString(units: Array(string.utf16)) }

    /// A string from Latin-1 bytes.
    func newString(latin1 bytes: UnsafeBufferPointer<UInt8>) -> Value {
        if bytes.isEmpty { return emptyString }
        let cell = allocateFlatString(length: bytes.count, oneByte: true)
        StringLayout.bytes(cell).update(from: bytes.baseAddress!, count: bytes.count)
        return Value(cell: cell)
    }

    func newASCIIString(_ string: String) -> Value {
        var s = string
        return s.withUTF8 { newString(latin1: $0) }
    }

    // MARK: Reading strings

    /// The flat cell of a string value (flattening a rope once).
    @inline(__always)
    func flat(_ value: Value) -> Cell {
        let cell = value.cell
        if cell.cellKind == .string { return cell }
        return flattenRope(cell)
    }

    @inline(never)
    func flattenRope(_ rope: Cell) -> Cell {
        let right = rope.value(at: 16)
        if right.isEmpty { return rope.value(at: 8).cell }
        let length = Int(rope.aux)
        let oneByte = rope.cellFlags & StringLayout.oneByteFlag != 0
        let result = allocateFlatString(length: length, oneByte: oneByte)
        // Iterative walk: right children wait on a stack, left spines descend.
        var stack: [Cell] = [rope]
        var position = 0
        while let node = stack.popLast() {
            var current = node
            while current.cellKind == .rope {
                let r = current.value(at: 16)
                if r.isEmpty { current = current.value(at: 8).cell; continue }
                stack.append(r.cell)
                current = current.value(at: 8).cell
            }
            let n = StringLayout.length(current)
            if oneByte {
                StringLayout.bytes(result).advanced(by: position).update(from: StringLayout.bytes(current), count: n)
            } else if StringLayout.isOneByte(current) {
                let src = StringLayout.bytes(current), dst = StringLayout.wide(result).advanced(by: position)
                for i in 0..<n { dst[i] = UInt16(src[i]) }
            } else {
                StringLayout.wide(result).advanced(by: position).update(from: StringLayout.wide(current), count: n)
            }
            position += n
        }
        rope.setValue(Value(cell: result), at: 8)
        rope.setValue(.empty, at: 16)
        return result
    }

    @inline(__always) func stringLength(_ value: Value) -> Int { Int(value.cell.aux) }

    /// `s[i]` of a flat string when it is one of the atoms kept for ASCII
    /// units (nil otherwise: a rope, an index outside, another unit).
    @inline(__always) func singleCharString(_ cell: Cell, _ i: Int) -> Value? {
        guard i >= 0 && i < StringLayout.length(cell) && StringLayout.isOneByte(cell) else { return nil }
        let unit = Int(StringLayout.bytes(cell)[i])
        return unit < Isolate.singleCharCount ? jitState.pointee.singleCharStrings[unit] : nil
    }

    /// The code units of a string value.
    public func units(_ value: Value) -> [UInt16] {
        let cell = flat(value)
        let n = StringLayout.length(cell)
        if StringLayout.isOneByte(cell) {
            let p = StringLayout.bytes(cell)
            return [UInt16](unsafeUninitializedCapacity: n) { buffer, count in
                for i in 0..<n { buffer[i] = UInt16(p[i]) }
                count = n
            }
        }
        return Array(UnsafeBufferPointer(start: StringLayout.wide(cell), count: n))
    }

    /// `cell`'s units in `range` as bytes, for the parsers of ASCII text
    /// (numbers): a one-byte string's own storage, or a copy of a two-byte
    /// string's units in which every non-ASCII unit becomes 0xFF, a byte no
    /// such grammar accepts.
    func withASCIIText<R>(_ cell: Cell, _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if StringLayout.isOneByte(cell) {
            return body(UnsafeBufferPointer(start: StringLayout.bytes(cell) + range.lowerBound, count: range.count))
        }
        let wide = StringLayout.wide(cell) + range.lowerBound
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { bytes in
            for k in 0..<range.count { bytes[k] = wide[k] < 0x80 ? UInt8(wide[k]) : 0xFF }
            return body(UnsafeBufferPointer(bytes))
        }
    }

    /// A string value as a Swift String (lone surrogates become U+FFFD).
    public func swiftString(_ value: Value) -> String {
        let cell = flat(value)
        let n = StringLayout.length(cell)
        if StringLayout.isOneByte(cell) {
            let p = StringLayout.bytes(cell)
            var ascii = true
            for i in 0..<n where p[i] >= 0x80 { ascii = false; break }
            if ascii { return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            return String(decoding: (0..<n).map { UInt16(p[$0]) }, as: UTF16.self)
        }
        return String(decoding: UnsafeBufferPointer(start: StringLayout.wide(cell), count: n), as: UTF16.self)
    }

    // MARK: Operations

    func concat(_ a: Value, _ b: Value) throws(Thrown) -> Value {
        let la = stringLength(a), lb = stringLength(b)
        if la == 0 { return b }
        if lb == 0 { return a }
        let length = la + lb
        if length > StringLayout.maxLength { throw throwError(.rangeError, "Invalid string length") }
        let oneByte = isOneByteString(a) && isOneByteString(b)
        if length < StringLayout.ropeThreshold {
            let ca = flat(a), cb = flat(b)
            let cell = allocateFlatString(length: length, oneByte: oneByte)
            if oneByte {
                let p = StringLayout.bytes(cell)
                p.update(from: StringLayout.bytes(ca), count: la)
                (p + la).update(from: StringLayout.bytes(cb), count: lb)
            } else {
                let p = StringLayout.wide(cell)
                for i in 0..<la { p[i] = StringLayout.unit(ca, i) }
                for i in 0..<lb { p[la + i] = StringLayout.unit(cb, i) }
            }
            return Value(cell: cell)
        }
        let rope = heap.allocate(32, kind: .rope)
        rope.cellFlags = oneByte ? StringLayout.oneByteFlag : 0
        rope.aux = UInt32(length)
        rope.setValue(a, at: 8)
        rope.setValue(b, at: 16)
        return Value(cell: rope)
    }

    @inline(__always) func isOneByteString(_ v: Value) -> Bool { v.cell.cellFlags & StringLayout.oneByteFlag != 0 }

    func stringsEqual(_ a: Value, _ b: Value) -> Bool {
        if a.bits == b.bits { return true }
        if stringLength(a) != stringLength(b) { return false }
        return StringLayout.equal(flat(a), flat(b))
    }

    /// Code-unit order, as `<` on strings.
    func compareStrings(_ a: Value, _ b: Value) -> Int {
        let ca = flat(a), cb = flat(b)
        let la = StringLayout.length(ca), lb = StringLayout.length(cb)
        let n = min(la, lb)
        if StringLayout.isOneByte(ca) && StringLayout.isOneByte(cb) {
            let r = memcmp(StringLayout.bytes(ca), StringLayout.bytes(cb), n)
            if r != 0 { return r < 0 ? -1 : 1 }
        } else {
            for i in 0..<n {
                let x = StringLayout.unit(ca, i), y = StringLayout.unit(cb, i)
                if x != y { return x < y ? -1 : 1 }
            }
        }
        return la == lb ? 0 : (la < lb ? -1 : 1)
    }

    func substring(_ s: Value, _ start: Int, _ end: Int) -> Value {
        if start >= end { return emptyString }
        let cell = flat(s)
        if start == 0 && end == StringLayout.length(cell) { return s }
        if StringLayout.isOneByte(cell) {
            return newString(latin1: UnsafeBufferPointer(start: StringLayout.bytes(cell) + start, count: end - start))
        }
        return newString(units: UnsafeBufferPointer(start: StringLayout.wide(cell) + start, count: end - start))
    }

    // MARK: Atoms

    /// The atom with the same contents as the string `value`.
    func atomize(_ value: Value) -> Value {
        let cell = flat(value)
        if cell.cellFlags & StringLayout.atomFlag != 0 { return Value(cell: cell) }
        if value.cell.cellKind == .string, let atom = atoms.find(cell) { return Value(cell: atom) }
        if let atom = atoms.find(cell) { return Value(cell: atom) }
        // Make a private copy so the atom never aliases a mutable rope.
        let n = StringLayout.length(cell)
        let copy = allocateFlatString(length: n, oneByte: StringLayout.isOneByte(cell))
        memcpy(copy + StringLayout.unitsOffset, cell + StringLayout.unitsOffset, StringLayout.isOneByte(cell) ? n : 2 * n)
        copy.cellFlags |= StringLayout.atomFlag
        atoms.insert(copy)
        return Value(cell: copy)
    }

    public func atom<C: Collection>(units: C) -> Value where C.Element == UInt16 {
        let hash = StringLayout.hash(units: units)
        if let cell = atoms.find(units, hash: hash) { return Value(cell: cell) }
        let value = newString(units: units)
        if value.cell.cellFlags & StringLayout.atomFlag != 0 { return value }
        return atomize(value)
    }

    public func atom(_ string: String) -> Value { atom(units: Array(string.utf16)) }
}

/// A flat string's units read in place: Latin-1 bytes or UTF-16 units. Holds a
/// raw pointer, so it must not outlive a point where JS (and so the GC) can run.
struct StringView {
    let bytes: UnsafePointer<UInt8>?
    let wide: UnsafePointer<UInt16>?
    let count: Int

    init(_ flat: Cell) {
        count = StringLayout.length(flat)
        if StringLayout.isOneByte(flat) { bytes = UnsafePointer(StringLayout.bytes(flat)); wide = nil }
        else { bytes = nil; wide = UnsafePointer(StringLayout.wide(flat)) }
    }

    init(wide buffer: UnsafeBufferPointer<UInt16>) {
        bytes = nil
        wide = buffer.baseAddress ?? UnsafePointer(bitPattern: 2)
        count = buffer.count
    }

    @inline(__always) subscript(i: Int) -> UInt16 { bytes.map { UInt16($0[i]) } ?? wide.unsafelyUnwrapped[i] }

    /// Whether `needle` occurs at `position` (false when it would not fit).
    func matches(_ needle: StringView, at position: Int) -> Bool {
        if position < 0 || position + needle.count > count { return false }
        if let a = bytes, let b = needle.bytes { return memcmp(a + position, b, needle.count) == 0 }
        for j in 0..<needle.count where self[position + j] != needle[j] { return false }
        return true
    }

    /// The first index >= `from` where `needle` occurs, or -1.
    static func firstIndex(of needle: StringView, in haystack: StringView, from: Int) -> Int {
        let n = haystack.count, m = needle.count
        let start = max(from, 0)
        if m == 0 { return min(start, n) }
        if m > n - start { return -1 }
        if let h = haystack.bytes, let k = needle.bytes {
            // Both Latin-1: memchr (vectorized) finds candidates for the first byte.
            var i = start
            while i <= n - m {
                guard let found = memchr(h + i, Int32(k[0]), n - m + 1 - i) else { return -1 }
                i = h.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(h + i, k, m) == 0 { return i }
                i += 1
            }
            return -1
        }
        let first = needle[0]
        var i = start
        while i <= n - m {
            if haystack[i] == first && haystack.matches(needle, at: i) { return i }
            i += 1
        }
        return -1
    }
}

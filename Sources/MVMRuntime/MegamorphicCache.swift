// The megamorphic property cache: one table per isolate, shared by every
// property access site that saw more shapes than its inline cache holds
// (state 5). It maps (shape, name) to the slot of an own data property, so
// a megamorphic site costs a hash probe instead of a lookup in the shape.
// Compiled code probes it inline (FunctionCompiler.withMegamorphicSlot).
//
// An entry stays true for as long as the isolate lives: only shapes of the
// transition tree are entered, and those are immutable and never freed, so
// no other shape can take their address (dictionary shapes, which change in
// place, are never entered).

struct MegamorphicEntry {
    var shape: UInt64
    var name: UInt64
    var offset: Int32
    /// The property is writable: a store may use the entry too.
    var writable: UInt8
}

enum MegamorphicCache {
    static let capacity = 1024

    /// The entry for (shape, name); compiled code computes the same index.
    @inline(__always)
    static func index(shape: UInt64, name: UInt64) -> Int {
        Int(truncatingIfNeeded: ((shape >> 4) ^ (name >> 4) ^ (name >> 14)) & UInt64(capacity - 1))
    }
}

extension Isolate {
    /// The slot offset of `name` as an own data property of objects with
    /// shape `shape`, if the table holds it (and it is writable, for a store).
    @inline(__always)
    func megamorphicLookup(_ shape: UInt64, _ name: UInt64, forStore: Bool) -> Int32? {
        guard let table = jitState.pointee.megamorphicTable else { return nil }
        let e = table[MegamorphicCache.index(shape: shape, name: name)]
        guard e.shape == shape && e.name == name && (!forStore || e.writable != 0) else { return nil }
        return e.offset
    }

    @inline(never)
    func megamorphicInsert(_ shape: UInt64, _ name: UInt64, offset: Int32, writable: Bool) {
        let table: UnsafeMutablePointer<MegamorphicEntry>
        if let existing = jitState.pointee.megamorphicTable {
            table = existing
        } else {
            table = .allocate(capacity: MegamorphicCache.capacity)
            table.initialize(repeating: MegamorphicEntry(shape: 0, name: 0, offset: 0, writable: 0), count: MegamorphicCache.capacity)
            jitState.pointee.megamorphicTable = table
        }
        table[MegamorphicCache.index(shape: shape, name: name)] =
            MegamorphicEntry(shape: shape, name: name, offset: offset, writable: writable ? 1 : 0)
    }
}

// Storage behind Map, Set, WeakMap and WeakSet: a deterministic hash table
// (entries kept in insertion order, as iteration requires; the scheme V8's
// OrderedHashTable uses) in one malloc'd block. A lookup is a multiply, a
// bucket load and a walk of a short chain of Int32 indices: no Swift
// reference count is touched, no Hasher runs.
//
//     0   capacity, used, count, bucket shift     (Int32 each)
//     16  live iterators: pointer to their cells  (UnsafeMutablePointer<Cell>?)
//     24  iterator count, iterator capacity       (Int32 each)
//     32  buckets  Int32 x capacity   newest entry of each chain, -1 for none
//     ..  chain    Int32 x capacity   next older entry in the same bucket
//     ..  entries  (key, value) x capacity, in insertion order
//
// Keys are stored canonical, so that SameValueZero is a bit compare except
// between strings: numbers as Value(Double) makes them (an integral double is
// an int32, -0 is 0, NaN is the canonical NaN), strings flat. Strings are
// hashed and compared by content rather than interned: interning would keep
// every string ever used as a key alive for the isolate's lifetime.
//
// A deleted entry keeps its place with an empty key, so an iterator (an
// index) keeps its place too. When the entries run out the table is rebuilt
// without the holes, at twice the size if more than half is live; it shrinks
// when a delete leaves it a quarter full. A rebuild moves entries, so the
// table knows its live iterators and moves their indices with them; the
// collector drops iterators that died (`pruneIterators`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct MapTable {
    let base: UnsafeMutableRawPointer

    static let minimumCapacity = 8
    static let headerSize = 32

    static func byteSize(capacity: Int) -> Int { headerSize + 24 * capacity }

    /// A new empty table; the caller stores `base` in the collection's slot.
    static func allocate(capacity: Int) -> MapTable {
        let table = MapTable(base: malloc(byteSize(capacity: capacity))!)
        table.base.storeBytes(of: Int32(capacity), as: Int32.self)
        table.used = 0
        table.count = 0
        table.base.storeBytes(of: Int32(64 - capacity.trailingZeroBitCount), toByteOffset: 12, as: Int32.self)
        table.base.storeBytes(of: nil, toByteOffset: 16, as: UnsafeMutablePointer<Cell>?.self)
        table.base.storeBytes(of: 0, toByteOffset: 24, as: Int64.self)
        memset(table.buckets, 0xFF, 4 * capacity)
        return table
    }

    // MARK: Header

    @inline(__always) var capacity: Int { Int(base.load(as: Int32.self)) }
    /// Entries appended so far, holes included: iteration runs to here.
    @inline(__always) var used: Int {
        get { Int(base.load(fromByteOffset: 4, as: Int32.self)) }
        nonmutating set { base.storeBytes(of: Int32(newValue), toByteOffset: 4, as: Int32.self) }
    }
    /// Live entries: the collection's `size`.
    @inline(__always) var count: Int {
        get { Int(base.load(fromByteOffset: 8, as: Int32.self)) }
        nonmutating set { base.storeBytes(of: Int32(newValue), toByteOffset: 8, as: Int32.self) }
    }
    @inline(__always) private var bucketShift: UInt64 { UInt64(base.load(fromByteOffset: 12, as: Int32.self)) }
    @inline(__always) private var buckets: UnsafeMutablePointer<Int32> {
        (base + MapTable.headerSize).assumingMemoryBound(to: Int32.self)
    }
    @inline(__always) private var chain: UnsafeMutablePointer<Int32> {
        (base + MapTable.headerSize + 4 * capacity).assumingMemoryBound(to: Int32.self)
    }
    @inline(__always) private var entries: UnsafeMutablePointer<Value> {
        (base + MapTable.headerSize + 8 * capacity).assumingMemoryBound(to: Value.self)
    }

    // MARK: Entries

    @inline(__always) func key(_ i: Int) -> Value { entries[2 * i] }
    @inline(__always) func value(_ i: Int) -> Value { entries[2 * i + 1] }
    @inline(__always) func setValue(_ i: Int, _ v: Value) { entries[2 * i + 1] = v }

    @inline(__always) private static func isFlatString(_ v: Value) -> Bool { v.isCell && v.cell.cellKind == .string }

    /// What a key hashes by: a string's contents (its cached hash), any
    /// other key's bits.
    @inline(__always) private static func hashBits(_ key: Value) -> UInt64 {
        isFlatString(key) ? UInt64(StringLayout.hash(key.cell)) : key.bits
    }

    /// Fibonacci hashing: the multiply spreads int32 keys (which differ only
    /// in their low bits) and 16-byte-aligned cell addresses over the top bits.
    @inline(__always) private func bucket(_ hashBits: UInt64) -> Int {
        Int(truncatingIfNeeded: (hashBits &* 0x9E37_79B9_7F4A_7C15) >> bucketShift)
    }

    /// The index of the entry whose key is `key` (canonical), or -1.
    @inline(__always) func find(_ key: Value) -> Int {
        let bits = MapTable.hashBits(key)
        var i = Int(buckets[bucket(bits)])
        if MapTable.isFlatString(key) {
            let hash = UInt32(truncatingIfNeeded: bits)
            while i >= 0 {
                let k = self.key(i)
                if k.bits == key.bits || (MapTable.isFlatString(k) && StringLayout.hash(k.cell) == hash && StringLayout.equal(k.cell, key.cell)) { return i }
                i = Int(chain[i])
            }
            return -1
        }
        while i >= 0 && self.key(i).bits != key.bits { i = Int(chain[i]) }
        return i
    }

    /// Appends an entry; the caller checked the key is absent and `used < capacity`.
    @inline(__always) func append(_ key: Value, _ value: Value) {
        let i = used
        entries[2 * i] = key
        entries[2 * i + 1] = value
        let b = bucket(MapTable.hashBits(key))
        chain[i] = buckets[b]
        buckets[b] = Int32(i)
        used = i + 1
        count += 1
    }

    /// Leaves a hole: the entry stays in its chain with an empty key, which
    /// matches no lookup.
    @inline(__always) func makeHole(_ i: Int) {
        entries[2 * i] = .empty
        entries[2 * i + 1] = .empty
        count -= 1
    }

    // MARK: Live iterators

    @inline(__always) var iteratorCount: Int { Int(base.load(fromByteOffset: 24, as: Int32.self)) }
    @inline(__always) private var iterators: UnsafeMutablePointer<Cell>? {
        base.load(fromByteOffset: 16, as: UnsafeMutablePointer<Cell>?.self)
    }
    private func setIterators(_ p: UnsafeMutablePointer<Cell>?, count: Int, capacity: Int) {
        base.storeBytes(of: p, toByteOffset: 16, as: UnsafeMutablePointer<Cell>?.self)
        base.storeBytes(of: Int32(count), toByteOffset: 24, as: Int32.self)
        base.storeBytes(of: Int32(capacity), toByteOffset: 28, as: Int32.self)
    }

    func addIterator(_ cell: Cell) {
        let n = iteratorCount
        var cap = Int(base.load(fromByteOffset: 28, as: Int32.self))
        var p = iterators
        if n == cap {
            cap = max(4, 2 * cap)
            p = realloc(p, 8 * cap)!.assumingMemoryBound(to: Cell.self)
        }
        p![n] = cell
        setIterators(p, count: n + 1, capacity: cap)
    }

    func removeIterator(_ cell: Cell) {
        guard let p = iterators else { return }
        let n = iteratorCount
        for i in 0..<n where p[i] == cell {
            p[i] = p[n - 1]
            base.storeBytes(of: Int32(n - 1), toByteOffset: 24, as: Int32.self)
            return
        }
    }

    /// Drops the iterators the collector did not mark (they are about to be swept).
    func pruneIterators() {
        guard let p = iterators else { return }
        var n = iteratorCount, i = 0
        while i < n {
            if p[i].marked { i += 1 } else { n -= 1; p[i] = p[n] }
        }
        base.storeBytes(of: Int32(n), toByteOffset: 24, as: Int32.self)
    }

    /// The index an iterator keeps in its second internal slot.
    static let iteratorIndexSlot = 1

    // MARK: Rebuild and free

    /// A copy with `capacity` entries and no holes. Live iterators move to the
    /// same entry in the copy (or to where the next live one lands). Frees self.
    func rebuilt(capacity: Int) -> MapTable {
        let copy = MapTable.allocate(capacity: capacity)
        let oldUsed = used
        // An entry's index in the copy is the number of live entries before it.
        var newIndex = iterators == nil ? [] : [Int32](repeating: 0, count: oldUsed + 1)
        for i in 0..<oldUsed {
            if !newIndex.isEmpty { newIndex[i] = Int32(copy.used) }
            let k = key(i)
            if !k.isEmpty { copy.append(k, value(i)) }
        }
        if let p = iterators {
            newIndex[oldUsed] = Int32(copy.used)
            for k in 0..<iteratorCount {
                let old = min(Int(p[k].internalValue(MapTable.iteratorIndexSlot).int32), oldUsed)
                p[k].setInternal(MapTable.iteratorIndexSlot, Value(newIndex[old]))
            }
        }
        copy.setIterators(iterators, count: iteratorCount, capacity: Int(base.load(fromByteOffset: 28, as: Int32.self)))
        free(base)
        return copy
    }

    /// Frees the table; returns the bytes it held.
    func deallocate() -> Int {
        let bytes = MapTable.byteSize(capacity: capacity)
        free(iterators)
        free(base)
        return bytes
    }
}

extension Isolate {
    /// The table of a Map, Set, WeakMap or WeakSet cell (nil only while the
    /// constructor has not yet stored one).
    @inline(__always) func mapTable(_ cell: Cell) -> MapTable? {
        let v = cell.internalValue(0)
        guard v.isNumber, let p = v.pointer else { return nil }
        return MapTable(base: p)
    }

    func installMapTable(_ cell: Cell) {
        let table = MapTable.allocate(capacity: MapTable.minimumCapacity)
        cell.setInternal(0, Value(pointer: UnsafeRawPointer(table.base)))
        heap.externalBytes += MapTable.byteSize(capacity: table.capacity)
    }

    @inline(never)
    private func rebuildMapTable(_ cell: Cell, _ table: MapTable, capacity: Int) -> MapTable {
        let grown = MapTable.byteSize(capacity: capacity) - MapTable.byteSize(capacity: table.capacity)
        let copy = table.rebuilt(capacity: capacity)
        cell.setInternal(0, Value(pointer: UnsafeRawPointer(copy.base)))
        heap.externalBytes += grown
        if grown > 0 { heap.allocatedSinceCollection += grown }
        return copy
    }

    /// The key as the table stores it: SameValueZero-equal keys become
    /// bit-equal, except strings, which become flat.
    @inline(__always) func canonicalMapKey(_ v: Value) -> Value {
        if v.isInt32 { return v }
        if v.isNumber { let d = v.number; return d == 0 ? Value(Int32(0)) : Value(d) }
        if v.isCell && v.cell.cellKind == .rope { return Value(cell: flat(v)) }
        return v
    }

    /// Adds or replaces; `key` is canonical.
    @inline(__always) func mapTableSet(_ cell: Cell, _ table: MapTable, _ key: Value, _ value: Value) {
        let i = table.find(key)
        if i >= 0 { table.setValue(i, value); return }
        var table = table
        if table.used == table.capacity {
            table = rebuildMapTable(cell, table, capacity: table.count >= table.capacity / 2 ? 2 * table.capacity : table.capacity)
        }
        table.append(key, value)
    }

    /// Deletes; `key` is canonical. Returns whether an entry was there.
    @inline(__always) func mapTableRemove(_ cell: Cell, _ table: MapTable, _ key: Value) -> Bool {
        let i = table.find(key)
        if i < 0 { return false }
        table.makeHole(i)
        shrinkIfSparse(cell, table)
        return true
    }

    /// Rebuilds a table left less than a quarter full, halving its size
    /// until it no longer is (once, after a single delete).
    func shrinkIfSparse(_ cell: Cell, _ table: MapTable) {
        var capacity = table.capacity
        while table.count < capacity / 4 && capacity > MapTable.minimumCapacity { capacity /= 2 }
        if capacity < table.capacity { _ = rebuildMapTable(cell, table, capacity: capacity) }
    }

    /// The live entries from index `from` on, copied: formatting them may
    /// run code that changes the table.
    func collectionEntries(_ cell: Cell, from: Int = 0) -> [(key: Value, value: Value)] {
        guard let table = mapTable(cell) else { return [] }
        var result: [(key: Value, value: Value)] = []
        for i in max(from, 0)..<max(table.used, from) where !table.key(i).isEmpty { result.append((table.key(i), table.value(i))) }
        return result
    }

    /// A Map or Set method compiled code calls directly (NativeIntrinsic),
    /// with the site's arguments (undefined where absent). Bits of the
    /// result, or 0 when the general call must run instead: the receiver is
    /// not a Map (Set) or the key is a rope (flattening allocates, and
    /// allocation belongs at a safepoint). Nothing here allocates on the heap.
    /// Array push (one argument, `key`) and pop too, on the arrays whose
    /// builtins take the same fast path (elements grow with realloc, off
    /// the heap).
    func collectionIntrinsic(_ code: UInt32, _ receiver: Value, _ key: Value, _ value: Value) -> UInt64 {
        guard let intrinsic = NativeIntrinsic(rawValue: UInt8(truncatingIfNeeded: code)), intrinsic.isCollectionMethod else { return 0 }
        if intrinsic == .arrayPush || intrinsic == .arrayPop {
            guard receiver.isCell(.array) else { return 0 }
            let cell = receiver.cell
            if intrinsic == .arrayPush {
                guard appendsInPlace(cell) else { return 0 }
                arrayAppend(cell, key)
                return Value(Double(cell.elementLength)).bits
            }
            // pop: the last element of a dense array, not a hole (which
            // reads through the prototype chain).
            let n = cell.elementLength
            guard n > 0, n <= cell.elementCapacity, shrinksInPlace(cell), !cell.elementValues[n - 1].isEmpty else { return 0 }
            let last = cell.elementValues[n - 1]
            cell.elementValues[n - 1] = .empty
            setElementLength(cell, n - 1)
            return last.bits
        }
        let isSet = intrinsic == .setAdd || intrinsic == .setHas || intrinsic == .setDelete
        guard receiver.isCell(isSet ? .set : .map), let table = mapTable(receiver.cell),
              !(key.isCell && key.cell.cellKind == .rope) else { return 0 }
        let k = canonicalMapKey(key)
        switch intrinsic {
        case .mapGet:
            let i = table.find(k)
            return i >= 0 ? table.value(i).bits : Value.undefined.bits
        case .mapSet:
            mapTableSet(receiver.cell, table, k, value)
            return receiver.bits
        case .setAdd:
            mapTableSet(receiver.cell, table, k, k)
            return receiver.bits
        case .mapHas, .setHas: return Value(table.find(k) >= 0).bits
        default: return Value(mapTableRemove(receiver.cell, table, k)).bits
        }
    }

    func mapTableClear(_ cell: Cell, _ table: MapTable) {
        for i in 0..<table.used where !table.key(i).isEmpty { table.makeHole(i) }
        _ = rebuildMapTable(cell, table, capacity: MapTable.minimumCapacity)
    }
}

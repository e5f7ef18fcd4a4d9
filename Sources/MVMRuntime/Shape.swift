// Hidden classes. Objects that received the same properties in the same
// order share a Shape, so an inline cache can recognize a layout by one
// pointer compare. Shapes form a transition tree per layout root; an object
// that deletes properties (or grows very large) gets a private dictionary
// shape that it mutates in place.

/// Property attribute bits.
struct Attributes {
    static let writable: UInt8 = 1
    static let enumerable: UInt8 = 2
    static let configurable: UInt8 = 4
    /// The slot holds an accessor cell (getter, setter).
    static let accessor: UInt8 = 8
    static let data: UInt8 = 7
    /// Builtin methods: writable, configurable, not enumerable.
    static let hidden: UInt8 = 5
}

final class Shape {
    /// Byte offset of the first inline slot in cells of this shape.
    let inlineOffset: Int
    /// Slots in the cell itself; the rest go to its out-of-line buffer.
    /// Fixed by the layout root and kept by every transition from it: an
    /// allocation site that knows how many properties its objects get (an
    /// object literal, a constructor's `this.x = ...`) allocates them from
    /// a root with room for all, so they never grow a side buffer.
    let inlineCount: Int
    static let defaultInlineCount = 4
    /// The most inline slots an allocation site asks for: 40 + 16 * 8 bytes
    /// is the 168-byte cell, in the 192-byte size class.
    static let maxInlineCount = 16
    /// The inline slots of a plain object made for `properties` named
    /// properties: at least the default, at most the maximum.
    static func inlineCount(forProperties properties: Int) -> Int { min(max(properties, defaultInlineCount), maxInlineCount) }
    let isDictionary: Bool
    private(set) var keys: [UInt64] = []
    private(set) var attributes: [UInt8] = []
    private(set) var slots: [Int32] = []
    /// Slots in use (the next slot for a dictionary add).
    private(set) var slotCount = 0
    private var freeSlots: [Int32] = []
    /// For more than `linearKeys` keys: open addressing over indices into
    /// `keys` (-1: empty), at most half full. Keys are cell addresses, so
    /// a multiplicative hash spreads them; Swift's Dictionary hashed each
    /// probe with SipHash, which cost more than the probe (every lookup
    /// that reaches Object.prototype, such as JSON.stringify's toJSON).
    private var table: [Int32] = []
    private var tableShift: UInt64 = 0
    private static let linearKeys = 8
    private var transitions: [UInt64: Shape] = [:]
    private var transitionCount = 0
    /// The transition taken last: objects built alike (a constructor, a
    /// literal, JSON.parse) take the same one each time, without hashing.
    private var lastTransitionKey: UInt64 = .max
    private var lastTransition: Shape? = nil

    init(inlineOffset: Int, inlineCount: Int = Shape.defaultInlineCount) {
        self.inlineOffset = inlineOffset
        self.inlineCount = inlineCount
        self.isDictionary = false
    }

    private init(copying shape: Shape, dictionary: Bool) {
        inlineOffset = shape.inlineOffset
        inlineCount = shape.inlineCount
        isDictionary = dictionary
        keys = shape.keys
        attributes = shape.attributes
        slots = shape.slots
        slotCount = shape.slotCount
        freeSlots = shape.freeSlots
        table = shape.table
        tableShift = shape.tableShift
    }

    var count: Int { keys.count }

    @inline(__always) private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> tableShift)
    }

    private func buildTable() {
        var capacity = 32
        while capacity < keys.count * 2 { capacity *= 2 }
        table = [Int32](repeating: -1, count: capacity)
        tableShift = UInt64(64 - capacity.trailingZeroBitCount)
        for i in keys.indices { insertInTable(i) }
    }

    private func insertInTable(_ i: Int) {
        let mask = table.count - 1
        var b = bucket(keys[i])
        while table[b] >= 0 { b = (b + 1) & mask }
        table[b] = Int32(i)
    }

    /// Indexes the key just appended to `keys`.
    private func indexLastKey() {
        if table.isEmpty {
            if keys.count > Shape.linearKeys { buildTable() }
        } else if keys.count * 2 > table.count {
            buildTable()
        } else {
            insertInTable(keys.count - 1)
        }
    }

    /// Index of `key` in `keys`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int {
        if !table.isEmpty {
            let mask = table.count - 1
            var b = bucket(key)
            while true {
                let i = table[b]
                if i < 0 { return -1 }
                if keys[Int(i)] == key { return Int(i) }
                b = (b + 1) & mask
            }
        }
        var i = 0
        let n = keys.count
        while i < n {
            if keys[i] == key { return i }
            i += 1
        }
        return -1
    }

    /// The shape after adding `key` (a transition; dictionaries add in place).
    func adding(_ key: UInt64, _ attrs: UInt8) -> Shape {
        if isDictionary {
            let slot: Int32
            if let free = freeSlots.popLast() { slot = free } else { slot = Int32(slotCount); slotCount += 1 }
            keys.append(key)
            attributes.append(attrs)
            slots.append(slot)
            indexLastKey()
            return self
        }
        let transitionKey = key ^ (UInt64(attrs) << 56)
        if transitionKey == lastTransitionKey, let next = lastTransition { return next }
        if let next = transitions[transitionKey] {
            lastTransitionKey = transitionKey
            lastTransition = next
            return next
        }
        let next = Shape(copying: self, dictionary: false)
        next.keys.append(key)
        next.attributes.append(attrs)
        next.slots.append(Int32(next.slotCount))
        next.slotCount += 1
        next.indexLastKey()
        transitions[transitionKey] = next
        transitionCount += 1
        lastTransitionKey = transitionKey
        lastTransition = next
        return next
    }

    /// A private, mutable copy for one object.
    func dictionaryCopy() -> Shape { Shape(copying: self, dictionary: true) }

    /// Dictionary only: removes the key at `index`, keeping insertion order.
    func remove(at index: Int) {
        precondition(isDictionary)
        freeSlots.append(slots[index])
        keys.remove(at: index)
        attributes.remove(at: index)
        slots.remove(at: index)
        if keys.count > Shape.linearKeys { buildTable() } else { table = [] }
    }

    /// Dictionary only: changes the attributes of the key at `index`.
    func setAttributes(_ attrs: UInt8, at index: Int) {
        precondition(isDictionary)
        attributes[index] = attrs
    }

    /// Byte offset of a slot in the cell, or the negative out-of-line index - 1.
    @inline(__always)
    func slotOffset(_ slot: Int32) -> Int32 {
        slot < Int32(inlineCount) ? Int32(inlineOffset) + slot * 8 : -(slot - Int32(inlineCount)) - 1
    }

    @inline(__always) var bits: UInt64 { UInt64(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque())) }
}

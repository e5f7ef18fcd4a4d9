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
    static let inlineCount = 4
    let isDictionary: Bool
    private(set) var keys: [UInt64] = []
    private(set) var attributes: [UInt8] = []
    private(set) var slots: [Int32] = []
    /// Slots in use (the next slot for a dictionary add).
    private(set) var slotCount = 0
    private var freeSlots: [Int32] = []
    private var table: [UInt64: Int32]? = nil
    private var transitions: [UInt64: Shape] = [:]
    private var transitionCount = 0

    init(inlineOffset: Int) {
        self.inlineOffset = inlineOffset
        self.isDictionary = false
    }

    private init(copying shape: Shape, dictionary: Bool) {
        inlineOffset = shape.inlineOffset
        isDictionary = dictionary
        keys = shape.keys
        attributes = shape.attributes
        slots = shape.slots
        slotCount = shape.slotCount
        freeSlots = shape.freeSlots
        if keys.count > 8 { buildTable() }
    }

    var count: Int { keys.count }

    private func buildTable() {
        var t: [UInt64: Int32] = [:]
        t.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { t[key] = Int32(i) }
        table = t
    }

    /// Index of `key` in `keys`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int {
        if let table { return Int(table[key] ?? -1) }
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
            if table != nil { table![key] = Int32(keys.count - 1) } else if keys.count > 8 { buildTable() }
            return self
        }
        let transitionKey = key ^ (UInt64(attrs) << 56)
        if let next = transitions[transitionKey] { return next }
        let next = Shape(copying: self, dictionary: false)
        next.keys.append(key)
        next.attributes.append(attrs)
        next.slots.append(Int32(next.slotCount))
        next.slotCount += 1
        if next.table != nil { next.table![key] = Int32(next.keys.count - 1) } else if next.keys.count > 8 { next.buildTable() }
        transitions[transitionKey] = next
        transitionCount += 1
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
        if keys.count > 8 { buildTable() } else { table = nil }
    }

    /// Dictionary only: changes the attributes of the key at `index`.
    func setAttributes(_ attrs: UInt8, at index: Int) {
        precondition(isDictionary)
        attributes[index] = attrs
    }

    /// Byte offset of a slot in the cell, or the negative out-of-line index - 1.
    @inline(__always)
    func slotOffset(_ slot: Int32) -> Int32 {
        slot < Int32(Shape.inlineCount) ? Int32(inlineOffset) + slot * 8 : -(slot - Int32(Shape.inlineCount)) - 1
    }

    @inline(__always) var bits: UInt64 { UInt64(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque())) }
}

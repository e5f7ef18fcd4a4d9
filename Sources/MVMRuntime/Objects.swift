// Object cells and the generic property operations (the slow paths that
// inline caches skip).
//
// Object cell:
//   0   header (byte 3: ObjectFlags)
//   8   shape (Shape, unretained; a dictionary shape is retained by its object)
//  16   prototype (Value: an object or null)
//  24   out-of-line slots (pointer or nil; capacity in the word before slot 0)
//  32   elements (pointer or nil: UInt32 capacity, UInt32 length, then Values)
//  40   internal slots (Values; how many depends on the kind)
//  40+8k four inline property slots
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ObjectFlags {
    static let nonExtensible: UInt8 = 1
    static let isPrototype: UInt8 = 2
    static let dictionary: UInt8 = 4
    /// Some index keys live among the named properties.
    static let sparse: UInt8 = 8
    static let sealedElements: UInt8 = 16
    static let frozenElements: UInt8 = 32
    /// A function whose `prototype` object is not created yet.
    static let lazyPrototype: UInt8 = 64
    static let classConstructor: UInt8 = 128
    /// With none of these, every index inside an object's element storage is
    /// a writable data property or a hole, so storing there is all a define
    /// or an own [[Set]] does.
    static let blocksElementStores: UInt8 = nonExtensible | sealedElements | frozenElements | sparse
}

/// A property key: an atom or a symbol (their Value bits), or an array index.
struct PropertyKey: Hashable {
    var bits: UInt64
    static let indexTag: UInt64 = 0xFFFF_0000_0000_0000
    @inline(__always) init(bits: UInt64) { self.bits = bits }
    @inline(__always) init(index: UInt32) { bits = PropertyKey.indexTag | UInt64(index) }
    @inline(__always) init(_ atomOrSymbol: Value) { bits = atomOrSymbol.bits }
    @inline(__always) var isIndex: Bool { bits >= PropertyKey.indexTag }
    @inline(__always) var index: UInt32 { UInt32(truncatingIfNeeded: bits) }
    @inline(__always) var value: Value { Value(bits: bits) }
    var isSymbol: Bool { !isIndex && value.isSymbol }
}

enum ObjectLayout {
    static let shapeOffset = 8
    static let protoOffset = 16
    static let slotsOffset = 24
    static let elementsOffset = 32
    static let internalOffset = 40

    static func internalCount(_ kind: CellKind) -> Int {
        switch kind {
        case .function: return 4
        case .nativeFunction: return 2
        case .boundFunction, .mapIterator, .setIterator, .arrayIterator, .typedArray, .dataView: return 3
        case .numberObject, .stringObject, .booleanObject, .symbolObject, .map, .set, .weakMap, .weakSet,
             .date, .error: return 1
        case .stringIterator, .arrayBuffer, .regexp: return 2
        case .generator: return GeneratorSlot.count
        default: return 0
        }
    }

    static func size(_ kind: CellKind, inlineCount: Int = Shape.defaultInlineCount) -> Int {
        internalOffset + 8 * internalCount(kind) + 8 * inlineCount
    }

    @inline(__always) static func internalSlot(_ i: Int) -> Int { internalOffset + 8 * i }

    /// Frees a dead object's side buffers; returns the bytes they held
    /// (the heap counts them toward its collection trigger).
    @discardableResult
    static func freeStorage(_ cell: Cell) -> Int {
        var freed = 0
        if let slots = cell.load(fromByteOffset: slotsOffset, as: UnsafeMutablePointer<Value>?.self) {
            freed += Int((slots - 1).pointee.bits) * 8
            (slots - 1).deallocate()
        }
        if let elements = cell.load(fromByteOffset: elementsOffset, as: UnsafeMutableRawPointer?.self) {
            freed += Int(elements.load(as: UInt32.self)) * 8
            free(elements)
        }
        if cell.cellFlags & ObjectFlags.dictionary != 0 {
            Unmanaged<Shape>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(cell.load(fromByteOffset: shapeOffset, as: UInt64.self)))!).release()
        }
        switch cell.cellKind {
        case .map, .set, .weakMap, .weakSet:
            let bits = cell.value(at: internalSlot(0))
            if bits.isNumber, let p = bits.pointer { freed += MapTable(base: p).deallocate() }
        case .arrayBuffer:
            let bits = cell.value(at: internalSlot(0))
            if let p = UnsafeMutableRawPointer(bitPattern: UInt(bits.bits &- Value.doubleOffset)) { free(p) }
            freed += Int(cell.value(at: internalSlot(1)).number)
        default: break
        }
        return freed
    }
}

extension Value {
    /// A raw pointer kept in a Value slot; it looks like a number to the GC.
    init(pointer: UnsafeRawPointer?) { bits = UInt64(UInt(bitPattern: pointer)) &+ Value.doubleOffset }
    var pointer: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: UInt(bits &- Value.doubleOffset)) }
}

// MARK: - Cell accessors

extension UnsafeMutableRawPointer {
    @inline(__always) var shapeBits: UInt64 {
        get { load(fromByteOffset: ObjectLayout.shapeOffset, as: UInt64.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: ObjectLayout.shapeOffset, as: UInt64.self) }
    }
    @inline(__always) var shape: Shape {
        Unmanaged<Shape>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(shapeBits)).unsafelyUnwrapped).takeUnretainedValue()
    }
    /// Runs `body` with the cell's shape without retaining it (the isolate
    /// or the object keeps it alive).
    @inline(__always) func withShape<R>(_ body: (Shape) -> R) -> R {
        Unmanaged<Shape>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(shapeBits)).unsafelyUnwrapped)._withUnsafeGuaranteedRef(body)
    }
    @inline(__always) var proto: Value {
        get { value(at: ObjectLayout.protoOffset) }
        nonmutating set { setValue(newValue, at: ObjectLayout.protoOffset) }
    }
    @inline(__always) var outOfLineSlots: UnsafeMutablePointer<Value>? {
        get { load(fromByteOffset: ObjectLayout.slotsOffset, as: UnsafeMutablePointer<Value>?.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: ObjectLayout.slotsOffset, as: UnsafeMutablePointer<Value>?.self) }
    }
    @inline(__always) var elements: UnsafeMutableRawPointer? {
        get { load(fromByteOffset: ObjectLayout.elementsOffset, as: UnsafeMutableRawPointer?.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: ObjectLayout.elementsOffset, as: UnsafeMutableRawPointer?.self) }
    }
    @inline(__always) func internalValue(_ i: Int) -> Value { value(at: ObjectLayout.internalSlot(i)) }
    @inline(__always) func setInternal(_ i: Int, _ v: Value) { setValue(v, at: ObjectLayout.internalSlot(i)) }

    /// Reads a property slot by the offset encoding of `Shape.slotOffset`.
    @inline(__always) func slot(atOffset offset: Int32) -> Value {
        offset > 0 ? value(at: Int(offset)) : outOfLineSlots.unsafelyUnwrapped[Int(-offset - 1)]
    }
    @inline(__always) func setSlot(atOffset offset: Int32, _ v: Value) {
        if offset > 0 { setValue(v, at: Int(offset)) } else { outOfLineSlots.unsafelyUnwrapped[Int(-offset - 1)] = v }
    }

    // Elements: [capacity UInt32][length UInt32][Value...]
    @inline(__always) var elementCapacity: Int { elements.map { Int($0.load(as: UInt32.self)) } ?? 0 }
    @inline(__always) var elementLength: Int {
        get { elements.map { Int($0.load(fromByteOffset: 4, as: UInt32.self)) } ?? 0 }
    }
    @inline(__always) var elementValues: UnsafeMutablePointer<Value> {
        (elements.unsafelyUnwrapped + 8).assumingMemoryBound(to: Value.self)
    }
}

// MARK: - Objects

extension Isolate {
    /// Allocates an object of `kind` with `proto` and an empty layout.
    @inline(__always)
    func newObjectCell(_ kind: CellKind, proto: Value) -> Cell {
        // The size is a constant here for each kind (the heap's size-class
        // lookup folds away), and the root is read as bits, with no retain.
        let size = ObjectLayout.size(kind)
        return initializeObjectCell(heap.allocate(size, kind: kind), size: size,
                                    shapeBits: rootShapes[ObjectLayout.internalCount(kind)].bits, proto: proto)
    }

    /// A plain object with room for `properties` named properties in the
    /// cell (at least the default, at most Shape.maxInlineCount).
    @inline(__always)
    func newObjectCell(proto: Value, properties: Int) -> Cell {
        properties <= Shape.defaultInlineCount ? newObjectCell(.object, proto: proto) : newSizedObjectCell(proto: proto, properties: properties)
    }

    /// Out of line: callers sit in the interpreter's dispatch loop.
    @inline(never)
    private func newSizedObjectCell(proto: Value, properties: Int) -> Cell {
        let inlineCount = Shape.inlineCount(forProperties: properties)
        let size = ObjectLayout.size(.object, inlineCount: inlineCount)
        return initializeObjectCell(heap.allocate(size, kind: .object), size: size,
                                    shapeBits: objectRootShapeBits(inlineCount: inlineCount), proto: proto)
    }

    @inline(__always)
    private func initializeObjectCell(_ cell: Cell, size: Int, shapeBits: UInt64, proto: Value) -> Cell {
        cell.shapeBits = shapeBits
        cell.proto = proto
        cell.outOfLineSlots = nil
        cell.elements = nil
        var offset = ObjectLayout.internalOffset
        while offset < size {
            cell.setValue(.undefined, at: offset)
            offset += 8
        }
        return cell
    }

    public func newObject() -> Value { Value(cell: newObjectCell(.object, proto: objectPrototype)) }

    /// An object literal's object (`newObject`), with room for the
    /// properties it names. Out of line: the interpreter inlines only the
    /// default-sized allocation, as before. Its dispatch loop is one
    /// function, and what one case inlines moves the register allocation
    /// of all (with this called for every literal, interpreted fib ran 3%
    /// more instructions; with the sized path inlined, loop-int 34% slower).
    @inline(never)
    func newLiteralObject(properties: Int) -> Value {
        Value(cell: newObjectCell(proto: objectPrototype, properties: properties))
    }

    /// The layout root of plain objects with `inlineCount` inline slots
    /// (more than the default), as its bits; made on first use, then kept
    /// by the isolate.
    @inline(__always)
    func objectRootShapeBits(inlineCount: Int) -> UInt64 {
        let bits = objectRoots[inlineCount]
        return bits != 0 ? bits : makeObjectRootShape(inlineCount: inlineCount)
    }

    @inline(never)
    private func makeObjectRootShape(inlineCount: Int) -> UInt64 {
        let shape = Shape(inlineOffset: ObjectLayout.internalOffset, inlineCount: inlineCount)
        sizedObjectRootShapes.append(shape)
        objectRoots[inlineCount] = shape.bits
        return shape.bits
    }

    func newObject(proto: Value) -> Value { Value(cell: newObjectCell(.object, proto: proto)) }

    // MARK: Elements storage

    /// Makes room for `capacity` elements, keeping contents and length.
    func reserveElements(_ cell: Cell, _ capacity: Int) {
        let old = cell.elements
        let oldCapacity = cell.elementCapacity
        if capacity <= oldCapacity { return }
        let newCapacity = max(capacity, oldCapacity + oldCapacity / 2, 4)
        let raw = realloc(old, 8 + newCapacity * 8)!
        if old == nil { raw.storeBytes(of: 0, toByteOffset: 4, as: UInt32.self) }
        raw.storeBytes(of: UInt32(newCapacity), as: UInt32.self)
        let values = (raw + 8).assumingMemoryBound(to: Value.self)
        (values + oldCapacity).initialize(repeating: .empty, count: newCapacity - oldCapacity)
        heap.externalBytes += (newCapacity - oldCapacity) * 8
        heap.allocatedSinceCollection += (newCapacity - oldCapacity) * 8
        cell.elements = raw
    }

    func setElementLength(_ cell: Cell, _ length: Int) {
        if cell.elements == nil {
            if length == 0 { return }
            reserveElements(cell, min(length, 8))
        }
        cell.elements!.storeBytes(of: UInt32(length), toByteOffset: 4, as: UInt32.self)
    }

    func newArray(capacity: Int = 0) -> Value {
        let cell = newObjectCell(.array, proto: arrayPrototype)
        if capacity > 0 { reserveElements(cell, capacity) }
        return Value(cell: cell)
    }

    public func newArray(_ values: [Value]) -> Value {
        values.withUnsafeBufferPointer { newArray(copying: $0.baseAddress, count: $0.count) }
    }

    /// A dense array's values as a Swift array.
    func denseValues(_ cell: Cell) -> [Value] {
        let n = cell.elementLength
        return n == 0 ? [] : Array(UnsafeBufferPointer(start: cell.elementValues, count: n))
    }

    /// A dense array of `count` values read from `values` (registers, or
    /// another array's storage; they must stay reachable meanwhile).
    func newArray(copying values: UnsafePointer<Value>?, count: Int) -> Value {
        let array = newArray(capacity: count)
        if let values, count > 0 {
            let cell = array.cell
            cell.elementValues.update(from: values, count: count)
            setElementLength(cell, count)
        }
        return array
    }

    /// Whether push may append to `cell`'s elements in place (Array.prototype.push's
    /// fast path, which compiled code's intrinsic takes too).
    @inline(__always)
    func appendsInPlace(_ cell: Cell) -> Bool { cell.cellFlags & (ObjectFlags.nonExtensible | ObjectFlags.sparse) == 0 }

    /// Whether pop may shrink `cell`'s elements in place (Array.prototype.pop's
    /// fast path, which compiled code's intrinsic takes too).
    @inline(__always)
    func shrinksInPlace(_ cell: Cell) -> Bool { cell.cellFlags & (ObjectFlags.sealedElements | ObjectFlags.sparse) == 0 }

    /// Appends to a dense array (no setters, no holes check).
    func arrayAppend(_ cell: Cell, _ value: Value) {
        let n = cell.elementLength
        if n >= cell.elementCapacity { reserveElements(cell, n + 1) }
        cell.elementValues[n] = value
        setElementLength(cell, n + 1)
    }

    // MARK: Named slots

    /// Makes room for out-of-line slot `outIndex` (the slots past the
    /// shape's inline ones count from 0; Shape.slotOffset's `-outIndex - 1`).
    func ensureOutOfLineCapacity(_ cell: Cell, _ outIndex: Int) {
        let current = cell.outOfLineSlots
        let capacity = current.map { Int(($0 - 1).pointee.bits) } ?? 0
        if outIndex < capacity { return }
        let newCapacity = max(4, capacity * 2, outIndex + 1)
        let raw = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity + 1)
        raw.pointee = Value(bits: UInt64(newCapacity))
        let slots = raw + 1
        if let current {
            slots.update(from: current, count: capacity)
            (current - 1).deallocate()
        }
        (slots + capacity).initialize(repeating: .undefined, count: newCapacity - capacity)
        heap.externalBytes += (newCapacity - capacity) * 8
        heap.allocatedSinceCollection += (newCapacity - capacity) * 8
        cell.outOfLineSlots = slots
    }

    @inline(__always) func readSlot(_ cell: Cell, _ shape: Shape, _ slot: Int32) -> Value {
        cell.slot(atOffset: shape.slotOffset(slot))
    }

    @inline(__always) func writeSlot(_ cell: Cell, _ shape: Shape, _ slot: Int32, _ v: Value) {
        cell.setSlot(atOffset: shape.slotOffset(slot), v)
    }

    /// Adds a named property that the object does not have yet.
    func addProperty(_ cell: Cell, _ key: PropertyKey, _ value: Value, _ attrs: UInt8) {
        // The current shape is borrowed (the cell keeps it alive); the next
        // one comes back retained from `adding`.
        let tooMany = cell.withShape { !$0.isDictionary && $0.count >= 128 }
        if tooMany && cell != globalObject.cell {
            toDictionary(cell)
            return addProperty(cell, key, value, attrs)
        }
        let (next, isDictionary) = cell.withShape { ($0.adding(key.bits, attrs), $0.isDictionary) }
        let slot = next.slots[next.count - 1]
        let offset = next.slotOffset(slot)
        if offset < 0 { ensureOutOfLineCapacity(cell, Int(-offset - 1)) }
        if !isDictionary { cell.shapeBits = next.bits }
        cell.setSlot(atOffset: offset, value)
        if key.isSymbol { pinSymbol(key.value) }
        if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
    }

    func toDictionary(_ cell: Cell) {
        if cell.cellFlags & ObjectFlags.dictionary != 0 { return }
        let copy = cell.shape.dictionaryCopy()
        cell.shapeBits = UInt64(UInt(bitPattern: Unmanaged.passRetained(copy).toOpaque()))
        cell.cellFlags |= ObjectFlags.dictionary
    }

    func markAsPrototype(_ value: Value) {
        if value.isObject { value.cell.cellFlags |= ObjectFlags.isPrototype }
    }

    // MARK: Keys

    /// ToPropertyKey for a value that is already a primitive.
    func propertyKey(primitive v: Value) -> PropertyKey {
        if v.isInt32 {
            let i = v.int32
            if i >= 0 { return PropertyKey(index: UInt32(i)) }
        } else if v.isDouble {
            let d = v.double
            if d >= 0 && d < 4_294_967_295 && d == d.rounded(.towardZero) && !(d == 0 && d.sign == .minus) {
                return PropertyKey(index: UInt32(d))
            }
        } else if v.isString {
            let atom = atomize(v)
            let index = StringLayout.arrayIndex(atom.cell)
            if index != StringLayout.notIndex { return PropertyKey(index: index) }
            return PropertyKey(atom)
        } else if v.isSymbol {
            return PropertyKey(v)
        }
        return PropertyKey(atomize(numberOrOtherToString(v)))
    }

    func propertyKey(_ v: Value) throws(Thrown) -> PropertyKey {
        if v.isObject { return propertyKey(primitive: try toPrimitive(v, hint: .string)) }
        return propertyKey(primitive: v)
    }

    func propertyKey(_ name: String) -> PropertyKey { propertyKey(primitive: atom(name)) }

    /// The key as a JS value (index keys become strings).
    func keyValue(_ key: PropertyKey) -> Value {
        if key.isIndex { return indexString(key.index) }
        return key.value
    }

    func indexString(_ i: UInt32) -> Value {
        if i < 1024 { return smallIndexString(Int(i)) }
        return newASCIIString(String(i))
    }

    /// The named (atom) form of an index key, for sparse storage.
    func sparseKey(_ index: UInt32) -> PropertyKey { PropertyKey(atom(String(index))) }

    // MARK: Own property lookup

    struct OwnProperty {
        var value: Value
        var attributes: UInt8
        var isAccessor: Bool { attributes & Attributes.accessor != 0 }
    }

    /// The own property `key` of `cell`, without running any code.
    func ownProperty(_ cell: Cell, _ key: PropertyKey) -> OwnProperty? {
        let kind = cell.cellKind
        if key.isIndex {
            let i = Int(key.index)
            switch kind {
            case .typedArray:
                return typedArrayGet(cell, i).map { OwnProperty(value: $0, attributes: Attributes.data & ~Attributes.configurable | Attributes.configurable) }
            case .stringObject:
                let s = cell.internalValue(0)
                if i < stringLength(s) {
                    return OwnProperty(value: unitString(StringLayout.unit(flat(s), i)), attributes: Attributes.enumerable)
                }
            default: break
            }
            if i < cell.elementCapacity && i < cell.elementLength {
                let v = cell.elementValues[i]
                if !v.isEmpty { return OwnProperty(value: v, attributes: elementAttributes(cell)) }
            }
            if cell.cellFlags & ObjectFlags.sparse == 0 { return nil }
            return namedOwnProperty(cell, sparseKey(key.index))
        }
        if kind == .array && key.bits == names.length.bits {
            return OwnProperty(value: Value(Double(cell.elementLength)),
                               attributes: cell.cellFlags & ObjectFlags.frozenElements != 0 ? 0 : Attributes.writable)
        }
        if kind == .stringObject && key.bits == names.length.bits {
            return OwnProperty(value: Value(Int32(stringLength(cell.internalValue(0)))), attributes: 0)
        }
        if cell.cellFlags & ObjectFlags.lazyPrototype != 0 && key.bits == names.prototype.bits {
            materializePrototype(cell)
        }
        if kind == .error && key.bits == names.stack.bits, var property = namedOwnProperty(cell, key), property.value.isEmpty {
            property.value = materializeStack(cell)
            return property
        }
        return namedOwnProperty(cell, key)
    }

    /// V8 formats an error's stack when first read, so a `name` set after
    /// construction still shows in the header.
    func materializeStack(_ cell: Cell) -> Value {
        func text(_ name: Value) -> String? {
            var p: Value = Value(cell: cell)
            while p.isObject {
                if let own = namedOwnProperty(p.cell, PropertyKey(name)) {
                    if own.isAccessor || own.value.isUndefined { return nil }
                    return own.value.isString ? swiftString(own.value) : swiftString(numberOrOtherToString(own.value))
                }
                p = p.cell.proto
            }
            return nil
        }
        let name = text(names.name) ?? "Error"
        let message = text(names.message) ?? ""
        let header = message.isEmpty ? name : name.isEmpty ? message : "\(name): \(message)"
        let frames = cell.internalValue(0)
        let stack = newString(header + (frames.isString ? swiftString(frames) : ""))
        let shape = cell.shape
        let index = shape.find(names.stack.bits)
        if index >= 0 { writeSlot(cell, shape, shape.slots[index], stack) }
        return stack
    }

    @inline(__always)
    func namedOwnProperty(_ cell: Cell, _ key: PropertyKey) -> OwnProperty? {
        cell.withShape { shape in
            let index = shape.find(key.bits)
            if index < 0 { return nil }
            return OwnProperty(value: cell.slot(atOffset: shape.slotOffset(shape.slots[index])), attributes: shape.attributes[index])
        }
    }

    func elementAttributes(_ cell: Cell) -> UInt8 {
        let flags = cell.cellFlags
        if flags & ObjectFlags.frozenElements != 0 { return Attributes.enumerable }
        if flags & ObjectFlags.sealedElements != 0 { return Attributes.enumerable | Attributes.writable }
        return Attributes.data
    }

    /// Creates a function's `prototype` object on first use.
    func materializePrototype(_ cell: Cell) {
        cell.cellFlags &= ~ObjectFlags.lazyPrototype
        if cell.cellKind == .function && cell.aux & CodeBits.generator != 0 {
            // A generator function's prototype: the generators' parent, no constructor.
            let prototype = newObject(proto: generatorPrototype)
            markAsPrototype(prototype)
            addProperty(cell, PropertyKey(names.prototype), prototype, Attributes.writable)
            return
        }
        let prototype = newObject()
        addProperty(prototype.cell, PropertyKey(names.constructor), Value(cell: cell), Attributes.hidden)
        markAsPrototype(prototype)
        addProperty(cell, PropertyKey(names.prototype), prototype, Attributes.writable)
    }

    // MARK: Get

    /// [[Get]] with `receiver` as `this` for getters.
    func getProperty(_ object: Value, _ key: PropertyKey, receiver: Value) throws(Thrown) -> Value {
        var current = object.cell
        while true {
            if let property = ownProperty(current, key) {
                if property.isAccessor {
                    let getter = property.value.cell.value(at: 8)
                    if getter.isUndefined { return .undefined }
                    return try call(getter, this: receiver, [])
                }
                return property.value
            }
            let proto = current.proto
            if !proto.isObject { return .undefined }
            current = proto.cell
        }
    }

    /// Property read on any value (primitives use their prototype).
    func get(_ base: Value, _ key: PropertyKey) throws(Thrown) -> Value {
        if base.isObject { return try getProperty(base, key, receiver: base) }
        if base.isString {
            if key.isIndex {
                let i = Int(key.index)
                if i < stringLength(base) { return unitString(StringLayout.unit(flat(base), i)) }
                return .undefined
            }
            if key.bits == names.length.bits { return Value(Int32(stringLength(base))) }
        }
        let proto = try prototypeForPrimitive(base, key: key)
        return try getProperty(proto, key, receiver: base)
    }

    func get(_ base: Value, _ name: String) throws(Thrown) -> Value { try get(base, propertyKey(name)) }

    func prototypeForPrimitive(_ base: Value, key: PropertyKey) throws(Thrown) -> Value {
        if base.isNumber { return numberPrototype }
        if base.isString { return stringPrototype }
        if base.isBool { return booleanPrototype }
        if base.isSymbol { return symbolPrototype }
        let what = base.isUndefined ? "undefined" : "null"
        throw throwError(.typeError, "Cannot read properties of \(what) (reading '\(keyDescription(key))')")
    }

    func keyDescription(_ key: PropertyKey) -> String {
        if key.isIndex { return String(key.index) }
        if key.isSymbol { return symbolDescriptiveString(key.value) }
        return swiftString(key.value)
    }

    // MARK: Set

    /// [[Set]]: returns false when the assignment was refused (strict code throws).
    @discardableResult
    func setProperty(_ object: Value, _ key: PropertyKey, _ value: Value, receiver: Value) throws(Thrown) -> Bool {
        let cell = object.cell
        // Fast own data cases.
        if object.bits == receiver.bits {
            if key.isIndex {
                if let done = try setElement(cell, key.index, value) { return done }
            } else if cell.cellKind == .array && key.bits == names.length.bits {
                return try setArrayLength(cell, value)
            } else {
                if cell.cellFlags & ObjectFlags.lazyPrototype != 0 && key.bits == names.prototype.bits {
                    materializePrototype(cell)
                }
                let shape = cell.shape
                let index = shape.find(key.bits)
                if index >= 0 {
                    let attrs = shape.attributes[index]
                    if attrs & Attributes.accessor == 0 {
                        if attrs & Attributes.writable == 0 { return false }
                        writeSlot(cell, shape, shape.slots[index], value)
                        return true
                    }
                }
            }
        }
        // Walk the chain for setters and read-only properties.
        var current: Cell? = cell
        while let c = current {
            if let property = ownProperty(c, key) {
                if property.isAccessor {
                    let setter = property.value.cell.value(at: 16)
                    if setter.isUndefined { return false }
                    _ = try call(setter, this: receiver, [value])
                    return true
                }
                if property.attributes & Attributes.writable == 0 { return false }
                if c == cell && object.bits == receiver.bits {
                    // Own writable data property not handled above (typed array, string object...).
                    break
                }
                break
            }
            let proto = c.proto
            current = proto.isObject ? proto.cell : nil
        }
        guard receiver.isObject else { return false }
        return try createDataProperty(receiver.cell, key, value)
    }

    /// Stores an element of an ordinary object; nil when the slow path must decide.
    func setElement(_ cell: Cell, _ index: UInt32, _ value: Value) throws(Thrown) -> Bool? {
        let kind = cell.cellKind
        if kind == .typedArray { typedArraySet(cell, Int(index), try toNumberForTypedArray(cell, value)); return true }
        if kind == .stringObject && Int(index) < stringLength(cell.internalValue(0)) { return false }
        let i = Int(index)
        let flags = cell.cellFlags
        if i < cell.elementLength && i < cell.elementCapacity {
            let slot = cell.elementValues + i
            if !slot.pointee.isEmpty {
                if flags & ObjectFlags.frozenElements != 0 { return false }
                slot.pointee = value
                return true
            }
        }
        return nil
    }

    /// Adds or overwrites an own data property (CreateDataProperty-like, honoring
    /// non-extensible and non-writable).
    @discardableResult
    func createDataProperty(_ cell: Cell, _ key: PropertyKey, _ value: Value) throws(Thrown) -> Bool {
        if key.isIndex {
            let i = Int(key.index)
            // Inside plain element storage a define is a store (how map and
            // JSON.parse build arrays).
            if i < cell.elementCapacity && cell.cellFlags & ObjectFlags.blocksElementStores == 0
                && (cell.cellKind == .array || cell.cellKind == .object) {
                cell.elementValues[i] = value
                if i >= cell.elementLength { setElementLength(cell, i + 1) }
                return true
            }
            if let own = ownProperty(cell, key) {
                if own.isAccessor || own.attributes & Attributes.writable == 0 { return false }
            } else if cell.cellFlags & ObjectFlags.nonExtensible != 0 {
                return false
            }
            if cell.cellKind == .typedArray { typedArraySet(cell, i, try toNumberForTypedArray(cell, value)); return true }
            let length = cell.elementLength
            if i < cell.elementCapacity || i <= length + 1024 || i <= cell.elementCapacity * 2 {
                if cell.cellKind == .array && cell.cellFlags & ObjectFlags.frozenElements != 0 { return false }
                if i >= cell.elementCapacity { reserveElements(cell, i + 1) }
                cell.elementValues[i] = value
                if i >= length { setElementLength(cell, i + 1) }
                return true
            }
            // Far beyond the dense part: keep it as a named property.
            cell.cellFlags |= ObjectFlags.sparse
            let named = sparseKey(key.index)
            if let index = Optional(cell.shape.find(named.bits)), index >= 0 {
                writeSlot(cell, cell.shape, cell.shape.slots[index], value)
            } else {
                addProperty(cell, named, value, Attributes.data)
            }
            if cell.cellKind == .array && i >= length {
                if cell.elements == nil { reserveElements(cell, 4) }
                setElementLength(cell, i + 1)
            }
            return true
        }
        // An own data property: written in place (the shape borrowed, not retained).
        let existing: Bool? = cell.withShape { shape in
            let index = shape.find(key.bits)
            if index < 0 { return nil }
            if shape.attributes[index] & (Attributes.accessor | Attributes.writable) != Attributes.writable { return false }
            writeSlot(cell, shape, shape.slots[index], value)
            return true
        }
        if let existing { return existing }
        if cell.cellFlags & ObjectFlags.nonExtensible != 0 { return false }
        if cell.cellKind == .array && key.bits == names.length.bits { return try setArrayLength(cell, value) }
        addProperty(cell, key, value, Attributes.data)
        return true
    }

    func set(_ base: Value, _ key: PropertyKey, _ value: Value, strict: Bool = true) throws(Thrown) {
        if base.isObject {
            if try !setProperty(base, key, value, receiver: base) && strict {
                throw throwError(.typeError, "Cannot assign to read only property '\(keyDescription(key))' of object")
            }
            return
        }
        if base.isNullish {
            throw throwError(.typeError, "Cannot set properties of \(base.isNull ? "null" : "undefined") (setting '\(keyDescription(key))')")
        }
        // A primitive has no properties of its own: only a setter on its
        // prototype chain takes the store; strict code throws otherwise.
        let proto = try prototypeForPrimitive(base, key: key)
        if try !setProperty(proto, key, value, receiver: base) && strict {
            let description = base.isString ? swiftString(base) : describeForError(base)
            throw throwError(.typeError, "Cannot create property '\(keyDescription(key))' on \(swiftString(typeOf(base))) '\(description)'")
        }
    }

    func set(_ base: Value, _ name: String, _ value: Value) throws(Thrown) { try set(base, propertyKey(name), value) }

    func setArrayLength(_ cell: Cell, _ value: Value) throws(Thrown) -> Bool {
        let number = try toNumber(value)
        guard number >= 0, number <= 4_294_967_295, number == number.rounded(.towardZero) else {
            throw throwError(.rangeError, "Invalid array length")
        }
        if cell.cellFlags & ObjectFlags.frozenElements != 0 { return false }
        let newLength = Int(number)
        let old = cell.elementLength
        if newLength < old {
            if cell.cellFlags & ObjectFlags.sealedElements != 0 { return false }
            let limit = min(old, cell.elementCapacity)
            if newLength < limit { (cell.elementValues + newLength).update(repeating: .empty, count: limit - newLength) }
            if cell.cellFlags & ObjectFlags.sparse != 0 {
                for (key, _) in sparseEntries(cell) where Int(key) >= newLength { deleteNamed(cell, sparseKey(key)) }
            }
        }
        if cell.elements == nil && newLength > 0 { reserveElements(cell, 0 + min(newLength, 4)) }
        if newLength > 0 || cell.elements != nil { setElementLength(cell, newLength) }
        return true
    }

    /// Sparse index keys stored as named properties.
    func sparseEntries(_ cell: Cell) -> [(UInt32, Value)] {
        let shape = cell.shape
        var result: [(UInt32, Value)] = []
        for (i, key) in shape.keys.enumerated() {
            let v = Value(bits: key)
            if v.isString {
                let index = StringLayout.arrayIndex(v.cell)
                if index != StringLayout.notIndex { result.append((index, readSlot(cell, shape, shape.slots[i]))) }
            }
        }
        return result
    }

    // MARK: Define

    /// DefineOwnProperty with a full or partial descriptor. Returns false when refused.
    @discardableResult
    func defineOwnProperty(_ cell: Cell, _ key: PropertyKey, value: Value?, getter: Value?, setter: Value?,
                           writable: Bool?, enumerable: Bool?, configurable: Bool?) throws(Thrown) -> Bool {
        let isAccessorDescriptor = getter != nil || setter != nil
        if cell.cellKind == .array && key.bits == names.length.bits {
            if let value, try !setArrayLength(cell, value) { return false }
            if writable == false { cell.cellFlags |= ObjectFlags.frozenElements }
            return true
        }
        if let existing = ownProperty(cell, key) {
            let attrs = existing.attributes
            if attrs & Attributes.configurable == 0 {
                // Only a writable data property may still change its value or become read-only.
                if configurable == true || (enumerable != nil && enumerable! != (attrs & Attributes.enumerable != 0)) { return false }
                if isAccessorDescriptor != existing.isAccessor && (isAccessorDescriptor || value != nil) { return false }
                if !existing.isAccessor && attrs & Attributes.writable == 0 {
                    if writable == true { return false }
                    if let value, !sameValue(value, existing.value) { return false }
                    return true
                }
                if existing.isAccessor {
                    let pair = existing.value.cell
                    if let getter, getter.bits != pair.value(at: 8).bits { return false }
                    if let setter, setter.bits != pair.value(at: 16).bits { return false }
                    return true
                }
            }
            var newAttrs = attrs
            var newValue = existing.value
            if isAccessorDescriptor {
                let pair = existing.isAccessor ? existing.value.cell : newAccessorPair(.undefined, .undefined)
                if let getter { pair.setValue(getter, at: 8) }
                if let setter { pair.setValue(setter, at: 16) }
                newValue = Value(cell: pair)
                newAttrs = (newAttrs | Attributes.accessor) & ~Attributes.writable
            } else if value != nil || writable != nil {
                if existing.isAccessor {
                    newAttrs &= ~Attributes.accessor
                    newValue = .undefined
                }
                if let value { newValue = value }
                if let writable { newAttrs = writable ? newAttrs | Attributes.writable : newAttrs & ~Attributes.writable }
            }
            if let enumerable { newAttrs = enumerable ? newAttrs | Attributes.enumerable : newAttrs & ~Attributes.enumerable }
            if let configurable { newAttrs = configurable ? newAttrs | Attributes.configurable : newAttrs & ~Attributes.configurable }
            try replaceOwnProperty(cell, key, newValue, newAttrs)
            return true
        }
        if cell.cellFlags & ObjectFlags.nonExtensible != 0 { return false }
        var attrs: UInt8 = 0
        if enumerable == true { attrs |= Attributes.enumerable }
        if configurable == true { attrs |= Attributes.configurable }
        var stored = value ?? .undefined
        if isAccessorDescriptor {
            attrs |= Attributes.accessor
            stored = Value(cell: newAccessorPair(getter ?? .undefined, setter ?? .undefined))
        } else if writable == true {
            attrs |= Attributes.writable
        }
        if key.isIndex && attrs == Attributes.data && cell.cellKind != .typedArray {
            return try createDataProperty(cell, key, stored)
        }
        let named = key.isIndex ? sparseKey(key.index) : key
        if key.isIndex {
            cell.cellFlags |= ObjectFlags.sparse
            if cell.cellKind == .array && Int(key.index) >= cell.elementLength {
                if cell.elements == nil { reserveElements(cell, 4) }
                setElementLength(cell, Int(key.index) + 1)
            }
        }
        addProperty(cell, named, stored, attrs)
        return true
    }

    /// Rewrites an existing own property's value and attributes.
    func replaceOwnProperty(_ cell: Cell, _ key: PropertyKey, _ value: Value, _ attrs: UInt8) throws(Thrown) {
        // Caches may hold this property's getter or layout.
        if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
        if key.isIndex {
            let i = Int(key.index)
            if i < cell.elementCapacity && i < cell.elementLength && !cell.elementValues[i].isEmpty {
                if attrs == Attributes.data || attrs == elementAttributes(cell) {
                    cell.elementValues[i] = value
                    return
                }
                // Move the element to the named part with its special attributes.
                cell.elementValues[i] = .empty
                cell.cellFlags |= ObjectFlags.sparse
                addProperty(cell, sparseKey(key.index), value, attrs)
                return
            }
            return try replaceOwnProperty(cell, sparseKey(key.index), value, attrs)
        }
        let shape = cell.shape
        let index = shape.find(key.bits)
        guard index >= 0 else { return }
        if shape.attributes[index] != attrs {
            toDictionary(cell)
            let dictionary = cell.shape
            dictionary.setAttributes(attrs, at: index)
            writeSlot(cell, dictionary, dictionary.slots[index], value)
            if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
            return
        }
        writeSlot(cell, shape, shape.slots[index], value)
    }

    func newAccessorPair(_ getter: Value, _ setter: Value) -> Cell {
        let cell = heap.allocate(32, kind: .accessor)
        cell.setValue(getter, at: 8)
        cell.setValue(setter, at: 16)
        return cell
    }

    /// Defines a builtin data property (not enumerable) during setup.
    func defineHidden(_ object: Value, _ name: String, _ value: Value) {
        addProperty(object.cell, propertyKey(name), value, Attributes.hidden)
    }

    // MARK: Delete

    @discardableResult
    func deleteProperty(_ cell: Cell, _ key: PropertyKey) -> Bool {
        if key.isIndex {
            let i = Int(key.index)
            if cell.cellKind == .typedArray { return i >= typedArrayLength(cell) }
            if i < cell.elementCapacity && i < cell.elementLength && !cell.elementValues[i].isEmpty {
                if cell.cellFlags & (ObjectFlags.sealedElements | ObjectFlags.frozenElements) != 0 { return false }
                cell.elementValues[i] = .empty
                return true
            }
            if cell.cellFlags & ObjectFlags.sparse == 0 { return true }
            return deleteNamed(cell, sparseKey(key.index))
        }
        if cell.cellKind == .array && key.bits == names.length.bits { return false }
        if cell.cellFlags & ObjectFlags.lazyPrototype != 0 && key.bits == names.prototype.bits { return false }
        return deleteNamed(cell, key)
    }

    @discardableResult
    func deleteNamed(_ cell: Cell, _ key: PropertyKey) -> Bool {
        let shape = cell.shape
        let index = shape.find(key.bits)
        if index < 0 { return true }
        if shape.attributes[index] & Attributes.configurable == 0 { return false }
        toDictionary(cell)
        let dictionary = cell.shape
        writeSlot(cell, dictionary, dictionary.slots[index], .undefined)
        dictionary.remove(at: index)
        if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
        return true
    }

    // MARK: Keys

    /// Own keys in spec order: indices ascending, strings by insertion, symbols.
    func ownKeys(_ cell: Cell, includeSymbols: Bool = false, onlyEnumerable: Bool = false,
                 includeStrings: Bool = true) -> [PropertyKey] {
        var result: [PropertyKey] = []
        // Room for the elements and the named keys: growing by appends
        // reallocated a JSON.stringify'd object's key list 2-3 times.
        result.reserveCapacity(min(cell.elementLength, cell.elementCapacity) + cell.withShape { $0.keys.count } + 1)
        if includeStrings {
            switch cell.cellKind {
            case .typedArray:
                for i in 0..<typedArrayLength(cell) { result.append(PropertyKey(index: UInt32(i))) }
            case .stringObject:
                for i in 0..<stringLength(cell.internalValue(0)) { result.append(PropertyKey(index: UInt32(i))) }
            default: break
            }
            let n = min(cell.elementLength, cell.elementCapacity)
            if n > 0 {
                let p = cell.elementValues
                for i in 0..<n where !p[i].isEmpty { result.append(PropertyKey(index: UInt32(i))) }
            }
            if cell.cellFlags & ObjectFlags.sparse != 0 {
                let sparse = sparseEntries(cell).map { $0.0 }.sorted()
                if !sparse.isEmpty {
                    for index in sparse {
                        let named = sparseKey(index)
                        let shape = cell.shape
                        let at = shape.find(named.bits)
                        if onlyEnumerable && at >= 0 && shape.attributes[at] & Attributes.enumerable == 0 { continue }
                        result.append(PropertyKey(index: index))
                    }
                    result.sort { $0.index < $1.index }
                }
            }
            if cell.cellKind == .array && !onlyEnumerable { result.append(PropertyKey(names.length)) }
            if cell.cellFlags & ObjectFlags.lazyPrototype != 0 { materializePrototype(cell) }
        }
        cell.withShape { shape in
            for (i, bits) in shape.keys.enumerated() {
                let key = PropertyKey(bits: bits)
                if onlyEnumerable && shape.attributes[i] & Attributes.enumerable == 0 { continue }
                if key.value.isSymbol || !includeStrings { continue }
                if cell.cellFlags & ObjectFlags.sparse != 0 && StringLayout.arrayIndex(key.value.cell) != StringLayout.notIndex { continue }
                result.append(key)
            }
            if includeSymbols {
                for (i, bits) in shape.keys.enumerated() where Value(bits: bits).isSymbol && !isPrivateKey(bits) {
                    if onlyEnumerable && shape.attributes[i] & Attributes.enumerable == 0 { continue }
                    result.append(PropertyKey(bits: bits))
                }
            }
        }
        return result
    }

    func hasProperty(_ object: Value, _ key: PropertyKey) -> Bool {
        var current = object.cell
        while true {
            if ownProperty(current, key) != nil { return true }
            let proto = current.proto
            if !proto.isObject { return false }
            current = proto.cell
        }
    }

    // MARK: Prototypes

    func setPrototype(_ cell: Cell, _ proto: Value) -> Bool {
        if cell.proto.bits == proto.bits { return true }
        if cell.cellFlags & ObjectFlags.nonExtensible != 0 { return false }
        // No cycles.
        var p = proto
        while p.isObject {
            if p.cell == cell { return false }
            p = p.cell.proto
        }
        cell.proto = proto
        markAsPrototype(proto)
        if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
        return true
    }
}

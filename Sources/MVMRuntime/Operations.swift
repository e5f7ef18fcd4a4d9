// The abstract operations of the spec that the interpreter's slow paths
// and the builtins share: conversions, equality, operators, IC misses.
import MVMBytecode
import MVMSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum PrimitiveHint { case number, string, none }

extension Isolate {
    // MARK: Conversions

    func toPrimitive(_ v: Value, hint: PrimitiveHint) throws(Thrown) -> Value {
        guard v.isObject else { return v }
        let exotic = try get(v, PropertyKey(symbols.toPrimitive))
        if !exotic.isNullish {
            guard exotic.isCallable else { throw throwError(.typeError, "Symbol.toPrimitive is not a function") }
            let hintName = hint == .number ? "number" : hint == .string ? "string" : "default"
            let result = try call(exotic, this: v, [atom(hintName)])
            if result.isObject { throw throwError(.typeError, "Cannot convert object to primitive value") }
            return result
        }
        return try ordinaryToPrimitive(v, hint: hint)
    }

    func ordinaryToPrimitive(_ v: Value, hint: PrimitiveHint) throws(Thrown) -> Value {
        let order = hint == .string ? [names.toString, names.valueOf] : [names.valueOf, names.toString]
        for name in order {
            let method = try get(v, PropertyKey(name))
            if method.isCallable {
                let result = try call(method, this: v, [])
                if !result.isObject { return result }
            }
        }
        throw throwError(.typeError, "Cannot convert object to primitive value")
    }

    func toNumber(_ v: Value) throws(Thrown) -> Double {
        if v.isNumber { return v.number }
        if v.isUndefined { return .nan }
        if v.isNull || v.bits == Value.false.bits { return 0 }
        if v.bits == Value.true.bits { return 1 }
        if v.isString { return stringToNumber(v) }
        if v.isSymbol { throw throwError(.typeError, "Cannot convert a Symbol value to a number") }
        return try toNumber(toPrimitive(v, hint: .number))
    }

    /// StringToNumber: white space trimmed, the rest read in place.
    func stringToNumber(_ string: Value) -> Double {
        let cell = flat(string)
        var start = 0, end = StringLayout.length(cell)
        while start < end && isJSWhitespace(StringLayout.unit(cell, start)) { start += 1 }
        while end > start && isJSWhitespace(StringLayout.unit(cell, end - 1)) { end -= 1 }
        return withASCIIText(cell, start..<end) { NumericText.stringNumericValue($0) }
    }

    func isJSWhitespace(_ u: UInt16) -> Bool {
        switch u {
        case 9, 10, 11, 12, 13, 32, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        case 0x2000...0x200A: return true
        default: return false
        }
    }

    func toString(_ v: Value) throws(Thrown) -> Value {
        if v.isString { return v }
        if v.isSymbol { throw throwError(.typeError, "Cannot convert a Symbol value to a string") }
        if v.isObject { return try toString(toPrimitive(v, hint: .string)) }
        return numberOrOtherToString(v)
    }

    func toSwiftString(_ v: Value) throws(Thrown) -> String { swiftString(try toString(v)) }

    /// ToString for numbers, booleans, null and undefined.
    func numberOrOtherToString(_ v: Value) -> Value {
        if v.isNumber {
            if v.isInt32, v.int32 >= 0 && v.int32 < 1024 { return smallIndexString(Int(v.int32)) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.capacity) { buffer in
                let length = NumberText.write(v.number, into: buffer.baseAddress!)
                return newString(latin1: UnsafeBufferPointer(rebasing: buffer[..<length]))
            }
        }
        if v.isUndefined { return names.undefined }
        if v.isNull { return names.null }
        if v.bits == Value.true.bits { return names.true }
        if v.bits == Value.false.bits { return names.false }
        if v.isSymbol { return newString(symbolDescriptiveString(v)) }
        return names.undefined
    }

    func toObject(_ v: Value) -> Value {
        if v.isObject { return v }
        let kind: CellKind
        let proto: Value
        if v.isNumber { kind = .numberObject; proto = numberPrototype }
        else if v.isString { kind = .stringObject; proto = stringPrototype }
        else if v.isBool { kind = .booleanObject; proto = booleanPrototype }
        else if v.isSymbol { kind = .symbolObject; proto = symbolPrototype }
        else { return newObject() }
        let cell = newObjectCell(kind, proto: proto)
        cell.setInternal(0, v)
        return Value(cell: cell)
    }

    /// ToObject for natives: a wrapper it makes is rooted until the native
    /// returns, so callbacks that collect cannot free it.
    func toObjectChecked(_ v: Value, _ what: String = "value") throws(Thrown) -> Value {
        if v.isNullish { throw throwError(.typeError, "Cannot convert undefined or null to object") }
        if v.isObject { return v }
        let wrapper = toObject(v)
        root(wrapper)
        return wrapper
    }

    func toIntegerOrInfinity(_ v: Value) throws(Thrown) -> Double {
        if v.isInt32 { return Double(v.int32) }
        let d = try toNumber(v)
        if d.isNaN { return 0 }
        if d.isInfinite { return d }
        return d.rounded(.towardZero) + 0
    }

    func toInt32(_ d: Double) -> Int32 {
        if !d.isFinite { return 0 }
        if abs(d) < 2147483648 { return Int32(d.rounded(.towardZero)) }
        let m = fmod(d.rounded(.towardZero), 4294967296)
        return Int32(truncatingIfNeeded: Int64(m < 0 ? m + 4294967296 : m))
    }

    func toUint32(_ d: Double) -> UInt32 { UInt32(bitPattern: toInt32(d)) }

    func toLength(_ v: Value) throws(Thrown) -> Int {
        let d = try toIntegerOrInfinity(v)
        if d <= 0 { return 0 }
        return Int(min(d, 9007199254740991))
    }

    func typeOf(_ v: Value) -> Value {
        if v.isNumber { return names.number }
        if v.isString { return names.string }
        if v.isUndefined || v.isEmpty { return names.undefined }
        if v.isBool { return names.boolean }
        if v.isNull { return names.object }
        if v.isSymbol { return names.symbol }
        return v.isCallable ? names.function : names.object
    }

    // MARK: Equality

    func strictEquals(_ x: Value, _ y: Value) -> Bool {
        if x.isNumber && y.isNumber { return x.number == y.number }
        if x.bits == y.bits { return true }
        if x.isString && y.isString { return stringsEqual(x, y) }
        return false
    }

    func sameValueZero(_ x: Value, _ y: Value) -> Bool {
        if x.isNumber && y.isNumber {
            let a = x.number, b = y.number
            return a == b || (a.isNaN && b.isNaN)
        }
        return strictEquals(x, y)
    }

    func sameValue(_ x: Value, _ y: Value) -> Bool {
        if x.isNumber && y.isNumber {
            let a = x.number, b = y.number
            if a.isNaN && b.isNaN { return true }
            return a == b && a.sign == b.sign
        }
        return strictEquals(x, y)
    }

    func looseEquals(_ x: Value, _ y: Value) throws(Thrown) -> Bool {
        if x.isNumber && y.isNumber { return x.number == y.number }
        if x.isString && y.isString { return stringsEqual(x, y) }
        if x.bits == y.bits { return !x.isEmpty || true }
        if x.isNullish && y.isNullish { return true }
        if x.isNullish || y.isNullish { return false }
        if x.isNumber && y.isString { return x.number == (try toNumber(y)) }
        if x.isString && y.isNumber { return (try toNumber(x)) == y.number }
        if x.isBool { return try looseEquals(Value(x.bool ? 1 : 0 as Int32), y) }
        if y.isBool { return try looseEquals(x, Value(y.bool ? 1 : 0 as Int32)) }
        if (x.isNumber || x.isString || x.isSymbol) && y.isObject { return try looseEquals(x, toPrimitive(y, hint: .none)) }
        if x.isObject && (y.isNumber || y.isString || y.isSymbol) { return try looseEquals(toPrimitive(x, hint: .none), y) }
        return false
    }

    // MARK: Operators

    func addSlow(_ x: Value, _ y: Value) throws(Thrown) -> Value {
        if x.isString && y.isString { return try concat(x, y) }
        let px = try toPrimitive(x, hint: .none)
        let py = try toPrimitive(y, hint: .none)
        if px.isString || py.isString {
            return try concat(try toString(px), try toString(py))
        }
        return Value(try toNumber(px) + (try toNumber(py)))
    }

    func arithmeticSlow(_ op: Opcode, _ x: Value, _ y: Value) throws(Thrown) -> Value {
        let a = try toNumber(x)
        let b = try toNumber(y)
        switch op {
        case .sub: return Value(a - b)
        case .mul: return Value(a * b)
        case .div: return Value(a / b)
        case .mod: return Value(jsRemainder(a, b))
        case .exp: return Value(jsPow(a, b))
        case .bitAnd: return Value(toInt32(a) & toInt32(b))
        case .bitOr: return Value(toInt32(a) | toInt32(b))
        case .bitXor: return Value(toInt32(a) ^ toInt32(b))
        case .shl: return Value(toInt32(a) << (toUint32(b) & 31))
        case .shr: return Value(toInt32(a) >> (toUint32(b) & 31))
        case .ushr: return Value(Double(toUint32(a) >> (toUint32(b) & 31)))
        default: return Value(Double.nan)
        }
    }

    func jsRemainder(_ a: Double, _ b: Double) -> Double {
        if b.isInfinite && a.isFinite { return a }
        return fmod(a, b)
    }

    func jsPow(_ a: Double, _ b: Double) -> Double {
        if b.isNaN { return .nan }
        if b == 0 { return 1 }
        if (a == 1 || a == -1) && b.isInfinite { return .nan }
        return pow(a, b)
    }

    /// The feedback bits an arithmetic or comparison site records for its operands.
    @inline(__always)
    func arithmeticFeedback(_ x: Value, _ y: Value) -> UInt8 {
        if x.isInt32 && y.isInt32 { return 1 }
        if x.isNumber && y.isNumber { return 2 }
        return x.isString || y.isString ? 4 : 8
    }

    /// The comparison a compare-and-jump performs (both tiers' slow paths).
    static func comparison(_ op: Opcode) -> Opcode {
        switch op {
        case .jumpIfNotLess, .jumpIfNotLessImm: return .lt
        case .jumpIfNotLessEqual, .jumpIfNotLessEqualImm: return .le
        case .jumpIfNotGreater, .jumpIfNotGreaterImm: return .gt
        default: return .ge
        }
    }

    /// A compare-and-jump's condition on two numbers of one type (int32
    /// or double, register or immediate forms): the jump is taken when it fails.
    @inline(__always)
    static func comparisonHolds<T: Comparable>(_ op: Opcode, _ p: T, _ q: T) -> Bool {
        switch op {
        case .jumpIfNotLess, .jumpIfNotLessImm: return p < q
        case .jumpIfNotLessEqual, .jumpIfNotLessEqualImm: return p <= q
        case .jumpIfNotGreater, .jumpIfNotGreaterImm: return p > q
        default: return p >= q
        }
    }

    func compareSlow(_ op: Opcode, _ x: Value, _ y: Value) throws(Thrown) -> Bool {
        let leftFirst = op == .lt || op == .le
        var px: Value, py: Value
        if leftFirst {
            px = try toPrimitive(x, hint: .number)
            py = try toPrimitive(y, hint: .number)
        } else {
            py = try toPrimitive(y, hint: .number)
            px = try toPrimitive(x, hint: .number)
        }
        if px.isString && py.isString {
            let c = compareStrings(px, py)
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
        let a = try toNumber(px), b = try toNumber(py)
        switch op {
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        default: return a >= b
        }
    }

    func instanceOf(_ v: Value, _ target: Value) throws(Thrown) -> Bool {
        guard target.isObject else { throw throwError(.typeError, "Right-hand side of 'instanceof' is not callable") }
        let hasInstance = try get(target, PropertyKey(symbols.hasInstance))
        if !hasInstance.isNullish && hasInstance.bits != functionHasInstance.bits {
            return truthy(try call(hasInstance, this: target, [v]))
        }
        guard target.isCallable else { throw throwError(.typeError, "Right-hand side of 'instanceof' is not callable") }
        return try ordinaryHasInstance(target, v)
    }

    func ordinaryHasInstance(_ target: Value, _ v: Value) throws(Thrown) -> Bool {
        if target.isCell(.boundFunction) { return try instanceOf(v, target.cell.internalValue(0)) }
        guard v.isObject else { return false }
        let proto = try get(target, PropertyKey(names.prototype))
        guard proto.isObject else { throw throwError(.typeError, "Function has non-object prototype '\(describeForError(proto))' in instanceof check") }
        var p = v.cell.proto
        while p.isObject {
            if p.bits == proto.bits { return true }
            p = p.cell.proto
        }
        return false
    }

    func inOperator(_ key: Value, _ object: Value) throws(Thrown) -> Bool {
        guard object.isObject else {
            throw throwError(.typeError, "Cannot use 'in' operator to search for '\(swiftString(try toString(key.isSymbol ? newString(symbolDescriptiveString(key)) : key)))' in \(describeForError(object))")
        }
        return hasProperty(object, try propertyKey(key))
    }

    func deleteOperator(_ base: Value, _ key: PropertyKey, strict: Bool) throws(Thrown) -> Bool {
        if base.isNullish { throw throwError(.typeError, "Cannot convert undefined or null to object") }
        guard base.isObject else { return true }
        let ok = deleteProperty(base.cell, key)
        if !ok && strict { throw throwError(.typeError, "Cannot delete property '\(keyDescription(key))' of \(describeForError(base))") }
        return ok
    }

    // MARK: Property IC misses
    //
    // The interpreter calls these once its first cache entry failed; native
    // code calls them from sites it compiled before they ran (and so did not
    // check the cache inline), which is why they check every entry, the
    // first included, before a full lookup.

    func getNamedMiss(_ o: Value, _ name: Value, _ data: UnsafeMutablePointer<InstanceData>, _ cacheIndex: Int) throws(Thrown) -> Value {
        let key = PropertyKey(name)
        let entries = data.pointee.caches + cacheIndex * 4
        let state = data.pointee.cacheStates + cacheIndex
        guard o.isObject else {
            if o.isString {
                if name.bits == names.length.bits { return Value(Int32(stringLength(o))) }
                if let cached = stringMethodHit(key, entries, state) { return cached }
            }
            return try get(o, key)
        }
        let cell = o.cell
        let shapeBits = cell.shapeBits
        if state.pointee == 5, let offset = megamorphicLookup(shapeBits, key.bits, forStore: false) {
            return cell.slot(atOffset: offset)
        }
        if state.pointee <= 4 {
            for i in 0..<Int(max(state.pointee, 1)) {
                let e = entries[i]
                if e.shape == shapeBits {
                    if e.kind == CacheKind.own { return cell.slot(atOffset: e.offset) }
                    if e.kind == CacheKind.proto && e.epoch == protoEpoch && cell.proto.bits == e.proto.bits {
                        return e.holder.cell.slot(atOffset: e.offset)
                    }
                }
            }
        }
        // Full lookup, then cache what a shape check can repeat.
        if cell.cellFlags & ObjectFlags.dictionary == 0 && !(cell.cellKind == .error && key.bits == names.stack.bits) {
            if cell.cellKind == .array && key.bits == names.length.bits {
                addCacheEntry(entries, state, CacheEntry(shape: shapeBits, proto: .empty, holder: .empty, newShape: 0,
                                                         offset: 0, epoch: 0, kind: CacheKind.arrayLength))
                return Value(Double(cell.elementLength))
            }
            if cell.cellFlags & ObjectFlags.lazyPrototype == 0 || key.bits != names.prototype.bits {
                let shape = cell.shape
                let index = shape.find(key.bits)
                if index >= 0 {
                    if shape.attributes[index] & Attributes.accessor == 0 {
                        let offset = shape.slotOffset(shape.slots[index])
                        addCacheEntry(entries, state, CacheEntry(shape: shapeBits, proto: .empty, holder: .empty, newShape: 0,
                                                                 offset: offset, epoch: 0, kind: CacheKind.own))
                        if state.pointee == 5 {
                            megamorphicInsert(shapeBits, key.bits, offset: offset,
                                              writable: shape.attributes[index] & Attributes.writable != 0)
                        }
                        return cell.slot(atOffset: offset)
                    }
                } else if !isExoticForNamedGet(cell) {
                    // Find the holder on the prototype chain.
                    var p = cell.proto
                    while p.isObject {
                        let holder = p.cell
                        if holder.cellFlags & (ObjectFlags.dictionary | ObjectFlags.lazyPrototype) != 0 || isExoticForNamedGet(holder) { break }
                        let hs = holder.shape
                        let hi = hs.find(key.bits)
                        if hi >= 0 {
                            if hs.attributes[hi] & Attributes.accessor != 0 {
                                // Cache a plain JS getter; the interpreter calls it without recursion.
                                let getter = holder.slot(atOffset: hs.slotOffset(hs.slots[hi])).cell.value(at: 8)
                                guard getter.isCell(.function), getter.cell.cellFlags & ObjectFlags.classConstructor == 0 else { break }
                                markAsPrototype(p)
                                addCacheEntry(entries, state, CacheEntry(shape: shapeBits, proto: cell.proto, holder: getter, newShape: 0,
                                                                         offset: 0, epoch: protoEpoch, kind: CacheKind.getter))
                                return try call(getter, this: o, [])
                            }
                            let offset = hs.slotOffset(hs.slots[hi])
                            markAsPrototype(p)
                            addCacheEntry(entries, state, CacheEntry(shape: shapeBits, proto: cell.proto, holder: p, newShape: 0,
                                                                     offset: offset, epoch: protoEpoch, kind: CacheKind.proto))
                            return holder.slot(atOffset: offset)
                        }
                        p = holder.proto
                    }
                }
            }
        }
        return try getProperty(o, key, receiver: o)
    }

    /// Kinds whose named properties are not all in the shape.
    @inline(__always) func isExoticForNamed(_ cell: Cell) -> Bool {
        let kind = cell.cellKind
        return kind == .array || kind == .stringObject || kind == .typedArray
    }

    /// The same for reads by `getNamed`, whose names are never array indices
    /// (the compiler gives index-like keys to getIndexed) nor, by then,
    /// an array's `length`: an array's other named properties are all in its
    /// shape and its prototypes', so `a.push` caches like any method.
    @inline(__always) func isExoticForNamedGet(_ cell: Cell) -> Bool {
        let kind = cell.cellKind
        return kind == .stringObject || kind == .typedArray
    }

    /// A primitive string's property found on String.prototype's chain
    /// (`s.charCodeAt`, `s.slice`): cached under a shape no object has, guarded
    /// by the prototype epoch, so a method call on a string skips the
    /// prototype's hash lookup.
    @inline(__always)
    func stringMethodHit(_ key: PropertyKey, _ entries: UnsafeMutablePointer<CacheEntry>, _ state: UnsafeMutablePointer<UInt8>) -> Value? {
        let count = Int(state.pointee)
        if count <= 4 {
            for i in 0..<count where entries[i].shape == CacheEntry.primitiveString {
                if entries[i].epoch == protoEpoch { return entries[i].holder.cell.slot(atOffset: entries[i].offset) }
            }
        }
        return cacheStringMethod(key, entries, state)
    }

    @inline(never)
    func cacheStringMethod(_ key: PropertyKey, _ entries: UnsafeMutablePointer<CacheEntry>, _ state: UnsafeMutablePointer<UInt8>) -> Value? {
        if key.isIndex || state.pointee > 4 { return nil }
        var p = stringPrototype
        while p.isObject {
            let holder = p.cell
            // String.prototype is a String object, exotic only for indexes and
            // "length", which never get here.
            if holder.cellFlags & (ObjectFlags.dictionary | ObjectFlags.lazyPrototype) != 0
                || (isExoticForNamed(holder) && holder.cellKind != .stringObject) { return nil }
            markAsPrototype(p)  // a later shadowing property must bump the epoch
            let shape = holder.shape
            let index = shape.find(key.bits)
            if index >= 0 {
                if shape.attributes[index] & Attributes.accessor != 0 { return nil }
                let offset = shape.slotOffset(shape.slots[index])
                addCacheEntry(entries, state, CacheEntry(shape: CacheEntry.primitiveString, proto: stringPrototype, holder: p, newShape: 0,
                                                         offset: offset, epoch: protoEpoch, kind: CacheKind.proto))
                return holder.slot(atOffset: offset)
            }
            p = holder.proto
        }
        return nil
    }

    func addCacheEntry(_ entries: UnsafeMutablePointer<CacheEntry>, _ state: UnsafeMutablePointer<UInt8>, _ entry: CacheEntry) {
        let count = Int(state.pointee)
        if count >= 5 { return }
        if count == 4 { state.pointee = 5; return }  // megamorphic: stop caching
        // Replace a stale entry for the same shape, else append.
        for i in 0..<count where entries[i].shape == entry.shape {
            entries[i] = entry
            return
        }
        entries[count] = entry
        state.pointee = UInt8(count + 1)
    }

    func setNamedMiss(_ o: Value, _ name: Value, _ v: Value, _ data: UnsafeMutablePointer<InstanceData>, _ cacheIndex: Int,
                      define: Bool) throws(Thrown) {
        let key = PropertyKey(name)
        let strict = data.pointee.flags & CodeBits.strict != 0
        guard o.isObject else {
            try set(o, key, v, strict: strict)
            return
        }
        let cell = o.cell
        let entries = data.pointee.caches + cacheIndex * 4
        let state = data.pointee.cacheStates + cacheIndex
        let before = cell.shapeBits
        if state.pointee <= 4 {
            for i in 0..<Int(max(state.pointee, 1)) {
                let e = entries[i]
                if e.shape == before && e.kind == CacheKind.own {
                    cell.setSlot(atOffset: e.offset, v)
                    return
                }
                if e.shape == before && e.kind == CacheKind.transition && e.epoch == protoEpoch && cell.proto.bits == e.proto.bits {
                    if e.offset < 0 { ensureOutOfLineCapacity(cell, Int(-e.offset - 1)) }
                    cell.shapeBits = e.newShape
                    cell.setSlot(atOffset: e.offset, v)
                    return
                }
            }
        } else if !define, let offset = megamorphicLookup(before, key.bits, forStore: true) {
            cell.setSlot(atOffset: offset, v)
            return
        }
        let cacheable = cell.cellFlags & (ObjectFlags.dictionary | ObjectFlags.nonExtensible | ObjectFlags.lazyPrototype) == 0
            && !isExoticForNamed(cell) && cell.cellKind != .function
        let shape = cell.shape
        let index = shape.find(key.bits)
        if define {
            if index >= 0 {
                try defineOwnProperty(cell, key, value: v, getter: nil, setter: nil, writable: true, enumerable: true, configurable: true)
            } else {
                _ = try createDataProperty(cell, key, v)
            }
        } else {
            if try !setProperty(o, key, v, receiver: o) && strict {
                throw throwError(.typeError, "Cannot assign to read only property '\(keyDescription(key))' of object '\(describeForError(o))'")
            }
        }
        guard cacheable, cell.cellFlags & ObjectFlags.dictionary == 0 else { return }
        let after = cell.shapeBits
        let newShape = cell.shape
        let newIndex = newShape.find(key.bits)
        guard newIndex >= 0, newShape.attributes[newIndex] == Attributes.data else { return }
        let offset = newShape.slotOffset(newShape.slots[newIndex])
        if after == before {
            addCacheEntry(entries, state, CacheEntry(shape: before, proto: .empty, holder: .empty, newShape: 0,
                                                     offset: offset, epoch: 0, kind: CacheKind.own))
            if state.pointee == 5 { megamorphicInsert(before, key.bits, offset: offset, writable: true) }
        } else if index < 0 && newIndex == newShape.count - 1 {
            if !define { markPrototypeChain(cell.proto) }
            addCacheEntry(entries, state, CacheEntry(shape: before, proto: cell.proto, holder: .empty, newShape: after,
                                                     offset: offset, epoch: define ? protoEpoch : protoEpoch, kind: CacheKind.transition))
        }
    }

    /// Flags every object on a chain as a prototype, so adding a setter or a
    /// read-only property there invalidates cached transitions.
    func markPrototypeChain(_ start: Value) {
        var p = start
        while p.isObject {
            p.cell.cellFlags |= ObjectFlags.isPrototype
            p = p.cell.proto
        }
    }

    func getIndexedSlow(_ o: Value, _ k: Value) throws(Thrown) -> Value {
        if o.isNullish {
            let key = try propertyKey(k)
            throw throwError(.typeError, "Cannot read properties of \(o.isNull ? "null" : "undefined") (reading '\(keyDescription(key))')")
        }
        return try get(o, try propertyKey(k))
    }

    func setIndexedSlow(_ o: Value, _ k: Value, _ v: Value, strict: Bool) throws(Thrown) {
        let key = try propertyKey(k)
        try set(o, key, v, strict: strict)
    }

    func getGlobalMiss(_ name: Value, _ entry: UnsafeMutablePointer<CacheEntry>, orUndefined: Bool) throws(Thrown) -> Value {
        let global = globalObject.cell
        if entry.pointee.shape == global.shapeBits && entry.pointee.kind == CacheKind.own {
            return global.slot(atOffset: entry.pointee.offset)
        }
        let key = PropertyKey(name)
        let shape = global.shape
        let index = shape.find(key.bits)
        if index >= 0 && shape.attributes[index] & Attributes.accessor == 0 {
            let offset = shape.slotOffset(shape.slots[index])
            if global.cellFlags & ObjectFlags.dictionary == 0 {
                entry.pointee = CacheEntry(shape: global.shapeBits, proto: .empty, holder: .empty, newShape: 0, offset: offset, epoch: 0, kind: CacheKind.own)
            }
            return global.slot(atOffset: offset)
        }
        if hasProperty(globalObject, key) { return try getProperty(globalObject, key, receiver: globalObject) }
        if orUndefined { return .undefined }
        throw throwError(.referenceError, "\(swiftString(name)) is not defined")
    }

    func setGlobalMiss(_ name: Value, _ v: Value, _ entry: UnsafeMutablePointer<CacheEntry>, strict: Bool) throws(Thrown) {
        let global = globalObject.cell
        if entry.pointee.shape == global.shapeBits && entry.pointee.kind == CacheKind.own {
            global.setSlot(atOffset: entry.pointee.offset, v)
            return
        }
        let key = PropertyKey(name)
        if !hasProperty(globalObject, key) {
            if strict { throw throwError(.referenceError, "\(swiftString(name)) is not defined") }
        }
        if try !setProperty(globalObject, key, v, receiver: globalObject) && strict {
            throw throwError(.typeError, "Cannot assign to read only property '\(swiftString(name))' of object '#<Object>'")
        }
        let shape = global.shape
        let index = shape.find(key.bits)
        if index >= 0 && shape.attributes[index] & (Attributes.accessor | Attributes.writable) == Attributes.writable
            && global.cellFlags & ObjectFlags.dictionary == 0 {
            entry.pointee = CacheEntry(shape: global.shapeBits, proto: .empty, holder: .empty, newShape: 0,
                                       offset: shape.slotOffset(shape.slots[index]), epoch: 0, kind: CacheKind.own)
        }
    }

    // MARK: Iteration

    var arrayPrototypeIsPlain: Bool { true }

    /// Fills a two-register iterator record: (array, index) for plain arrays
    /// and strings, else (iterator, next method).
    func getIterator(_ out: UnsafeMutablePointer<Value>, _ iterable: Value) throws(Thrown) {
        if iterable.isCell(.array) && arrayIteratorIsPristine(iterable) {
            out[0] = iterable
            out[1] = Value(Int32(0))
            return
        }
        let method = try get(iterable, PropertyKey(symbols.iterator))
        guard method.isCallable else {
            throw throwError(.typeError, "\(iterable.isObject || iterable.isString ? describeForError(iterable) : swiftString(numberOrOtherToString(iterable))) is not iterable")
        }
        let iterator = try call(method, this: iterable, [])
        guard iterator.isObject else { throw throwError(.typeError, "Result of the Symbol.iterator method is not an object") }
        out[0] = iterator
        out[1] = try get(iterator, PropertyKey(names.next))
    }

    func arrayIteratorIsPristine(_ array: Value) -> Bool {
        let cell = array.cell
        guard cell.proto.bits == arrayPrototype.bits else { return false }
        if cell.shape.count > 0 && cell.shape.find(symbols.iterator.bits) >= 0 { return false }
        // Where the two methods were found, while both prototypes keep
        // their shapes: a slot read each instead of two hash lookups (an
        // assignment keeps the shape, so the slots are read every time).
        let arrayProto = arrayPrototype.cell, iteratorProto = arrayIteratorPrototype.cell
        let known = jitState.pointee.arrayIteration
        if known.arrayPrototypeShape == arrayProto.shapeBits && known.iteratorPrototypeShape == iteratorProto.shapeBits {
            return arrayProto.slot(atOffset: known.valuesOffset).bits == arrayValuesFunction.bits
                && iteratorProto.slot(atOffset: known.nextOffset).bits == arrayIteratorNextFunction.bits
        }
        guard let values = dataSlotOffset(arrayProto, PropertyKey(symbols.iterator)),
              arrayProto.slot(atOffset: values).bits == arrayValuesFunction.bits,
              let next = dataSlotOffset(iteratorProto, PropertyKey(names.next)),
              iteratorProto.slot(atOffset: next).bits == arrayIteratorNextFunction.bits else { return false }
        jitState.pointee.arrayIteration = ArrayIterationCheck(
            arrayPrototype: arrayPrototype.bits, plainArrayShape: rootShapes[ObjectLayout.internalCount(.array)].bits,
            arrayPrototypeShape: arrayProto.shapeBits, valuesOffset: values, valuesFunction: arrayValuesFunction.bits,
            iteratorPrototype: arrayIteratorPrototype.bits, iteratorPrototypeShape: iteratorProto.shapeBits,
            nextOffset: next, nextFunction: arrayIteratorNextFunction.bits)
        return true
    }

    /// The slot offset of an own data property of a non-dictionary object.
    private func dataSlotOffset(_ cell: Cell, _ key: PropertyKey) -> Int32? {
        guard cell.cellFlags & ObjectFlags.dictionary == 0 else { return nil }
        return cell.withShape { shape in
            let index = shape.find(key.bits)
            guard index >= 0, shape.attributes[index] & Attributes.accessor == 0 else { return nil }
            return shape.slotOffset(shape.slots[index])
        }
    }

    /// The next value, or nil when the iterator is done (the record is then closed).
    func iteratorStep(_ record: UnsafeMutablePointer<Value>) throws(Thrown) -> Value? {
        let state = record[1]
        if state.isUndefined { return nil }
        if state.isInt32 {
            let i = Int(state.int32)
            let array = record[0]
            let length = array.isCell(.array) ? array.cell.elementLength : try toLength(get(array, PropertyKey(names.length)))
            if i >= length { record[1] = .undefined; return nil }
            record[1] = Value(Int32(i + 1))
            return try get(array, PropertyKey(index: UInt32(i)))
        }
        if state.bits == mapIteratorNextFunction.bits || state.bits == setIteratorNextFunction.bits {
            // The builtin next of a Map or Set iterator, called on its own kind:
            // no call, no result object.
            let iterator = record[0]
            if iterator.isCell(state.bits == mapIteratorNextFunction.bits ? .mapIterator : .setIterator) {
                if let value = collectionIteratorNext(iterator.cell) { return value }
                record[1] = .undefined
                return nil
            }
        }
        let result = try call(state, this: record[0], [])
        guard result.isObject else { throw throwError(.typeError, "Iterator result \(describeForError(result)) is not an object") }
        if result.cell.shapeBits == iteratorResultShape {
            // A result made by iteratorResult (or shaped like one): plain data slots.
            if truthy(result.cell.slot(atOffset: iteratorResultOffsets.done)) {
                record[1] = .undefined
                return nil
            }
            return result.cell.slot(atOffset: iteratorResultOffsets.value)
        }
        if truthy(try get(result, PropertyKey(names.done))) {
            record[1] = .undefined
            return nil
        }
        return try get(result, PropertyKey(names.value))
    }

    func iteratorClose(_ record: UnsafeMutablePointer<Value>) throws(Thrown) {
        let state = record[1]
        record[1] = .undefined
        guard state.isObject else { return }
        let method = try get(record[0], PropertyKey(names.return))
        if method.isCallable { _ = try call(method, this: record[0], []) }
    }

    /// Everything an iterable yields (spread, Array.from, ...).
    func spreadToList(_ iterable: Value) throws(Thrown) -> [Value] {
        if iterable.isCell(.array) && arrayIteratorIsPristine(iterable) {
            // The walk `[...iterable]` does (appendSpread), into an array
            // that keeps what a getter at a hole returned reachable.
            let holder = newArray(capacity: 0)
            root(holder)
            try appendSpread(holder.cell, iterable)
            return denseValues(holder.cell)
        }
        let saved = stackTop
        let record = stackTop
        stackTop += 2
        record[0] = .undefined
        record[1] = .undefined
        // Values collected so far must stay reachable while the iterator runs,
        // and afterwards while the caller works through the list.
        let holder = newArray(capacity: 0)
        stackTop[0] = holder
        stackTop += 1
        do {
            try getIterator(record, iterable)
            var result: [Value] = []
            while let v = try iteratorStep(record) {
                result.append(v)
                arrayAppend(holder.cell, v)
            }
            stackTop = saved
            root(holder)
            return result
        } catch {
            stackTop = saved
            throw error
        }
    }

    /// Appends what spreading `iterable` yields to the dense array `target`
    /// (`[...x]`, and the argument list of `f(...x)`): an array the builtin
    /// iterator would walk is copied straight across, with no list between.
    func appendSpread(_ target: Cell, _ iterable: Value) throws(Thrown) {
        guard iterable.isCell(.array) && arrayIteratorIsPristine(iterable) else {
            for v in try spreadToList(iterable) { arrayAppend(target, v) }
            return
        }
        let source = iterable.cell
        reserveElements(target, target.elementLength + source.elementLength)
        // The length is read at every step, as the iterator does: a getter
        // met at a hole may change it.
        var i = 0
        while i < source.elementLength {
            let v = i < source.elementCapacity ? source.elementValues[i] : .empty
            arrayAppend(target, v.isEmpty ? try get(iterable, PropertyKey(index: UInt32(i))) : v)
            i += 1
        }
    }

    /// The keys for-in visits: enumerable string keys up the chain, once each.
    func forInKeys(_ object: Value) -> Value {
        guard !object.isNullish else { return newArray([]) }
        var seen = Set<UInt64>()
        var keys: [Value] = []
        var current: Value = object.isObject ? object : toObject(object)
        while current.isObject {
            let cell = current.cell
            for key in ownKeys(cell) {
                let value = keyValue(key)
                // A key seen lower on the chain shadows this one, enumerable or not.
                let atomBits = key.isIndex ? atomize(value).bits : key.bits
                if seen.contains(atomBits) { continue }
                seen.insert(atomBits)
                if let property = ownProperty(cell, key), property.attributes & Attributes.enumerable != 0 {
                    keys.append(value)
                }
            }
            current = cell.proto
        }
        return newArray(keys)
    }

    func copyDataProperties(_ target: Value, _ source: Value, excluded: Value?) throws(Thrown) {
        if source.isNullish { return }
        let from = toObject(source)
        let saved = stackTop
        defer { stackTop = saved }
        root(from)  // a wrapper made here must survive getters that collect
        var excludedKeys = Set<UInt64>()
        if let excluded, excluded.isObject {
            for i in 0..<excluded.cell.elementLength {
                excludedKeys.insert(try propertyKey(excluded.cell.elementValues[i]).bits)
            }
        }
        for key in ownKeys(from.cell, includeSymbols: true) where !excludedKeys.contains(key.bits) {
            guard let property = ownProperty(from.cell, key), property.attributes & Attributes.enumerable != 0 else { continue }
            let value = try getProperty(from, key, receiver: from)
            try createDataProperty(target.cell, key, value)
        }
    }

    // MARK: Symbols

    func symbolDescription(_ symbol: Value) -> String {
        let description = symbol.cell.value(at: 8)
        return description.isString ? swiftString(description) : ""
    }

    func symbolDescriptiveString(_ symbol: Value) -> String { "Symbol(\(symbolDescription(symbol)))" }

    func newSymbol(_ description: Value) -> Value {
        let cell = heap.allocate(16, kind: .symbol)
        cell.cellFlags = 0
        cell.setValue(description, at: 8)
        return Value(cell: cell)
    }
}

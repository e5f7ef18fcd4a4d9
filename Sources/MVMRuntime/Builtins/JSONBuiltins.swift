// JSON.parse and JSON.stringify.
import MVMSyntax

extension Isolate {
    func setUpJSON() {
        let json = newObject()
        defineHidden(globalObject, "JSON", json)
        addProperty(json.cell, PropertyKey(symbols.toStringTag), atom("JSON"), Attributes.configurable)
        method(json, "parse", 2) { iso, args throws(Thrown) in
            let text = iso.units(try iso.toString(args[0]))
            let saved = iso.stackTop
            let value = try text.withUnsafeBufferPointer { (units) throws(Thrown) -> Value in
                var parser = JSONParser(units: units)
                return try parser.parseDocument(iso)
            }
            iso.stackTop = saved
            if args[1].isCallable {
                let holder = iso.newObject()
                iso.root(holder)
                try iso.createDataProperty(holder.cell, PropertyKey(iso.emptyString), value)
                return try iso.revive(holder, PropertyKey(iso.emptyString), args[1])
            }
            return value
        }
        method(json, "stringify", 3) { iso, args throws(Thrown) in
            var state = JSONWriter()
            let replacer = args[1]
            if replacer.isCallable { state.replacer = replacer }
            else if iso.isArray(replacer) {
                var keys: [Value] = []
                for i in 0..<replacer.cell.elementLength {
                    let v = try iso.element(replacer, i)
                    if v.isString || v.isNumber { keys.append(try iso.toString(v)) }
                    else if v.isCell(.stringObject) || v.isCell(.numberObject) { keys.append(try iso.toString(v)) }
                }
                state.allowList = keys
            }
            var space = args[2]
            if space.isCell(.numberObject) || space.isCell(.stringObject) { space = space.cell.internalValue(0) }
            if space.isNumber {
                state.gap = Array(repeating: 32, count: max(0, min(10, Int(try iso.toIntegerOrInfinity(space)))))
            } else if space.isString {
                state.gap = Array(iso.units(space).prefix(10))
            }
            let wrapper = iso.newObject()
            iso.root(wrapper)
            try iso.createDataProperty(wrapper.cell, PropertyKey(iso.emptyString), args[0])
            guard try state.serialize(iso, wrapper, PropertyKey(iso.emptyString), depth: 0) else { return .undefined }
            return iso.newString(units: state.out.units)
        }
    }

    func revive(_ holder: Value, _ key: PropertyKey, _ reviver: Value) throws(Thrown) -> Value {
        if !hasStackRoom { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        let value = try get(holder, key)
        if value.isObject {
            root(value)
            if isArray(value) {
                for i in 0..<value.cell.elementLength {
                    let v = try revive(value, PropertyKey(index: UInt32(i)), reviver)
                    if v.isUndefined { _ = deleteProperty(value.cell, PropertyKey(index: UInt32(i))) }
                    else { try createDataProperty(value.cell, PropertyKey(index: UInt32(i)), v) }
                }
            } else {
                for k in ownKeys(value.cell, onlyEnumerable: true) {
                    let v = try revive(value, k, reviver)
                    if v.isUndefined { _ = deleteProperty(value.cell, k) } else { try createDataProperty(value.cell, k, v) }
                }
            }
        }
        return try call(reviver, this: holder, [keyValue(key), value])
    }
}

struct JSONParser {
    /// The text, borrowed for the parse: reading it takes no retain and
    /// its slices are views (a Swift array's slices retain their buffer).
    let units: UnsafeBufferPointer<UInt16>
    var i = 0

    init(units: UnsafeBufferPointer<UInt16>) { self.units = units }

    mutating func parseDocument(_ iso: Isolate) throws(Thrown) -> Value {
        skipSpace()
        let v = try parseValue(iso, depth: 0)
        skipSpace()
        if i < units.count { throw iso.throwError(.syntaxError, "Unexpected non-whitespace character after JSON at position \(i)") }
        return v
    }

    func unexpected(_ iso: Isolate) -> Thrown {
        if i >= units.count { return iso.throwError(.syntaxError, "Unexpected end of JSON input") }
        let ch = String(decoding: [units[i]], as: UTF16.self)
        let text = String(decoding: units, as: UTF16.self)
        let shown = units.count < 32 ? "\"\(text)\"" : "\"\(String(decoding: units[max(0, i - 10)..<min(units.count, i + 10)], as: UTF16.self))\"..."
        return iso.throwError(.syntaxError, "Unexpected token '\(ch)', \(shown) is not valid JSON")
    }

    static func hexDigit(_ u: UInt16) -> UInt16? {
        switch u {
        case 48...57: return u - 48
        case 65...70: return u - 55
        case 97...102: return u - 87
        default: return nil
        }
    }

    mutating func skipSpace() {
        while i < units.count, units[i] == 32 || units[i] == 9 || units[i] == 10 || units[i] == 13 { i += 1 }
    }

    mutating func parseValue(_ iso: Isolate, depth: Int) throws(Thrown) -> Value {
        guard i < units.count else { throw unexpected(iso) }
        if depth > 5000 || !iso.hasStackRoom { throw iso.throwError(.rangeError, "Maximum call stack size exceeded") }
        switch units[i] {
        case 123: // {
            i += 1
            let object = iso.newObject()
            iso.root(object)
            skipSpace()
            if i < units.count && units[i] == 125 { i += 1; return object }
            var afterComma = false
            while true {
                skipSpace()
                guard i < units.count, units[i] == 34 else {
                    throw iso.throwError(.syntaxError, afterComma ? "Expected double-quoted property name in JSON at position \(i)"
                                                                      : "Expected property name or '}' in JSON at position \(i)")
                }
                afterComma = true
                let key = try parseString(iso, asKey: true)
                skipSpace()
                guard i < units.count, units[i] == 58 else {
                    if i >= units.count { throw unexpected(iso) }
                    throw iso.throwError(.syntaxError, "Expected ':' after property name in JSON at position \(i)")
                }
                i += 1
                skipSpace()
                let value = try parseValue(iso, depth: depth + 1)
                try iso.createDataProperty(object.cell, iso.propertyKey(primitive: key), value)
                skipSpace()
                guard i < units.count else { throw unexpected(iso) }
                if units[i] == 44 { i += 1; continue }
                if units[i] == 125 { i += 1; return object }
                throw iso.throwError(.syntaxError, "Expected ',' or '}' after property value in JSON at position \(i)")
            }
        case 91: // [
            i += 1
            let array = iso.newArray([])
            iso.root(array)
            skipSpace()
            if i < units.count && units[i] == 93 { i += 1; return array }
            while true {
                skipSpace()
                iso.arrayAppend(array.cell, try parseValue(iso, depth: depth + 1))
                skipSpace()
                guard i < units.count else { throw unexpected(iso) }
                if units[i] == 44 { i += 1; continue }
                if units[i] == 93 { i += 1; return array }
                throw iso.throwError(.syntaxError, "Expected ',' or ']' after array element in JSON at position \(i)")
            }
        case 34: return try parseString(iso)
        case 116: return try literal(iso, "true", .true)
        case 102: return try literal(iso, "false", .false)
        case 110: return try literal(iso, "null", .null)
        default: return try parseNumber(iso)
        }
    }

    mutating func literal(_ iso: Isolate, _ word: String, _ value: Value) throws(Thrown) -> Value {
        for u in word.utf16 {
            guard i < units.count, units[i] == u else { throw unexpected(iso) }
            i += 1
        }
        return value
    }

    mutating func parseNumber(_ iso: Isolate) throws(Thrown) -> Value {
        let start = i
        if i < units.count && units[i] == 45 {
            i += 1
            guard i < units.count, units[i] >= 48 && units[i] <= 57 else {
                throw iso.throwError(.syntaxError, "No number after minus sign in JSON at position \(i)")
            }
        }
        guard i < units.count, units[i] >= 48 && units[i] <= 57 else { throw unexpected(iso) }
        if units[i] == 48 {
            i += 1
            if i < units.count && units[i] >= 48 && units[i] <= 57 {
                throw iso.throwError(.syntaxError, "Unexpected number in JSON at position \(i)")
            }
        } else { while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 } }
        if i < units.count && units[i] == 46 {
            i += 1
            guard i < units.count, units[i] >= 48 && units[i] <= 57 else {
                throw iso.throwError(.syntaxError, "Unterminated fractional number in JSON at position \(i)")
            }
            while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 }
        }
        if i < units.count && (units[i] == 101 || units[i] == 69) {
            i += 1
            if i < units.count && (units[i] == 43 || units[i] == 45) { i += 1 }
            guard i < units.count, units[i] >= 48 && units[i] <= 57 else {
                throw iso.throwError(.syntaxError, "Exponent part is missing a number in JSON at position \(i)")
            }
            while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 }
        }
        // The number's units are ASCII: narrowed, they go to the one decimal conversion.
        let count = i - start
        return Value(withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { bytes in
            for k in 0..<count { bytes[k] = UInt8(truncatingIfNeeded: units[start + k]) }
            return NumericText.decimalValue(UnsafeBufferPointer(bytes))
        })
    }

    /// A string literal; a key becomes an atom straight from the input's units.
    mutating func parseString(_ iso: Isolate, asKey: Bool = false) throws(Thrown) -> Value {
        i += 1
        // The common case: no escapes, so the value is a slice of the input.
        var j = i
        while j < units.count, units[j] != 34 && units[j] != 92 && units[j] >= 32 { j += 1 }
        if j < units.count && units[j] == 34 {
            let slice = units[i..<j]
            i = j + 1
            return asKey ? iso.atom(units: slice) : iso.newString(units: slice)
        }
        var out = Array(units[i..<j])
        i = j
        while true {
            guard i < units.count else { throw iso.throwError(.syntaxError, "Unterminated string in JSON at position \(i)") }
            let u = units[i]
            if u == 34 { i += 1; break }
            if u < 32 { throw iso.throwError(.syntaxError, "Bad control character in string literal in JSON at position \(i)") }
            if u == 92 {
                i += 1
                guard i < units.count else { throw unexpected(iso) }
                switch units[i] {
                case 34: out.append(34)
                case 92: out.append(92)
                case 47: out.append(47)
                case 98: out.append(8)
                case 102: out.append(12)
                case 110: out.append(10)
                case 114: out.append(13)
                case 116: out.append(9)
                case 117:
                    var v: UInt16 = 0
                    for k in (i + 1)...(i + 4) {
                        guard k < units.count, let digit = JSONParser.hexDigit(units[k]) else {
                            if k >= units.count { throw iso.throwError(.syntaxError, "Unterminated string in JSON at position \(k)") }
                            throw iso.throwError(.syntaxError, "Bad Unicode escape in JSON at position \(k)")
                        }
                        v = v << 4 | digit
                    }
                    out.append(v)
                    i += 4
                default: throw iso.throwError(.syntaxError, "Bad escaped character in JSON at position \(i)")
                }
                i += 1
                continue
            }
            out.append(u)
            i += 1
        }
        return iso.newString(units: out)
    }
}

/// A growable run of UTF-16 units. Appends are a capacity check and a store:
/// Swift's Array.append re-checks uniqueness on every call, which was a third
/// of JSON.stringify.
struct UnitBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt16>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never) mutating func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
    }

    @inline(__always) mutating func append(_ unit: UInt16) {
        reserve(1)
        base[count] = unit
        count += 1
    }

    /// Appends without a capacity check; the caller reserved room.
    @inline(__always) mutating func appendReserved(_ unit: UInt16) {
        base[count] = unit
        count += 1
    }

    mutating func append(_ units: [UInt16]) {
        reserve(units.count)
        for u in units { appendReserved(u) }
    }

    mutating func truncate(to n: Int) { count = n }

    mutating func reverse(from start: Int) {
        var i = start, j = count - 1
        while i < j { swap(&base[i], &base[j]); i += 1; j -= 1 }
    }

    var units: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: base, count: count) }
}

/// JSON.stringify: appends the whole text to one buffer (`out`); nested values
/// never build their own arrays, so a document costs one growing allocation.
struct JSONWriter: ~Copyable {
    var replacer: Value? = nil
    var allowList: [Value]? = nil
    var gap: [UInt16] = []
    var stack: [UInt64] = []
    var out = UnitBuffer()

    @inline(__always) mutating func append(_ ascii: StaticString) {
        let p = ascii.utf8Start
        out.reserve(ascii.utf8CodeUnitCount)
        for i in 0..<ascii.utf8CodeUnitCount { out.appendReserved(UInt16(p[i])) }
    }

    /// Appends the string value `string` quoted and escaped.
    mutating func appendQuoted(_ iso: Isolate, _ string: Value) {
        let cell = iso.flat(string)
        let n = StringLayout.length(cell)
        out.reserve(n + 2)
        out.appendReserved(34)
        if StringLayout.isOneByte(cell) {
            let p = StringLayout.bytes(cell)
            var plain = 0
            // The escape-free prefix (usually everything) is copied unit by unit into reserved room.
            while plain < n, p[plain] >= 32 && p[plain] != 34 && p[plain] != 92 { out.appendReserved(UInt16(p[plain])); plain += 1 }
            for i in plain..<n {
                let u = UInt16(p[i])
                if u >= 32 && u != 34 && u != 92 { out.append(u) } else { appendEscape(u) }
            }
        } else {
            let p = StringLayout.wide(cell)
            var i = 0
            while i < n {
                let u = p[i]
                if u >= 0xD800 && u < 0xE000 {
                    // A surrogate pair stays; a lone surrogate is escaped (well-formed JSON.stringify).
                    if u < 0xDC00 && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] < 0xE000 {
                        out.append(u); out.append(p[i + 1]); i += 2; continue
                    }
                    appendEscape(u)
                } else if u >= 32 && u != 34 && u != 92 {
                    out.append(u)
                } else {
                    appendEscape(u)
                }
                i += 1
            }
        }
        out.append(34)
    }

    @inline(never)
    mutating func appendEscape(_ u: UInt16) {
        switch u {
        case 34: append("\\\"")
        case 92: append("\\\\")
        case 8: append("\\b")
        case 12: append("\\f")
        case 10: append("\\n")
        case 13: append("\\r")
        case 9: append("\\t")
        default:
            append("\\u")
            let digits: StaticString = "0123456789abcdef"
            for shift: UInt16 in [12, 8, 4, 0] { out.append(UInt16(digits.utf8Start[Int(u >> shift) & 15])) }
        }
    }

    mutating func appendNumber(_ d: Double) {
        if !d.isFinite { append("null"); return }
        if d == d.rounded(.towardZero), abs(d) < 1e15, let n = Int64(exactly: d) {
            // Integers (the common case) without a String in between; -0 prints as 0.
            var magnitude = n.magnitude
            if n < 0 { out.append(45) }
            let start = out.count
            repeat { out.append(48 + UInt16(magnitude % 10)); magnitude /= 10 } while magnitude > 0
            out.reverse(from: start)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.capacity) { buffer in
            let length = NumberText.write(d, into: buffer.baseAddress!)
            for i in 0..<length { out.append(UInt16(buffer[i])) }
        }
    }

    @inline(__always) mutating func newline(_ depth: Int) {
        out.append(10)
        for _ in 0..<depth { out.append(gap) }
    }

    /// Appends holder[key] as JSON; false (nothing appended) when it has no
    /// JSON form (undefined, a function, a symbol).
    /// The isolate is a parameter, not a stored property: a method of this
    /// mutating struct would retain a stored one around every call it makes.
    mutating func serialize(_ iso: Isolate, _ holder: Value, _ key: PropertyKey, depth: Int) throws(Thrown) -> Bool {
        try serialize(iso, try iso.get(holder, key), holder: holder, key: key, depth: depth)
    }

    /// Appends `value`, read from holder[key], as JSON (see above).
    mutating func serialize(_ iso: Isolate, _ value: Value, holder: Value, key: PropertyKey, depth: Int) throws(Thrown) -> Bool {
        if !iso.hasStackRoom { throw iso.throwError(.rangeError, "Maximum call stack size exceeded") }
        let saved = iso.stackTop
        defer { iso.stackTop = saved }
        var value = value
        iso.root(value)
        if value.isObject {
            let toJSON = try iso.get(value, PropertyKey(iso.names.toJSON))
            if toJSON.isCallable { value = try iso.call(toJSON, this: value, [iso.keyValue(key)]) }
        }
        if let replacer { value = try iso.call(replacer, this: holder, [iso.keyValue(key), value]) }
        iso.root(value)
        if value.isObject {
            switch value.cell.cellKind {
            case .numberObject: value = Value(try iso.toNumber(value))
            case .stringObject: value = try iso.toString(value)
            case .booleanObject: value = value.cell.internalValue(0)
            default: break
            }
        }
        if value.isNull { append("null"); return true }
        if value.isBool { if value.bool { append("true") } else { append("false") }; return true }
        if value.isString { appendQuoted(iso, value); return true }
        if value.isNumber { appendNumber(value.number); return true }
        guard value.isObject && !value.isCallable else { return false }
        if stack.contains(value.bits) {
            throw iso.throwError(.typeError, "Converting circular structure to JSON")
        }
        stack.append(value.bits)
        defer { stack.removeLast() }
        let pretty = !gap.isEmpty
        if iso.isArray(value) {
            let n = try iso.lengthOf(value)
            out.append(91)
            for i in 0..<n {
                if i > 0 { out.append(44) }
                if pretty { newline(depth + 1) }
                if !(try serialize(iso, value, PropertyKey(index: UInt32(i)), depth: depth + 1)) { append("null") }
            }
            if pretty && n > 0 { newline(depth) }
            out.append(93)
            return true
        }
        out.append(123)
        var first = true
        if allowList == nil, let shape = JSONWriter.plainShape(value.cell) {
            try serializeFields(iso, value, shape, depth: depth, first: &first)
        } else {
            let keys: [PropertyKey]
            if let allowList { keys = allowList.map { iso.propertyKey(primitive: $0) } }
            else { keys = iso.ownKeys(value.cell, onlyEnumerable: true) }
            for k in keys { try member(iso, iso.keyValue(k), try iso.get(value, k), holder: value, key: k, depth: depth, first: &first) }
        }
        if pretty && !first { newline(depth) }
        out.append(125)
        return true
    }

    /// The shape of an ordinary object whose own keys are its shape's keys
    /// in order: no elements, not a dictionary (whose shape changes in
    /// place), not sparse; nil for anything else.
    static func plainShape(_ cell: Cell) -> Shape? {
        guard cell.cellKind == .object, cell.elementLength == 0,
              cell.cellFlags & (ObjectFlags.dictionary | ObjectFlags.sparse) == 0 else { return nil }
        return cell.shape
    }

    /// An ordinary object's fields, walking its shape: the keys are the
    /// shape's (taken before any value is serialized, as EnumerableOwnPropertyNames
    /// does), and a data property's value is read from its slot while the
    /// object keeps that shape. A toJSON that changes the object on the way
    /// sends the remaining reads through Get, as the spec's order requires.
    mutating func serializeFields(_ iso: Isolate, _ object: Value, _ shape: Shape, depth: Int, first: inout Bool) throws(Thrown) {
        let cell = object.cell, shapeBits = cell.shapeBits
        for i in 0..<shape.count {
            let bits = shape.keys[i], attributes = shape.attributes[i]
            let name = Value(bits: bits)
            if attributes & Attributes.enumerable == 0 || !name.isString { continue }
            let key = PropertyKey(bits: bits)
            let field = attributes & Attributes.accessor == 0 && cell.shapeBits == shapeBits
                ? iso.readSlot(cell, shape, shape.slots[i]) : try iso.get(object, key)
            try member(iso, name, field, holder: object, key: key, depth: depth, first: &first)
        }
    }

    /// Writes `"name": field` into an object's text, or takes the name back
    /// when the field has no JSON form.
    mutating func member(_ iso: Isolate, _ name: Value, _ field: Value, holder: Value, key: PropertyKey,
                         depth: Int, first: inout Bool) throws(Thrown) {
        let mark = out.count
        if !first { out.append(44) }
        if !gap.isEmpty { newline(depth + 1) }
        appendQuoted(iso, name)
        out.append(58)
        if !gap.isEmpty { out.append(32) }
        if try serialize(iso, field, holder: holder, key: key, depth: depth + 1) { first = false } else { out.truncate(to: mark) }
    }
}

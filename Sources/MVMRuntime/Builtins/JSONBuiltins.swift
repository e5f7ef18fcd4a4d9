// JSON.parse and JSON.stringify.

extension Isolate {
    func setUpJSON() {
        let json = newObject()
        defineHidden(globalObject, "JSON", json)
        addProperty(json.cell, PropertyKey(symbols.toStringTag), atom("JSON"), Attributes.configurable)
        method(json, "parse", 2) { iso, args throws(Thrown) in
            let text = iso.units(try iso.toString(args[0]))
            var parser = JSONParser(units: text, isolate: iso)
            let saved = iso.stackTop
            let value = try parser.parseDocument()
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
            var state = JSONWriter(isolate: iso)
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
                state.gap = String(repeating: " ", count: max(0, min(10, Int(try iso.toIntegerOrInfinity(space)))))
            } else if space.isString {
                state.gap = String(iso.swiftString(space).utf16.prefix(10).map { Character(Unicode.Scalar($0) ?? " ") })
            }
            let wrapper = iso.newObject()
            iso.root(wrapper)
            try iso.createDataProperty(wrapper.cell, PropertyKey(iso.emptyString), args[0])
            guard let text = try state.serialize(wrapper, PropertyKey(iso.emptyString), indent: "") else { return .undefined }
            return iso.newString(units: text)
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
    let units: [UInt16]
    let isolate: Isolate
    var i = 0

    init(units: [UInt16], isolate: Isolate) {
        self.units = units
        self.isolate = isolate
    }

    mutating func parseDocument() throws(Thrown) -> Value {
        skipSpace()
        let v = try parseValue(depth: 0)
        skipSpace()
        if i < units.count { throw unexpected() }
        return v
    }

    func unexpected() -> Thrown {
        if i >= units.count { return isolate.throwError(.syntaxError, "Unexpected end of JSON input") }
        let ch = String(decoding: [units[i]], as: UTF16.self)
        let text = String(decoding: units, as: UTF16.self)
        let shown = units.count < 32 ? "\"\(text)\"" : "\"\(String(decoding: units[max(0, i - 10)..<min(units.count, i + 10)], as: UTF16.self))\"..."
        return isolate.throwError(.syntaxError, "Unexpected token '\(ch)', \(shown) is not valid JSON")
    }

    mutating func skipSpace() {
        while i < units.count, units[i] == 32 || units[i] == 9 || units[i] == 10 || units[i] == 13 { i += 1 }
    }

    mutating func parseValue(depth: Int) throws(Thrown) -> Value {
        guard i < units.count else { throw unexpected() }
        if depth > 5000 || !isolate.hasStackRoom { throw isolate.throwError(.rangeError, "Maximum call stack size exceeded") }
        switch units[i] {
        case 123: // {
            i += 1
            let object = isolate.newObject()
            isolate.root(object)
            skipSpace()
            if i < units.count && units[i] == 125 { i += 1; return object }
            while true {
                skipSpace()
                guard i < units.count, units[i] == 34 else {
                    if i >= units.count { throw unexpected() }
                    throw isolate.throwError(.syntaxError, "Expected property name or '}' in JSON at position \(i)")
                }
                let key = try parseString()
                skipSpace()
                guard i < units.count, units[i] == 58 else {
                    if i >= units.count { throw unexpected() }
                    throw isolate.throwError(.syntaxError, "Expected ':' after property name in JSON at position \(i)")
                }
                i += 1
                skipSpace()
                let value = try parseValue(depth: depth + 1)
                try isolate.createDataProperty(object.cell, isolate.propertyKey(primitive: key), value)
                skipSpace()
                guard i < units.count else { throw unexpected() }
                if units[i] == 44 { i += 1; continue }
                if units[i] == 125 { i += 1; return object }
                throw isolate.throwError(.syntaxError, "Expected ',' or '}' after property value in JSON at position \(i)")
            }
        case 91: // [
            i += 1
            let array = isolate.newArray([])
            isolate.root(array)
            skipSpace()
            if i < units.count && units[i] == 93 { i += 1; return array }
            while true {
                skipSpace()
                isolate.arrayAppend(array.cell, try parseValue(depth: depth + 1))
                skipSpace()
                guard i < units.count else { throw unexpected() }
                if units[i] == 44 { i += 1; continue }
                if units[i] == 93 { i += 1; return array }
                throw isolate.throwError(.syntaxError, "Expected ',' or ']' after array element in JSON at position \(i)")
            }
        case 34: return try parseString()
        case 116: return try literal("true", .true)
        case 102: return try literal("false", .false)
        case 110: return try literal("null", .null)
        default: return try parseNumber()
        }
    }

    mutating func literal(_ word: String, _ value: Value) throws(Thrown) -> Value {
        for u in word.utf16 {
            guard i < units.count, units[i] == u else { throw unexpected() }
            i += 1
        }
        return value
    }

    mutating func parseNumber() throws(Thrown) -> Value {
        let start = i
        if i < units.count && units[i] == 45 { i += 1 }
        guard i < units.count, units[i] >= 48 && units[i] <= 57 else { throw unexpected() }
        if units[i] == 48 { i += 1 } else { while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 } }
        if i < units.count && units[i] == 46 {
            i += 1
            guard i < units.count, units[i] >= 48 && units[i] <= 57 else { throw unexpected() }
            while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 }
        }
        if i < units.count && (units[i] == 101 || units[i] == 69) {
            i += 1
            if i < units.count && (units[i] == 43 || units[i] == 45) { i += 1 }
            guard i < units.count, units[i] >= 48 && units[i] <= 57 else { throw unexpected() }
            while i < units.count && units[i] >= 48 && units[i] <= 57 { i += 1 }
        }
        return Value(Double(String(decoding: units[start..<i], as: UTF16.self)) ?? .nan)
    }

    mutating func parseString() throws(Thrown) -> Value {
        i += 1
        var out: [UInt16] = []
        while true {
            guard i < units.count else { throw isolate.throwError(.syntaxError, "Unterminated string in JSON at position \(i)") }
            let u = units[i]
            if u == 34 { i += 1; break }
            if u < 32 { throw isolate.throwError(.syntaxError, "Bad control character in string literal in JSON at position \(i)") }
            if u == 92 {
                i += 1
                guard i < units.count else { throw unexpected() }
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
                    guard i + 4 < units.count, let v = UInt16(String(decoding: units[(i + 1)...(i + 4)], as: UTF16.self), radix: 16) else {
                        throw isolate.throwError(.syntaxError, "Bad Unicode escape in JSON at position \(i)")
                    }
                    out.append(v)
                    i += 4
                default: throw isolate.throwError(.syntaxError, "Bad escaped character in JSON at position \(i)")
                }
                i += 1
                continue
            }
            out.append(u)
            i += 1
        }
        return isolate.newString(units: out)
    }
}

struct JSONWriter {
    let isolate: Isolate
    var replacer: Value? = nil
    var allowList: [Value]? = nil
    var gap = ""
    var stack: [UInt64] = []

    init(isolate: Isolate) { self.isolate = isolate }

    static func quote(_ units: [UInt16]) -> [UInt16] {
        var out: [UInt16] = [34]
        var i = 0
        while i < units.count {
            let u = units[i]
            switch u {
            case 34: out += [92, 34]
            case 92: out += [92, 92]
            case 8: out += [92, 98]
            case 12: out += [92, 102]
            case 10: out += [92, 110]
            case 13: out += [92, 114]
            case 9: out += [92, 116]
            default:
                var lone = false
                if u >= 0xD800 && u < 0xDC00 {
                    if i + 1 < units.count && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000 {
                        out.append(u); out.append(units[i + 1]); i += 2; continue
                    }
                    lone = true
                } else if u >= 0xDC00 && u < 0xE000 { lone = true }
                if u < 32 || lone {
                    let hex = String(u, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf16)
                } else {
                    out.append(u)
                }
            }
            i += 1
        }
        out.append(34)
        return out
    }

    mutating func serialize(_ holder: Value, _ key: PropertyKey, indent: String) throws(Thrown) -> [UInt16]? {
        let iso = isolate
        if !iso.hasStackRoom { throw iso.throwError(.rangeError, "Maximum call stack size exceeded") }
        let saved = iso.stackTop
        defer { iso.stackTop = saved }
        var value = try iso.get(holder, key)
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
        if value.isNull { return Array("null".utf16) }
        if value.isBool { return Array((value.bool ? "true" : "false").utf16) }
        if value.isString { return JSONWriter.quote(iso.units(value)) }
        if value.isNumber {
            let d = value.number
            return Array((d.isFinite ? formatNumber(d) : "null").utf16)
        }
        if value.isObject && !value.isCallable {
            if stack.contains(value.bits) {
                throw iso.throwError(.typeError, "Converting circular structure to JSON")
            }
            stack.append(value.bits)
            defer { stack.removeLast() }
            let inner = indent + gap
            var parts: [[UInt16]] = []
            if iso.isArray(value) {
                let n = try iso.lengthOf(value)
                for i in 0..<n {
                    parts.append(try serialize(value, PropertyKey(index: UInt32(i)), indent: inner) ?? Array("null".utf16))
                }
                return wrap(parts, "[", "]", indent: indent, inner: inner)
            }
            let keys: [PropertyKey]
            if let allowList { keys = allowList.map { iso.propertyKey(primitive: $0) } }
            else { keys = iso.ownKeys(value.cell, onlyEnumerable: true) }
            for k in keys {
                guard let item = try serialize(value, k, indent: inner) else { continue }
                var part = JSONWriter.quote(iso.units(iso.keyValue(k)))
                part.append(58)
                if !gap.isEmpty { part.append(32) }
                parts.append(part + item)
            }
            return wrap(parts, "{", "}", indent: indent, inner: inner)
        }
        return nil
    }

    func wrap(_ parts: [[UInt16]], _ open: String, _ close: String, indent: String, inner: String) -> [UInt16] {
        if parts.isEmpty { return Array((open + close).utf16) }
        if gap.isEmpty {
            var out = Array(open.utf16)
            for (i, p) in parts.enumerated() { if i > 0 { out.append(44) }; out += p }
            return out + Array(close.utf16)
        }
        var out = Array(open.utf16)
        for (i, p) in parts.enumerated() {
            if i > 0 { out.append(44) }
            out += Array(("\n" + inner).utf16) + p
        }
        return out + Array(("\n" + indent + close).utf16)
    }
}

// String.
import MVMBytecode

extension Isolate {
    func thisString(_ args: Arguments, _ name: String) throws(Thrown) -> Value {
        let v = args.this
        if v.isString { return v }
        if v.isNullish { throw throwError(.typeError, "String.prototype.\(name) called on null or undefined") }
        let converted = try toString(v)
        root(converted)  // later argument conversions may run JS that collects
        return converted
    }

    /// The units of a string value, read in place (no copy). Valid while no
    /// JS runs: take views after every conversion that may call back.
    func view(_ s: Value) -> StringView { StringView(flat(s)) }

    func indexOf(_ haystack: [UInt16], _ needle: [UInt16], from: Int) -> Int {
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                StringView.firstIndex(of: StringView(wide: n), in: StringView(wide: h), from: from)
            }
        }
    }

    /// GetSubstitution for string patterns: $$, $&, $`, $'.
    func substitute(_ replacement: [UInt16], matched: [UInt16], subject: [UInt16], position: Int) -> [UInt16] {
        var result: [UInt16] = []
        var i = 0
        while i < replacement.count {
            let u = replacement[i]
            if u == 36 && i + 1 < replacement.count {
                let next = replacement[i + 1]
                switch next {
                case 36: result.append(36); i += 2; continue
                case 38: result += matched; i += 2; continue
                case 96: result += subject[0..<position]; i += 2; continue
                case 39: result += subject[min(position + matched.count, subject.count)...]; i += 2; continue
                default: break
                }
            }
            result.append(u)
            i += 1
        }
        return result
    }

    func caseMapped(_ s: Value, upper: Bool) -> Value {
        let cell = flat(s)
        let n = StringLayout.length(cell)
        if StringLayout.isOneByte(cell) {
            let p = StringLayout.bytes(cell)
            var ascii = true
            for i in 0..<n where p[i] >= 0x80 { ascii = false; break }
            if ascii {
                var out = [UInt16](repeating: 0, count: n)
                for i in 0..<n {
                    var b = p[i]
                    if upper { if b >= 97 && b <= 122 { b -= 32 } } else if b >= 65 && b <= 90 { b += 32 }
                    out[i] = UInt16(b)
                }
                return newString(units: out)
            }
        }
        let text = swiftString(s)
        return newString(upper ? text.uppercased() : text.lowercased())
    }

    func trimmed(_ s: Value, start: Bool, end: Bool) -> Value {
        let u = view(s)
        var a = 0, b = u.count
        if start { while a < b && isJSWhitespace(u[a]) { a += 1 } }
        if end { while b > a && isJSWhitespace(u[b - 1]) { b -= 1 } }
        return substring(s, a, b)
    }

    func setUpString() {
        let proto = Value(cell: newObjectCell(.stringObject, proto: objectPrototype))
        proto.cell.setInternal(0, emptyString)
        stringPrototype = proto
        let string = makeClass("String", 1, prototype: proto) { iso, args throws(Thrown) in
            var s = iso.emptyString
            if args.count > 0 {
                s = !args.isConstruct && args[0].isSymbol ? iso.newString(iso.symbolDescriptiveString(args[0])) : try iso.toString(args[0])
            }
            if args.isConstruct {
                let cell = iso.newObjectCell(.stringObject, proto: try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.stringPrototype))
                cell.setInternal(0, s)
                return Value(cell: cell)
            }
            return s
        }
        let fromCharCode = method(string, "fromCharCode", 1) { iso, args throws(Thrown) in
            if args.count == 1 { return iso.unitString(UInt16(truncatingIfNeeded: iso.toInt32(try iso.toNumber(args[0])))) }
            var out: [UInt16] = []
            for i in 0..<args.count { out.append(UInt16(truncatingIfNeeded: iso.toInt32(try iso.toNumber(args[i])))) }
            return iso.newString(units: out)
        }
        intrinsicNatives[fromCharCode.cell.internalValue(0).int32] = .fromCharCode
        method(string, "fromCodePoint", 1) { iso, args throws(Thrown) in
            var out: [UInt16] = []
            for i in 0..<args.count {
                let d = try iso.toNumber(args[i])
                guard d >= 0 && d <= 0x10FFFF && d == d.rounded() else {
                    throw iso.throwError(.rangeError, "Invalid code point \(iso.swiftString(try iso.toString(args[i])))")
                }
                let cp = UInt32(d)
                if cp < 0x10000 { out.append(UInt16(cp)) } else {
                    let v = cp - 0x10000
                    out.append(UInt16(0xD800 + (v >> 10)))
                    out.append(UInt16(0xDC00 + (v & 0x3FF)))
                }
            }
            return iso.newString(units: out)
        }
        method(string, "raw", 1) { iso, args throws(Thrown) in
            let strings = try iso.toObjectChecked(args[0])
            let raw = try iso.toObjectChecked(try iso.get(strings, iso.propertyKey("raw")))
            let n = try iso.lengthOf(raw)
            var out: [UInt16] = []
            for i in 0..<n {
                out += iso.units(try iso.toString(try iso.get(raw, PropertyKey(index: UInt32(i)))))
                if i + 1 < n && i + 1 < args.count { out += iso.units(try iso.toString(args[i + 1])) }
            }
            return iso.newString(units: out)
        }
        method(proto, "toString", 0) { iso, args throws(Thrown) in
            if args.this.isString { return args.this }
            if args.this.isCell(.stringObject) { return args.this.cell.internalValue(0) }
            throw iso.throwError(.typeError, "String.prototype.toString requires that 'this' be a String")
        }
        method(proto, "valueOf", 0) { iso, args throws(Thrown) in
            if args.this.isString { return args.this }
            if args.this.isCell(.stringObject) { return args.this.cell.internalValue(0) }
            throw iso.throwError(.typeError, "String.prototype.valueOf requires that 'this' be a String")
        }
        method(proto, "charAt", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "charAt")
            let i = try iso.toIntegerOrInfinity(args[0])
            if i < 0 || i >= Double(iso.stringLength(s)) { return iso.emptyString }
            return iso.substring(s, Int(i), Int(i) + 1)
        }
        let charCodeAt = method(proto, "charCodeAt", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "charCodeAt")
            let i = try iso.toIntegerOrInfinity(args[0])
            if i < 0 || i >= Double(iso.stringLength(s)) { return Value(rawDouble: .nan) }
            return Value(Int32(StringLayout.unit(iso.flat(s), Int(i))))
        }
        intrinsicNatives[charCodeAt.cell.internalValue(0).int32] = .charCodeAt
        method(proto, "codePointAt", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "codePointAt")
            let i = try iso.toIntegerOrInfinity(args[0])
            let n = iso.stringLength(s)
            if i < 0 || i >= Double(n) { return .undefined }
            let flat = iso.flat(s)
            let u = StringLayout.unit(flat, Int(i))
            if u >= 0xD800 && u < 0xDC00 && Int(i) + 1 < n {
                let next = StringLayout.unit(flat, Int(i) + 1)
                if next >= 0xDC00 && next < 0xE000 { return Value(Int32((Int(u) - 0xD800) << 10 + (Int(next) - 0xDC00) + 0x10000)) }
            }
            return Value(Int32(u))
        }
        method(proto, "at", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "at")
            let n = iso.stringLength(s)
            let r = try iso.toIntegerOrInfinity(args[0])
            let i = r < 0 ? Double(n) + r : r
            if i < 0 || i >= Double(n) { return .undefined }
            return iso.substring(s, Int(i), Int(i) + 1)
        }
        // The searches convert every argument first (conversions may run JS),
        // then compare the strings in place.
        method(proto, "indexOf", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "indexOf")
            let needle = try iso.toString(args[0])
            let from = Int(min(max(try iso.toIntegerOrInfinity(args[1]), 0), Double(iso.stringLength(s))))
            return Value(Int32(StringView.firstIndex(of: iso.view(needle), in: iso.view(s), from: from)))
        }
        method(proto, "lastIndexOf", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "lastIndexOf")
            let needle = try iso.toString(args[0])
            let position = try iso.toNumber(args[1])
            let h = iso.view(s), n = iso.view(needle)
            var i = position.isNaN ? h.count - n.count : min(Int(max(position, 0)), h.count - n.count)
            while i >= 0 {
                if h.matches(n, at: i) { return Value(Int32(i)) }
                i -= 1
            }
            return Value(Int32(-1))
        }
        method(proto, "includes", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "includes")
            if args[0].isCell(.regexp) { throw iso.throwError(.typeError, "First argument to String.prototype.includes must not be a regular expression") }
            let needle = try iso.toString(args[0])
            let from = Int(min(max(try iso.toIntegerOrInfinity(args[1]), 0), Double(iso.stringLength(s))))
            return Value(StringView.firstIndex(of: iso.view(needle), in: iso.view(s), from: from) >= 0)
        }
        method(proto, "startsWith", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "startsWith")
            let needle = try iso.toString(args[0])
            let from = Int(min(max(try iso.toIntegerOrInfinity(args[1]), 0), Double(iso.stringLength(s))))
            return Value(iso.view(s).matches(iso.view(needle), at: from))
        }
        method(proto, "endsWith", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "endsWith")
            let needle = try iso.toString(args[0])
            let count = iso.stringLength(s)
            let end = args[1].isUndefined ? count : Int(min(max(try iso.toIntegerOrInfinity(args[1]), 0), Double(count)))
            return Value(iso.view(s).matches(iso.view(needle), at: end - iso.stringLength(needle)))
        }
        method(proto, "slice", 2) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "slice")
            let n = iso.stringLength(s)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let end = try iso.relativeIndex(args[1], n, default: n)
            return iso.substring(s, start, max(start, end))
        }
        method(proto, "substring", 2) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "substring")
            let n = Double(iso.stringLength(s))
            let a = min(max(try iso.toIntegerOrInfinity(args[0]), 0), n)
            let b = args[1].isUndefined ? n : min(max(try iso.toIntegerOrInfinity(args[1]), 0), n)
            return iso.substring(s, Int(min(a, b)), Int(max(a, b)))
        }
        method(proto, "substr", 2) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "substr")
            let n = iso.stringLength(s)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let length = args[1].isUndefined ? Double(n - start) : min(max(try iso.toIntegerOrInfinity(args[1]), 0), Double(n - start))
            return iso.substring(s, start, start + Int(length))
        }
        method(proto, "toUpperCase", 0) { iso, args throws(Thrown) in iso.caseMapped(try iso.thisString(args, "toUpperCase"), upper: true) }
        method(proto, "toLowerCase", 0) { iso, args throws(Thrown) in iso.caseMapped(try iso.thisString(args, "toLowerCase"), upper: false) }
        method(proto, "toLocaleUpperCase", 0) { iso, args throws(Thrown) in iso.caseMapped(try iso.thisString(args, "toLocaleUpperCase"), upper: true) }
        method(proto, "toLocaleLowerCase", 0) { iso, args throws(Thrown) in iso.caseMapped(try iso.thisString(args, "toLocaleLowerCase"), upper: false) }
        method(proto, "trim", 0) { iso, args throws(Thrown) in iso.trimmed(try iso.thisString(args, "trim"), start: true, end: true) }
        method(proto, "trimStart", 0) { iso, args throws(Thrown) in iso.trimmed(try iso.thisString(args, "trimStart"), start: true, end: false) }
        method(proto, "trimEnd", 0) { iso, args throws(Thrown) in iso.trimmed(try iso.thisString(args, "trimEnd"), start: false, end: true) }
        for (name, atStart) in [("padStart", true), ("padEnd", false)] {
            method(proto, name, 2) { iso, args throws(Thrown) in
                let s = try iso.thisString(args, name)
                let target = Int(min(try iso.toLength(args[0]), 1 << 29))
                let filler = args[1].isUndefined ? [UInt16(32)] : iso.units(try iso.toString(args[1]))
                let n = iso.stringLength(s)
                if target <= n || filler.isEmpty { return s }
                var pad: [UInt16] = []
                while pad.count < target - n { pad += filler }
                pad = Array(pad[0..<(target - n)])
                return iso.newString(units: atStart ? pad + iso.units(s) : iso.units(s) + pad)
            }
        }
        method(proto, "repeat", 1) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "repeat")
            let count = try iso.toIntegerOrInfinity(args[0])
            if count < 0 || count.isInfinite { throw iso.throwError(.rangeError, "Invalid count value: \(formatNumber(count))") }
            if Double(iso.stringLength(s)) * count > Double(StringLayout.maxLength) { throw iso.throwError(.rangeError, "Invalid string length") }
            let u = iso.units(s)
            var out: [UInt16] = []
            out.reserveCapacity(u.count * Int(count))
            for _ in 0..<Int(count) { out += u }
            return iso.newString(units: out)
        }
        method(proto, "concat", 1) { iso, args throws(Thrown) in
            var s = try iso.thisString(args, "concat")
            let slot = iso.stackTop
            iso.root(s)
            for i in 0..<args.count {
                s = try iso.concat(s, try iso.toString(args[i]))
                slot.pointee = s  // the next toString may run JS that collects
            }
            return s
        }
        method(proto, "split", 2) { iso, args throws(Thrown) in
            let s = try iso.thisString(args, "split")
            let limit = args[1].isUndefined ? UInt32.max : iso.toUint32(try iso.toNumber(args[1]))
            let result = iso.newArray([])
            iso.root(result)
            if limit == 0 { return result }
            if args[0].isUndefined { iso.arrayAppend(result.cell, s); return result }
            let separator = try iso.toString(args[0])
            let count = iso.stringLength(s), separatorCount = iso.stringLength(separator)
            if separatorCount == 0 {
                for i in 0..<min(count, Int(limit)) { iso.arrayAppend(result.cell, iso.substring(s, i, i + 1)) }
                return result
            }
            // No JS runs from here on, so the views stay valid while pieces are allocated.
            let h = iso.view(s), n = iso.view(separator)
            var start = 0
            while result.cell.elementLength < Int(limit) {
                let i = StringView.firstIndex(of: n, in: h, from: start)
                if i < 0 { break }
                iso.arrayAppend(result.cell, iso.substring(s, start, i))
                start = i + separatorCount
            }
            if result.cell.elementLength < Int(limit) { iso.arrayAppend(result.cell, iso.substring(s, start, count)) }
            return result
        }
        for (name, all) in [("replace", false), ("replaceAll", true)] {
            method(proto, name, 2) { iso, args throws(Thrown) in
                let s = try iso.thisString(args, name)
                if args[0].isCell(.regexp) { throw iso.throwError(.typeError, "Regular expressions are not supported yet") }
                let subject = iso.units(s)
                let pattern = iso.units(try iso.toString(args[0]))
                let replacer = args[1]
                let replacement = replacer.isCallable ? [] : iso.units(try iso.toString(replacer))
                var positions: [Int] = []
                var from = 0
                while true {
                    let i = iso.indexOf(subject, pattern, from: from)
                    if i < 0 { break }
                    positions.append(i)
                    if !all { break }
                    from = i + max(pattern.count, 1)
                    if from > subject.count { break }
                }
                if positions.isEmpty { return s }
                var out: [UInt16] = []
                var last = 0
                for p in positions {
                    out += subject[last..<p]
                    if replacer.isCallable {
                        let r = try iso.call(replacer, this: .undefined, [iso.newString(units: pattern), Value(Int32(p)), s])
                        out += iso.units(try iso.toString(r))
                    } else {
                        out += iso.substitute(replacement, matched: pattern, subject: subject, position: p)
                    }
                    last = p + pattern.count
                }
                out += subject[last...]
                return iso.newString(units: out)
            }
        }
        method(proto, "localeCompare", 1) { iso, args throws(Thrown) in
            let a = iso.swiftString(try iso.thisString(args, "localeCompare"))
            let b = iso.swiftString(try iso.toString(args[0]))
            return Value(Int32(iso.localeCompare(a, b)))
        }
        method(proto, "normalize", 0) { iso, args throws(Thrown) in try iso.thisString(args, "normalize") }
        method(proto, symbol: symbols.iterator, "[Symbol.iterator]", 0) { iso, args throws(Thrown) in
            iso.makeIterator(.stringIterator, iso.stringIteratorPrototype, try iso.thisString(args, "[Symbol.iterator]"), kind: 0)
        }
    }

    /// A simple locale-insensitive collation: compare case-folded first, then
    /// lower case before upper case, as ICU's root collation roughly does.
    func localeCompare(_ a: String, _ b: String) -> Int {
        let fa = a.lowercased(), fb = b.lowercased()
        if fa != fb { return fa < fb ? -1 : 1 }
        if a == b { return 0 }
        for (x, y) in zip(a, b) where x != y {
            return x.isLowercase && y.isUppercase ? -1 : (x.isUppercase && y.isLowercase ? 1 : (x < y ? -1 : 1))
        }
        return a.count < b.count ? -1 : 1
    }
}

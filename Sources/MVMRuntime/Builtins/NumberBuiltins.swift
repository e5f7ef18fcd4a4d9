// Number, Math, Boolean and Symbol.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Isolate {
    func thisNumber(_ v: Value, _ name: String) throws(Thrown) -> Double {
        if v.isNumber { return v.number }
        if v.isCell(.numberObject) { return v.cell.internalValue(0).number }
        throw throwError(.typeError, "Number.prototype.\(name) requires that 'this' be a Number")
    }

    func setUpNumberAndMath() {
        let proto = Value(cell: newObjectCell(.numberObject, proto: objectPrototype))
        proto.cell.setInternal(0, Value(Int32(0)))
        numberPrototype = proto
        let number = makeClass("Number", 1, prototype: proto) { iso, args throws(Thrown) in
            let n = args.count == 0 ? 0 : try iso.toNumber(args[0])
            if args.isConstruct {
                let cell = iso.newObjectCell(.numberObject, proto: try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.numberPrototype))
                cell.setInternal(0, Value(n))
                return Value(cell: cell)
            }
            return Value(n)
        }
        constant(number, "EPSILON", Value(Double.ulpOfOne))
        constant(number, "MAX_SAFE_INTEGER", Value(9007199254740991.0))
        constant(number, "MIN_SAFE_INTEGER", Value(-9007199254740991.0))
        constant(number, "MAX_VALUE", Value(Double.greatestFiniteMagnitude))
        constant(number, "MIN_VALUE", Value(rawDouble: 5e-324))
        constant(number, "NaN", Value(rawDouble: .nan))
        constant(number, "POSITIVE_INFINITY", Value(rawDouble: .infinity))
        constant(number, "NEGATIVE_INFINITY", Value(rawDouble: -.infinity))
        method(number, "isInteger", 1) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in
            Value(args[0].isNumber && args[0].number.isFinite && args[0].number == args[0].number.rounded(.towardZero))
        }
        method(number, "isSafeInteger", 1) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in
            let d = args[0].number
            return Value(args[0].isNumber && d.isFinite && d == d.rounded(.towardZero) && abs(d) <= 9007199254740991)
        }
        method(number, "isFinite", 1) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in Value(args[0].isNumber && args[0].number.isFinite) }
        method(number, "isNaN", 1) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in Value(args[0].isNumber && args[0].number.isNaN) }
        let parseIntFunction = method(globalObject, "parseInt", 2) { iso, args throws(Thrown) in
            Value(iso.parseInt(try iso.toString(args[0]), radix: args[1]))
        }
        let parseFloatFunction = method(globalObject, "parseFloat", 1) { iso, args throws(Thrown) in
            Value(iso.parseFloat(try iso.toString(args[0])))
        }
        defineHidden(number, "parseInt", parseIntFunction)
        defineHidden(number, "parseFloat", parseFloatFunction)

        method(proto, "valueOf", 0) { iso, args throws(Thrown) in Value(try iso.thisNumber(args.this, "valueOf")) }
        method(proto, "toString", 1) { iso, args throws(Thrown) in
            let d = try iso.thisNumber(args.this, "toString")
            let radix = args[0].isUndefined ? 10 : try iso.toIntegerOrInfinity(args[0])
            guard radix >= 2 && radix <= 36 else { throw iso.throwError(.rangeError, "toString() radix must be between 2 and 36") }
            return iso.newString(radix == 10 ? formatNumber(d) : formatRadix(d, Int(radix)))
        }
        method(proto, "toLocaleString", 0) { iso, args throws(Thrown) in
            let d = try iso.thisNumber(args.this, "toLocaleString")
            return iso.newString(iso.localeFormat(d))
        }
        method(proto, "toFixed", 1) { iso, args throws(Thrown) in
            let d = try iso.thisNumber(args.this, "toFixed")
            let digits = try iso.toIntegerOrInfinity(args[0])
            guard digits >= 0 && digits <= 100 else { throw iso.throwError(.rangeError, "toFixed() digits argument must be between 0 and 100") }
            if !d.isFinite || abs(d) >= 1e21 { return iso.newString(formatNumber(d)) }
            return iso.newString(formatFixed(d, Int(digits)))
        }
        method(proto, "toExponential", 1) { iso, args throws(Thrown) in
            let d = try iso.thisNumber(args.this, "toExponential")
            let f = try iso.toIntegerOrInfinity(args[0])
            if !d.isFinite { return iso.newString(formatNumber(d)) }
            guard f >= 0 && f <= 100 else { throw iso.throwError(.rangeError, "toExponential() argument must be between 0 and 100") }
            var digits: String, exponent: Int
            if args[0].isUndefined {
                let (ds, n) = d == 0 ? ([0], 1) : shortestDigits(abs(d))
                digits = String(ds.map { Character(Unicode.Scalar($0 + 48)) })
                exponent = n - 1
            } else if d == 0 {
                (digits, exponent) = (String(repeating: "0", count: Int(f) + 1), 0)
            } else {
                (digits, exponent) = roundedDigits(abs(d), Int(f) + 1)
            }
            var text = String(digits.first!)
            if digits.count > 1 { text += "." + digits.dropFirst() }
            text += "e" + (exponent >= 0 ? "+" : "-") + String(abs(exponent))
            return iso.newString((d < 0 ? "-" : "") + text)
        }
        method(proto, "toPrecision", 1) { iso, args throws(Thrown) in
            let d = try iso.thisNumber(args.this, "toPrecision")
            if args[0].isUndefined || !d.isFinite { return iso.newString(formatNumber(d)) }
            let p = try iso.toIntegerOrInfinity(args[0])
            guard p >= 1 && p <= 100 else { throw iso.throwError(.rangeError, "toPrecision() argument must be between 1 and 100") }
            let precision = Int(p)
            if d == 0 { return iso.newString(precision == 1 ? "0" : "0." + String(repeating: "0", count: precision - 1)) }
            let (digits, e) = roundedDigits(abs(d), precision)
            let sign = d < 0 ? "-" : ""
            if e < -6 || e >= precision {
                var text = String(digits.first!)
                if precision > 1 { text += "." + digits.dropFirst() }
                return iso.newString(sign + text + "e" + (e >= 0 ? "+" : "-") + String(abs(e)))
            }
            if e >= 0 {
                let intPart = digits.prefix(e + 1)
                let frac = digits.dropFirst(e + 1)
                return iso.newString(sign + intPart + (frac.isEmpty ? "" : "." + frac))
            }
            return iso.newString(sign + "0." + String(repeating: "0", count: -e - 1) + digits)
        }

        let math = newObject()
        defineHidden(globalObject, "Math", math)
        addProperty(math.cell, PropertyKey(symbols.toStringTag), atom("Math"), Attributes.configurable)
        for (name, value) in [("PI", Double.pi), ("E", M_E), ("LN2", M_LN2), ("LN10", M_LN10), ("LOG2E", M_LOG2E),
                              ("LOG10E", M_LOG10E), ("SQRT2", 2.0.squareRoot()), ("SQRT1_2", 0.5.squareRoot())] {
            constant(math, name, Value(value))
        }
        let unary: [(String, (Double) -> Double)] = [
            ("abs", { abs($0) }), ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }),
            ("sqrt", { $0.squareRoot() }), ("cbrt", { x in
                // glibc is not correctly rounded for exact cubes; one Newton step fixes that.
                let r = libmCbrt(x)
                if !r.isFinite || r == 0 { return r }
                return r - (r * r * r - x) / (3 * r * r)
            }), ("sin", { sin($0) }), ("cos", { cos($0) }),
            ("tan", { tan($0) }), ("asin", { asin($0) }), ("acos", { acos($0) }), ("atan", { atan($0) }),
            ("sinh", { sinh($0) }), ("cosh", { cosh($0) }), ("tanh", { tanh($0) }), ("asinh", { asinh($0) }),
            ("acosh", { acosh($0) }), ("atanh", { atanh($0) }), ("exp", { exp($0) }), ("expm1", { expm1($0) }),
            ("log", { log($0) }), ("log2", { log2($0) }), ("log10", { log10($0) }), ("log1p", { log1p($0) }),
            ("trunc", { $0.rounded(.towardZero) }), ("fround", { Double(Float($0)) }),
            ("sign", { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : $0)) }),
            ("round", { x in
                if !x.isFinite || x == 0 { return x }
                if x > 0 && x < 0.5 { return 0 }
                if x < 0 && x >= -0.5 { return -0.0 }
                return (x + 0.5).rounded(.down)
            }),
            ("clz32", { Double(UInt32(truncatingIfNeeded: Int64($0.isFinite ? fmod($0.rounded(.towardZero), 4294967296) : 0)).leadingZeroBitCount) }),
        ]
        let inlined: [String: NativeIntrinsic] = ["sqrt": .sqrt, "abs": .abs, "floor": .floor, "ceil": .ceil, "trunc": .trunc]
        for (name, f) in unary {
            let native = method(math, name, 1) { iso, args throws(Thrown) in Value(f(try iso.toNumber(args[0]))) }
            if let intrinsic = inlined[name] { intrinsicNatives[native.cell.internalValue(0).int32] = intrinsic }
        }
        method(math, "atan2", 2) { iso, args throws(Thrown) in Value(atan2(try iso.toNumber(args[0]), try iso.toNumber(args[1]))) }
        method(math, "pow", 2) { iso, args throws(Thrown) in Value(iso.jsPow(try iso.toNumber(args[0]), try iso.toNumber(args[1]))) }
        let imul = method(math, "imul", 2) { iso, args throws(Thrown) in
            Value(iso.toInt32(try iso.toNumber(args[0])) &* iso.toInt32(try iso.toNumber(args[1])))
        }
        intrinsicNatives[imul.cell.internalValue(0).int32] = .imul
        method(math, "max", 2) { iso, args throws(Thrown) in
            var result = -Double.infinity
            for i in 0..<args.count {
                let d = try iso.toNumber(args[i])
                if d.isNaN { result = .nan } else if !result.isNaN && (d > result || (d == 0 && result == 0 && result.sign == .minus)) { result = d }
            }
            return Value(result)
        }
        method(math, "min", 2) { iso, args throws(Thrown) in
            var result = Double.infinity
            for i in 0..<args.count {
                let d = try iso.toNumber(args[i])
                if d.isNaN { result = .nan } else if !result.isNaN && (d < result || (d == 0 && result == 0 && d.sign == .minus)) { result = d }
            }
            return Value(result)
        }
        method(math, "hypot", 2) { iso, args throws(Thrown) in
            var sum = 0.0
            var infinite = false, nan = false
            for i in 0..<args.count {
                let d = try iso.toNumber(args[i])
                if d.isInfinite { infinite = true } else if d.isNaN { nan = true } else { sum += d * d }
            }
            return Value(infinite ? .infinity : nan ? .nan : sum.squareRoot())
        }
        method(math, "random", 0) { (iso: Isolate, _: Arguments) throws(Thrown) -> Value in Value(rawDouble: iso.nextRandom()) }
    }

    /// xorshift128+, seeded per isolate.
    func nextRandom() -> Double {
        if randomState.0 == 0 && randomState.1 == 0 {
            randomState = (monotonicNanoseconds | 1, 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt(bitPattern: ObjectIdentifier(self).hashValue)))
        }
        var s1 = randomState.0
        let s0 = randomState.1
        randomState.0 = s0
        s1 ^= s1 << 23
        s1 ^= s1 >> 17
        s1 ^= s0
        s1 ^= s0 >> 26
        randomState.1 = s1
        return Double((randomState.0 &+ randomState.1) >> 11) / Double(1 << 53)
    }

    /// en-US grouping with up to three fraction digits.
    func localeFormat(_ d: Double) -> String {
        if !d.isFinite { return formatNumber(d) }
        var text = formatFixed(abs(d), 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if parts.count > 1 { grouped += "." + parts[1] }
        return (d < 0 ? "-" : "") + grouped
    }

    func setUpBooleanAndSymbol() {
        let proto = Value(cell: newObjectCell(.booleanObject, proto: objectPrototype))
        proto.cell.setInternal(0, .false)
        booleanPrototype = proto
        makeClass("Boolean", 1, prototype: proto) { iso, args throws(Thrown) in
            let b = Value(iso.truthy(args[0]))
            if args.isConstruct {
                let cell = iso.newObjectCell(.booleanObject, proto: try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.booleanPrototype))
                cell.setInternal(0, b)
                return Value(cell: cell)
            }
            return b
        }
        func thisBool(_ iso: Isolate, _ v: Value) throws(Thrown) -> Value {
            if v.isBool { return v }
            if v.isCell(.booleanObject) { return v.cell.internalValue(0) }
            throw iso.throwError(.typeError, "Boolean.prototype.valueOf requires that 'this' be a Boolean")
        }
        method(proto, "valueOf", 0) { iso, args throws(Thrown) in try thisBool(iso, args.this) }
        method(proto, "toString", 0) { iso, args throws(Thrown) in try thisBool(iso, args.this).bool ? iso.names.true : iso.names.false }

        let symbolProto = newObject()
        symbolPrototype = symbolProto
        let symbol = makeClass("Symbol", 0, prototype: symbolProto) { iso, args throws(Thrown) in
            if args.isConstruct { throw iso.throwError(.typeError, "Symbol is not a constructor") }
            return iso.newSymbol(args[0].isUndefined ? .undefined : try iso.toString(args[0]))
        }
        symbol.cell.cellFlags &= ~ObjectFlags.classConstructor
        for (name, value) in [("iterator", symbols.iterator), ("toPrimitive", symbols.toPrimitive), ("hasInstance", symbols.hasInstance),
                              ("toStringTag", symbols.toStringTag), ("asyncIterator", symbols.asyncIterator),
                              ("species", symbols.species), ("isConcatSpreadable", symbols.isConcatSpreadable),
                              ("unscopables", symbols.unscopables), ("match", symbols.match), ("replace", symbols.replace),
                              ("search", symbols.search), ("split", symbols.split), ("matchAll", symbols.matchAll)] {
            constant(symbol, name, value)
        }
        method(symbol, "for", 1) { iso, args throws(Thrown) in
            let key = iso.swiftString(try iso.toString(args[0]))
            if let existing = iso.symbolRegistry[key] { return existing }
            let s = iso.newSymbol(iso.newString(key))
            iso.symbolRegistry[key] = s
            return s
        }
        method(symbol, "keyFor", 1) { iso, args throws(Thrown) in
            guard args[0].isSymbol else { throw iso.throwError(.typeError, "\(iso.describeForError(args[0])) is not a symbol") }
            for (key, value) in iso.symbolRegistry where value.bits == args[0].bits { return iso.newString(key) }
            return .undefined
        }
        func thisSymbol(_ iso: Isolate, _ v: Value) throws(Thrown) -> Value {
            if v.isSymbol { return v }
            if v.isCell(.symbolObject) { return v.cell.internalValue(0) }
            throw iso.throwError(.typeError, "Symbol.prototype.valueOf requires that 'this' be a Symbol")
        }
        method(symbolProto, "toString", 0) { iso, args throws(Thrown) in iso.newString(iso.symbolDescriptiveString(try thisSymbol(iso, args.this))) }
        method(symbolProto, "valueOf", 0) { iso, args throws(Thrown) in try thisSymbol(iso, args.this) }
        getter(symbolProto, "description") { iso, args throws(Thrown) in try thisSymbol(iso, args.this).cell.value(at: 8) }
        addProperty(symbolProto.cell, PropertyKey(symbols.toStringTag), atom("Symbol"), Attributes.configurable)
        method(symbolProto, symbol: symbols.toPrimitive, "[Symbol.toPrimitive]", 1) { iso, args throws(Thrown) in try thisSymbol(iso, args.this) }
    }
}

/// libm's cbrt (correctly rounded for exact cubes); Swift's overlay differs.
@_silgen_name("cbrt")
func libmCbrt(_ x: Double) -> Double

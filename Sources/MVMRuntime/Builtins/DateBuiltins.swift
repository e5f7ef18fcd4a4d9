// Date: time values (ms since the epoch, UTC) with the spec's day arithmetic,
// local time through the C library's time zone, ISO parsing and V8's formats.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The spec's date arithmetic (ECMA-262 21.4.1) on Doubles.
enum DateMath {
    static let msPerDay = 86_400_000.0
    static let monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func day(_ t: Double) -> Double { (t / msPerDay).rounded(.down) }
    static func timeWithinDay(_ t: Double) -> Double { let r = t.truncatingRemainder(dividingBy: msPerDay); return r < 0 ? r + msPerDay : r }
    static func isLeap(_ y: Double) -> Bool {
        y.truncatingRemainder(dividingBy: 4) == 0 && (y.truncatingRemainder(dividingBy: 100) != 0 || y.truncatingRemainder(dividingBy: 400) == 0)
    }
    static func dayFromYear(_ y: Double) -> Double {
        365 * (y - 1970) + ((y - 1969) / 4).rounded(.down) - ((y - 1901) / 100).rounded(.down) + ((y - 1601) / 400).rounded(.down)
    }
    static func yearFromTime(_ t: Double) -> Double {
        var y = (t / (msPerDay * 365.2425)).rounded(.down) + 1970
        while dayFromYear(y) * msPerDay > t { y -= 1 }
        while dayFromYear(y + 1) * msPerDay <= t { y += 1 }
        return y
    }

    /// (year, month 0-11, date 1-31, weekday 0-6, hours, minutes, seconds, ms) of a finite time value.
    static func fields(_ t: Double) -> [Double] {
        let year = yearFromTime(t)
        let dayInYear = Int(day(t) - dayFromYear(year))
        let leap = isLeap(year) ? 1 : 0
        var month = 11
        while month > 0 && dayInYear < monthStarts[month] + (month >= 2 ? leap : 0) { month -= 1 }
        let date = dayInYear - monthStarts[month] - (month >= 2 ? leap : 0) + 1
        let weekday = (day(t) + 4).truncatingRemainder(dividingBy: 7)
        let ms = timeWithinDay(t)
        return [year, Double(month), Double(date), weekday < 0 ? weekday + 7 : weekday,
                (ms / 3_600_000).rounded(.down), (ms / 60_000).rounded(.down).truncatingRemainder(dividingBy: 60),
                (ms / 1000).rounded(.down).truncatingRemainder(dividingBy: 60), ms.truncatingRemainder(dividingBy: 1000)]
    }

    static func makeDay(_ year: Double, _ month: Double, _ date: Double) -> Double {
        guard year.isFinite && month.isFinite && date.isFinite else { return .nan }
        let y = year.rounded(.towardZero), m = month.rounded(.towardZero), d = date.rounded(.towardZero)
        let ym = y + (m / 12).rounded(.down)
        var mn = Int(m.truncatingRemainder(dividingBy: 12))
        if mn < 0 { mn += 12 }
        guard abs(ym) < 400_000 else { return .nan }
        let start = dayFromYear(ym) + Double(monthStarts[mn] + (mn >= 2 && isLeap(ym) ? 1 : 0))
        return start + d - 1
    }

    static func makeTime(_ h: Double, _ m: Double, _ s: Double, _ ms: Double) -> Double {
        guard h.isFinite && m.isFinite && s.isFinite && ms.isFinite else { return .nan }
        return h.rounded(.towardZero) * 3_600_000 + m.rounded(.towardZero) * 60_000 + s.rounded(.towardZero) * 1000 + ms.rounded(.towardZero)
    }

    static func makeDate(_ day: Double, _ time: Double) -> Double {
        guard day.isFinite && time.isFinite else { return .nan }
        return day * msPerDay + time
    }

    static func timeClip(_ t: Double) -> Double {
        guard t.isFinite, abs(t) <= 8.64e15 else { return .nan }
        return t.rounded(.towardZero) + 0  // + 0 turns -0 into +0
    }

    /// The local time zone's offset from UTC at UTC time `t`, in ms.
    static func localOffset(_ t: Double) -> Double {
        guard t.isFinite else { return 0 }
        var seconds = time_t((t / 1000).rounded(.down))
        var tm = tm()
        guard localtime_r(&seconds, &tm) != nil else { return 0 }
        return Double(tm.tm_gmtoff) * 1000
    }

    static func localTime(_ t: Double) -> Double { t + localOffset(t) }
    static func utc(fromLocal t: Double) -> Double { t - localOffset(t - localOffset(t)) }

    /// "GMT+0100 (Central European Standard Time)" as V8 writes it; the name
    /// is the C library's abbreviation except for UTC.
    static func zoneText(_ t: Double) -> String {
        let offset = Int(localOffset(t) / 60_000)
        var seconds = time_t((t / 1000).rounded(.down))
        var tm = tm()
        var name = "Coordinated Universal Time"
        if localtime_r(&seconds, &tm) != nil, let zone = tm.tm_zone {
            let abbreviation = String(cString: zone)
            if abbreviation != "UTC" && abbreviation != "GMT" { name = abbreviation }
        }
        return "GMT\(offset < 0 ? "-" : "+")\(pad(abs(offset) / 60, 2))\(pad(abs(offset) % 60, 2)) (\(name))"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func isoString(_ t: Double) -> String {
        let f = fields(t)
        let year = Int(f[0])
        let yearText = year >= 0 && year <= 9999 ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(abs(year), 6)
        return "\(yearText)-\(pad(Int(f[1]) + 1, 2))-\(pad(Int(f[2]), 2))T\(pad(Int(f[4]), 2)):\(pad(Int(f[5]), 2)):\(pad(Int(f[6]), 2)).\(pad(Int(f[7]), 3))Z"
    }

    static func yearText(_ y: Double) -> String { y < 0 ? "-" + pad(Int(-y), 6) : pad(Int(y), 4) }

    static func dateText(_ local: [Double]) -> String {
        "\(dayNames[Int(local[3])]) \(monthNames[Int(local[1])]) \(pad(Int(local[2]), 2)) \(yearText(local[0]))"
    }

    static func timeText(_ local: [Double]) -> String {
        "\(pad(Int(local[4]), 2)):\(pad(Int(local[5]), 2)):\(pad(Int(local[6]), 2))"
    }

    /// ISO 8601 as ECMA-262's date time string format (21.4.1.32): date-only
    /// forms are UTC, date-times without an offset are local. NaN otherwise.
    static func parse(_ text: String) -> Double {
        let u = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Double? {
            guard i + n <= u.count else { return nil }
            var v = 0.0
            for k in i..<(i + n) { guard u[k] >= 48 && u[k] <= 57 else { return nil }; v = v * 10 + Double(u[k] - 48) }
            i += n
            return v
        }
        func take(_ c: UInt8) -> Bool { if i < u.count && u[i] == c { i += 1; return true }; return false }
        var year: Double
        if i < u.count && (u[i] == 43 || u[i] == 45) {
            let negative = u[i] == 45
            i += 1
            guard let y = digits(6), !(negative && y == 0) else { return .nan }
            year = negative ? -y : y
        } else {
            guard let y = digits(4) else { return .nan }
            year = y
        }
        var month = 1.0, date = 1.0, hours = 0.0, minutes = 0.0, seconds = 0.0, ms = 0.0
        if take(45) { guard let m = digits(2) else { return .nan }; month = m
            if take(45) { guard let d = digits(2) else { return .nan }; date = d }
        }
        var hasTime = false, offset: Double? = nil
        if take(84) || take(116) {
            hasTime = true
            guard let h = digits(2), take(58), let mi = digits(2) else { return .nan }
            hours = h; minutes = mi
            if take(58) {
                guard let s = digits(2) else { return .nan }
                seconds = s
                if take(46) {
                    let start = i
                    var fraction = 0.0, scale = 100.0
                    while i < u.count && u[i] >= 48 && u[i] <= 57 { fraction += Double(u[i] - 48) * scale; scale /= 10; i += 1 }
                    guard i > start else { return .nan }
                    ms = fraction.rounded(.down)
                }
            }
            if take(90) || take(122) { offset = 0 }
            else if i < u.count && (u[i] == 43 || u[i] == 45) {
                let sign: Double = u[i] == 45 ? -1 : 1
                i += 1
                guard let oh = digits(2), take(58), let om = digits(2) else { return .nan }
                offset = sign * (oh * 60 + om) * 60_000
            }
        }
        guard i == u.count, month >= 1 && month <= 12, date >= 1 && date <= 31, hours <= 24, minutes < 60, seconds < 60,
              hours < 24 || (minutes == 0 && seconds == 0 && ms == 0) else { return .nan }
        let t = makeDate(makeDay(year, month - 1, date), makeTime(hours, minutes, seconds, ms))
        if let offset { return timeClip(t - offset) }
        return timeClip(hasTime ? utc(fromLocal: t) : t)
    }
}

extension Isolate {
    func timeValue(_ v: Value) throws(Thrown) -> Double {
        guard v.isCell(.date) else { throw throwError(.typeError, "this is not a Date object.") }
        return v.cell.internalValue(0).number
    }

    func dateString(_ t: Double) -> String {
        guard !t.isNaN else { return "Invalid Date" }
        let local = DateMath.fields(DateMath.localTime(t))
        return DateMath.dateText(local) + " " + DateMath.timeText(local) + " " + DateMath.zoneText(t)
    }

    /// Year, month, date, hours, minutes, seconds, ms from the arguments, as `new Date(y, m, ...)` and Date.UTC take them.
    func dateFromComponents(_ args: Arguments) throws(Thrown) -> Double {
        var f = [Double.nan, 0, 1, 0, 0, 0, 0]
        for i in 0..<min(args.count, 7) { f[i] = try toNumber(args[i]) }
        if f[0].isFinite {
            let y = f[0].rounded(.towardZero)
            if y >= 0 && y <= 99 { f[0] = 1900 + y }
        }
        return DateMath.makeDate(DateMath.makeDay(f[0], f[1], f[2]), DateMath.makeTime(f[3], f[4], f[5], f[6]))
    }

    func setUpDate() {
        let proto = newObject()
        let date = makeClass("Date", 7, prototype: proto) { iso, args throws(Thrown) in
            guard args.isConstruct else { return iso.newString(iso.dateString(Double(iso.realtimeMilliseconds))) }
            var t: Double
            if args.count == 0 {
                t = Double(iso.realtimeMilliseconds)
            } else if args.count == 1 {
                let v = args[0]
                if v.isCell(.date) { t = v.cell.internalValue(0).number }
                else {
                    let primitive = try iso.toPrimitive(v, hint: .none)
                    t = primitive.isString ? DateMath.parse(iso.swiftString(primitive)) : try iso.toNumber(primitive)
                }
                t = DateMath.timeClip(t)
            } else {
                t = DateMath.timeClip(DateMath.utc(fromLocal: try iso.dateFromComponents(args)))
            }
            let cell = iso.newObjectCell(.date, proto: try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.datePrototype))
            cell.setInternal(0, Value(rawDouble: t))
            return Value(cell: cell)
        }
        datePrototype = proto
        method(date, "now", 0) { (iso: Isolate, _: Arguments) throws(Thrown) -> Value in Value(Double(iso.realtimeMilliseconds)) }
        method(date, "parse", 1) { iso, args throws(Thrown) in Value(DateMath.parse(iso.swiftString(try iso.toString(args[0])))) }
        method(date, "UTC", 7) { iso, args throws(Thrown) in Value(DateMath.timeClip(try iso.dateFromComponents(args))) }

        method(proto, "getTime", 0) { iso, args throws(Thrown) in Value(try iso.timeValue(args.this)) }
        method(proto, "valueOf", 0) { iso, args throws(Thrown) in Value(try iso.timeValue(args.this)) }
        method(proto, "getTimezoneOffset", 0) { iso, args throws(Thrown) in
            let t = try iso.timeValue(args.this)
            return Value(t.isNaN ? .nan : -DateMath.localOffset(t) / 60_000 + 0)  // + 0: UTC is +0, not -0
        }
        // Getters: field index into DateMath.fields, local or UTC.
        let getters = [("FullYear", 0), ("Month", 1), ("Date", 2), ("Day", 3), ("Hours", 4), ("Minutes", 5), ("Seconds", 6), ("Milliseconds", 7)]
        for (name, field) in getters {
            for utc in [false, true] {
                method(proto, "get" + (utc ? "UTC" : "") + name, 0) { iso, args throws(Thrown) in
                    let t = try iso.timeValue(args.this)
                    if t.isNaN { return Value(rawDouble: .nan) }
                    return Value(DateMath.fields(utc ? t : DateMath.localTime(t))[field])
                }
            }
        }
        // Setters replace fields from `first` on, indexes into DateMath.fields
        // (year 0, month 1, date 2; hours 4, minutes 5, ...: weekday 3 is never set).
        let setters = [("FullYear", 0, 3), ("Month", 1, 2), ("Date", 2, 1), ("Hours", 4, 4), ("Minutes", 5, 3), ("Seconds", 6, 2), ("Milliseconds", 7, 1)]
        for (name, first, count) in setters {
            for utc in [false, true] {
                method(proto, "set" + (utc ? "UTC" : "") + name, count) { iso, args throws(Thrown) in
                    var t = try iso.timeValue(args.this)
                    var values: [Double] = []
                    for i in 0..<max(1, min(args.count, count)) { values.append(try iso.toNumber(args[i])) }
                    if t.isNaN { if first != 0 { return Value(rawDouble: .nan) }; t = 0 }
                    var f = DateMath.fields(utc ? t : DateMath.localTime(t))
                    for (k, v) in values.enumerated() { f[first + k] = v }
                    let local = DateMath.makeDate(DateMath.makeDay(f[0], f[1], f[2]), DateMath.makeTime(f[4], f[5], f[6], f[7]))
                    let result = DateMath.timeClip(utc ? local : DateMath.utc(fromLocal: local))
                    args.this.cell.setInternal(0, Value(rawDouble: result))
                    return Value(result)
                }
            }
        }
        method(proto, "setTime", 1) { iso, args throws(Thrown) in
            _ = try iso.timeValue(args.this)
            let t = DateMath.timeClip(try iso.toNumber(args[0]))
            args.this.cell.setInternal(0, Value(rawDouble: t))
            return Value(t)
        }
        method(proto, "toISOString", 0) { iso, args throws(Thrown) in
            let t = try iso.timeValue(args.this)
            if t.isNaN { throw iso.throwError(.rangeError, "Invalid time value") }
            return iso.newString(DateMath.isoString(t))
        }
        method(proto, "toJSON", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let tv = try iso.toPrimitive(o, hint: .number)
            if tv.isNumber && !tv.number.isFinite { return .null }
            return try iso.call(try iso.callable(try iso.get(o, PropertyKey(iso.atom("toISOString")))), this: o, [])
        }
        method(proto, "toString", 0) { iso, args throws(Thrown) in iso.newString(iso.dateString(try iso.timeValue(args.this))) }
        method(proto, "toDateString", 0) { iso, args throws(Thrown) in
            let t = try iso.timeValue(args.this)
            return iso.newString(t.isNaN ? "Invalid Date" : DateMath.dateText(DateMath.fields(DateMath.localTime(t))))
        }
        method(proto, "toTimeString", 0) { iso, args throws(Thrown) in
            let t = try iso.timeValue(args.this)
            return iso.newString(t.isNaN ? "Invalid Date" : DateMath.timeText(DateMath.fields(DateMath.localTime(t))) + " " + DateMath.zoneText(t))
        }
        method(proto, "toUTCString", 0) { iso, args throws(Thrown) in
            let t = try iso.timeValue(args.this)
            guard !t.isNaN else { return iso.newString("Invalid Date") }
            let f = DateMath.fields(t)
            return iso.newString("\(DateMath.dayNames[Int(f[3])]), \(DateMath.pad(Int(f[2]), 2)) \(DateMath.monthNames[Int(f[1])]) \(DateMath.yearText(f[0])) \(DateMath.timeText(f)) GMT")
        }
        // en-US, as Node prints without ICU options: 11/21/2026, 10:00:00 AM.
        for (name, part) in [("toLocaleString", 0), ("toLocaleDateString", 1), ("toLocaleTimeString", 2)] {
            method(proto, name, 0) { iso, args throws(Thrown) in
                let t = try iso.timeValue(args.this)
                guard !t.isNaN else { return iso.newString("Invalid Date") }
                let f = DateMath.fields(DateMath.localTime(t))
                let dateText = "\(Int(f[1]) + 1)/\(Int(f[2]))/\(Int(f[0]))"
                let hour = Int(f[4]) % 12 == 0 ? 12 : Int(f[4]) % 12
                let timeText = "\(hour):\(DateMath.pad(Int(f[5]), 2)):\(DateMath.pad(Int(f[6]), 2)) \(f[4] < 12 ? "AM" : "PM")"
                return iso.newString(part == 1 ? dateText : part == 2 ? timeText : dateText + ", " + timeText)
            }
        }
        let toPrimitive = makeNative("[Symbol.toPrimitive]", 1) { iso, args throws(Thrown) in
            guard args.this.isObject else { throw iso.throwError(.typeError, "Date.prototype [ @@toPrimitive ] called on non-object") }
            let hint = args[0].isString ? iso.swiftString(args[0]) : ""
            guard hint == "default" || hint == "string" || hint == "number" else { throw iso.throwError(.typeError, "Invalid hint: \(hint)") }
            return try iso.ordinaryToPrimitive(args.this, hint: hint == "number" ? .number : .string)
        }
        addProperty(proto.cell, PropertyKey(symbols.toPrimitive), toPrimitive, Attributes.configurable)
    }

    var realtimeMilliseconds: Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec / 1_000_000)
    }
}

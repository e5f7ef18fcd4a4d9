// Number::toString and the Number.prototype formatting methods.
//
// Swift's `description` of a Double prints the shortest digits that read
// back to the same value, the same digits the spec's Number::toString
// requires; we take those digits and lay them out by the spec's rules.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shortest round-trip decimal digits of a finite, positive double and
/// the exponent n such that the value is 0.d1d2... x 10^n.
func shortestDigits(_ d: Double) -> (digits: [UInt8], exponent: Int) {
    let text = "\(d)"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits: [UInt8] = []
    var pointPosition = 0
    var seenPoint = false
    for ch in mantissa {
        if ch == "." { seenPoint = true; continue }
        guard let v = ch.asciiValue, v >= 48 && v <= 57 else { continue }
        digits.append(v - 48)
        if !seenPoint { pointPosition += 1 }
    }
    while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
    while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
    return (digits, pointPosition + exponent)
}

/// Number::toString(x) for radix 10.
func formatNumber(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d == 0 { return "0" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d < 0 { return "-" + formatNumber(-d) }
    if d < 1e21, d == d.rounded(), d < 9.007199254740992e15 { return String(Int64(d)) }
    let (digits, n) = shortestDigits(d)
    let k = digits.count
    let s = String(digits.map { Character(Unicode.Scalar($0 + 48)) })
    if k <= n && n <= 21 { return s + String(repeating: "0", count: n - k) }
    if 0 < n && n <= 21 {
        let i = s.index(s.startIndex, offsetBy: n)
        return String(s[..<i]) + "." + String(s[i...])
    }
    if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + s }
    let e = n - 1
    let exponent = (e >= 0 ? "+" : "-") + String(abs(e))
    if k == 1 { return s + "e" + exponent }
    return String(s.first!) + "." + String(s.dropFirst()) + "e" + exponent
}

/// Exact decimal expansion with `fractionDigits` digits (toFixed), for |d| < 1e21.
func formatFixed(_ d: Double, _ fractionDigits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    _ = withVaList([fractionDigits, d]) { vsnprintf(&buffer, 512, "%.*f", $0) }
    var s = String(cString: buffer)
    if s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
    return s
}

/// toExponential / toPrecision helpers: digits of d rounded to `count` significant digits.
func roundedDigits(_ d: Double, _ count: Int) -> (digits: String, exponent: Int) {
    var buffer = [CChar](repeating: 0, count: 512)
    _ = withVaList([max(count - 1, 0), d]) { vsnprintf(&buffer, 512, "%.*e", $0) }
    let text = String(cString: buffer)
    let parts = text.split(separator: "e")
    let digits = parts[0].filter { $0 != "." }
    return (digits, Int(parts[1]) ?? 0)
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}

/// Number.prototype.toString(radix) for radix != 10.
func formatRadix(_ value: Double, _ radix: Int) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    let negative = value < 0
    var d = abs(value)
    var integer = d.rounded(.down)
    var fraction = d - integer
    let chars = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    var intDigits: [Character] = []
    if integer == 0 { intDigits = ["0"] }
    while integer > 0 {
        let digit = Int(fmod(integer, Double(radix)))
        intDigits.append(chars[digit])
        integer = (integer / Double(radix)).rounded(.down)
    }
    var result = String(intDigits.reversed())
    if fraction > 0 {
        result += "."
        // Enough digits to distinguish the double, as V8 does (approximately).
        var count = 0
        let limit = Int((52.0 / log2(Double(radix))).rounded(.up)) + 1
        while fraction > 0 && count < limit {
            fraction *= Double(radix)
            let digit = Int(fraction)
            result.append(chars[digit])
            fraction -= Double(digit)
            count += 1
        }
        while result.hasSuffix("0") { result.removeLast() }
    }
    d = 0
    return negative ? "-" + result : result
}

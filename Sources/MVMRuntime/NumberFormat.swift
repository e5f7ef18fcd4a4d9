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

/// The exact decimal expansion of a finite double: its digits and the
/// position of the decimal point (printf prints doubles exactly when asked
/// for enough digits). The spec's toFixed/toPrecision round half up on this
/// exact value, which printf's own rounding (half-even) does not do.
func exactDecimal(_ d: Double) -> (digits: [UInt8], point: Int) {
    let size = 1500
    var buffer = [CChar](repeating: 0, count: size)
    _ = withVaList([1100, abs(d)]) { vsnprintf(&buffer, size, "%.*f", $0) }
    var digits: [UInt8] = []
    var point = 0
    for c in buffer {
        if c == 0 { break }
        if c == 46 { point = digits.count; continue }
        digits.append(UInt8(c) - 48)
    }
    return (digits, point)
}

/// Rounds `digits` to keep `keep` digits, half up; returns the new digits
/// and whether a carry added a leading digit.
func roundHalfUp(_ digits: [UInt8], keep: Int) -> (digits: [UInt8], carried: Bool) {
    if keep >= digits.count { return (digits + [UInt8](repeating: 0, count: keep - digits.count), false) }
    if keep < 0 { return ([], false) }
    var kept = Array(digits[0..<keep])
    if digits[keep] >= 5 {
        var i = keep - 1
        while i >= 0 {
            if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
        }
        if i < 0 { kept.insert(1, at: 0); return (kept, true) }
    }
    return (kept, false)
}

/// toFixed for |d| < 1e21.
func formatFixed(_ d: Double, _ fractionDigits: Int) -> String {
    let (digits, point) = exactDecimal(d)
    var (rounded, carried) = roundHalfUp(digits, keep: point + fractionDigits)
    var integerCount = point + (carried ? 1 : 0)
    if integerCount == 0 { rounded.insert(0, at: 0); integerCount = 1 }
    while integerCount > 1 && rounded.first == 0 { rounded.removeFirst(); integerCount -= 1 }
    let text = rounded.map { String($0) }.joined()
    let integer = String(text.prefix(integerCount))
    let fraction = String(text.dropFirst(integerCount))
    let body = fraction.isEmpty ? integer : integer + "." + fraction
    let isZero = rounded.allSatisfy { $0 == 0 }
    return (d < 0 && !isZero ? "-" : "") + body
}

/// The first `count` significant digits of |d| rounded half up, and the
/// decimal exponent of the first digit (toExponential, toPrecision).
func roundedDigits(_ d: Double, _ count: Int) -> (digits: String, exponent: Int) {
    var (digits, point) = exactDecimal(d)
    while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
    let (rounded, carried) = roundHalfUp(digits, keep: count)
    let exponent = point - 1 + (carried ? 1 : 0)
    return (rounded.prefix(count).map { String($0) }.joined(), exponent)
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

/// Number.prototype.toString(radix) for radix != 10, digit for digit as V8
/// prints it: fraction digits stop once they pin the double down (half the
/// gap to the next double), rounding half to even with carry.
func formatRadix(_ value: Double, _ radix: Int) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    let chars = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    let negative = value < 0
    let magnitude = abs(value)
    var integer = magnitude.rounded(.down)
    var fraction = magnitude - integer
    var delta = max(0.5 * (magnitude.nextUp - magnitude), Double.leastNonzeroMagnitude)
    var fractionDigits: [Character] = []
    if fraction >= delta {
        repeat {
            fraction *= Double(radix)
            delta *= Double(radix)
            let digit = Int(fraction)
            fractionDigits.append(chars[digit])
            fraction -= Double(digit)
            if fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1) {
                if fraction + delta > 1 {
                    // Round up, carrying through written digits (maybe into the integer).
                    while true {
                        guard let last = fractionDigits.popLast() else { integer += 1; break }
                        let d = chars.firstIndex(of: last)!
                        if d + 1 < radix { fractionDigits.append(chars[d + 1]); break }
                    }
                    break
                }
            }
        } while fraction >= delta
    }
    // Integer digits; beyond 2^53 the low digits are not represented: zeros.
    var integerDigits: [Character] = []
    while (integer / Double(radix)).exponent >= 53 {
        integer /= Double(radix)
        integerDigits.append("0")
    }
    repeat {
        let remainder = integer.truncatingRemainder(dividingBy: Double(radix))
        integerDigits.append(chars[Int(remainder)])
        integer = (integer - remainder) / Double(radix)
    } while integer > 0
    var result = String(integerDigits.reversed())
    if !fractionDigits.isEmpty { result += "." + String(fractionDigits) }
    return negative ? "-" + result : result
}

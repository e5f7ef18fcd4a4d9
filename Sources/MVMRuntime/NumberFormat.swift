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

/// The shortest round-trip decimal digits of a finite, positive double, as
/// ASCII, and the exponent k such that the value is 0.d1d2... x 10^k, given
/// to `body` without allocating (read from Swift's description in place).
func withShortestDigits<R>(_ d: Double, _ body: (UnsafeBufferPointer<UInt8>, Int) -> R) -> R {
    var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)  // at most 17 digits
    return withUnsafeMutableBytes(of: &storage) { raw in
        let ds = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var count = 0, point = 0, seenPoint = false, exponent = 0, exponentSign = 1, inExponent = false
        var text = d.description
        text.withUTF8 { utf8 in
            for c in utf8 {
                if inExponent {
                    if c == 45 { exponentSign = -1 } else if c >= 48 && c <= 57 { exponent = exponent * 10 + Int(c - 48) }
                } else if c == 46 {
                    seenPoint = true
                } else if c == 101 || c == 69 {
                    inExponent = true
                } else if c >= 48 && c <= 57 {
                    if c == 48 && count == 0 {
                        if seenPoint { point -= 1 }  // a leading zero after the point
                        continue
                    }
                    ds[count] = c
                    count += 1
                    if !seenPoint { point += 1 }
                }
            }
        }
        while count > 1 && ds[count - 1] == 48 { count -= 1 }
        return body(UnsafeBufferPointer(start: ds, count: count), point + exponentSign * exponent)
    }
}

/// The same digits as values 0-9 (for toPrecision and its kin).
func shortestDigits(_ d: Double) -> (digits: [UInt8], exponent: Int) {
    withShortestDigits(d) { ascii, exponent in (ascii.map { $0 - 48 }, exponent) }
}

/// Number::toString(x) for radix 10.
func formatNumber(_ d: Double) -> String {
    String(unsafeUninitializedCapacity: NumberText.capacity) { NumberText.write(d, into: $0.baseAddress!) }
}

/// Number::toString(x) written as ASCII into a caller's buffer: the number
/// to string conversions that run most (JSON.stringify, concatenation, String)
/// make no String on the way. Only digits Swift's shortest round-trip
/// printing gives, laid out by the spec's rules.
enum NumberText {
    /// Enough for every double: "-0.000001" plus 17 digits is the longest.
    static let capacity = 32

    /// Writes the text; returns its length.
    static func write(_ d: Double, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        @inline(__always) func put(_ c: UInt8) { out[n] = c; n += 1 }
        @inline(__always) func put(_ s: StaticString) { for i in 0..<s.utf8CodeUnitCount { put(s.utf8Start[i]) } }
        if d.isNaN { put("NaN"); return n }
        if d == 0 { put("0"); return n }
        var x = d
        if x < 0 { put(45); x = -x }
        if x.isInfinite { put("Infinity"); return n }
        if x < 9.007199254740992e15 && x == x.rounded(.towardZero) {
            var m = UInt64(x)
            let start = n
            repeat { put(48 + UInt8(m % 10)); m /= 10 } while m > 0
            reverse(out + start, n - start)
            return n
        }
        return withShortestDigits(x) { ds, k in
            let count = ds.count
            if count <= k && k <= 21 {
                for i in 0..<count { put(ds[i]) }
                for _ in count..<k { put(48) }
            } else if 0 < k && k <= 21 {
                for i in 0..<k { put(ds[i]) }
                put(46)
                for i in k..<count { put(ds[i]) }
            } else if -6 < k && k <= 0 {
                put(48); put(46)
                for _ in 0 ..< -k { put(48) }
                for i in 0..<count { put(ds[i]) }
            } else {
                put(ds[0])
                if count > 1 {
                    put(46)
                    for i in 1..<count { put(ds[i]) }
                }
                put(101)
                let e = k - 1
                put(e >= 0 ? 43 : 45)
                var m = abs(e)
                let start = n
                repeat { put(48 + UInt8(m % 10)); m /= 10 } while m > 0
                reverse(out + start, n - start)
            }
            return n
        }
    }

    private static func reverse(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) {
        var i = 0, j = count - 1
        while i < j { (p[i], p[j]) = (p[j], p[i]); i += 1; j -= 1 }
    }
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

// Numeric text to a double: the one conversion behind numeric literals,
// Number("..."), parseFloat, parseInt and JSON.parse.
//
// Most numbers in programs and in JSON have at most 15 significant digits
// and a small exponent. Such a mantissa is exact in a double, and so is
// 10^e for e <= 22, so a single multiply or divide rounds correctly
// (Clinger's fast path): no String, no strtod, no allocation. Anything
// longer goes to strtod, which rounds correctly too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum NumericText {
    private static let plus = UInt8(ascii: "+"), minus = UInt8(ascii: "-"), dot = UInt8(ascii: "."), zero = UInt8(ascii: "0")

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c &- zero < 10 }

    /// The length of the longest prefix of `text` that is a decimal number:
    /// `[+-] (digits [. [digits]] | . digits) [(e|E) [+-] digits]`; 0 when
    /// there is none. An exponent marker without digits is not part of it.
    public static func decimalPrefixLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let n = text.count
        var i = 0
        if i < n && (text[i] == plus || text[i] == minus) { i += 1 }
        var digits = 0
        while i < n && isDigit(text[i]) { i += 1; digits += 1 }
        if i < n && text[i] == dot {
            i += 1
            while i < n && isDigit(text[i]) { i += 1; digits += 1 }
        }
        if digits == 0 { return 0 }
        if i < n && text[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < n && (text[j] == plus || text[j] == minus) { j += 1 }
            let exponentStart = j
            while j < n && isDigit(text[j]) { j += 1 }
            if j > exponentStart { i = j }
        }
        return i
    }

    /// The double nearest to `text`, which must be a whole decimal number as
    /// `decimalPrefixLength` accepts it.
    public static func decimalValue(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        let n = text.count
        var i = 0
        var negative = false
        if i < n && (text[i] == plus || text[i] == minus) { negative = text[i] == minus; i += 1 }
        // Up to 19 significant digits (they fit a UInt64); the decimal
        // exponent counts the digits after the point and those dropped. A
        // mantissa that drops digits is at least 10^18, past the fast path.
        var mantissa: UInt64 = 0, significant = 0, exponent = 0
        var afterPoint = false
        while i < n {
            let c = text[i]
            if c == dot { afterPoint = true; i += 1; continue }
            guard isDigit(c) else { break }
            if mantissa == 0 && c == zero {
                if afterPoint { exponent -= 1 }
            } else if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(c &- zero)
                significant += 1
                if afterPoint { exponent -= 1 }
            } else if !afterPoint {
                exponent += 1
            }
            i += 1
        }
        if i < n {  // the exponent part; a huge one saturates (the result is 0 or infinity either way)
            i += 1
            var exponentNegative = false
            if text[i] == plus || text[i] == minus { exponentNegative = text[i] == minus; i += 1 }
            var value = 0
            while i < n { if value < 1_000_000 { value = value * 10 + Int(text[i] &- zero) }; i += 1 }
            exponent += exponentNegative ? -value : value
        }
        if mantissa == 0 { return negative ? -0.0 : 0 }
        if mantissa < 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let magnitude = exponent >= 0 ? m * exactPowersOfTen[exponent] : m / exactPowersOfTen[-exponent]
            return negative ? -magnitude : magnitude
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            for k in 0..<n { buffer[k] = CChar(bitPattern: text[k]) }
            buffer[n] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// 10^0 ... 10^22, every one exact in a double.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of hex, octal or binary digits, rounded to nearest-even as the
    /// spec asks: the first 64 significant bits are kept exactly, and any 1 bit
    /// past them becomes a sticky low bit, so converting the 64-bit mantissa
    /// rounds the same way the exact value would. Anything that is not a
    /// digit (a separator) is skipped.
    public static func radixValue(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int, radix: Int) -> Double {
        let bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1
        var mantissa: UInt64 = 0
        var droppedBits = 0
        var sticky = false
        for i in start..<end {
            guard let digit = Lexer.digitValue(text[i], radix: radix) else { continue }
            for shift in stride(from: bitsPerDigit - 1, through: 0, by: -1) {
                let bit = UInt64(digit >> UInt32(shift)) & 1
                if mantissa >> 63 == 0 {
                    mantissa = mantissa << 1 | bit
                } else {
                    droppedBits += 1
                    if bit != 0 { sticky = true }
                }
            }
        }
        if sticky { mantissa |= 1 }
        return droppedBits == 0 ? Double(mantissa) : Double(mantissa) * pow(2.0, Double(droppedBits))
    }

    /// StringToNumber's grammar over text already trimmed of white space:
    /// a decimal number, `Infinity` with an optional sign, or `0x`/`0o`/`0b`
    /// digits without one; NaN for anything else (empty text is 0).
    public static func stringNumericValue(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        let n = text.count
        if n == 0 { return 0 }
        if n > 2 && text[0] == zero {
            let marker = text[1] | 0x20
            let radix = marker == UInt8(ascii: "x") ? 16 : marker == UInt8(ascii: "o") ? 8 : marker == UInt8(ascii: "b") ? 2 : 0
            if radix != 0 {
                for k in 2..<n where Lexer.digitValue(text[k], radix: radix) == nil { return .nan }
                return radixValue(text.baseAddress!, from: 2, to: n, radix: radix)
            }
        }
        let signed = text[0] == plus || text[0] == minus
        if n - (signed ? 1 : 0) == 8 && matches(text, "Infinity", at: signed ? 1 : 0) {
            return text[0] == minus ? -.infinity : .infinity
        }
        return decimalPrefixLength(text) == n ? decimalValue(text) : .nan
    }

    /// Whether `text` has `word` (ASCII) at `offset`.
    public static func matches(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString, at offset: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= text.count else { return false }
        let letters = word.utf8Start
        for k in 0..<count where text[offset + k] != letters[k] { return false }
        return true
    }
}

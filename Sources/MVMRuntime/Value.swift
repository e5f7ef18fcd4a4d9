// JavaScript values: 64-bit NaN-boxed words (JSC's scheme).
//
//     0000 0000 0000 0000 .. 0000 000F   constants (empty, null, false, true, undefined)
//     0000 PPPP PPPP PPPP                 pointer to a heap cell (16-byte aligned, >= 0x10)
//     0002 .... .... ....                 \
//       ...                                 double, stored as its bits + 2^49
//     FFFC .... .... ....                 /
//     FFFE 0000 IIII IIII                 int32
//
// Every double is offset by 2^49 so that its top 16 bits are never 0000
// (pointers) or FFFE (int32). NaNs are canonicalized first; any NaN whose
// offset bits would reach FFFE is impossible after that.

public struct Value: Hashable, Sendable {
    public var bits: UInt64

    @inline(__always) public init(bits: UInt64) { self.bits = bits }

    static let numberTag: UInt64 = 0xFFFE_0000_0000_0000
    static let doubleOffset: UInt64 = 1 << 49
    static let otherTag: UInt64 = 0x2
    static let boolTag: UInt64 = 0x4
    static let undefinedTag: UInt64 = 0x8
    static let canonicalNaN: UInt64 = 0x7FF8_0000_0000_0000

    /// Holes in arrays, uninitialized `let` bindings (TDZ), absent results.
    public static let empty = Value(bits: 0)
    public static let null = Value(bits: 0x02)
    public static let `false` = Value(bits: 0x06)
    public static let `true` = Value(bits: 0x07)
    public static let undefined = Value(bits: 0x0A)

    @inline(__always) public init(_ int: Int32) { bits = Value.numberTag | UInt64(UInt32(bitPattern: int)) }

    /// A number; integral values in int32 range (but not -0) become int32.
    @inline(__always) public init(_ double: Double) {
        if let i = Value.exactInt32(double) { self.init(i) } else { self.init(rawDouble: double) }
    }

    /// The int32 a double is exactly, if any (-0 is not one).
    @inline(__always) static func exactInt32(_ double: Double) -> Int32? {
        guard double >= -2147483648.0 && double <= 2147483647.0 else { return nil }
        let i = Int32(double)
        return Double(i) == double && (i != 0 || double.sign == .plus) ? i : nil
    }

    /// Value(Double) of an arithmetic result, recording in the site's
    /// feedback a double result (2), and whether it was boxed as an int32
    /// (ArithmeticSite.integralDouble), in the branch that decides it.
    @inline(__always) init(doubleResult double: Double, feedback: UnsafeMutablePointer<UInt8>) {
        if let i = Value.exactInt32(double) {
            feedback.pointee |= 2 | ArithmeticSite.integralDouble
            self.init(i)
        } else {
            feedback.pointee |= 2
            self.init(rawDouble: double)
        }
    }

    /// A number kept as a double.
    @inline(__always) public init(rawDouble double: Double) {
        let raw = double.isNaN ? Value.canonicalNaN : double.bitPattern
        bits = raw &+ Value.doubleOffset
    }

    @inline(__always) public init(_ bool: Bool) { bits = bool ? 0x07 : 0x06 }

    @inline(__always) public init(cell: UnsafeMutableRawPointer) { bits = UInt64(UInt(bitPattern: cell)) }

    // MARK: Tests

    @inline(__always) public var isInt32: Bool { bits & Value.numberTag == Value.numberTag }
    @inline(__always) public var isNumber: Bool { bits & Value.numberTag != 0 }
    @inline(__always) public var isDouble: Bool { isNumber && !isInt32 }
    @inline(__always) public var isCell: Bool { bits & (Value.numberTag | Value.otherTag) == 0 && bits != 0 }
    @inline(__always) public var isUndefined: Bool { bits == 0x0A }
    @inline(__always) public var isNull: Bool { bits == 0x02 }
    @inline(__always) public var isNullish: Bool { bits & ~UInt64(Value.undefinedTag) == Value.otherTag }
    @inline(__always) public var isBool: Bool { bits & ~UInt64(1) == 0x06 }
    @inline(__always) public var isEmpty: Bool { bits == 0 }

    // MARK: Payloads

    // Debug builds check the tag on every payload read (DESIGN decision 1);
    // release builds compile the assertions away.
    @inline(__always) public var int32: Int32 {
        assert(isInt32, "int32 read of a non-int32 value \(String(bits, radix: 16))")
        return Int32(truncatingIfNeeded: bits)
    }
    @inline(__always) public var double: Double {
        assert(isDouble, "double read of a non-double value \(String(bits, radix: 16))")
        return Double(bitPattern: bits &- Value.doubleOffset)
    }
    /// The number, int32 or double.
    @inline(__always) public var number: Double {
        isInt32 ? Double(Int32(truncatingIfNeeded: bits)) : Double(bitPattern: bits &- Value.doubleOffset)
    }
    @inline(__always) public var bool: Bool { bits == 0x07 }
    @inline(__always) public var cell: UnsafeMutableRawPointer {
        assert(isCell, "cell read of a non-cell value \(String(bits, radix: 16))")
        return UnsafeMutableRawPointer(bitPattern: UInt(bits)).unsafelyUnwrapped
    }

    @inline(__always) public var kind: CellKind { cell.load(as: CellKind.self) }
    @inline(__always) public func isCell(_ kind: CellKind) -> Bool { isCell && self.kind == kind }
    @inline(__always) public var isString: Bool {
        isCell && (kind == .string || kind == .rope)
    }
    @inline(__always) public var isObject: Bool { isCell && kind.code >= CellKind.firstObject.code }
    @inline(__always) public var isSymbol: Bool { isCell(.symbol) }
    @inline(__always) public var isCallable: Bool {
        guard isCell else { return false }
        let k = kind
        return k == .function || k == .nativeFunction || k == .boundFunction
    }
}

/// What a heap cell is; the first byte of every cell. Raw values must stay
/// contiguous from 0: cells store the byte and code reads it back as the
/// enum directly, which only works when the raw value is the case index.
public enum CellKind: UInt8, Sendable {
    case free = 0
    case string, rope, symbol, context, accessor
    // Objects from here on.
    case object
    case array, function, nativeFunction, boundFunction, error, arguments
    case numberObject, stringObject, booleanObject, symbolObject
    case map, set, weakMap, weakSet, mapIterator, setIterator, arrayIterator, stringIterator
    case arrayBuffer, typedArray, dataView, regexp, date, generator

    static let firstObject = CellKind.object

    /// The kind byte (the raw value, without the switch `rawValue` compiles to).
    @inline(__always) var code: UInt8 { unsafeBitCast(self, to: UInt8.self) }
}

/// CodeFlags bits as literals. Static lets of another module's struct are
/// lazily initialized globals: every read would call an accessor.
enum CodeBits {
    static let strict: UInt32 = 1 << 0
    static let arrow: UInt32 = 1 << 1
    static let method: UInt32 = 1 << 2
    static let classConstructor: UInt32 = 1 << 3
    static let derivedConstructor: UInt32 = 1 << 4
    static let getter: UInt32 = 1 << 7
    static let setter: UInt32 = 1 << 8
    static let generator: UInt32 = 1 << 9
    static let needsArguments: UInt32 = 1 << 12
    static let restOnly: UInt32 = 1 << 13
}

// Calls through libffi: one prepared call interface (cif) per signature.
import CFFI

/// A value passed to or returned from C, as raw 64 bits plus its type.
public struct CValue: Equatable, Sendable {
    public var bits: UInt64
    public init(bits: UInt64) { self.bits = bits }
    public init(_ value: Double) { bits = value.bitPattern }
    public init(_ value: Int64) { bits = UInt64(bitPattern: value) }
    public init(_ value: Int32) { bits = UInt64(bitPattern: Int64(value)) }
    public var double: Double { Double(bitPattern: bits) }
    public var int64: Int64 { Int64(bitPattern: bits) }
    public var int32: Int32 { Int32(truncatingIfNeeded: bits) }
}

/// A C function signature prepared once for libffi; reusable for any number of calls.
public final class FFISignature {
    public let arguments: [CType]
    public let returns: CType
    private let cif: UnsafeMutablePointer<ffi_cif>
    private let argumentTypes: UnsafeMutablePointer<UnsafeMutablePointer<ffi_type>?>

    public init(arguments: [CType], returns: CType) throws {
        if arguments.contains(.void) { throw FFIError("'void' is not a valid argument type") }
        self.arguments = arguments
        self.returns = returns
        cif = .allocate(capacity: 1)
        argumentTypes = .allocate(capacity: max(arguments.count, 1))
        for (index, type) in arguments.enumerated() { argumentTypes[index] = type.ffiType }
        let status = ffi_prep_cif(cif, FFI_DEFAULT_ABI, UInt32(arguments.count), returns.ffiType, argumentTypes)
        guard status == FFI_OK else {
            cif.deallocate(); argumentTypes.deallocate()
            throw FFIError("libffi could not prepare the signature (status \(status.rawValue))")
        }
    }

    deinit { cif.deallocate(); argumentTypes.deallocate() }

    /// Calls `function` with `values` (one per argument type).
    public func call(_ function: UnsafeRawPointer, _ values: [CValue]) throws -> CValue {
        guard values.count == arguments.count else {
            throw FFIError("expected \(arguments.count) arguments, got \(values.count)")
        }
        // Each argument lives in its own 8-byte slot; libffi reads `size` bytes of
        // it. Little-endian hosts keep the low bytes first, so narrow types read right.
        var slots = zip(arguments, values).map { type, value in
            type == .f32 ? UInt64(Float(value.double).bitPattern) : value.bits
        }
        var result: UInt64 = 0
        slots.withUnsafeMutableBufferPointer { slotBuffer in
            var pointers = (0..<values.count).map { UnsafeMutableRawPointer(slotBuffer.baseAddress! + $0) as UnsafeMutableRawPointer? }
            pointers.withUnsafeMutableBufferPointer { argumentPointers in
                ffi_call(cif, unsafeBitCast(function, to: (@convention(c) () -> Void).self),
                         &result, argumentPointers.baseAddress)
            }
        }
        return CValue(bits: narrowed(result))
    }

    /// libffi widens small integer returns to a full register; keep the declared width.
    private func narrowed(_ raw: UInt64) -> UInt64 {
        switch returns {
        case .void: return 0
        case .bool, .u8: return raw & 0xFF
        case .i8: return UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: raw)))
        case .u16: return raw & 0xFFFF
        case .i16: return UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: raw)))
        case .u32: return raw & 0xFFFF_FFFF
        case .i32: return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: raw)))
        case .f32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))).bitPattern
        case .i64, .u64, .f64, .pointer: return raw
        }
    }
}

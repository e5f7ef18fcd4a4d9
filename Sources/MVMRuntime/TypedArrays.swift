// Array buffers and typed arrays: their storage and element access.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum TypedArrayKind: UInt32, CaseIterable {
    case int8, uint8, uint8Clamped, int16, uint16, int32, uint32, float32, float64

    var name: String {
        ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
         "Uint32Array", "Float32Array", "Float64Array"][Int(rawValue)]
    }
    var elementSize: Int { [1, 1, 1, 2, 2, 4, 4, 4, 8][Int(rawValue)] }
}

extension Isolate {
    // MARK: Array buffers and typed arrays

    func bufferData(_ buffer: Cell) -> UnsafeMutableRawPointer? { buffer.internalValue(0).pointer }
    func bufferLength(_ buffer: Cell) -> Int { Int(buffer.internalValue(1).number) }

    func newArrayBuffer(_ length: Int, proto: Value? = nil) throws(Thrown) -> Value {
        guard length >= 0 && length <= 1 << 31 else { throw throwError(.rangeError, "Array buffer allocation failed") }
        let cell = newObjectCell(.arrayBuffer, proto: proto ?? arrayBufferPrototype)
        let data = calloc(max(length, 1), 1)!
        cell.setInternal(0, Value(pointer: UnsafeRawPointer(data)))
        cell.setInternal(1, Value(Double(length)))
        heap.externalBytes += length
        heap.allocatedSinceCollection += length
        return Value(cell: cell)
    }

    func typedArrayKind(_ cell: Cell) -> TypedArrayKind { TypedArrayKind(rawValue: cell.aux) ?? .uint8 }
    func typedArrayLength(_ cell: Cell) -> Int { Int(cell.internalValue(2).number) }

    func typedArrayPointer(_ cell: Cell) -> UnsafeMutableRawPointer {
        let buffer = cell.internalValue(0).cell
        return bufferData(buffer)! + Int(cell.internalValue(1).number)
    }

    func typedArrayGet(_ cell: Cell, _ i: Int) -> Value? {
        guard i >= 0 && i < typedArrayLength(cell) else { return nil }
        let p = typedArrayPointer(cell)
        switch typedArrayKind(cell) {
        case .int8: return Value(Int32(p.load(fromByteOffset: i, as: Int8.self)))
        case .uint8, .uint8Clamped: return Value(Int32(p.load(fromByteOffset: i, as: UInt8.self)))
        case .int16: return Value(Int32(p.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self)))
        case .uint16: return Value(Int32(p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
        case .int32: return Value(p.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))
        case .uint32: return Value(Double(p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
        case .float32: return Value(Double(p.loadUnaligned(fromByteOffset: 4 * i, as: Float.self)))
        case .float64: return Value(p.loadUnaligned(fromByteOffset: 8 * i, as: Double.self))
        }
    }

    func typedArraySet(_ cell: Cell, _ i: Int, _ d: Double) {
        guard i >= 0 && i < typedArrayLength(cell) else { return }
        let p = typedArrayPointer(cell)
        switch typedArrayKind(cell) {
        case .int8: p.storeBytes(of: Int8(truncatingIfNeeded: toInt32(d)), toByteOffset: i, as: Int8.self)
        case .uint8: p.storeBytes(of: UInt8(truncatingIfNeeded: toInt32(d)), toByteOffset: i, as: UInt8.self)
        case .uint8Clamped:
            let c = d.isNaN ? 0 : min(255, max(0, d.rounded(.toNearestOrEven)))
            p.storeBytes(of: UInt8(c), toByteOffset: i, as: UInt8.self)
        case .int16: p.storeBytes(of: Int16(truncatingIfNeeded: toInt32(d)), toByteOffset: 2 * i, as: Int16.self)
        case .uint16: p.storeBytes(of: UInt16(truncatingIfNeeded: toInt32(d)), toByteOffset: 2 * i, as: UInt16.self)
        case .int32: p.storeBytes(of: toInt32(d), toByteOffset: 4 * i, as: Int32.self)
        case .uint32: p.storeBytes(of: toUint32(d), toByteOffset: 4 * i, as: UInt32.self)
        case .float32: p.storeBytes(of: Float(d), toByteOffset: 4 * i, as: Float.self)
        case .float64: p.storeBytes(of: d, toByteOffset: 8 * i, as: Double.self)
        }
    }

    func toNumberForTypedArray(_ cell: Cell, _ v: Value) throws(Thrown) -> Double { try toNumber(v) }
}

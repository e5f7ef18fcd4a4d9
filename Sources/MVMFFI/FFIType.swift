// The C type model of the FFI: the names a JS declaration uses ("i32", "f64",
// "ptr", ...) and the libffi type each maps to.
import CFFI

/// A C type that crosses the FFI boundary.
public enum CType: String, CaseIterable, Sendable {
    case void, bool
    case i8, u8, i16, u16, i32, u32, i64, u64
    case f32, f64
    case pointer = "ptr"

    /// The libffi descriptor (a read-only libffi global).
    var ffiType: UnsafeMutablePointer<ffi_type> {
        switch self {
        case .void: return mvm_ffi_type_void()
        case .bool, .u8: return mvm_ffi_type_uint8()
        case .i8: return mvm_ffi_type_sint8()
        case .i16: return mvm_ffi_type_sint16()
        case .u16: return mvm_ffi_type_uint16()
        case .i32: return mvm_ffi_type_sint32()
        case .u32: return mvm_ffi_type_uint32()
        case .i64: return mvm_ffi_type_sint64()
        case .u64: return mvm_ffi_type_uint64()
        case .f32: return mvm_ffi_type_float()
        case .f64: return mvm_ffi_type_double()
        case .pointer: return mvm_ffi_type_pointer()
        }
    }

    /// Bytes one value of this type occupies in an argument slot.
    var size: Int {
        switch self {
        case .void: return 0
        case .bool, .i8, .u8: return 1
        case .i16, .u16: return 2
        case .i32, .u32, .f32: return 4
        case .i64, .u64, .f64, .pointer: return 8
        }
    }
}

// libffi (Debian's libffi-dev): the portable path for calls into C.
#include <ffi.h>

// libffi's built-in type descriptors are C globals that libffi only reads.
// Accessors give Swift their addresses without touching a mutable global.
static inline ffi_type *mvm_ffi_type_void(void) { return &ffi_type_void; }
static inline ffi_type *mvm_ffi_type_uint8(void) { return &ffi_type_uint8; }
static inline ffi_type *mvm_ffi_type_sint8(void) { return &ffi_type_sint8; }
static inline ffi_type *mvm_ffi_type_uint16(void) { return &ffi_type_uint16; }
static inline ffi_type *mvm_ffi_type_sint16(void) { return &ffi_type_sint16; }
static inline ffi_type *mvm_ffi_type_uint32(void) { return &ffi_type_uint32; }
static inline ffi_type *mvm_ffi_type_sint32(void) { return &ffi_type_sint32; }
static inline ffi_type *mvm_ffi_type_uint64(void) { return &ffi_type_uint64; }
static inline ffi_type *mvm_ffi_type_sint64(void) { return &ffi_type_sint64; }
static inline ffi_type *mvm_ffi_type_float(void) { return &ffi_type_float; }
static inline ffi_type *mvm_ffi_type_double(void) { return &ffi_type_double; }
static inline ffi_type *mvm_ffi_type_pointer(void) { return &ffi_type_pointer; }

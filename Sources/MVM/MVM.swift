// MVM: the public Swift embedding API. It wires the runtime, the FFI and the
// JIT together; today it re-exports the front end, the compiler, the
// interpreter runtime and the native tier.
@_exported import MVMSyntax
@_exported import MVMBytecode
@_exported import MVMRuntime
@_exported import MVMJIT

/// The engine's version, as the CLI and the C API report it.
public enum MVMVersion {
    public static let string = "0.1.0"
}

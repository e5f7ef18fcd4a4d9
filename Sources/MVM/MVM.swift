// MVM: the public Swift embedding API. It wires the runtime, the FFI and the JIT
// together; today it re-exports the front end, which is all that exists yet.
@_exported import MVMSyntax

/// The engine's version, as the CLI and the C API report it.
public enum MVMVersion {
    public static let string = "0.1.0"
}

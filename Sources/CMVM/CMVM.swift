// CMVM: the C embedding API (include/mvm.h). Opaque handles and status codes;
// nothing unwinds across this boundary.
import MVM

/// `const char *mvm_version(void)`: the engine version, a static string.
@_cdecl("mvm_version")
public func mvm_version() -> UnsafePointer<CChar> {
    UnsafeRawPointer(mvmVersionCString.utf8Start).assumingMemoryBound(to: CChar.self)
}

private let mvmVersionCString: StaticString = "0.1.0"

// Shared libraries opened with dlopen, and their symbols.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FFIError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "FFIError: \(message)" }
}

/// A shared library, closed when the last reference goes away.
public final class SharedLibrary {
    private let handle: UnsafeMutableRawPointer
    public let path: String

    /// Opens `path` (a file name searched the usual way, or an absolute path).
    public init(path: String) throws {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw FFIError("cannot open library '\(path)': \(SharedLibrary.lastError())")
        }
        self.handle = handle
        self.path = path
    }

    deinit { dlclose(handle) }

    /// The address of `name`, or an error naming the library and the symbol.
    public func symbol(_ name: String) throws -> UnsafeRawPointer {
        _ = dlerror()
        guard let address = dlsym(handle, name) else {
            throw FFIError("symbol '\(name)' not found in '\(path)'")
        }
        return UnsafeRawPointer(address)
    }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}

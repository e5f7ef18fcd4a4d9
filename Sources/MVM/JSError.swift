// JavaScript exceptions on the Swift side.
import MVMRuntime

/// A JavaScript exception that reached the host: its name, message and
/// stack as Node would print them, and the thrown value itself. Errors
/// must be Sendable; the thrown value's handle, like its isolate, is used
/// on the isolate's thread only (name, message and stack are plain strings).
public struct JSError: Error, CustomStringConvertible, @unchecked Sendable {
    /// "TypeError", "Error", ...; "" when the thrown value is not an error object.
    public let name: String
    public let message: String
    /// The stack text (`TypeError: message\n    at f (file.js:3:14)...`).
    public let stack: String
    /// The thrown value (nil for errors made on the Swift side).
    public let thrownValue: JSObject?
    /// The thrown value as a JSValue (`throw 42` gives `.number(42)`).
    public let value: JSValue

    /// An exception taken from `isolate`.
    init(_ isolate: Isolate, exception: Value) {
        let parts = isolate.describeException(exception)
        name = parts.name
        message = parts.message
        stack = parts.stack
        value = isolate.wrap(exception)
        thrownValue = value.object
    }

    /// An error made by the host; thrown from a host function it becomes a
    /// JS error of that name (`Error` when the name is not a built-in one).
    public init(name: String = "Error", message: String) {
        self.name = name
        self.message = message
        self.stack = "\(name): \(message)"
        self.thrownValue = nil
        self.value = .undefined
    }

    public var description: String { stack }
}

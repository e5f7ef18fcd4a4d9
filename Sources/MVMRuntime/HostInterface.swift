// What the embedding API (the MVM target) needs from the runtime, in one
// place: handles that root values the host holds, exceptions in and out,
// and property access by Swift string. Everything here takes and returns
// raw `Value`s; the MVM target wraps them in handle-backed types.
import MVMBytecode

extension Isolate {
    // MARK: Handles

    /// Roots `value` until `releaseHandle` and returns the handle's index.
    public func retainHandle(_ value: Value) -> Int {
        if let index = freeHandles.popLast() {
            handles[index] = value
            return index
        }
        handles.append(value)
        return handles.count - 1
    }

    public func releaseHandle(_ index: Int) {
        handles[index] = .undefined
        freeHandles.append(index)
    }

    public func handleValue(_ index: Int) -> Value { handles[index] }

    /// Handles in use (tests check that released values are let go).
    public var liveHandleCount: Int { handles.count - freeHandles.count }

    // MARK: Exceptions

    /// The pending exception, cleared.
    public func takeException() -> Value {
        let exception = pendingException
        pendingException = .empty
        return exception
    }

    /// Makes `exception` pending, to throw from a native function.
    public func throwValue(_ exception: Value) -> Thrown {
        pendingException = exception
        return Thrown()
    }

    /// Makes a new `Error` with `message` pending.
    public func throwHostError(_ type: ErrorType = .error, _ message: String) -> Thrown {
        throwError(type, message)
    }

    /// Name, message and stack of an exception value as Node prints them;
    /// other thrown values give ("", their display, "Uncaught " + display).
    public func describeException(_ exception: Value) -> (name: String, message: String, stack: String) {
        if exception.isObject {
            let name = (try? get(exception, PropertyKey(names.name))).map { $0.isString ? swiftString($0) : "" } ?? ""
            let message = (try? get(exception, PropertyKey(names.message))).map { $0.isString ? swiftString($0) : "" } ?? ""
            if let stack = try? get(exception, PropertyKey(names.stack)), stack.isString {
                return (name, message, swiftString(stack))
            }
            return (name, message, display(exception))
        }
        let text = display(exception)
        return ("", text, "Uncaught " + text)
    }

    // MARK: Values

    public var globalObjectValue: Value { globalObject }

    /// What console.log prints for the value (strings without quotes).
    public func display(_ value: Value) -> String {
        if value.isString { return swiftString(value) }
        return (try? inspect(value)) ?? "[object]"
    }


    public func get(_ object: Value, key: String) throws(Thrown) -> Value { try get(object, propertyKey(key)) }

    public func set(_ object: Value, key: String, _ value: Value) throws(Thrown) {
        guard object.isObject else { throw throwError(.typeError, "Cannot set properties of \(display(object)) (setting '\(key)')") }
        try set(object, propertyKey(key), value, strict: true)
    }

    /// Defines an own enumerable data property (no setter runs).
    public func defineDataProperty(_ object: Value, key: String, _ value: Value) throws(Thrown) {
        _ = try createDataProperty(object.cell, propertyKey(key), value)
    }

    /// Own enumerable string-keyed property names, in property order.
    public func ownEnumerableKeys(_ object: Value) -> [String] {
        guard object.isObject else { return [] }
        return ownKeys(object.cell, onlyEnumerable: true).compactMap { $0.isSymbol ? nil : swiftString(keyValue($0)) }
    }

    /// A JS array's elements (holes read as undefined), or nil for anything else.
    public func arrayElements(_ value: Value) throws(Thrown) -> [Value]? {
        guard value.isCell(.array) else { return nil }
        let count = try lengthOf(value)
        var elements: [Value] = []
        elements.reserveCapacity(count)
        for i in 0..<count { elements.append(try get(value, PropertyKey(index: UInt32(i)))) }
        return elements
    }

    /// A function the host implements. `body` gets `this` and the arguments.
    public func makeHostFunction(name: String, length: Int, _ body: @escaping NativeFunction) -> Value {
        makeNative(name, length, body)
    }

    public func isModuleNamespace(_ value: Value) -> Bool { moduleNamespaces.contains(value.bits) }

    /// The record made for host object `key` (the embedding API's ModuleSource).
    public func module(forHost key: AnyObject) -> ModuleRecord? { modules.first { $0.host === key } }

    /// True while `evaluateModuleGraph` is asking resolvers for requests.
    public var isLoadingModules: Bool { moduleLoadDepth > 0 }
}

/// A number as JavaScript prints it (`String(n)`).
public func javaScriptNumberText(_ number: Double) -> String { formatNumber(number) }

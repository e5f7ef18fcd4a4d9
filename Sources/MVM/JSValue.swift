// JavaScript values as the host sees them. Primitives are copied into
// Swift; objects stay in their isolate behind a handle (JSObject), which
// keeps them alive across collections for as long as the host holds it.
// Arrays, dictionaries and functions built in Swift are copied into the
// isolate when they are handed to it.
import MVMRuntime

public enum JSValue {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// An object, function, array or symbol living in an isolate.
    case object(JSObject)
    /// Built by the host; becomes a new JS array when passed to an isolate.
    case array([JSValue])
    /// Built by the host; becomes a new plain object when passed to an isolate.
    case dictionary([String: JSValue])
    /// Built by the host (see `function(_:)`); becomes a JS function.
    case hostFunction(HostFunction)
}

/// A Swift closure callable from JavaScript.
public struct HostFunction {
    public var name: String
    public var length: Int
    public var body: (_ this: JSValue, _ arguments: JSArguments) throws -> JSValue

    public init(name: String = "", length: Int = 0,
                _ body: @escaping (_ this: JSValue, _ arguments: JSArguments) throws -> JSValue) {
        self.name = name
        self.length = length
        self.body = body
    }
}

/// The arguments of a call into a host function. Reading past the end
/// gives `undefined`, as in JavaScript.
public struct JSArguments: RandomAccessCollection {
    public let values: [JSValue]
    public init(_ values: [JSValue]) { self.values = values }
    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }
    public subscript(position: Int) -> JSValue { position >= 0 && position < values.count ? values[position] : .undefined }
}

extension JSValue {
    /// A JS function running `body` with the call's arguments.
    public static func function(name: String = "", length: Int = 0,
                                _ body: @escaping (_ arguments: JSArguments) throws -> JSValue) -> JSValue {
        .hostFunction(HostFunction(name: name, length: length) { _, arguments in try body(arguments) })
    }

    /// A JS function with no result (it returns `undefined`). Disfavored:
    /// a closure that only throws picks the overload returning a value.
    @_disfavoredOverload
    public static func function(name: String = "", length: Int = 0,
                                _ body: @escaping (_ arguments: JSArguments) throws -> Void) -> JSValue {
        .hostFunction(HostFunction(name: name, length: length) { _, arguments in try body(arguments); return .undefined })
    }

    /// A JS function that also receives `this`.
    public static func function(name: String = "", length: Int = 0,
                                _ body: @escaping (_ this: JSValue, _ arguments: JSArguments) throws -> JSValue) -> JSValue {
        .hostFunction(HostFunction(name: name, length: length, body))
    }

    @_disfavoredOverload
    public static func function(name: String = "", length: Int = 0,
                                _ body: @escaping (_ this: JSValue, _ arguments: JSArguments) throws -> Void) -> JSValue {
        .hostFunction(HostFunction(name: name, length: length) { this, arguments in try body(this, arguments); return .undefined })
    }

    // MARK: Reading values

    public var isUndefined: Bool { if case .undefined = self { return true }; return false }
    public var isNull: Bool { if case .null = self { return true }; return false }
    public var number: Double? { if case .number(let n) = self { return n }; return nil }
    /// The number when it is an integer that fits an Int.
    public var int: Int? {
        guard let n = number, n.rounded(.towardZero) == n, abs(n) < 9.2e18 else { return nil }
        return Int(n)
    }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var object: JSObject? { if case .object(let o) = self { return o }; return nil }

    /// The elements of a JS array or a host-built array.
    public var arrayValue: [JSValue]? {
        switch self {
        case .array(let elements): return elements
        case .object(let object): return object.arrayElements
        default: return nil
        }
    }

    /// The own enumerable properties of a JS object, or a host-built dictionary.
    public var dictionaryValue: [String: JSValue]? {
        switch self {
        case .dictionary(let entries): return entries
        case .object(let object) where !object.isFunction:
            var entries: [String: JSValue] = [:]
            for key in object.keys { entries[key] = object[key] }
            return entries
        default: return nil
        }
    }

    /// A property (undefined when there is none or the value is not an object).
    public subscript(key: String) -> JSValue {
        switch self {
        case .object(let object): return object[key]
        case .dictionary(let entries): return entries[key] ?? .undefined
        default: return .undefined
        }
    }

    /// An element of an array.
    public subscript(index: Int) -> JSValue {
        switch self {
        case .object(let object): return object[String(index)]
        case .array(let elements): return index >= 0 && index < elements.count ? elements[index] : .undefined
        default: return .undefined
        }
    }

    /// Calls a JS function; JS exceptions come back as `JSError`.
    @discardableResult
    public func call(_ arguments: JSValue..., this: JSValue = .undefined) throws -> JSValue {
        guard case .object(let function) = self else {
            throw JSError(name: "TypeError", message: "\(self) is not a function")
        }
        return try function.call(arguments, this: this)
    }

    @discardableResult
    public func callAsFunction(_ arguments: JSValue...) throws -> JSValue {
        guard case .object(let function) = self else {
            throw JSError(name: "TypeError", message: "\(self) is not a function")
        }
        return try function.call(arguments, this: .undefined)
    }
}

// MARK: Literals and conversions from Swift

extension JSValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
                   ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(_ value: Double) { self = .number(value) }
    public init(_ value: Int) { self = .number(Double(value)) }
    public init(_ value: String) { self = .string(value) }
    public init(_ value: Bool) { self = .bool(value) }
    public init(_ value: [JSValue]) { self = .array(value) }
    public init(_ value: [String: JSValue]) { self = .dictionary(value) }
}

extension JSValue: Equatable {
    /// Primitives by value (as `===`), objects by identity, host-built
    /// arrays and dictionaries by contents.
    public static func == (lhs: JSValue, rhs: JSValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.object(let a), .object(let b)): return a.isolate === b.isolate && a.value.bits == b.value.bits
        case (.array(let a), .array(let b)): return a == b
        case (.dictionary(let a), .dictionary(let b)): return a == b
        default: return false
        }
    }
}

extension JSValue: CustomStringConvertible {
    /// What `console.log` prints: strings bare, numbers as JS prints them,
    /// objects inspected.
    public var description: String {
        switch self {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return javaScriptNumberText(n)
        case .string(let s): return s
        case .object(let object): return object.isolate.display(object.value)
        case .array(let elements): return "[ " + elements.map(\.description).joined(separator: ", ") + " ]"
        case .dictionary(let entries):
            return "{ " + entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + " }"
        case .hostFunction(let function): return "[Function: \(function.name.isEmpty ? "(anonymous)" : function.name)]"
        }
    }
}

// MARK: Objects in an isolate

/// A handle on a JS object: it stays alive while the handle does.
public final class JSObject {
    public let isolate: Isolate
    private let handle: Int

    init(_ isolate: Isolate, _ value: Value) {
        self.isolate = isolate
        self.handle = isolate.retainHandle(value)
    }

    deinit { isolate.releaseHandle(handle) }

    /// The raw value (valid while this handle lives).
    public var value: Value { isolate.handleValue(handle) }

    public var isFunction: Bool { value.isCallable }
    public var isArray: Bool { value.isCell(.array) }

    /// A property; exceptions from getters read as `undefined` here (use
    /// `get` to see them), and a failed set is dropped (use `set`).
    public subscript(key: String) -> JSValue {
        get { (try? get(key)) ?? .undefined }
        set { try? set(key, newValue) }
    }

    public func get(_ key: String) throws -> JSValue {
        try isolate.hostCall { iso throws(Thrown) in iso.wrap(try iso.get(self.value, key: key)) }
    }

    public func set(_ key: String, _ newValue: JSValue) throws {
        try isolate.hostCall { iso throws(Thrown) in try iso.set(self.value, key: key, try iso.unwrap(newValue)) }
    }

    /// Own enumerable string keys, in property order.
    public var keys: [String] { isolate.ownEnumerableKeys(value) }

    var arrayElements: [JSValue]? {
        guard isArray else { return nil }
        return try? isolate.hostCall { iso throws(Thrown) in try iso.arrayElements(self.value)?.map { iso.wrap($0) } }
    }

    @discardableResult
    public func call(_ arguments: [JSValue], this: JSValue = .undefined) throws -> JSValue {
        try isolate.hostCall { iso throws(Thrown) in
            guard self.value.isCallable else { throw iso.throwHostError(.typeError, "\(iso.display(self.value)) is not a function") }
            let thisValue = try iso.unwrap(this)
            let values = try arguments.map { (argument) throws(Thrown) in try iso.unwrap(argument) }
            return iso.wrap(try iso.call(self.value, this: thisValue, values))
        }
    }
}

// MARK: Crossing the boundary

extension Isolate {
    /// The global object.
    public var globalThis: JSObject { JSObject(self, globalObjectValue) }

    /// A JS value as the host sees it (objects get a handle).
    public func wrap(_ value: Value) -> JSValue {
        if value.isUndefined || value.isEmpty { return .undefined }
        if value.isNull { return .null }
        if value.isBool { return .bool(value.bool) }
        if value.isNumber { return .number(value.number) }
        if value.isString { return .string(swiftString(value)) }
        return .object(JSObject(self, value))
    }

    /// A host value in this isolate (host-built ones are copied in).
    public func unwrap(_ value: JSValue) throws(Thrown) -> Value {
        switch value {
        case .undefined: return .undefined
        case .null: return .null
        case .bool(let b): return Value(b)
        case .number(let n): return Value(n)
        case .string(let s): return newString(s)
        case .object(let object):
            guard object.isolate === self else { throw throwHostError(.typeError, "A value from another isolate cannot be used here") }
            return object.value
        case .array(let elements):
            // Convert first: the array is made only once nothing else allocates through JS.
            let values = try elements.map { (element) throws(Thrown) in try unwrap(element) }
            return newArray(values)
        case .dictionary(let entries):
            // Defined, not set: no setter on Object.prototype runs (nor a
            // collection, which could free the values converted so far).
            let object = newObject()
            for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
                try defineDataProperty(object, key: key, try unwrap(entry))
            }
            return object
        case .hostFunction(let function):
            return makeHostFunction(name: function.name, length: function.length) { iso, args throws(Thrown) in
                let this = iso.wrap(args.this)
                let arguments = JSArguments((0..<args.count).map { iso.wrap(args[$0]) })
                do {
                    return try iso.unwrap(try function.body(this, arguments))
                } catch let error as JSError {
                    if let thrown = error.thrownValue, thrown.isolate === iso { throw iso.throwValue(thrown.value) }
                    throw iso.throwHostError(ErrorType(rawValue: error.name) ?? .error, error.message)
                } catch {
                    throw iso.throwHostError(.error, String(describing: error))
                }
            }
        }
    }

    /// Runs runtime work for the host: a JS exception becomes a `JSError`.
    func hostCall<T>(_ body: (Isolate) throws(Thrown) -> T) throws(JSError) -> T {
        do {
            let result = try body(self)
            flushOutput()
            return result
        } catch {
            flushOutput()
            throw JSError(self, exception: takeException())
        }
    }
}

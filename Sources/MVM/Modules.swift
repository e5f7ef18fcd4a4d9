// The host's module API (DESIGN.md decision 8, after Microvium's):
// `evaluateModule(ModuleSource)` returns the module's namespace; the same
// ModuleSource object is the same module instance; each source resolves its
// own imports through `importDependency`.
import MVMRuntime
import MVMSyntax

/// Source text of one module instance. Identity matters: evaluating the
/// same object again gives the same module; a new object with the same
/// text is a new instance.
public final class ModuleSource {
    public let sourceText: String
    /// The file name in stack traces and error messages.
    public let debugFilename: String
    /// Resolves this module's own imports. Return an evaluated module
    /// (`vm.evaluateModule(...)`), a host object (`Module(object:)`), or
    /// `Module.source(...)` to load another source into the same graph
    /// (it then runs in the spec's order, after its own dependencies).
    /// nil or a thrown error: the import fails with `Error: Module not found: 'spec'`.
    /// A `JSError` thrown here (an exception from evaluating that module,
    /// or the hook's own clear refusal) is passed on as it is.
    public var importDependency: ((String) throws -> Module?)?
    /// Properties of `import.meta`.
    public var importMeta: [String: JSValue]

    public init(sourceText: String, debugFilename: String = "<module>", importMeta: [String: JSValue] = [:],
                importDependency: ((String) throws -> Module?)? = nil) {
        self.sourceText = sourceText
        self.debugFilename = debugFilename
        self.importMeta = importMeta
        self.importDependency = importDependency
    }
}

/// A module as the host sees it: a source-text module's namespace, or a
/// host object standing in for one.
public final class Module {
    enum Kind {
        case record(ModuleRecord, Isolate)
        case object(JSValue)
        case source(ModuleSource)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// A host object used as a module namespace: its properties are the
    /// exports (read live), and it is its own default export unless it has
    /// a `default` property.
    public convenience init(object: JSValue) { self.init(.object(object)) }

    /// A host module with these exports.
    public convenience init(exports: [String: JSValue]) { self.init(.object(.dictionary(exports))) }

    /// A source loaded into the importing module's graph, not evaluated yet.
    public static func source(_ source: ModuleSource) -> Module { Module(.source(source)) }

    /// An export's value; `undefined` when absent or not initialized yet
    /// (`get` throws in that case).
    public subscript(name: String) -> JSValue { (try? get(name)) ?? .undefined }

    /// An export's value. A binding still in its TDZ throws a ReferenceError.
    public func get(_ name: String) throws -> JSValue {
        switch kind {
        case .record(let record, let vm):
            return try vm.hostCall { iso throws(Thrown) in try iso.moduleExport(record, name).map { iso.wrap($0) } ?? .undefined }
        case .object(let object):
            return object[name]
        case .source:
            return .undefined
        }
    }

    /// The exported names, sorted as the namespace object lists them.
    public var exportNames: [String] {
        switch kind {
        case .record(let record, let vm):
            guard let namespace = vm.namespaceObject(record) else { return [] }
            return vm.ownEnumerableKeys(namespace)
        case .object(let object):
            return object.dictionaryValue.map { $0.keys.sorted() } ?? []
        case .source:
            return []
        }
    }

    /// The namespace object (`import * as ns`), as a value to pass to JS.
    public var namespace: JSValue {
        switch kind {
        case .record(let record, let vm): return vm.namespaceObject(record).map { vm.wrap($0) } ?? .undefined
        case .object(let object): return object
        case .source: return .undefined
        }
    }
}

extension Module: ExpressibleByDictionaryLiteral {
    /// `["print": .function { ... }]` as a host module.
    public convenience init(dictionaryLiteral elements: (String, JSValue)...) {
        self.init(exports: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Isolate {
    /// Evaluates the module (and, first, what it imports) once; returns
    /// its namespace. A JS exception, a syntax error or a failed import
    /// throws `JSError`; evaluating the same source again then throws the
    /// same error again.
    public func evaluateModule(_ source: ModuleSource) throws -> Module {
        let record = try hostCall { iso throws(Thrown) in try iso.record(for: source) }
        // A failed module throws its error again; one being loaded (a cycle) is returned as it is.
        if record.status == .new || record.status == .failed {
            try hostCall { iso throws(Thrown) in try iso.evaluateModuleGraph(record) }
        }
        return Module(.record(record, self))
    }

    /// The source's record in this isolate, made (compiled, not evaluated) the first time.
    func record(for source: ModuleSource) throws(Thrown) -> ModuleRecord {
        if let existing = module(forHost: source) { return existing }
        var meta: [(String, Value)] = []
        for (key, value) in source.importMeta.sorted(by: { $0.key < $1.key }) { meta.append((key, try unwrap(value))) }
        let record = try makeModule(SourceFile(name: source.debugFilename, text: source.sourceText), meta: meta) {
            [unowned self] specifier throws(Thrown) in try self.resolveImport(specifier, of: source)
        }
        record.host = source
        return record
    }

    /// One request of `source`, through its hook.
    private func resolveImport(_ specifier: String, of source: ModuleSource) throws(Thrown) -> ModuleTarget? {
        guard let hook = source.importDependency else { return nil }
        let module: Module?
        do {
            module = try hook(specifier)
        } catch let error as JSError {
            if let thrown = error.thrownValue, thrown.isolate === self { throw throwValue(thrown.value) }
            throw throwHostError(ErrorType(rawValue: error.name) ?? .error, error.message)
        } catch {
            return nil
        }
        guard let module else { return nil }
        switch module.kind {
        case .record(let record, let owner):
            return owner === self ? .module(record) : nil
        case .object(let object):
            return .object(try unwrap(object))
        case .source(let other):
            return .module(try record(for: other))
        }
    }
}

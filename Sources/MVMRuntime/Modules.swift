// ES modules: module records, linking imports to exports, namespace
// objects, and evaluation in the spec's order (depth first, dependencies
// before the module, each module once, cycles allowed).
//
// A module's top-level bindings are the slots of one context (ModuleInfo
// says which). An imported name's slot holds an *import cell*, a 3-slot
// context [target, key, local name]: key an int32 means "slot key of the
// context target" (a live binding; .empty there is the TDZ), key a string
// means "property key of the host object target". Target .empty means not
// linked yet, which reads as the TDZ too. `getImport` reads through it.
import MVMBytecode
import MVMSyntax

/// What a module request resolved to.
public enum ModuleTarget {
    case module(ModuleRecord)
    /// A host object used as a module namespace: its properties are the exports.
    case object(Value)
}

/// Resolves one of a module's import specifiers; nil means "not found".
/// Throwing means a JS exception is pending (the host's own errors are
/// turned into "Module not found" before they get here).
public typealias ModuleResolver = (_ specifier: String) throws(Thrown) -> ModuleTarget?

public final class ModuleRecord {
    public enum Status {
        /// Compiled, its context made and its functions hoisted.
        case new
        /// A graph is resolving its requests (or has, and not linked it yet).
        case loading
        case linked, evaluating, evaluated
        /// Its graph failed to load, link or evaluate: `error` is rethrown.
        case failed
    }

    public let block: CodeBlock
    public let info: ModuleInfo
    public internal(set) var status: Status = .new
    let resolver: ModuleResolver
    var targets: [ModuleTarget?]
    var context: Value
    var closure: Value = .undefined
    var namespace: Value = .undefined
    var error: Value = .empty
    /// Imports whose export is behind a module another graph is still loading.
    var deferredImports: [Int] = []
    /// Whatever the host made this record from (the embedding API's ModuleSource).
    public var host: AnyObject?

    init(block: CodeBlock, context: Value, resolver: @escaping ModuleResolver) {
        self.block = block
        self.info = block.moduleInfo!
        self.context = context
        self.resolver = resolver
        self.targets = Array(repeating: nil, count: block.moduleInfo!.requests.count)
    }

    /// Heap values the collector keeps (see Collector.swift).
    func forEachRoot(_ body: (Value) -> Void) {
        body(context); body(closure); body(namespace); body(error)
        for case .object(let object)? in targets { body(object) }
    }

    var fileName: String { block.source.name }
}

/// Where an export leads (ECMA-262 ResolveExport).
private enum Resolution {
    case binding(context: Value, slot: Int)
    case namespace(ModuleRecord)
    /// A host module object itself (`import * as`, or a default import it does not define).
    case whole(Value)
    case property(object: Value, key: String)
    case notFound, ambiguous, pending

    func same(as other: Resolution) -> Bool {
        switch (self, other) {
        case (.binding(let a, let i), .binding(let b, let j)): return a.bits == b.bits && i == j
        case (.namespace(let a), .namespace(let b)): return a === b
        case (.whole(let a), .whole(let b)): return a.bits == b.bits
        case (.property(let a, let k), .property(let b, let l)): return a.bits == b.bits && k == l
        default: return false
        }
    }
}

extension Isolate {
    // MARK: Records

    /// Compiles `source` as a module, makes its context and hoists its
    /// functions. A syntax error is thrown as a JS SyntaxError whose stack
    /// is the located message (`file.js:3:14: SyntaxError: ...`).
    public func makeModule(_ source: SourceFile, meta: [(String, Value)] = [],
                           resolver: @escaping ModuleResolver) throws(Thrown) -> ModuleRecord {
        if frameCount == 0 { refreshStackGuard() }
        let block: CodeBlock
        do {
            block = try CodeCache.shared.compile(source, as: .module, stackGuard: stackGuard)
        } catch {
            pendingException = makeSyntaxError(error)
            throwSite = nil
            throw Thrown()
        }
        let info = block.moduleInfo!
        let context = newContextCell(slots: info.slotCount)
        for slot in info.lexicalSlots { context.setValue(.empty, at: 16 + 8 * slot) }
        for entry in info.imports {
            context.setValue(Value(cell: newImportCell(entry.localName)), at: 16 + 8 * entry.slot)
        }
        if info.importMetaSlot >= 0 {
            let object = newObject(proto: .null)
            for (key, value) in meta { addProperty(object.cell, propertyKey(key), value, Attributes.data) }
            context.setValue(object, at: 16 + 8 * info.importMetaSlot)
        }
        let record = ModuleRecord(block: block, context: Value(cell: context), resolver: resolver)
        record.closure = makeClosure(instance(for: block).data, context: record.context, home: .undefined)
        modules.append(record)
        _ = try call(record.closure, this: .undefined, [.true])  // hoist the functions
        return record
    }

    /// An unlinked import cell for binding `name` (reads as its TDZ).
    func newImportCell(_ name: String) -> Cell {
        let cell = newContextCell(slots: 3)
        cell.setValue(.empty, at: 16)
        cell.setValue(atom(name), at: 32)
        return cell
    }

    func newContextCell(slots: Int) -> Cell {
        let cell = heap.allocate(16 + 8 * slots, kind: .context)
        cell.aux = UInt32(slots)
        cell.setValue(.undefined, at: 8)
        for i in 0..<slots { cell.setValue(.undefined, at: 16 + 8 * i) }
        return cell
    }

    /// A JS SyntaxError for a compile error; its stack is the located message.
    public func makeSyntaxError(_ error: SyntaxError) -> Value {
        let value = makeError(.syntaxError, error.message)
        setStack(value, error.description)
        return value
    }

    /// Replaces an error's stack (made when first read) with `text`.
    func setStack(_ error: Value, _ text: String) {
        _ = try? defineOwnProperty(error.cell, PropertyKey(names.stack), value: newString(text), getter: nil, setter: nil,
                                   writable: true, enumerable: false, configurable: true)
    }

    /// The one native behind every namespace property's getter: a bound
    /// function whose `this` is the property's import cell.
    var moduleBindingGetter: Value {
        if let getter = moduleGetter { return getter }
        let getter = makeNative("get", 0) { iso, args throws(Thrown) in try iso.readImport(args.this.cell) }
        intrinsicRoots.append(getter)
        moduleGetter = getter
        return getter
    }

    // MARK: Loading, linking, evaluating

    /// Loads the graph under `root` (asking each new module's resolver for
    /// its requests), links every import, and evaluates the graph. A module
    /// already evaluated is not run again; one that failed throws its error
    /// again; one that an outer, unfinished call is loading is left to it.
    public func evaluateModuleGraph(_ root: ModuleRecord) throws(Thrown) {
        if root.status == .failed { pendingException = root.error; throw Thrown() }
        var graph: [ModuleRecord] = []
        do throws(Thrown) {
            moduleLoadDepth += 1
            do { try load(root, into: &graph) } catch { moduleLoadDepth -= 1; throw error }
            moduleLoadDepth -= 1
            for record in graph {
                for index in record.info.imports.indices {
                    if !(try linkImport(record, index)) { record.deferredImports.append(index) }
                }
                record.status = .linked
            }
            try linkDeferredImports()
        } catch {
            // The root fails for good; the rest may link in another graph
            // (as the spec resets them to unlinked).
            for record in graph where record !== root && (record.status == .loading || record.status == .linked) {
                record.status = .new
                record.deferredImports = []
            }
            root.status = .failed
            root.error = pendingException
            throw error
        }
        try evaluate(root)
    }

    private func load(_ record: ModuleRecord, into graph: inout [ModuleRecord]) throws(Thrown) {
        guard record.status == .new else { return }
        record.status = .loading
        graph.append(record)
        for (index, specifier) in record.info.requests.enumerated() {
            let at = record.info.requestLocations[index]
            let resolved: ModuleTarget?
            do { resolved = try record.resolver(specifier) } catch { throw locate(error, record, line: at.line, column: at.column) }
            guard let target = resolved else {
                throw moduleError(.error, "Module not found: '\(specifier)'", record, line: at.line, column: at.column)
            }
            record.targets[index] = target
            if case .module(let dependency) = target { try load(dependency, into: &graph) }
        }
    }

    private func evaluate(_ record: ModuleRecord) throws(Thrown) {
        switch record.status {
        case .linked: break
        case .failed: pendingException = record.error; throw Thrown()
        default: return  // done, running (a cycle), or an outer graph's
        }
        record.status = .evaluating
        do throws(Thrown) {
            for case .module(let dependency)? in record.targets { try evaluate(dependency) }
            _ = try call(record.closure, this: .undefined, [.false])
        } catch {
            // Its importers, up the stack, fail with the same error.
            record.status = .failed
            record.error = pendingException
            throw error
        }
        record.status = .evaluated
    }

    /// Imports left waiting on a graph that has now linked.
    private func linkDeferredImports() throws(Thrown) {
        for record in modules where !record.deferredImports.isEmpty {
            var still: [Int] = []
            for index in record.deferredImports {
                if !(try linkImport(record, index)) { still.append(index) }
            }
            record.deferredImports = still
        }
    }

    /// Points import `index` of `record` at its export. False when that
    /// depends on a module whose requests are not resolved yet.
    private func linkImport(_ record: ModuleRecord, _ index: Int) throws(Thrown) -> Bool {
        let entry = record.info.imports[index]
        guard let target = record.targets[entry.request] else { return false }
        var seen: [(ModuleRecord, String)] = []
        let resolution = resolve(target, entry.name, &seen)
        let cell = record.context.cell.value(at: 16 + 8 * entry.slot).cell
        let specifier = record.info.requests[entry.request]
        switch resolution {
        case .notFound:
            guard case .name(let name) = entry.name else { return false }
            throw moduleError(.syntaxError, "The requested module '\(specifier)' does not provide an export named '\(name)'",
                              record, line: entry.line, column: entry.column)
        case .ambiguous:
            guard case .name(let name) = entry.name else { return false }
            throw moduleError(.syntaxError, "The requested module '\(specifier)' contains conflicting star exports for name '\(name)'",
                              record, line: entry.line, column: entry.column)
        default:
            return bind(cell, to: resolution)
        }
    }

    /// Fills an import cell; false when the resolution is still pending.
    private func bind(_ cell: Cell, to resolution: Resolution) -> Bool {
        switch resolution {
        case .binding(let context, let slot):
            cell.setValue(context, at: 16)
            cell.setValue(Value(Int32(slot)), at: 24)
        case .namespace(let module):
            guard let namespace = namespaceObject(module) else { return false }
            bindConstant(cell, namespace)
        case .whole(let object):
            bindConstant(cell, object)
        case .property(let object, let key):
            cell.setValue(object, at: 16)
            cell.setValue(atom(key), at: 24)
        case .notFound, .ambiguous, .pending:
            return false
        }
        return true
    }

    /// An import cell reading a value that never changes (a namespace).
    private func bindConstant(_ cell: Cell, _ value: Value) {
        let holder = newContextCell(slots: 1)
        holder.setValue(value, at: 16)
        cell.setValue(Value(cell: holder), at: 16)
        cell.setValue(Value(Int32(0)), at: 24)
    }

    private func resolve(_ target: ModuleTarget, _ name: ModuleInfo.ImportName, _ seen: inout [(ModuleRecord, String)]) -> Resolution {
        switch (target, name) {
        case (.module(let module), .namespace): return .namespace(module)
        case (.module(let module), .name(let name)): return resolveExport(module, name, &seen)
        case (.object(let object), .namespace): return .whole(object)
        case (.object(let object), .name(let name)):
            if hasProperty(object, propertyKey(name)) { return .property(object: object, key: name) }
            // A host object without a `default` is its own default export.
            return name == "default" ? .whole(object) : .notFound
        }
    }

    /// ECMA-262 ResolveExport: where `name` exported by `module` lives.
    private func resolveExport(_ module: ModuleRecord, _ name: String, _ seen: inout [(ModuleRecord, String)]) -> Resolution {
        if seen.contains(where: { $0.0 === module && $0.1 == name }) { return .notFound }  // a circular re-export
        seen.append((module, name))
        for export in module.info.exports where export.name == name {
            switch export.target {
            case .local(let slot):
                return .binding(context: module.context, slot: slot)
            case .indirect(let request, let importName):
                guard let target = module.targets[request] else { return .pending }
                return resolve(target, importName, &seen)
            }
        }
        if name == "default" { return .notFound }  // `export *` never passes on a default
        var found: Resolution? = nil
        for request in module.info.starExports {
            guard let target = module.targets[request] else { return .pending }
            let resolution = resolve(target, .name(name), &seen)
            switch resolution {
            case .ambiguous, .pending: return resolution
            case .notFound, .whole: continue
            default:
                if let found, !found.same(as: resolution) { return .ambiguous }
                found = resolution
            }
        }
        return found ?? .notFound
    }

    /// The names `module` exports, or nil while some star export is unresolved.
    private func exportedNames(_ module: ModuleRecord, _ visited: inout [ModuleRecord]) -> [String]? {
        if visited.contains(where: { $0 === module }) { return [] }
        visited.append(module)
        var names = module.info.exports.map(\.name)
        for request in module.info.starExports {
            guard let target = module.targets[request] else { return nil }
            var more: [String]
            switch target {
            case .module(let other):
                guard let list = exportedNames(other, &visited) else { return nil }
                more = list
            case .object(let object):
                more = ownKeys(object.cell, onlyEnumerable: true).compactMap { $0.isSymbol ? nil : swiftString(keyValue($0)) }
            }
            for name in more where name != "default" && !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: Namespaces

    /// The module's namespace object (made on first use), or nil while one
    /// of its exports depends on a module not loaded yet. Its properties are
    /// accessors reading the live bindings, so a binding still in its TDZ
    /// throws a ReferenceError when read through the namespace too.
    public func namespaceObject(_ module: ModuleRecord) -> Value? {
        if !module.namespace.isUndefined { return module.namespace }
        var visited: [ModuleRecord] = []
        guard let names = exportedNames(module, &visited) else { return nil }
        var resolved: [(String, Resolution)] = []
        for name in names.sorted(by: { $0.utf16.lexicographicallyPrecedes($1.utf16) }) {
            var seen: [(ModuleRecord, String)] = []
            let resolution = resolveExport(module, name, &seen)
            switch resolution {
            case .pending: return nil
            case .notFound, .ambiguous: continue  // ambiguous star exports are left out
            default: resolved.append((name, resolution))
            }
        }
        let namespace = newObject(proto: .null)
        module.namespace = namespace
        moduleNamespaces.insert(namespace.bits)
        for (name, resolution) in resolved {
            let cell = newImportCell(name)
            _ = bind(cell, to: resolution)
            let getter = newObjectCell(.boundFunction, proto: functionPrototype)
            getter.setInternal(0, moduleBindingGetter)
            getter.setInternal(1, Value(cell: cell))
            getter.setInternal(2, newArray([]))
            addProperty(namespace.cell, propertyKey(name), Value(cell: newAccessorPair(Value(cell: getter), .undefined)),
                        Attributes.enumerable | Attributes.accessor)
        }
        addProperty(namespace.cell, PropertyKey(symbols.toStringTag), atom("Module"), 0)
        namespace.cell.cellFlags |= ObjectFlags.nonExtensible
        return namespace
    }

    /// The value of a module's export `name` as its namespace would read it;
    /// nil when the module does not export it.
    public func moduleExport(_ module: ModuleRecord, _ name: String) throws(Thrown) -> Value? {
        var seen: [(ModuleRecord, String)] = []
        let resolution = resolveExport(module, name, &seen)
        switch resolution {
        case .notFound, .ambiguous: return nil
        default:
            let cell = newImportCell(name)
            _ = bind(cell, to: resolution)
            return try readImport(cell)
        }
    }

    /// Reads an import cell: the live binding, or a host object's property.
    func readImport(_ cell: Cell) throws(Thrown) -> Value {
        let target = cell.value(at: 16)
        let key = cell.value(at: 24)
        if !target.isEmpty {
            if key.isInt32 {
                let value = target.cell.value(at: 16 + 8 * Int(key.int32))
                if !value.isEmpty { return value }
            } else {
                return try get(target, propertyKey(primitive: key))
            }
        }
        tdzError(cell.value(at: 32))
        throw Thrown()
    }

    /// An error a resolver made outside any JS frame (a host's refusal)
    /// gets the import's location; one thrown by JS code keeps its own.
    private func locate(_ thrown: Thrown, _ record: ModuleRecord, line: Int, column: Int) -> Thrown {
        let exception = pendingException
        guard exception.isCell(.error), let stack = try? get(exception, PropertyKey(names.stack)), stack.isString,
              !swiftString(stack).contains("\n    at ") else { return thrown }
        let parts = describeException(exception)
        return moduleError(ErrorType(rawValue: parts.name) ?? .error, parts.message, record, line: line, column: column)
    }

    /// A module error thrown before any of the module's code runs: its
    /// stack and the uncaught report point at the import.
    private func moduleError(_ type: ErrorType, _ message: String, _ record: ModuleRecord,
                             line: Int, column: Int) -> Thrown {
        let error = makeError(type, message)
        let location = "\(record.fileName):\(line):\(column)"
        setStack(error, "\(type.rawValue): \(message)\n    at \(location)")
        throwSite = ThrowSite(file: record.fileName, line: line, column: column,
                              lineText: record.block.source.lineText(atLine: line))
        pendingException = error
        return Thrown()
    }
}

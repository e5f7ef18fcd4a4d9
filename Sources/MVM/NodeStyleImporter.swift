// Modules from files, resolved the way Node resolves relative requires:
// `./a` tries a.js, a.mjs, a.json, then a/index.js (and .mjs, .json); a
// `.json` file is a module whose default export is the parsed value; bare
// names are host-provided core modules. Every file must lie inside
// `basedir` once symlinks are resolved: the importer never reads outside it.
import Foundation
import MVMRuntime

/// An `importDependency` hook that loads files under `basedir`. Called by
/// the host (`try importer("./main.js")`) it evaluates the module and
/// returns it; as a module's hook it hands the file to that module's graph,
/// so the graph evaluates in the spec's order. Relative specifiers resolve
/// against the importing file; the hook itself resolves against `basedir`.
public func nodeStyleImporter(_ vm: Isolate, basedir: String,
                              coreModules: [String: Module] = [:]) -> (String) throws -> Module? {
    let importer = NodeStyleImporter(vm, basedir: basedir, coreModules: coreModules)
    return { specifier in try importer.load(specifier, from: importer.root) }
}

final class NodeStyleImporter {
    weak var vm: Isolate?
    /// `basedir` with symlinks resolved.
    let root: String
    let coreModules: [String: Module]
    /// One module instance per real path.
    var loaded: [String: Module] = [:]

    init(_ vm: Isolate, basedir: String, coreModules: [String: Module]) {
        self.vm = vm
        let absolute = basedir.hasPrefix("/") ? basedir : FileManager.default.currentDirectoryPath + "/" + basedir
        self.root = NodeStyleImporter.realPath(absolute) ?? NodeStyleImporter.normalize(absolute)
        self.coreModules = coreModules
    }

    /// Resolves `specifier` as imported from directory `directory`.
    func load(_ specifier: String, from directory: String) throws -> Module? {
        guard let vm else { return nil }
        if let core = coreModules[specifier] ?? coreModules[specifier.replacingOccurrences(of: "node:", with: "")],
           !specifier.hasPrefix(".") && !specifier.hasPrefix("/") {
            return core
        }
        guard specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier.hasPrefix("/")
                || specifier == "." || specifier == ".." else { return nil }
        let target = NodeStyleImporter.normalize(specifier.hasPrefix("/") ? specifier : directory + "/" + specifier)
        // Refuse before looking: a path that leaves basedir is never read,
        // and neither is one that leads out through a symlink.
        guard NodeStyleImporter.isInside(target, root) else { throw refusal(specifier) }
        guard let file = candidates(target).first(where: NodeStyleImporter.isFile) else { return nil }
        guard let real = NodeStyleImporter.realPath(file), NodeStyleImporter.isInside(real, root) else { throw refusal(specifier) }
        if let module = loaded[real] { return try finish(module, vm) }
        guard let data = FileManager.default.contents(atPath: real) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let module: Module
        if real.hasSuffix(".json") {
            let parsed = try vm.globalThis["JSON"]["parse"].call(.string(text))
            module = Module(exports: ["default": parsed])
        } else {
            let directory = (real as NSString).deletingLastPathComponent
            let source = ModuleSource(sourceText: text, debugFilename: displayName(real), importMeta: [
                "url": .string(URL(fileURLWithPath: real).absoluteString), "filename": .string(real), "dirname": .string(directory),
            ])
            // Weak: the module keeps its hook, the importer keeps its modules.
            source.importDependency = { [weak self] specifier in try self?.load(specifier, from: directory) }
            module = .source(source)
        }
        loaded[real] = module
        return try finish(module, vm)
    }

    /// In a graph that is loading, a source joins it; asked by the host, it runs now.
    private func finish(_ module: Module, _ vm: Isolate) throws -> Module {
        guard case .source(let source) = module.kind, !vm.isLoadingModules else { return module }
        return try vm.evaluateModule(source)
    }

    /// Files Node would try for a path, in order.
    private func candidates(_ path: String) -> [String] {
        var list = [path]
        for ext in [".js", ".mjs", ".json"] { list.append(path + ext) }
        for ext in [".js", ".mjs", ".json"] { list.append(path + "/index" + ext) }
        return list
    }

    /// The name stack traces show: relative to the working directory when
    /// inside it (as the CLI names a script), else absolute.
    private func displayName(_ path: String) -> String {
        let cwd = NodeStyleImporter.realPath(FileManager.default.currentDirectoryPath) ?? "/"
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    private func refusal(_ specifier: String) -> JSError {
        JSError(name: "Error", message: "Cannot import '\(specifier)': it is outside the base directory '\(root)'")
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `a/./b/../c` to `a/c`, for an absolute path (no file system access).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

// A module's top level. The runtime calls its code twice with the module
// context as the closure context: first with r1 = true, which only creates
// the hoisted functions (so a module in a cycle can call them before this
// module runs), then with r1 = false, which runs the body.
import MVMSyntax

extension Generator {
    func compileModule(_ programScope: Scope) throws(SyntaxError) -> CodeBlock {
        let body = ast[ast.body]
        let block = try compileBody(scope: programScope, flags: [.module, .strict], name: [], length: 0, parameterCount: 1,
                                    loc: SourceLoc(offset: 0, line: 1, column: 1), start: 0,
                                    end: ast.source.byteCount) { () throws(SyntaxError) in
            let run = newLabel()
            emitJump(.jumpIfFalse, 1, to: run)
            try hoistFunctions(body, in: programScope)
            let result = temp()
            emit(.loadUndefined, result)
            emit(.ret, result)
            bind(run)
            try statements(body)
            emit(.loadUndefined, result)
            emit(.ret, result)
        }
        block.moduleInfo = try moduleInfo(programScope)
        return block
    }

    /// The module's requests, imports, exports and slots (slots were given
    /// out by `enterFunctionScope`).
    func moduleInfo(_ scope: Scope) throws(SyntaxError) -> ModuleInfo {
        var info = ModuleInfo()
        info.slotCount = scope.ordered.count
        for binding in scope.ordered where binding.kind.isLexical || binding.kind == .import {
            info.lexicalSlots.append(binding.slot)
        }
        info.importMetaSlot = scope.bindings[.importMetaBinding]?.slot ?? -1
        func text(_ name: Name) -> String { String(decoding: ast.names[name], as: UTF16.self) }
        func request(_ source: Name, _ node: NodeID) -> Int {
            let loc = ast.loc(node)
            return info.request(text(source), line: Int(loc.line), column: Int(loc.column))
        }
        func slot(_ name: Name, at node: NodeID) throws(SyntaxError) -> Int {
            guard let binding = scope.bindings[name] else { throw error("Export '\(text(name))' is not defined in module", at: node) }
            return binding.slot
        }
        /// A local export; exporting an imported name re-exports what it imports.
        func exportLocal(_ exported: String, _ local: Name, at node: NodeID) throws(SyntaxError) {
            if scope.bindings[local]?.kind == .import, let entry = info.imports.first(where: { $0.localName == text(local) }) {
                info.exports.append(.init(name: exported, target: .indirect(request: entry.request, name: entry.name)))
            } else {
                info.exports.append(.init(name: exported, target: .local(slot: try slot(local, at: node))))
            }
        }
        // Requests in source order (evaluation order follows it).
        for statement in ast[ast.body] {
            switch ast[statement] {
            case .importDeclaration(_, let source), .exportAll(_, let source): _ = request(source, statement)
            case .exportNamed(_, let source) where !source.isNone: _ = request(source, statement)
            default: break
            }
        }
        // Imports before exports: an export may name an import declared below it.
        for statement in ast[ast.body] {
            guard case .importDeclaration(let specifiers, let source) = ast[statement] else { continue }
            let index = request(source, statement)
            for specifier in ast[specifiers] {
                let loc = ast.loc(specifier)
                let (name, local): (ModuleInfo.ImportName, Name)
                switch ast[specifier] {
                case .importSpecifier(let imported, let l): (name, local) = (.name(text(imported)), l)
                case .importDefault(let l): (name, local) = (.name("default"), l)
                case .importNamespace(let l): (name, local) = (.namespace, l)
                default: continue
                }
                info.imports.append(.init(request: index, name: name, localName: text(local), slot: try slot(local, at: specifier),
                                          line: Int(loc.line), column: Int(loc.column)))
            }
        }
        for statement in ast[ast.body] {
            switch ast[statement] {
            case .exportNamed(let specifiers, let source):
                for specifier in ast[specifiers] {
                    guard case .exportSpecifier(let local, let exported) = ast[specifier] else { continue }
                    if source.isNone {
                        try exportLocal(text(exported), local, at: specifier)
                    } else {
                        info.exports.append(.init(name: text(exported),
                                                  target: .indirect(request: request(source, statement), name: .name(text(local)))))
                    }
                }
            case .exportAll(let exported, let source):
                let index = request(source, statement)
                if exported.isNone {
                    info.starExports.append(index)
                } else {
                    info.exports.append(.init(name: text(exported), target: .indirect(request: index, name: .namespace)))
                }
            case .exportDefault(let declaration):
                var local = Name.starDefault
                if case .functionDeclaration(let id) = ast[declaration], !ast[id].name.isNone { local = ast[id].name }
                if case .classDeclaration(let id) = ast[declaration], !ast[id].name.isNone { local = ast[id].name }
                info.exports.append(.init(name: "default", target: .local(slot: try slot(local, at: statement))))
            case .exportDeclaration(let declaration):
                var names: [(Name, NodeID)] = []
                switch ast[declaration] {
                case .variableDeclaration(_, let declarators):
                    for declarator in ast[declarators] {
                        if case .variableDeclarator(let target, _) = ast[declarator] { decls.boundNames(target, into: &names) }
                    }
                case .functionDeclaration(let id): names.append((ast[id].name, declaration))
                case .classDeclaration(let id): names.append((ast[id].name, declaration))
                default: break
                }
                for (name, node) in names { try exportLocal(text(name), name, at: node) }
            default: break
            }
        }
        return info
    }
}

// ES modules through the embedding API: every import and export form,
// live bindings, cycles, evaluation order, import.meta, errors.
import Testing
import MVM

/// An isolate whose `print` appends to `output`.
final class Host {
    let vm = Isolate()
    var output: [String] = []

    init() {
        vm.globalThis["print"] = .function { [unowned self] args in
            self.output.append(args.map(\.description).joined(separator: " "))
        }
    }

    /// Modules by specifier, each evaluated once, resolving each other.
    func sources(_ files: [String: String]) -> [String: ModuleSource] {
        var table: [String: ModuleSource] = [:]
        for (name, text) in files { table[name] = ModuleSource(sourceText: text, debugFilename: name) }
        for source in table.values {
            source.importDependency = { [unowned self] specifier in
                guard let target = table[specifier] else { return nil }
                return try self.vm.evaluateModule(target)
            }
        }
        return table
    }

    /// The same, but dependencies join the importer's graph (spec order).
    func graph(_ files: [String: String]) -> [String: ModuleSource] {
        var table: [String: ModuleSource] = [:]
        for (name, text) in files { table[name] = ModuleSource(sourceText: text, debugFilename: name) }
        for source in table.values {
            source.importDependency = { specifier in table[specifier].map { Module.source($0) } }
        }
        return table
    }
}

@Test func everyImportAndExportForm() throws {
    let host = Host()
    let files = host.graph([
        "lib": """
            export const a = 1;
            export let b = 2;
            export function f() { return 'f'; }
            export class C { get name() { return 'C'; } }
            const hidden = 3;
            export { hidden as renamed, hidden as "string name" };
            export default function () { return 'default fn'; }
            """,
        "more": """
            export const m1 = 'm1';
            export default class { toString() { return 'anon class'; } }
            """,
        "expr": "export default 6 * 7;",
        "reexport": """
            export * from 'lib';
            export * as moreNS from 'more';
            export { m1 as renamedM1, default as moreDefault } from 'more';
            export { default } from 'expr';
            """,
        "main": """
            import def, { a, b as bee, f, C, renamed, "string name" as sn } from 'lib';
            import * as lib from 'lib';
            import { moreNS, renamedM1, moreDefault, a as again, default as fortyTwo } from 'reexport';
            import 'expr';
            print(a, bee, f(), new C().name, renamed, sn, def(), def.name);
            print(Object.keys(lib).join(), lib[Symbol.toStringTag], Object.getPrototypeOf(lib));
            print(moreNS.m1, renamedM1, String(new moreDefault()), moreDefault.name, again === a, fortyTwo);
            print(Object.isExtensible(lib), typeof lib.default, 'a' in lib, 'zz' in lib);
            export { a as reA };
            """,
    ])
    let ns = try host.vm.evaluateModule(files["main"]!)
    #expect(host.output == [
        "1 2 f C 3 3 default fn default",
        "C,a,b,default,f,renamed,string name Module null",
        "m1 m1 anon class default true 42",
        "false function true false",
    ])
    #expect(ns["reA"] == 1)
    #expect(ns.exportNames == ["reA"])
}

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

@Test func liveBindingsAndEvaluationOrder() throws {
    let host = Host()
    let files = host.graph([
        "counter": """
            print('counter runs');
            export let count = 0;
            export function increment() { count++; }
            """,
        "a": "import 'counter'; print('a runs');",
        "b": "import 'a'; import 'counter'; print('b runs');",
        "main": """
            import 'b';
            import { count, increment } from 'counter';
            print('main runs', count);
            increment(); increment();
            print(count);
            export { count };
            """,
    ])
    let ns = try host.vm.evaluateModule(files["main"]!)
    #expect(host.output == ["counter runs", "a runs", "b runs", "main runs 0", "2"])
    #expect(ns["count"] == 2)
    // The same source object is the same instance: nothing runs again.
    let again = try host.vm.evaluateModule(files["main"]!)
    #expect(again["count"] == 2)
    #expect(host.output.count == 5)
    // A new source with the same text is a new instance.
    let copy = ModuleSource(sourceText: files["counter"]!.sourceText, debugFilename: "counter-copy")
    let fresh = try host.vm.evaluateModule(copy)
    #expect(fresh["count"] == 0)
    #expect(host.output.last == "counter runs")
}

@Test func cyclesSeeEachOthersBindingsAfterEvaluationAndTDZBefore() throws {
    for useGraph in [false, true] {
        let host = Host()
        let files = [
            "even": """
                import { odd } from 'odd';
                export function even(n) { return n === 0 ? true : odd(n - 1); }
                export const evenReady = 'even ready';
                print('even runs', odd(3));
                """,
            "odd": """
                import { even, evenReady } from 'even';
                export function odd(n) { return n === 0 ? false : even(n - 1); }
                try { print(evenReady); } catch (e) { print(e.name + ': ' + e.message); }
                print('odd runs', typeof even);
                export function later() { return evenReady; }
                """,
        ]
        let table = useGraph ? host.graph(files) : host.sources(files)
        let even = try host.vm.evaluateModule(table["even"]!)
        #expect(host.output == [
            "ReferenceError: Cannot access 'evenReady' before initialization",
            "odd runs function",
            "even runs true",
        ])
        #expect(try even.get("even").call(10) == true)
        let odd = try host.vm.evaluateModule(table["odd"]!)
        #expect(try odd.get("later").call() == "even ready")
    }
}

@Test func importMetaCarriesWhatTheHostSupplies() throws {
    let host = Host()
    let source = ModuleSource(sourceText: "print(import.meta.url, import.meta.n, Object.getPrototypeOf(import.meta)); export const m = import.meta;",
                              debugFilename: "meta.js", importMeta: ["url": "file:///meta.js", "n": 7])
    let ns = try host.vm.evaluateModule(source)
    #expect(host.output == ["file:///meta.js 7 null"])
    #expect(ns["m"]["url"] == "file:///meta.js")
}

@Test func missingModulesFailTheSameWayWithOrWithoutAHook() throws {
    struct Refused: Error {}
    let hooks: [((String) throws -> Module?)?] = [nil, { _ in nil }, { _ in throw Refused() }]
    for hook in hooks {
        let host = Host()
        let source = ModuleSource(sourceText: "print('never');\nimport { x } from 'y';", debugFilename: "main.js", importDependency: hook)
        #expect {
            try host.vm.evaluateModule(source)
        } throws: { error in
            guard let error = error as? JSError else { return false }
            return error.name == "Error" && error.message == "Module not found: 'y'" && error.stack.contains("main.js:2:")
        }
        #expect(host.output.isEmpty)
        // Evaluating it again gives the same error (the module failed for good).
        #expect(throws: JSError.self) { try host.vm.evaluateModule(source) }
    }
    // A script catches it when a host function evaluates the module for it.
    let host = Host()
    host.vm.globalThis["load"] = .function { args in
        try host.vm.evaluateModule(ModuleSource(sourceText: "import 'nowhere';")).namespace
    }
    let main = ModuleSource(sourceText: "try { load(); } catch (e) { print(e instanceof Error, e.message); }")
    _ = try host.vm.evaluateModule(main)
    #expect(host.output == ["true Module not found: 'nowhere'"])
}

@Test func linkErrorsNameTheImport() throws {
    let host = Host()
    let files = host.graph([
        "lib": "export const a = 1;",
        "x": "export const dup = 1;",
        "y": "export const dup = 2;",
        "both": "export * from 'x'; export * from 'y';",
        "missing": "print('runs');\nimport { nope } from 'lib';",
        "ambiguous": "import { dup } from 'both';",
        "starSkipsAmbiguous": "import * as ns from 'both'; print(Object.keys(ns).length);",
    ])
    #expect {
        try host.vm.evaluateModule(files["missing"]!)
    } throws: { error in
        (error as? JSError)?.description == "SyntaxError: The requested module 'lib' does not provide an export named 'nope'\n    at missing:2:10"
    }
    #expect {
        try host.vm.evaluateModule(files["ambiguous"]!)
    } throws: { error in
        (error as? JSError)?.message == "The requested module 'both' contains conflicting star exports for name 'dup'"
    }
    _ = try host.vm.evaluateModule(files["starSkipsAmbiguous"]!)
    #expect(host.output == ["0"])
}

@Test func syntaxAndRuntimeErrorsCarryLocations() throws {
    let host = Host()
    #expect {
        try host.vm.evaluateModule(ModuleSource(sourceText: "export const = 1;", debugFilename: "bad.js"))
    } throws: { error in
        guard let error = error as? JSError else { return false }
        return error.name == "SyntaxError" && error.stack.hasPrefix("bad.js:1:14: SyntaxError: ")
    }
    let thrower = ModuleSource(sourceText: "export const ok = 1;\nfunction boom() { null.x; }\nboom();", debugFilename: "boom.js")
    #expect {
        try host.vm.evaluateModule(thrower)
    } throws: { error in
        guard let error = error as? JSError else { return false }
        return error.name == "TypeError" && error.message.contains("reading 'x'") && error.stack.contains("at boom (boom.js:2:")
    }
    // Assigning to an import is a TypeError; import() a catchable error.
    let files = host.graph(["lib": "export let v = 1;", "main": """
        import { v } from 'lib';
        try { v = 2; } catch (e) { print(e.name, e.message); }
        try { import('lib'); } catch (e) { print(e.name); }
        """])
    _ = try host.vm.evaluateModule(files["main"]!)
    #expect(host.output == ["TypeError Assignment to constant variable.", "Error"])
}

/// A graph with loops (so compiled code reads imports), run under GC
/// stress and under every JIT setting: the outputs must be identical.
@Test func moduleGraphsGiveTheSameOutputUnderGCStressAndEveryTier() throws {
    let files = [
        "vec": """
            export class Vec { constructor(x, y) { this.x = x; this.y = y; } plus(o) { return new Vec(this.x + o.x, this.y + o.y); } }
            export let made = 0;
            export function vec(x, y) { made++; return new Vec(x, y); }
            """,
        "sum": """
            import { vec, Vec } from 'vec';
            export function sum(n) { let v = vec(0, 0); for (let i = 0; i < n; i++) v = v.plus(vec(i, i * 0.5)); return v; }
            export * from 'vec';
            """,
        "main": """
            import * as lib from 'sum';
            import { made } from 'vec';
            const v = lib.sum(3000);
            print(v.x, v.y, made, lib.made, v instanceof lib.Vec, Object.keys(lib).join());
            """,
    ]
    var outputs: [[String]] = []
    let tier = try JITTier()
    for setting in 0..<4 {
        let host = Host()
        switch setting {
        case 1: host.vm.gcStress = true
        case 2: host.vm.nativeTier = tier; host.vm.jitMode = .eager
        case 3: host.vm.nativeTier = tier; host.vm.jitMode = .eager; host.vm.deoptStress = true
        default: break
        }
        _ = try host.vm.evaluateModule(host.graph(files)["main"]!)
        outputs.append(host.output)
    }
    #expect(outputs[0] == ["4498500 2249250 3001 3001 true Vec,made,sum,vec"])
    #expect(outputs.allSatisfy { $0 == outputs[0] })
}

@Test func theReadmeCycleExample() throws {
    let vm = try Isolate()
    var sources: [String: ModuleSource] = [
        "even": ModuleSource(sourceText: "import { odd } from 'odd'; export function even(n) { return n === 0 || odd(n - 1); }"),
        "odd": ModuleSource(sourceText: "import { even } from 'even'; export function odd(n) { return n !== 0 && even(n - 1); }"),
    ]
    for source in sources.values {
        source.importDependency = { name in try sources[name].map { try vm.evaluateModule($0) } }
    }
    let even = try vm.evaluateModule(sources["even"]!)
    #expect(try even["even"].call(10) == true)
    #expect(try even["even"].call(7) == false)
    sources.removeAll()
}

@Test func namespacesPrintAsNodePrintsThem() throws {
    let host = Host()
    let files = host.graph(["self": """
        import * as self from 'self';
        print(self);
        export const late = 1;
        export function f() {}
        print(self);
        """])
    _ = try host.vm.evaluateModule(files["self"]!)
    #expect(host.output == ["[Module: null prototype] { f: [Function: f], late: <uninitialized> }",
                            "[Module: null prototype] { f: [Function: f], late: 1 }"])
}

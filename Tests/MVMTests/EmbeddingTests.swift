// The Swift embedding API: host functions, conversions both ways, calls
// into JS, exceptions both ways, handles across collections.
import Testing
import MVM

@Test func helloWorldInFiveLines() throws {
    var printed: [String] = []
    let vm = try Isolate()
    vm.globalThis["print"] = .function { args in printed.append(args[0].description) }
    let ns = try vm.evaluateModule(ModuleSource(sourceText: "print('Hello, ' + 'world'); export const x = 5"))
    #expect(ns["x"] == 5)
    #expect(printed == ["Hello, world"])
    #expect(ns["x"].number == 5 && ns["x"].int == 5 && ns["missing"].isUndefined)
}

@Test func importsFromAHostObject() throws {
    let vm = Isolate()
    var log: [String] = []
    let console: Module = ["log": .function { args in log.append(args.map(\.description).joined(separator: " ")) },
                           "version": "1.2"]
    let settings = vm.globalThis  // any JS object can stand in for a module
    settings["answer"] = 42
    let source = ModuleSource(sourceText: """
        import { log, version } from 'host:console';
        import * as all from 'host:console';
        import globals, { answer } from 'globals';
        log('version', version, typeof all.log, answer, globals.answer);
        """, importDependency: { specifier in
            switch specifier {
            case "host:console": return console
            case "globals": return Module(object: .object(settings))
            default: return nil
            }
        })
    _ = try vm.evaluateModule(source)
    #expect(log == ["version 1.2 function 42 42"])
}

@Test func valuesConvertBothWays() throws {
    let vm = Isolate()
    vm.globalThis["config"] = ["name": "mvm", "sizes": [1, 2.5, "three", true, .null, .undefined], "nested": ["deep": [:]]]
    let ns = try vm.evaluateModule(ModuleSource(sourceText: """
        export const summary = [config.name, config.sizes.length, typeof config.sizes[1], config.sizes[3], config.sizes[4], config.sizes[5], Object.keys(config.nested.deep).length].join('|');
        export const list = [1, 'two', [3], { four: 4 }, null, undefined, false, -0.5];
        export const object = { a: 1, b: 'bee', c: [true] };
        export const big = 2 ** 40, nan = NaN;
        """))
    #expect(ns["summary"] == "mvm|6|number|true|||0")
    let list = try #require(ns["list"].arrayValue)
    #expect(list.count == 8)
    #expect(list[0] == 1 && list[1] == "two" && list[4] == .null && list[5] == .undefined && list[6] == false && list[7] == -0.5)
    #expect(list[2].arrayValue == [3])
    #expect(list[3]["four"] == 4)
    let object = try #require(ns["object"].dictionaryValue)
    #expect(object["a"] == 1 && object["b"] == "bee" && object["c"]?.arrayValue == [true])
    #expect(ns["object"].object?.keys == ["a", "b", "c"])
    #expect(ns["big"].number == 1_099_511_627_776 && ns["big"].description == "1099511627776")
    #expect(ns["nan"].number?.isNaN == true)
    #expect(ns["list"].description == "[ 1, 'two', [ 3 ], { four: 4 }, null, undefined, false, -0.5 ]")
}

@Test func hostFunctionsReceiveThisAndArgumentsAndJSFunctionsAreCallable() throws {
    let vm = Isolate()
    vm.globalThis["describe"] = .function(name: "describe", length: 1) { this, args in
        .string("\(this["label"]) got \(args.count): \(args.map(\.description).joined(separator: ","))")
    }
    let ns = try vm.evaluateModule(ModuleSource(sourceText: """
        const thing = { label: 'thing', describe };
        export const text = thing.describe(1, 'a', [2]);
        export const meta = [describe.name, describe.length].join();
        export function add(a, b) { return a + b; }
        export const counter = { n: 0, bump(by) { this.n += by; return this.n; } };
        export const missing = () => args;
        """))
    #expect(ns["text"] == "thing got 3: 1,a,[ 2 ]")
    #expect(ns["meta"] == "describe,1")
    #expect(try ns["add"].call(2, 3) == 5)
    #expect(try ns["add"]("x", 1) == "x1")
    let counter = ns["counter"]
    #expect(try counter["bump"].call(5, this: counter) == 5)
    #expect(try counter["bump"].call(2, this: counter) == 7)
    #expect(counter["n"] == 7)
    #expect(throws: JSError.self) { try ns["text"].call() }
}

@Test func exceptionsCrossTheBoundaryBothWays() throws {
    struct DiskFull: Error, CustomStringConvertible { var description: String { "disk is full" } }
    let vm = Isolate()
    vm.globalThis["save"] = .function { _ in throw DiskFull() }
    vm.globalThis["check"] = .function { args in
        if args[0].isUndefined { throw JSError(name: "TypeError", message: "check needs an argument") }
        return args[0]
    }
    vm.globalThis["callBack"] = .function { args in try args[0].call() }
    let ns = try vm.evaluateModule(ModuleSource(sourceText: """
        const seen = [];
        try { save(); } catch (e) { seen.push(e.constructor.name + ': ' + e.message); }
        try { check(); } catch (e) { seen.push(e instanceof TypeError, e.message); }
        const original = new RangeError('mine');
        try { callBack(() => { throw original; }); } catch (e) { seen.push(e === original); }
        export { seen };
        export function fail(n) { if (n > 0) return fail(n - 1); throw new TypeError('deep failure'); }
        export function throwNumber() { throw 42; }
        """, debugFilename: "errors.js"))
    #expect(ns["seen"].arrayValue == ["Error: disk is full", true, "check needs an argument", true])
    #expect {
        try ns["fail"].call(2)
    } throws: { error in
        guard let error = error as? JSError else { return false }
        return error.name == "TypeError" && error.message == "deep failure"
            && error.stack.hasPrefix("TypeError: deep failure\n    at fail (errors.js:7:")
            && error.stack.components(separatedBy: "at fail").count == 4
    }
    #expect {
        try ns["throwNumber"].call()
    } throws: { error in
        guard let error = error as? JSError else { return false }
        return error.value == 42 && error.stack == "Uncaught 42"
    }
}

@Test func handlesKeepValuesAliveAcrossCollectionsUnderGCStress() throws {
    let vm = Isolate()
    vm.gcStress = true
    let ns = try vm.evaluateModule(ModuleSource(sourceText: """
        export function make(n) { const o = { items: [] }; for (let i = 0; i < n; i++) o.items.push({ i, s: 'item' + i }); return o; }
        export function churn() { let keep = 0; for (let i = 0; i < 200; i++) keep += [i, { i }].length; return keep; }
        """))
    let held = try ns["make"].call(50)
    let baseline = vm.liveHandleCount
    do {
        // Temporary values: their handles go away with them.
        for _ in 0..<20 { _ = try ns["make"].call(3)["items"] }
    }
    #expect(try ns["churn"].call() == 400)
    #expect(vm.liveHandleCount == baseline)
    vm.collectGarbage()
    // The held object survived every collection, with its contents.
    let items = try #require(held["items"].arrayValue)
    #expect(items.count == 50)
    #expect(items[49]["s"] == "item49")
    // Host-built values passed in survive the collections the call makes.
    vm.globalThis["keep"] = ["list": [1, 2, 3], "label": "kept"]
    _ = try ns["churn"].call()
    vm.collectGarbage()
    #expect(vm.globalThis["keep"]["list"].arrayValue == [1, 2, 3])
    #expect(vm.globalThis["keep"]["label"] == "kept")
}

// `mvm run` on module graphs: the node-style importer, module detection,
// and the errors a bad graph gives.
import Foundation
import Testing

@Test func mvmRunRunsAModuleGraphFromFiles() throws {
    let suite = try makeSuite([
        "main.js": """
            import { total } from './lib/sum.js';
            import data from './data.json';
            import * as cyc from './cycle-a.js';
            console.log(total(data.values), cyc.fromB());
            """,
        "lib/sum.js": "export const total = (xs) => xs.reduce((a, b) => a + b, 0);",
        "data.json": #"{ "values": [1, 2, 3] }"#,
        "cycle-a.js": "import { b } from './cycle-b.js'; export const a = 'A'; export function fromB() { return b(); }",
        "cycle-b.js": "import { a } from './cycle-a.js'; export function b() { return a + 'B'; }",
        "script.js": "var x = 1; console.log(typeof require, x);",
        "order/main.mjs": "import './one.js'; import './two.js'; console.log('main');",
        "order/one.js": "import './two.js'; console.log('one');",
        "order/two.js": "console.log('two');",
    ])
    let main = try runMVM(["run", suite.appendingPathComponent("main.js").path])
    #expect(main.status == 0 && main.stdout == "6 AB\n" && main.stderr == "")
    // Without import/export a .js file is still a classic script.
    let script = try runMVM(["run", suite.appendingPathComponent("script.js").path])
    #expect(script.stdout == "undefined 1\n")
    let order = try runMVM(["run", "--jit=eager", suite.appendingPathComponent("order/main.mjs").path])
    #expect(order.stdout == "two\none\nmain\n")
}

@Test func mvmRunReportsBadModuleGraphs() throws {
    let suite = try makeSuite([
        "app/missing.js": "import { x } from './nowhere.js';",
        "app/noexport.js": "import { nope } from './lib.js';\nconsole.log('never');",
        "app/lib.js": "console.log('lib never runs either'); export const yes = 1;",
        "app/escape.js": "import '../outside.js';",
        "outside.js": "console.log('outside');",
        "app/syntax.js": "import { a } from './lib.js';\nexport const = 2;",
    ])
    func run(_ name: String, _ extra: [String] = []) throws -> BenchRun {
        try runMVM(["run"] + extra + [suite.appendingPathComponent("app/\(name)").path])
    }
    let missing = try run("missing.js")
    #expect(missing.status == 1 && missing.stderr.contains("Error: Module not found: './nowhere.js'"))
    let noExport = try run("noexport.js")
    #expect(noExport.status == 1 && noExport.stdout == "")
    #expect(noExport.stderr.contains("SyntaxError: The requested module './lib.js' does not provide an export named 'nope'"))
    #expect(noExport.stderr.contains("noexport.js:1:10"))
    let escape = try run("escape.js")
    #expect(escape.status == 1 && escape.stdout == "")
    #expect(escape.stderr.contains("Cannot import '../outside.js': it is outside the base directory"))
    // --basedir widens what may be imported.
    let widened = try run("escape.js", ["--basedir", suite.path])
    #expect(widened.status == 0 && widened.stdout == "outside\n")
    let syntax = try run("syntax.js")
    #expect(syntax.status == 1 && syntax.stderr.contains("syntax.js:2:14: SyntaxError:"))
}

// The node-style file importer over a small directory tree: relative
// specifiers, index.js, .json modules, core modules, and confinement.
import Foundation
import Testing
import MVM

/// Writes `files` (path -> text) under a fresh temporary directory.
func makeTree(_ files: [String: String], symlinks: [String: String] = [:]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mvm-tree-\(UUID().uuidString)")
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    for (link, destination) in symlinks {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(link).path, withDestinationPath: destination)
    }
    return root
}

@Test func nodeStyleImporterLoadsATree() throws {
    let tree = try makeTree([
        "app/main.js": """
            import { greet } from './lib/greet';
            import config from './config.json';
            import * as shapes from './shapes';
            import { area } from '../app/shapes/index.js';
            import { platform } from 'os';
            import { hits, hit } from './lib/hits.js';
            import './lib/hits';
            hit();
            export const report = [greet(config.name), shapes.area(3), area === shapes.area, platform, hits].join(' | ');
            export const meta = import.meta.url.endsWith('/app/main.js') && import.meta.filename.endsWith('main.js');
            """,
        "app/lib/greet.js": "import { prefix } from '../prefix.mjs'; export const greet = (who) => prefix + who;",
        "app/prefix.mjs": "export const prefix = 'hello ';",
        "app/config.json": #"{ "name": "tree", "list": [1, 2] }"#,
        "app/shapes/index.js": "export function area(r) { return r * r; }",
        "app/lib/hits.js": "export let hits = 0; export function hit() { hits++; }",
    ])
    let vm = Isolate()
    let os: Module = ["platform": "mvm-os"]
    let importer = nodeStyleImporter(vm, basedir: tree.appendingPathComponent("app").path, coreModules: ["os": os])
    let main = try #require(try importer("./main.js"))
    #expect(main["report"] == "hello tree | 9 | true | mvm-os | 1")
    #expect(main["meta"] == true)
    // The same file through another path is the same instance.
    let hits = try #require(try importer("./lib/../lib/hits.js"))
    #expect(hits["hits"] == 1)
    #expect(try importer("./nothing-here") == nil)
    #expect(try importer("left-pad") == nil)
}

@Test func nodeStyleImporterStaysInsideBasedir() throws {
    let tree = try makeTree([
        "app/main.js": "export const ok = 1;",
        "app/up.js": "import { secret } from '../secret.js';",
        "app/linked.js": "import { secret } from './inner/link.js';",
        "app/inner/plain.js": "export const fine = 1;",
        "secret.js": "export const secret = 'leaked';",
    ], symlinks: ["app/inner/link.js": "../../secret.js"])
    let vm = Isolate()
    let importer = nodeStyleImporter(vm, basedir: tree.appendingPathComponent("app").path)
    for (file, specifier) in [("./up.js", "../secret.js"), ("./linked.js", "./inner/link.js")] {
        #expect {
            try importer(file)
        } throws: { error in
            guard let error = error as? JSError else { return false }
            return error.message.hasPrefix("Cannot import '\(specifier)': it is outside the base directory")
        }
    }
    // Asked directly, the same paths are refused too.
    #expect(throws: JSError.self) { try importer("../secret.js") }
    #expect(throws: JSError.self) { try importer(tree.appendingPathComponent("secret.js").path) }
    #expect(try importer("./inner/plain.js")?["fine"] == 1)
}

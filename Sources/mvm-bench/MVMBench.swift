// `mvm-bench`: MVM's benchmark runner. Today it runs the front-end
// micro-benchmark (parse speed); the program suite and the tier columns come
// with the runtime and JIT.
import ArgumentParser
import Foundation
import MVMRuntime
import MVMSyntax

@main
struct MVMBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mvm-bench",
        abstract: "Benchmark MVM: parse speed today; programs per tier once the interpreter exists.")

    @Option(help: "Measure parsing this file instead of the generated one.")
    var parseFile: String?

    @Option(help: "Size of the generated parse input, in megabytes.")
    var megabytes: Double = 4

    @Option(help: "Timed repetitions; the table shows their median, minimum and maximum.")
    var runs: Int = 5

    @Flag(help: "A short smoke run.")
    var quick = false

    @Option(help: "Also time creating, using and disposing this many isolates.")
    var isolates: Int = 2000

    func run() throws {
        defer { isolateBenchmark() }
        let (name, source) = try parseInput()
        let goal: Goal = name.hasSuffix(".mjs") ? .module : .script
        _ = try Parser.parse(source, as: goal)  // warm up, and fail early on bad input
        var seconds: [Double] = []
        var nodes = 0
        for _ in 0..<(quick ? 1 : max(runs, 1)) {
            let start = DispatchTime.now().uptimeNanoseconds
            let ast = try Parser.parse(source, as: goal)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            nodes = ast.nodes.count
        }
        seconds.sort()
        let megabytes = Double(source.byteCount) / 1_000_000
        func rate(_ time: Double) -> String { String(format: "%.1f", megabytes / time) }
        print("parse speed: \(name), \(String(format: "%.2f", megabytes)) MB, \(nodes) nodes, \(seconds.count) runs")
        print("  MB/s  median \(rate(seconds[seconds.count / 2]))  min \(rate(seconds.last!))  max \(rate(seconds.first!))")
        print("program suite, interp/jit columns and peers: not available yet (the benchmark issue)")
    }

    /// Isolate churn: create, run a small script, dispose.
    func isolateBenchmark() {
        let count = quick ? 100 : max(isolates, 1)
        let source = SourceFile(name: "churn.js", text: "const o = {a: [1, 2, 3]}; o.b = o.a.map(x => x * 2);")
        var micros: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            let isolate = Isolate()
            _ = isolate.runProgram(source, as: .script)
            isolate.dispose()
            micros.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
        }
        micros.sort()
        print("isolate create + run + dispose: \(count) isolates, median \(String(format: "%.0f", micros[count / 2])) us, min \(String(format: "%.0f", micros[0])) us")
    }

    /// The file to parse: the user's, or a generated one made of varied,
    /// realistic code (each block wrapped in a function so names don't clash).
    func parseInput() throws -> (String, SourceFile) {
        if let parseFile {
            guard let data = FileManager.default.contents(atPath: parseFile) else {
                throw ValidationError("cannot read '\(parseFile)'")
            }
            return (parseFile, SourceFile(name: parseFile, bytes: [UInt8](data)))
        }
        let target = Int((quick ? 0.2 : megabytes) * 1_000_000)
        var text = ""
        text.reserveCapacity(target + 4096)
        var index = 0
        while text.utf8.count < target {
            text += "(function block\(index)() {\n" + GeneratedCode.sample(index) + "\n})();\n"
            index += 1
        }
        return ("generated.js", SourceFile(name: "generated.js", text: text))
    }
}

/// Code in the style of real libraries: classes, closures, object literals,
/// destructuring, templates, regexps, loops and long expressions.
enum GeneratedCode {
    static func sample(_ i: Int) -> String {
        """
          'use strict';
          const { map, filter: keep, reduce = Array.prototype.reduce } = helpers\(i % 7);
          class Shape\(i) extends Base {
            #id = \(i);
            static count = 0;
            constructor(width, height = 1, ...rest) {
              super(width, height);
              this.width = width; this.height = height; this.extra = rest;
              Shape\(i).count++;
            }
            get area() { return this.width * this.height + (this.#id % 3 === 0 ? 0.5 : 1.25e-3); }
            scale(factor) { return new Shape\(i)(this.width * factor, this.height * factor); }
            *[Symbol.iterator]() { yield this.width; yield this.height; }
            toString() { return `Shape\(i)(${this.width}x${this.height}) #${this.#id}`; }
          }
          function compute\(i)(items, options = {}) {
            const out = [];
            for (let k = 0; k < items.length; k++) {
              const item = items[k];
              if (item == null || typeof item !== 'object') continue;
              const key = item.name?.trim() ?? "unnamed_\(i)";
              out.push({ key, value: item.value * 2 + 0x1F - (k << 2), tags: [...(item.tags || []), 'x'] });
            }
            const total = out.map(entry => entry.value).filter(v => v > 0).reduce((a, b) => a + b, 0);
            switch (options.mode) {
              case 'fast': return total | 0;
              case 'exact': return Math.round(total * 100) / 100;
              default: break;
            }
            try { JSON.parse(options.raw || '{}'); } catch (error) { console.error(error.message); }
            return /^[a-z]+\\d*$/i.test(String(total)) ? total : -total;
          }
          const table\(i) = { alpha: 1, beta: "two", gamma: [3, 4, 5], delta: { nested: true, list: [null, undefined] },
            method() { return this.alpha + 1; }, get lazy() { return compute\(i)([]); }, [`dyn${\(i)}`]: \(i) };
          async function load\(i)(url) {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`request failed: ${response.status}`);
            return (await response.json()).items.map(({ id, ...fields }) => ({ id: id ?? 0, ...fields }));
          }
          let counter = 0;
          while (counter < 10 && !done) { counter += counter % 2 ? 3 : 1; }
          module.exports = { Shape\(i), compute\(i), table\(i), load\(i) };
        """
    }
}

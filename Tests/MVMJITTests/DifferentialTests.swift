// Randomized differential testing: small generated programs, the same in
// every tier. Each mixes arithmetic over ints, doubles, strings, undefined
// and friends (so guards fail mid-loop), property access whose shapes
// change, and call sites whose targets change. A seed names each program,
// so a failure reproduces.
import MVMJIT
import MVMRuntime
import Testing

/// A small deterministic generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum ProgramGenerator {
    static let literals = ["0", "1", "-1", "7", "2.5", "-0", "0.1", "2147483647", "-2147483648", "1e21", "NaN",
                           "Infinity", "\"3\"", "\"ab\"", "\"\"", "undefined", "null", "true", "false"]
    static let binary = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "<", "<=", ">", ">=", "===", "!==", "==", "!="]

    static func expression(_ g: inout SeededGenerator, depth: Int) -> String {
        if depth == 0 || Int.random(in: 0..<3, using: &g) == 0 {
            return ["a", "b", "i", "s", literals.randomElement(using: &g)!].randomElement(using: &g)!
        }
        let op = binary.randomElement(using: &g)!
        return "(\(expression(&g, depth: depth - 1)) \(op) \(expression(&g, depth: depth - 1)))"
    }

    static func program(seed: UInt64) -> String {
        var g = SeededGenerator(state: seed)
        var lines: [String] = []
        let values = (0..<6).map { _ in literals.randomElement(using: &g)! }
        lines.append("const values = [\(values.joined(separator: ", "))];")
        // Arithmetic whose operand types change as the loop goes on.
        for f in 0..<3 {
            lines.append("function f\(f)(a, b) { let s = 0; for (let i = 0; i < 4; i++) { s = \(expression(&g, depth: 3)); } return s; }")
        }
        lines.append("""
        const out = [];
        for (let i = 0; i < 60; i++) {
          const a = i < 40 ? i : values[i % values.length], b = i < 30 ? i * 0.5 : values[(i * 7) % values.length];
          out.push(String(f0(a, b)), String(f1(b, a)), String(f2(a, i)));
        }
        console.log(out.join(" "));
        """)
        // Property access over shapes that change, and stores that add properties.
        let fields = ["x", "y", "z", "w"].shuffled(using: &g)
        lines.append("""
        function makeShape(k, v) {
          const o = {};
          for (let j = 0; j <= k % 4; j++) o[\(fields.map { "\"\($0)\"" })[j]] = v + j;
          if (k % 5 === 0) o.extra = k;
          return o;
        }
        function readField(o) { return o.\(fields[0]) + (o.\(fields[1]) === undefined ? 0 : o.\(fields[1])); }
        function writeField(o, v) { o.\(fields[2]) = v; o.\(fields[0]) = o.\(fields[0]) * 2; return o; }
        let total = 0;
        for (let k = 0; k < 80; k++) {
          const o = makeShape(k < 40 ? 0 : k, k);
          total += readField(k % 9 === 8 ? writeField(o, k) : o);
          if (k % 13 === 0) total += readField({ \(fields[0]): "s", \(fields[1]): k });
        }
        console.log(total);
        """)
        // Calls whose targets change: JS functions, arrows, natives, bound functions.
        lines.append("""
        const targets = [function (x) { return x + 1; }, (x) => x * 2, Math.abs, function (x) { return -x; }.bind(null), String];
        let calls = [];
        for (let k = 0; k < 50; k++) calls.push(targets[k < 25 ? 0 : (k * \(Int.random(in: 1...7, using: &g))) % targets.length](k - 20));
        console.log(calls.join(","));
        """)
        return lines.joined(separator: "\n")
    }
}

@Test(arguments: 0..<24)
func generatedProgramsAgree(seed: Int) {
    let source = ProgramGenerator.program(seed: UInt64(seed) &* 7919 &+ 17)
    let reference = run(source, name: "generated-\(seed).js", .interpreter)
    #expect(!reference.output.contains("uncaught"), "seed \(seed): \(reference.output)")
    for setting in [TierSetting.eager, .stress, .early] {
        let compiled = run(source, name: "generated-\(seed).js", setting)
        #expect(compiled.output == reference.output,
                "seed \(seed) under \(setting): \(firstDifference(reference.output, compiled.output))\n\(source)")
        #expect(unexpectedRefusals(compiled.statistics).isEmpty, "seed \(seed) under \(setting): \(unexpectedRefusals(compiled.statistics))")
    }
}

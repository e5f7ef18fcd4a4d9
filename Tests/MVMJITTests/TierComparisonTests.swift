// Every tier computes the same thing: each conformance script prints the
// same under the interpreter, with every function compiled on its first
// call (quick code, and optimized code from the start), under deopt stress (compiled code gives up on purpose every few
// guards and is thrown away and recompiled often), and tiering up after a
// few iterations on thin feedback.
import MVMBytecode
import MVMJIT
import MVMRuntime
import MVMSyntax
import Testing

@Test(arguments: corpusFiles("conformance"))
func tiersAgree(file: String) {
    let source = corpusText("conformance", file)
    let reference = run(source, name: file, .interpreter)
    #expect(!reference.output.isEmpty)
    for setting in [TierSetting.eager, .eagerOptimized, .stress, .early] {
        let compiled = run(source, name: file, setting)
        #expect(compiled.output == reference.output, "\(file) under \(setting): \(firstDifference(reference.output, compiled.output))")
        #expect(unexpectedRefusals(compiled.statistics).isEmpty, "\(file) under \(setting): \(unexpectedRefusals(compiled.statistics))")
        if setting.mode == .eager {
            #expect(!compiled.statistics.installed.isEmpty, "\(file) under \(setting) ran no native code")
        }
    }
}

/// The stress mode really deopts, and the deopts are reported with reasons.
@Test func deoptStressDeopts() {
    let source = """
    function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += i * 2; return s; }
    console.log(sum(1000));
    """
    let result = run(source, name: "stress.js", .stress)
    #expect(result.output == "999000\n")
    #expect(result.statistics.deoptCount > 0)
    #expect(result.statistics.deopts.keys.contains { $0.reason == DeoptReason.stress.description && $0.function == "sum" })
}

/// A guard failing for real: a function compiled for ints sees a string.
@Test func typeChangeDeoptsAndKeepsTheResult() {
    let source = """
    function add(a, b) { return a + b; }
    let r = 0;
    for (let i = 0; i < 2000; i++) r = add(r, 1);
    console.log(r, add("a", 1), add(1.5, 2), add(undefined, 1));
    """
    let result = run(source, name: "types.js", TierSetting(mode: .on, threshold: 10))
    #expect(result.output == "2000 a1 3.5 NaN\n")
    #expect(result.statistics.installed.contains { $0.name == "add" })
}

/// An int32 multiply that overflows once its operands grow (a sieve's
/// i * i past 46341) deopts with its own reason, and after three such
/// deopts the function compiles again with the double results the
/// interpreter saw meanwhile.
@Test func int32OverflowDeoptsWithItsReason() {
    let source = """
    function squares(n) { let s = 0; for (let i = 0; i < n; i++) { const q = i * i; s = (s + q % 997) % 1000003; } return s; }
    const out = [];
    for (let k = 0; k < 12; k++) out.push(squares(20000 + k * 5000));
    console.log(out.join());
    """
    let reference = run(source, name: "overflow.js", .interpreter)
    let result = run(source, name: "overflow.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    let overflows = result.statistics.deopts.filter { $0.key.reason == DeoptReason.resultNotInt32.description }
    #expect(overflows.keys.contains { $0.function == "squares" && $0.opcode == "mul" }, "\(result.statistics.deopts)")
    #expect(overflows.values.reduce(0, +) == 3)
    #expect(result.statistics.installed.filter { $0.name == "squares" }.count == 2)
}

/// A property or element access in a loop whose cache misses in native
/// code (a shape, or a kind of element, compiled code was not made for)
/// leaves for the interpreter; after a few such exits the function
/// recompiles, and its misses then go to the runtime, so shapes met later
/// cost no more exits and the function is never given up on.
@Test func cacheMissesLeaveThenRecompileWithTheRuntime() {
    let source = """
    function sum(o) { let t = 0; for (let k = 0; k < 2; k++) t += o.x + o.y + o.z; return t; }
    function at(a, i) { let t = 0; for (let k = 0; k < 2; k++) t += a[i] ?? 7; return t; }
    let s = 0;
    const plain = [1, 2, 3];
    for (let i = 0; i < 3000; i++) { s += sum({ x: i, y: 1, z: 0 }); s += at(plain, i % 3); }
    for (let i = 0; i < 3000; i++) { s += sum({ y: 1, x: i, z: 0 }); s += at([1, , 3], i % 4); }
    const shapes = [{ a: 0, x: 1, y: 2, z: 3 }, { b: 0, x: 1, y: 2, z: 3 }, { c: 0, x: 1, y: 2, z: 3 },
                    { d: 0, x: 1, y: 2, z: 3 }, { e: 0, x: 1, y: 2, z: 3 }, { f: 0, x: 1, y: 2, z: 3 }];
    for (const o of shapes) for (let i = 0; i < 3000; i++) s += sum(o);
    console.log(s);
    """
    let reference = run(source, name: "miss.js", .interpreter)
    let result = run(source, name: "miss.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    let misses = result.statistics.deopts.filter { $0.key.reason == DeoptReason.propertyMiss.description }
    #expect(misses.keys.contains { $0.function == "sum" && $0.opcode == "getNamed" })
    #expect(misses.keys.contains { $0.function == "at" && $0.opcode == "getIndexed" })
    #expect(misses.filter { $0.key.function == "sum" }.values.reduce(0, +) == 10)
    #expect(result.statistics.refused.isEmpty)
    #expect(result.statistics.installed.filter { $0.name == "sum" }.count == 2)
}

/// Named accesses whose site saw one shape read and write the slot at an
/// offset compiled in, the object checked once against the function's
/// shape table; what a call may have changed is checked again.
@Test func fixedOffsetsFollowShapeChanges() {
    let source = """
    function P(x, y) { this.x = x; this.y = y; }
    function touch(o) { if (o.hook) o.hook(o); }
    function walk(o, n) {
      let t = 0;
      for (let k = 0; k < n; k++) {
        t += o.x * 2 + o.y;
        o.y = o.y + 1;
        touch(o);
        t += o.x;
      }
      return t;
    }
    function nest(o, n) {
      let t = 0;
      for (let i = 0; i < n; i++) {
        t += o.x;
        for (let j = 0; j < 2; j++) { t += o.x; touch(o); }
      }
      return t;
    }
    function len2(p) { return p.x * p.x + p.y * p.y; }
    function sumX(list, n) { let t = 0; for (let k = 0; k < n; k++) for (const o of list) { t += o.x; o.x = o.x + 1; } return t; }
    const mixed = [{ x: 1 }, { y: 0, x: 2 }, { z: 0, y: 0, x: 3 }];
    function swapRead(a, b, n) {
      let t = 0;
      for (let k = 0; k < n; k++) {
        let p = a;
        const q = p;
        p = b;
        const u = q.x, v = p.y;
        t += u * 100 + v;
      }
      return t;
    }
    const a = new P(1, 2);
    let s = 0;
    for (let i = 0; i < 300; i++) s += walk(a, 20) + nest(a, 5) + len2(a) + swapRead(a, new P(3, 4), 2) + sumX(mixed, 1);
    const fourth = { w: 0, z: 0, y: 0, x: 4 }, loose = { x: 5, q: 1 };
    delete loose.q;
    s += sumX([mixed[1], fourth, loose, mixed[0]], 3);
    const g = new P(5, 5);
    g.hook = o => { Object.defineProperty(o, "x", { get() { return 1000; } }); delete o.hook; };
    s += nest(g, 3);
    const others = [{ y: 5, x: 7 }, Object.freeze(new P(2, 2)), new P(3, 4)];
    delete others[2].x; others[2].x = 9;
    const h = new P(1, 1);
    h.hook = o => Object.defineProperty(o, "x", { get() { return 100; }, configurable: true });
    others.push(h);
    for (const o of others) s += walk(o, 20) + len2(o) + swapRead(a, o, 2);
    console.log(s, a.y, others.map(o => o.x + ":" + o.y).join(" "));
    """
    let reference = run(source, name: "fixed.js", .interpreter)
    #expect(reference.output.hasSuffix("7:25 2:2 9:24 100:21\n"))
    #expect(reference.output.hasPrefix("3639893024 6002 "))
    for setting in [TierSetting(mode: .on, threshold: 100), .early] {
        let result = run(source, name: "fixed.js", setting)
        #expect(result.output == reference.output, "\(setting)")
        let walk = result.statistics.installed.first { $0.name == "walk" }
        #expect((walk?.fixedSlotAccesses ?? 0) >= 4, "\(setting)")
        #expect((walk?.uncheckedSlotAccesses ?? 0) >= 2, "\(setting)")
        #expect(result.statistics.deopts.keys.contains { $0.function == "walk" && $0.reason == DeoptReason.propertyMiss.description })
        // A site that saw three shapes checks them in turn, each with its offset.
        #expect(result.statistics.installed.contains { $0.name == "sumX" && $0.fixedSlotAccesses >= 2 }, "\(setting)")
        // Outside loops too, a miss leaves, so the second access to `p` is not checked.
        let len2 = result.statistics.installed.first { $0.name == "len2" }
        #expect((len2?.uncheckedSlotAccesses ?? 0) >= 2, "\(setting)")
        #expect(result.statistics.deopts.keys.contains { $0.function == "len2" && $0.reason == DeoptReason.propertyMiss.description })
    }
}

/// A method load whose site saw one class reads the prototype's slot at an
/// offset compiled in, after checking the object's shape, its prototype
/// and the prototype's shape: each change below must be seen.
@Test func fixedPrototypeSlotsFollowChanges() {
    let source = """
    class A { constructor() { this.x = 0; } m() { return 1; } }
    class B { m() { return 10; } }
    function callM(o, n) { let t = 0; for (let k = 0; k < n; k++) t += o.m(); return t; }
    function callN(o, n) { let t = 0; for (let k = 0; k < n; k++) t += o.m(); return t; }
    function callP(o, n) { let t = 0; for (let k = 0; k < n; k++) t += o.m(); return t; }
    function shadow(o, p, n) {
      let t = 0;
      const f = B.prototype.m;
      for (let k = 0; k < n; k++) { const y = o.x; p.m = f; t += o.m() + y; }
      return t;
    }
    const a = new A();
    let s = 0;
    for (let i = 0; i < 300; i++) s += callM(a, 10) + callN(a, 10) + callP(a, 10) + shadow(a, new A(), 2);
    const same = new A();
    s += shadow(same, same, 2);
    A.prototype.m = function () { return 2; };
    s += callM(a, 10);
    const own = new A(); own.m = () => 3;
    s += callN(own, 10);
    const moved = new A(); Object.setPrototypeOf(moved, B.prototype);
    s += callP(moved, 10);
    Object.defineProperty(A.prototype, "m", { get() { return () => 5; } });
    s += callM(a, 10);
    console.log(s);
    """
    let reference = run(source, name: "proto.js", .interpreter)
    #expect(reference.output == "9820\n")
    for setting in [TierSetting(mode: .on, threshold: 100), .early] {
        let result = run(source, name: "proto.js", setting)
        #expect(result.output == reference.output, "\(setting)")
        for name in ["callM", "callN", "callP"] {
            #expect(result.statistics.installed.contains { $0.name == name && $0.fixedSlotAccesses >= 1 }, "\(setting) \(name)")
        }
    }
}

/// OSR: one long loop at the top level of a script runs natively.
@Test func topLevelLoopTiersUp() {
    let source = "let s = 0; for (let i = 0; i < 100000; i++) s = (s + i) % 1000; console.log(s);"
    let result = run(source, name: "osr.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == "0\n")
    #expect(result.statistics.installed.contains { $0.name == "(anonymous)" })
}

/// A function compiled through OSR in its first call, before the code after
/// its loop ever ran, keeps that code: the arithmetic and the call there
/// compile unspecialized instead of deopting when the first call returns,
/// and the function compiles once. So does the code of an outer loop after
/// the inner loop OSR entered. A loop still ahead deopts as before. (Each
/// hot loop here is more than half of its function, so OSR compiles the
/// function whole; `driver`'s loops are not, and compile alone.)
@Test func codeAfterTheFirstLoopKeepsTheFunctionsCode() {
    let source = """
    function total(n) {
      let s = 0, t = 0, u = 0;
      for (let i = 0; i < n; i++) { s += i % 7; t = (t + s * 3 + i) % 1000; if (t === 999) s++; u = (u ^ t) & 255; }
      return String(s * 2 + t + u);
    }
    function rounds(n) {
      let s = 0;
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < n; i++) s += i % 7;
        s = String(s * 3 - round).length + s;
      }
      return s;
    }
    function twoLoops(n) {
      let s = 0, t = 0, u = 0;
      for (let i = 0; i < n; i++) { s += i % 7; t = (t + s * 3 + i) % 1000; if (t === 999) s++; u = (u ^ t) & 255; }
      for (let i = 0; i < n; i++) s -= i;
      return s + t + u;
    }
    function driver(n) {
      const label = "n" + n;
      let s = 0;
      for (let i = 0; i < n; i++) s += i % 7;
      let t = 0;
      for (let i = 0; i < n; i++) t -= i % 5;
      return label + ":" + (s + t);
    }
    let out = [];
    for (let k = 0; k < 5; k++) out.push(total(2000 + k), rounds(2000 + k), twoLoops(2000 + k), driver(2000 + k));
    console.log(out.join(","));
    """
    let reference = run(source, name: "after.js", .interpreter)
    let result = run(source, name: "after.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    #expect(result.statistics.installed.filter { $0.name == "total" }.map(\.loop) == [false])
    // Compile time is the compiling thread's CPU time: more than nothing.
    #expect(result.statistics.installed.allSatisfy { !$0.compiledHere || $0.milliseconds > 0 })
    #expect(!result.statistics.deopts.keys.contains { $0.function == "total" })
    #expect(result.statistics.installed.filter { $0.name == "rounds" }.map(\.loop) == [false])
    #expect(!result.statistics.deopts.keys.contains { $0.function == "rounds" })
    let ahead = result.statistics.deopts.filter { $0.key.function == "twoLoops" && $0.key.reason == DeoptReason.coldCode.description }
    #expect(!ahead.isEmpty)
    // Each of driver's loops compiled alone, once, and ran in all five calls.
    let driverCode = result.statistics.installed.filter { $0.name == "driver" }
    #expect(driverCode.map(\.location) == ["after.js:23", "after.js:25"] && driverCode.allSatisfy(\.loop))
    #expect(!result.statistics.deopts.keys.contains { $0.function == "driver" })
}

/// A function entered once or twice whose time is in its loops (a
/// benchmark's driver, a script's top level) compiles each hot loop alone:
/// the code before, between and after them stays in the interpreter, the
/// function is never compiled whole, and its later calls enter each loop's
/// code at the loop's first back-edge.
@Test func loopsOfADriverCompileAlone() {
    let source = """
    function driver(n) {
      const words = ["a", "b", "c"].map(w => w.toUpperCase());
      let s = 0;
      for (let i = 0; i < n; i++) s = (s + i * i) % 10007;
      const middle = words.join("") + s;
      let t = 0;
      for (let i = 0; i < n; i++) t = (t * 31 + i) % 65521;
      return middle + ":" + t;
    }
    const results = [];
    for (let round = 0; round < 4; round++) results.push(driver(20000 + round));
    console.log(results.join(" "));
    """
    let reference = run(source, name: "driver.js", .interpreter)
    let result = run(source, name: "driver.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    let installed = result.statistics.installed.filter { $0.name == "driver" }
    #expect(installed.map(\.location) == ["driver.js:4", "driver.js:7"] && installed.allSatisfy(\.loop), "\(installed)")
    #expect(result.statistics.deoptCount == 0)
    // 160,000 iterations: all but the first ~100 of the first call and a
    // few per loop and call after that ran natively.
    #expect(result.report.bytecodesExecuted * 50 < reference.report.bytecodesExecuted,
            "\(result.report.bytecodesExecuted) of \(reference.report.bytecodesExecuted) bytecodes interpreted")
}

/// Compiled code is entered at its outermost loops' headers and at those
/// around the loop whose back-edges asked for it, not at every header: an
/// inner loop that runs long on a function's one call enters at once,
/// and where the interpreter stands at an inner header with no entry
/// (grid's inner loop never ran before grid was compiled whole, so its
/// first run deopts) it runs on to the outer loop's back-edge and enters
/// there.
@Test func compiledCodeIsEnteredAtTheLoopsThatNeedIt() {
    let source = """
    function once(rows, cols) {
      let s = 0;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) s = (s + r * 7 + c) % 10007;
      }
      return s;
    }
    function grid(rows, cols) {
      let s = rows;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) s = (s + r * c) % 10007;
      }
      return s;
    }
    let t = 0;
    for (let k = 0; k < 300; k++) t += grid(3, 0);
    console.log(once(1, 300000), t, grid(400, 400));
    """
    let reference = run(source, name: "entries.js", .interpreter)
    let result = run(source, name: "entries.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    #expect(result.statistics.installed.contains { $0.name == "once" })
    #expect(result.statistics.deopts.keys.contains { $0.function == "grid" })
    // once's 300,000 inner iterations and grid's 160,000 of its last call
    // ran natively, but for the first few hundred and a few rows of grid's
    // (deopts, then a recompile with the inner loop's feedback).
    #expect(result.report.bytecodesExecuted * 50 < reference.report.bytecodesExecuted,
            "\(result.report.bytecodesExecuted) of \(reference.report.bytecodesExecuted) bytecodes interpreted")
}

/// Loop code whose guards keep failing (the values change type halfway) is
/// thrown away and compiled again with the feedback gathered since; every
/// exit from it (a deopt, a break out of nested loops, a return, a throw
/// caught around the loop and one caught inside it) lands where the
/// interpreter would be.
@Test func loopCodeDeoptsAndCompilesAgain() {
    let source = """
    function main() {
      let sum = 0, text = "";
      for (let i = 0; i < 6000; i++) {
        const v = i < 3000 ? i : i % 2 === 0 ? "s" + (i % 10) : i * 0.5;
        if (typeof v === "string") { if (i % 1000 === 0) text += v; } else sum += v;
      }
      let found = -1;
      outer: for (let i = 0; i < 300; i++) {
        for (let j = 0; j < 300; j++) { if (i * j === 4899) { found = i * 1000 + j; break outer; } }
      }
      let caught = 0, kept = 0;
      for (let i = 0; i < 3000; i++) {
        try { if (i % 500 === 0) throw i; kept++; } catch (e) { caught += e; }
      }
      try {
        for (let i = 0; i < 5000; i++) { if (i === 4321) throw new RangeError("at " + i); }
      } catch (e) { text += e.message; }
      return [sum, text, found, caught, kept].join();
    }
    console.log(main());
    """
    let reference = run(source, name: "deopts.js", .interpreter)
    #expect(reference.output == "7873500,s0s0s0at 4321,23213,7500,2994\n")
    let result = run(source, name: "deopts.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    let installed = result.statistics.installed.filter { $0.name == "main" }
    #expect(installed.allSatisfy(\.loop) && installed.filter { $0.location == "deopts.js:3" }.count == 2, "\(installed)")
    #expect(result.statistics.discarded >= 1)
    #expect(result.statistics.deopts.keys.contains { $0.function == "main" && $0.location.hasPrefix("deopts.js:") })
}

/// A compiled loop whose only allocation is `new` of a compiled class
/// (compiled code makes `this` itself, without a runtime call) collects as
/// it goes: the heap stays small instead of growing until the loop ends.
@Test func compiledConstructionCollects() {
    let source = """
    class P { constructor(x) { this.x = x; this.y = x + 1; } }
    function churn(n) { let last = null; for (let i = 0; i < n; i++) last = new P(i); return last.y; }
    console.log(churn(5), churn(400000));
    """
    let result = run(source, name: "churn.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == "5 400000\n")
    #expect(result.statistics.installed.contains { $0.name == "churn" } && result.statistics.installed.contains { $0.name == "P" })
    // 400000 objects of at least 48 bytes, about 20 MB: collections every
    // few MB (one, at the end, when compiled code never collected).
    #expect(result.report.collections >= 3, "\(result.report.collections) collections")
}

/// Compiled code holds no isolate address: isolate B reuses what A compiled.
@Test func nativeCodeIsSharedAcrossIsolates() throws {
    let tier = try JITTier()
    let source = """
    function dot(a, b) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
    const p = { x: 1 }, q = { x: 2 };
    function px(o) { return o.x; }
    let t = 0;
    for (let i = 0; i < 50; i++) t += dot([1, 2, 3], [4, 5, i]) + px(i % 2 ? p : q);
    console.log(t);
    """
    let first = run(source, name: "shared.js", .eager, tier: tier)
    #expect(first.statistics.compiles > 0)
    let compilations = tier.compilations
    let second = run(source, name: "shared.js", .eager, tier: tier)
    #expect(second.output == first.output)
    #expect(second.statistics.compiles == 0)
    #expect(second.statistics.cacheHits == first.statistics.installed.count)
    #expect(tier.compilations == compilations, "isolate B compiled again")
}

/// Errors thrown from compiled code keep their messages and locations.
@Test func exceptionsFromCompiledCode() {
    let source = """
    function f(o) { return o.x.y; }
    try { f({}); } catch (e) { console.log(e.message); console.log(e.stack.split("\\n")[1].trim()); }
    function g(n) { if (n === 3) throw new RangeError("three"); return n; }
    let s = 0;
    try { for (let i = 0; i < 10; i++) s += g(i); } catch (e) { console.log(e.name, e.message, s); }
    """
    let reference = run(source, name: "errors.js", .interpreter)
    #expect(reference.output.contains("Cannot read properties of undefined"))
    for setting in [TierSetting.eager, .stress] {
        #expect(run(source, name: "errors.js", setting).output == reference.output)
    }
}

/// An uncaught exception from a callee that compiled code called itself
/// points at the callee's line, as the interpreter's (and Node's) report
/// does: the unwind in its caller, after the callee's frame is gone, must
/// not move it to the call. A caught and rethrown one points at the rethrow.
@Test func uncaughtReportsPointAtTheThrowInEveryTier() {
    let source = """
    function inner(p) { return p.first(); }
    function outer(p) { return inner(p) + 1; }
    const ok = { first() { return 1; } };
    let t = 0;
    for (let k = 0; k < 3000; k++) t += outer(ok);
    console.log(t);
    try { outer({}); } catch (e) { console.log("caught", e.message); }
    outer({});
    """
    let reference = run(source, name: "site.js", .interpreter)
    #expect(reference.output.hasPrefix("6000\ncaught p.first is not a function\nuncaught: site.js:1\nfunction inner(p) { return p.first(); }\n"),
            "\(reference.output)")
    for setting in [TierSetting(mode: .on, threshold: 100), .eager, .eagerOptimized, .stress] {
        #expect(run(source, name: "site.js", setting).output == reference.output, "\(setting)")
    }
    let rethrown = "function f() { throw new Error(\"x\"); }\ntry { f(); } catch (e) {\n  throw e;\n}\n"
    #expect(run(rethrown, name: "rethrow.js", .interpreter).output.hasPrefix("uncaught: rethrow.js:3\n  throw e;\n  ^\n"))
}

/// Deep recursion through compiled code reaches the interpreter's depth
/// (native calls hand over to the interpreter when the native stack runs low).
@Test func deepRecursionMatchesTheInterpreter() {
    let source = """
    function rec(n) { return n === 0 ? 0 : 1 + rec(n - 1); }
    console.log(rec(15000));
    function forever(n) { return forever(n + 1); }
    try { forever(0); } catch (e) { console.log(e.name, e.message); }
    """
    let reference = run(source, name: "deep.js", .interpreter)
    #expect(reference.output == "15000\nRangeError Maximum call stack size exceeded\n")
    for setting in [TierSetting.eager, .stress] {
        #expect(run(source, name: "deep.js", setting).output == reference.output, "\(setting)")
    }
}

/// Bitwise operators on doubles (ToInt32 wraps modulo 2^32) in every tier.
@Test func bitwiseOnDoublesAgree() {
    let source = """
    function f(a, b) { let r = 0; for (let i = 0; i < 3; i++) r = (a ^ b) + (a | 0) + (a & b) + (a << 3) + (a >> 1) + (a >>> 0); return r; }
    const vals = [2166136261, -2166136261.7, 1e20, NaN, 2 ** 53 + 1, -0, 4294967295.5, 7, 1e300, -Infinity, 3.9, "12", undefined];
    const out = [];
    for (const a of vals) for (const b of vals) out.push(f(a, b));
    console.log(out.join(","));
    """
    let reference = run(source, name: "bitwise.js", .interpreter)
    #expect(reference.output.hasPrefix("-3006720423,-877889389,"))  // node v20 prints the same
    for setting in [TierSetting.eager, .stress, .early] {
        #expect(run(source, name: "bitwise.js", setting).output == reference.output, "\(setting)")
    }
}

/// A bitwise site that saw only int32s checks its boxed operands are
/// int32s: a double deopts, and the code compiled again wraps it inline.
@Test func bitwiseOnIntsDeoptsOnADouble() {
    let source = """
    function g(o, b) { return (o.v | b) ^ (o.v >> 1) & b; }
    let s = 0;
    for (let i = 0; i < 3000; i++) s = (s + g({ v: i }, i * 3)) % 1000003;
    const out = [s];
    for (const v of [2 ** 31 + 0.5, -7.9, 1e10, 3]) out.push(g({ v }, 5), g({ v: 9 }, v));
    for (let i = 0; i < 3000; i++) s = (s + g({ v: i + 0.5 }, i)) % 1000003;
    out.push(s);
    console.log(out.join(" "));
    """
    let expected = "937843 -2147483643 -2147483639 -7 -7 1410065413 1410065417 6 11 815217\n"  // as node v20 prints
    #expect(run(source, name: "bitint.js", .interpreter).output == expected)
    let compiled = run(source, name: "bitint.js", TierSetting(mode: .on, threshold: 100))
    #expect(compiled.output == expected)
    #expect(compiled.statistics.deopts.keys.contains { $0.function == "g" && $0.reason == DeoptReason.notInt32.description })
    #expect(compiled.statistics.installed.filter { $0.name == "g" }.count == 2)
}

/// `a.push(v)` and `a.pop()` at sites that only called them run the
/// builtins' fast path without a call (NativeIntrinsic.arrayPush,
/// .arrayPop); array-likes, frozen arrays, holes that read the prototype
/// and a length past the elements take the builtin itself.
@Test func arrayPushAndPopAgree() {
    let source = """
    function fill(a, n) { for (let i = 0; i < n; i++) a.push(i * 2); return a.length; }
    function drain(a) { let s = 0; while (a.length > 0) s += a.pop(); return s; }
    function popOne(a) { return a.pop(); }
    function pushOne(a, v) { return a.push(v); }
    let t = 0;
    for (let k = 0; k < 300; k++) { const a = []; t += fill(a, 20) + drain(a) + pushOne(a, k) + popOne(a); }
    const out = [t];
    const like = { length: 0, push: Array.prototype.push, pop: Array.prototype.pop };
    out.push(pushOne(like, "x"), like.length, like[0], popOne(like), like.length);
    const frozen = Object.freeze([1, 2]);
    try { pushOne(frozen, 3); } catch (e) { out.push(e.constructor.name); }
    try { popOne(frozen); } catch (e) { out.push(e.constructor.name); }
    Array.prototype[1] = "from the prototype";
    const holey = [1, , ];
    out.push(holey.length, popOne(holey), holey.length, popOne(holey), popOne([]), pushOne([1, 2, 3], undefined));
    delete Array.prototype[1];
    const long = [7]; long.length = 5;
    out.push(popOne(long), long.length, popOne([, 9]));
    console.log(out.join(" "));
    """
    let expected = "165150 1 1 x x 0 TypeError TypeError 2 from the prototype 1 1  4  4 9\n"  // as node v20 prints
    #expect(run(source, name: "pushpop.js", .interpreter).output == expected)
    for setting in [TierSetting(mode: .on, threshold: 100), .eager, .stress] {
        #expect(run(source, name: "pushpop.js", setting).output == expected, "\(setting)")
    }
}

/// Element sites that saw typed arrays of one kind alone read and write
/// them unboxed (RegisterTypes.typedElements): Float64Array elements as
/// f64s, Uint8Array and Int32Array ones as int32s. Another kind, a plain
/// array, a string, a key outside the array or a value that is not a number
/// deopts, and the code compiled from the new feedback agrees.
@Test func typedArrayElementsAgree() {
    let source = """
    function sumF(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
    function sumU(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
    function scaleN(a, k) { for (let i = 0; i < a.length; i++) a[i] = a[i] * k; }
    function scaleF(a, k) { for (let i = 0; i < a.length; i++) a[i] = a[i] * k; }
    function getF(a, i) { return a[i]; }
    function getU(a, i) { return a[i]; }
    function putF(a, i, v) { a[i] = v; return a[i]; }
    function putU(a, i, v) { a[i] = v; return a[i]; }
    function putN(a, i, v) { a[i] = v; return a[i]; }
    const f = new Float64Array(64), u = new Uint8Array(64), n = new Int32Array(64);
    let t = 0;
    for (let k = 0; k < 200; k++) {
      for (let i = 0; i < 64; i++) { putF(f, i, i * 0.5 + k); putU(u, i, i * 7 + k); putN(n, i, i * 100000 - k); }
      scaleF(f, 1.5); scaleN(n, 3);
      t += sumF(f) + sumU(u) + sumF(n) + getF(f, k % 64) + getU(u, k % 64);
    }
    const out = [t];
    out.push(getF(f, 64), getU(u, -1), getF(f, 1.5), getF(f, "3"), getU([1, 2, 3], 1), getF(new Float32Array([0.1, 2]), 0), getU(new Int8Array([-5]), 0));
    out.push(putU(u, 0, 300), putU(u, 1, -1), putU(u, 2, 2.9), putU(u, 3, "77"), putU(u, 4, NaN), putU(u, 5, Infinity), putU(u, 6, 2 ** 32 + 9));
    out.push(putN(n, 0, -2.9), putN(n, 1, 2 ** 31), putN(n, 2, "x"), putN(n, 3, 1e20), putN(n, 4, -0), putN(n, 64, 5));
    out.push(putF(f, 0, -0), 1 / getF(f, 0), putF(f, 1, "2.5"), putF(f, 2, undefined), putF(f, 3, 1e300 * 10), putF(u, 7, 1.5));
    const view = new Float64Array(f.buffer, 16, 4);
    out.push(getF(view, 0), getF(view, 3), getF(view, 4), sumF(view), sumU(new Uint8Array(u.buffer, 60)));
    scaleF(new Float32Array([1, 2]), 2); scaleN(f, 2);
    out.push(sumF([1, 2, 3]), sumU("123"), sumU(new Int8Array([-1, -2])), sumF(f));
    console.log(out.join(" "));
    """
    let expected = "120960116999    300.75 2 0.10000000149011612 -5 44 255 2 77 0 0 9 -2 -2147483648 0 1661992960 0  0 -Infinity 2.5 NaN 1e+301 1 NaN 302.25  NaN 470 6 0123 -3 NaN\n"  // as node v20 prints
    #expect(run(source, name: "typed.js", .interpreter).output == expected)
    for setting in [TierSetting(mode: .on, threshold: 100), .eager, .stress] {
        #expect(run(source, name: "typed.js", setting).output == expected, "\(setting)")
    }
    // getF compiled for Float64Arrays leaves when a Float32Array comes.
    let compiled = run(source, name: "typed.js", TierSetting(mode: .on, threshold: 100))
    #expect(compiled.statistics.deopts.keys.contains { $0.function == "getF" && $0.reason == DeoptReason.propertyMiss.description })
}

/// `===` and `!==` on numbers: two int32s compare by their bits alone, and
/// a double on either side (here unboxed from a Float64Array and boxed
/// again) compares as a double, -0 equal to 0 and NaN to nothing.
@Test func strictEqualityOfNumbersAgree() {
    let source = """
    function eqF(a, i, v) { return a[i] === v; }
    function neF(a, i, v) { return a[i] !== v; }
    const g = new Float64Array([5, 0.5, -0, NaN]);
    let c = 0;
    for (let k = 0; k < 2000; k++) { if (eqF(g, k % 4, k % 4 === 0 ? 5 : 0)) c++; if (neF(g, k % 4, 0)) c++; }
    console.log(c, eqF(g, 0, 5), eqF(g, 2, 0), neF(g, 3, NaN), eqF(g, 1, 0.5), neF(g, 0, 5));
    """
    let expected = "2500 true true true true false\n"  // as node v20 prints
    for setting in [TierSetting.interpreter, TierSetting(mode: .on, threshold: 100), .eager, .stress] {
        #expect(run(source, name: "eq.js", setting).output == expected, "\(setting)")
    }
}

/// A comparison of a typed register with a boxed one unboxes the boxed
/// side with a guard (a loop's double counter against a boxed bound); a
/// bound that is not a number, or not an int32 beside an int32, deopts.
@Test func comparisonsWithABoxedSideAgree() {
    let source = """
    function count(limit, step) { let n = 0; for (let j = 0.5; j <= limit; j += step) n++; return n; }
    function below(a, b) { let n = 0; for (let i = 0; i < a; i++) if (i < b) n++; return n; }
    function above(x, a) { let n = 0; for (let d = x * 0.5; d > a; d -= 1) n++; return n; }
    let t = 0;
    for (let k = 0; k < 300; k++) t += count(100, 0.25) + below(50, 20) + above(k, 3);
    const out = [t, count("10", 1), count(undefined, 1), count(NaN, 1), count(4, 0.5), below(5, "3"), below(5, 2.5)];
    out.push(below("4", null), below(3, { valueOf() { return 2; } }), below(4, -(2 ** 31) - 1), above(9, "1"), above(9, -0), above(7, -Infinity - -Infinity));
    console.log(out.join(" "));
    """
    let expected = "147309 10 0 0 8 3 3 0 2 0 4 5 0\n"  // as node v20 prints
    for setting in [TierSetting.interpreter, TierSetting(mode: .on, threshold: 100), .eager, .stress, .early] {
        #expect(run(source, name: "compare.js", setting).output == expected, "\(setting)")
    }
}

/// Builtins inlined at call sites that only saw them (Math.sqrt, imul, ...)
/// stay correct when the site later sees something else.
@Test func inlinedBuiltinsFollowTheirCallee() {
    let source = """
    function norm(x, y) { return Math.sqrt(x * x + y * y) + Math.floor(x / 3) + Math.abs(-y) + Math.imul(x | 0, 65537); }
    let s = 0;
    for (let i = 0; i < 3000; i++) s += norm(i, i * 0.5);
    console.log(s, norm(-0.5, -0), 1 / Math.floor(-0.5), norm(2, "3"), norm(NaN, 1));
    Math.sqrt = function (v) { return -v; };
    console.log(norm(3, 4));
    const sqrt = Math.abs;
    function g(v) { return sqrt(v); }
    for (let i = 0; i < 2000; i++) g(-i);
    console.log(g(-7), g("-8"), g());
    """
    let reference = run(source, name: "builtins.js", .interpreter)
    #expect(reference.output.hasSuffix("7 8 NaN\n"), "\(reference.output)")
    for setting in [TierSetting.eager, .stress, .early, TierSetting(mode: .on, threshold: 50)] {
        #expect(run(source, name: "builtins.js", setting).output == reference.output, "\(setting)")
    }
}

/// Typed-array elements read and written inline (Int8/Uint8/Int32/Float64,
/// views with a byte offset, out-of-range indexes, clamped arrays left to the runtime).
@Test func typedArraysAgree() {
    let source = """
    function f(n) {
      const u = new Uint8Array(n), s = new Int8Array(n), w = new Int32Array(n), d = new Float64Array(n), c = new Uint8ClampedArray(n);
      let t = 0;
      for (let i = 0; i < n; i++) { u[i] = i * 7 + 0.5; s[i] = i * 13 - 300; w[i] = i * 1e6; d[i] = i / 3; c[i] = i * 3; }
      for (let i = 0; i < n + 2; i++) t += (u[i] | 0) + (s[i] | 0) + (w[i] | 0) + (d[i] || 0) + (c[i] | 0);
      const sub = new Uint8Array(u.buffer, 3, 5); sub[1] = 999; sub[7] = 1;
      return [t, u[4], sub[0], sub[1], d[5], w[3], s[100]].join(",");
    }
    let r; for (let k = 0; k < 50; k++) r = f(200); console.log(r);
    """
    let reference = run(source, name: "typed.js", .interpreter)
    #expect(reference.output == "19900070812.333332,231,21,231,1.6666666666666667,3000000,-24\n")  // as node v20 prints
    for setting in [TierSetting.eager, .stress, .early] {
        #expect(run(source, name: "typed.js", setting).output == reference.output, "\(setting)")
    }
}

/// `new` from compiled code: constructors returning objects or primitives,
/// class fields, derived classes, prototypes, and a throwing constructor.
/// A function with more direct call sites than are compiled inline calls
/// one out-of-line copy of the call sequence: plain returns, callees that
/// leave for the interpreter (a type change), exceptions, `this` for sloppy
/// callees, and recursion deep enough to run out of native stack.
@Test func outOfLineDirectCallsAgree() {
    let source = """
    function add(a, b) { return a + b; }
    function sloppyThis() { return this === globalThis; }
    function thrower(n) { if (n === 2500) throw new Error("at " + n); return n; }
    function many(i) {
      let t = add(i, 1) + add(i, 2) + thrower(i);
      if (sloppyThis()) t += 1;
      return t + String(add(i > 2900 ? "s" : i, 0)).length;
    }
    function deep(n) { return n === 0 ? 0 : add(1, 0) + add(0, 0) + deep(n - 1); }
    let out = [];
    for (let i = 0; i < 3000; i++) { try { out.push(many(i)); } catch (e) { out.push(e.message); } }
    console.log(out.slice(2495, 2505).join(), out.slice(-3).join(), deep(12000));
    """
    let reference = run(source, name: "calls.js", .interpreter)
    // As node v20 prints with deep(9000); node's stack ends before 12000.
    #expect(reference.output == "7493,7496,7499,7502,7505,at 2500,7511,7514,7517,7520 8997,9000,9003 12000\n")
    for setting in [TierSetting.eager, .stress, .early, TierSetting(mode: .on, threshold: 50)] {
        let compiled = run(source, name: "calls.js", setting)
        #expect(compiled.output == reference.output, "\(setting)")
        #expect(unexpectedRefusals(compiled.statistics).isEmpty)
    }
}

/// A call site whose callees all ran one CodeBlock compiles for it
/// (FeedbackSnapshot.callTargets): its parameter count, strictness and
/// register count become constants behind a check of the callee's code.
/// Closures of the block with other contexts take the same path; callees
/// of other blocks (strict, with more parameters), compiled too, take the
/// generic one, and every argument count gets its missing parameters
/// undefined.
@Test func callsCompiledForTheirTargetCheckIt() {
    let source = """
    function two(x, y) { return (x === undefined ? 0 : x) + (y === undefined ? 1 : y); }
    function strictOne(x) { "use strict"; return (this === undefined ? 10 : -1) + (x === undefined ? 0 : x); }
    function three(x, y, z) { return z === undefined ? (x === undefined ? 50 : x) + 100 : -5; }
    function adder(k) { return function (x, y) { return (x === undefined ? 0 : x) + k + (y === undefined ? 0 : 1000); }; }
    function callIt(f, v) { return f(v); }
    function callOther(f, v) { return f(v); }
    function callNone(f) { return f(); }
    const plusOne = adder(1), plusTwo = adder(2);
    let s = 0;
    for (let i = 0; i < 3000; i++) s += callIt(two, i) + callOther(plusOne, i) + callNone(two);
    for (let i = 0; i < 3000; i++) s += strictOne(i) + three(i) + plusTwo(i) + three(i, i, i);
    const out = [s, callIt(strictOne, 5), callIt(three, 7), callOther(plusTwo, 7), callOther(two, 7), callNone(strictOne), callNone(three)];
    for (let i = 0; i < 3000; i++) s += callOther(i % 2 ? plusOne : plusTwo, i);
    out.push(s, callIt(two, 1), callNone(adder(5)));
    console.log(out.join(" "));
    """
    let expected = "22822500 15 107 9 8 10 150 27325500 2 5\n"  // as node v20 prints
    #expect(run(source, name: "targets.js", .interpreter).output == expected)
    for setting in [TierSetting(mode: .on, threshold: 100), TierSetting(mode: .on, threshold: 1000)] {
        let compiled = run(source, name: "targets.js", setting)
        #expect(compiled.output == expected, "\(setting)")
        #expect(["callIt", "callOther", "callNone"].allSatisfy { name in compiled.statistics.installed.contains { $0.name == name } })
    }
}

/// A call from compiled code enters its callee as a fresh call, whose code
/// clears the registers past the parameters; entering at offset 0 from the
/// interpreter (a loop header there: OSR) must keep them. `seen` lives in
/// such a register and is read before it is written.
@Test func freshCallsClearRegistersAndLoopEntriesKeepThem() {
    let source = """
    function count(n) { while (n > 0) { n--; seen = (seen === undefined ? 0 : seen) + 1; } var seen; return seen; }
    function caller() { let t = 0; for (let i = 0; i < 2000; i++) t += count(5); return t; }
    console.log(count(100000), caller(), caller());
    """
    #expect(run(source, name: "fresh.js", .interpreter).output == "100000 10000 10000\n")  // as node v20 prints
    for setting in [TierSetting.eager, .stress, .early, TierSetting(mode: .on, threshold: 50)] {
        #expect(run(source, name: "fresh.js", setting).output == "100000 10000 10000\n", "\(setting)")
    }
}

@Test func constructionAgrees() {
    let source = """
    class P { constructor(x) { this.x = x; } get d() { return this.x * 2; } }
    function Q(y) { this.y = y; if (y === 3) return { special: true }; if (y === 4) return 7; }
    Q.prototype.m = function () { return this.y + 1; };
    class F { a = 1; constructor(b) { this.b = b; } }
    class D extends P { constructor(x) { super(x + 1); } }
    let t = 0, s = [];
    for (let i = 0; i < 3000; i++) { const p = new P(i); const q = new Q(i % 6); t += p.d + (q.m ? q.m() : 100) + new F(i).a + new D(i).x; }
    s.push(t, JSON.stringify(new Q(3)), new Q(4).y, new F(2).b, new D(1).x, Object.getPrototypeOf(new Q(1)) === Q.prototype);
    try { new (function () { throw new Error("boom"); })(); } catch (e) { s.push(e.message); }
    console.log(s.join(" "));
    """
    let reference = run(source, name: "new.js", .interpreter)
    #expect(reference.output == "13560000 {\"special\":true} 4 2 2 true boom\n")  // as node v20 prints
    for setting in [TierSetting.eager, .stress, .early] {
        let compiled = run(source, name: "new.js", setting)
        #expect(compiled.output == reference.output, "\(setting)")
        #expect(unexpectedRefusals(compiled.statistics).isEmpty)
    }
}

/// Property sites outside loops that had not run when a function tiered up
/// compile to a runtime call (FeedbackSnapshot.interpretedFirst): the same function with
/// the same empty caches is much smaller than with inline cache checks,
/// and both run correctly (see the corpus under the `early` setting).
@Test func sitesThatHadNotRunCompileToRuntimeCalls() throws {
    let source = SourceFile(name: "sites.js", text: """
    function touch(o, a, k) { o.x = o.y + o.z; a[k] = a[k + 1]; return o.w + g; }
    """)
    let block = try #require(try Compiler.compile(source: source, as: .script).functions.first)
    func codeSize(interpretedFirst: Bool) -> Int {
        let feedback = FeedbackSnapshot(
            arithmetic: .init(repeating: 0, count: block.arithmeticFeedbackCount),
            propertyStates: .init(repeating: 0, count: block.propertyCacheCount),
            propertyKinds: .init(repeating: 0, count: block.propertyCacheCount),
            callKinds: .init(repeating: 0, count: block.callFeedbackCount),
            deoptStress: false, interpretedFirst: interpretedFirst)
        guard case .ready(let code, _) = sharedTier.nativeCode(for: block, feedback: feedback, loop: nil, header: nil, wait: true) else { return 0 }
        return code.codeSize
    }
    let inline = codeSize(interpretedFirst: false), compact = codeSize(interpretedFirst: true)
    #expect(compact > 0 && inline > 0)
    #expect(compact * 2 < inline, "compact \(compact) bytes, inline \(inline) bytes")
}

/// `new` of a plain constructor makes its object in compiled code
/// (ObjectAllocation.swift): at a site that knows its constructor (its size
/// a constant) and at one that does not; with more properties than the
/// default room and than the inline maximum; after `prototype` is replaced
/// by another object, by a primitive (Object.prototype then), and on a
/// constructor in dictionary mode; on a constructor never used with `new`
/// (its `prototype` not made yet); across collections.
@Test func constructedObjectsAgree() {
    let source = """
    class P { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }
    function Wide(n) { this.a = n; this.b = n + 1; this.c = n + 2; this.d = n + 3; this.e = n + 4; this.f = n + 5; }
    function Huge(n) { for (let k = 0; k < 20; k++) this["p" + k] = n + k; }
    function F(v) { this.v = v; }
    function G() { this.g = 1; }
    function R(v) { this.v = v; return { replaced: v }; }
    function make(C, v) { return new C(v); }
    function makeP(i) { return new P(i, i * 2); }
    function makeW(i) { return new Wide(i); }
    function makeH(i) { return new Huge(i); }
    function makeF(i) { return new F(i); }
    let t = 0;
    const keep = [];
    for (let i = 0; i < 12000; i++) {
      const p = makeP(i), w = makeW(i), h = makeH(i), f = makeF(i);
      t += p.sum() + w.f + h.p19 + f.v + (f instanceof F ? 1 : 0) + (p instanceof P ? 1 : 0) + (w instanceof Wide ? 1 : 0);
      const m = make(i % 3 === 0 ? P : i % 3 === 1 ? F : Wide, i);
      t += Object.keys(m).length + (m.v === undefined ? 0 : 1);
      if (i % 600 === 0) keep.push(p, w, h, m);
    }
    const out = [t, keep.length, keep.reduce((s, o) => s + JSON.stringify(o).length, 0), JSON.stringify(makeW(3)), Object.keys(makeH(1)).join("")];
    F.prototype = { kind: "second" };
    const a = makeF(1), a2 = make(F, 2);
    out.push(a.kind, a2.kind, Object.getPrototypeOf(a) === F.prototype, a instanceof F);
    F.prototype = 7;
    const b = makeF(2), b2 = make(F, 3);
    out.push(Object.getPrototypeOf(b) === Object.prototype, Object.getPrototypeOf(b2) === Object.prototype, b.v + b2.v);
    for (let k = 0; k < 100; k++) F["extra" + k] = k;
    F.prototype = P.prototype;
    const c = makeF(5);
    out.push(c instanceof P, typeof c.sum, make(G).g, make(G) instanceof G, JSON.stringify(make(R, 4)), make(R, 5) instanceof R);
    console.log(out.join(" "));
    """
    let expected = "432328000 80 5890 {\"a\":3,\"b\":4,\"c\":5,\"d\":6,\"e\":7,\"f\":8} p0p1p2p3p4p5p6p7p8p9p10p11p12p13p14p15p16p17p18p19 second second true true true true 5 true function 1 true {\"replaced\":4} false\n"  // as node v20 prints
    for setting in [TierSetting.interpreter, TierSetting(mode: .on, threshold: 100), .eager, .stress, .early] {
        let result = run(source, name: "construct.js", setting)
        #expect(result.output == expected, "\(setting)")
        #expect(result.report.collections > 0, "\(setting)")
    }
}

/// Objects compiled code makes count toward collections as the runtime's
/// do: a compiled loop whose only allocation is `new` (made in compiled
/// code) collects as it goes, and the heap stays small.
@Test func compiledAllocationsTriggerCollections() {
    let source = """
        function Item(i) { this.i = i; this.next = null; }
        function churn(n) { let last = null; for (let i = 0; i < n; i++) last = new Item(i); return last.i; }
        console.log(churn(400000));
        """
    let result = run(source, name: "churn.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == "399999\n")
    #expect(result.report.collections >= 3)
    #expect(result.report.heapBytes < 16 << 20)
}

/// And toward the heap limit: a compiled loop of `new` that hoards its
/// objects ends in the catchable RangeError, and the isolate goes on.
@Test func compiledAllocationsReachTheHeapLimit() {
    let isolate = Isolate()
    isolate.jitMode = .on
    isolate.jitThreshold = 100
    isolate.compileInBackground = false
    isolate.nativeTier = sharedTier
    isolate.heapLimit = 32 << 20
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    let source = """
        function Item(i) { this.i = i; this.next = null; }
        function hoard(list) { for (let i = 0; ; i++) list.push(new Item(i)); }
        let list = [];
        try { hoard(list); } catch (e) { console.log(e instanceof RangeError, e.message, list.length > 100000); }
        list = null;
        const after = []; for (let i = 0; i < 1000; i++) after.push(new Item(i));
        console.log('recovered', after.length);
        """
    #expect(isolate.runProgram(SourceFile(name: "oom.js", text: source), as: .script) == nil)
    isolate.flushOutput()
    #expect(String(decoding: out, as: UTF8.self) == "true Out of memory: the isolate's heap limit of 32 MB was reached true\nrecovered 1000\n")
    #expect(isolate.jitStatistics.installed.contains { $0.name == "hoard" })
}

/// What double arithmetic made, compiled code boxes as a double when
/// integral too (as the interpreter's `+` leaves its sums), which every
/// reader takes for the number it is: an index, a Map key, a switch case,
/// `===`, strings, bitwise operators. A double register that may hold what
/// was an int32 (`hash`'s `h`: imul's results meeting a double constant at
/// the loop header) boxes it as an int32, so `h >>> 0`, compiled for the
/// int32s the interpreter saw, does not deopt. `>>>` of a double wraps
/// inline as the other bitwise operators do: before, it deopted every
/// time, and `use` was given up for deopting too often.
@Test func integralDoublesAgree() {
    let source = """
    function halves(n) { const out = []; let x = 0.75; for (let i = 0; i < n; i++) { x = x * 2 - 0.5; out.push(x); } return out; }
    function store(o, a, b) { o.sum = a + b; o.product = a * b; o.quotient = a / b; o.diff = a - b; return o; }
    function hash(s) { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193); return h >>> 0; }
    function floors(x) { const f = Math.floor(x * 1.5); return f; }
    function use(v, arr, m) { return [arr[v], m.get(v), v === 3, Object.is(v, 3), String(v), v | 1, v >>> 1, `${v}`, JSON.stringify({ v }), typeof v].join("/"); }
    const arr = [10, 11, 12, 13, 14, 15, 16], m = new Map([[3, "three"], [1, "one"], [2, "two"]]);
    let t = 0, last = "";
    for (let k = 0; k < 3000; k++) {
      const o = store({}, 1.5 + (k % 3), 0.5);
      t += o.sum + o.product + o.quotient + o.diff + hash("key" + (k % 50)) % 1000 + floors(k % 5);
      last = use(o.quotient === 3 ? o.quotient : o.diff, arr, m) + " " + use(floors(2), arr, m) + " " + use(o.sum, arr, m);
    }
    const s = new Set([store({}, 2.5, 0.5).sum, 3, store({}, 1.5, 2).product]);
    let sw = "none";
    switch (store({}, 2.5, 0.5).sum) { case 3: sw = "three"; break; default: sw = "other"; }
    console.log(t, last, s.size, sw, halves(6).join(","), hash(""), hash("abc"));
    """
    let expected = "1516410 13/three/true/true/3/3/1/3/{\"v\":3}/number 13/three/true/true/3/3/1/3/{\"v\":3}/number 14//false/false/4/5/2/4/{\"v\":4}/number 1 three 1,1.5,2.5,4.5,8.5,16.5 2166136261 440920331\n"  // as node v20 prints
    for setting in [TierSetting.interpreter, TierSetting(mode: .on, threshold: 100), .eager, .stress, .early] {
        let result = run(source, name: "integral.js", setting)
        #expect(result.output == expected, "\(setting)")
        #expect(unexpectedRefusals(result.statistics).isEmpty, "\(setting)")
        if !setting.deoptStress {
            #expect(!result.statistics.refused.values.contains("deopted too often"), "\(setting): \(result.statistics.refused)")
        }
        if setting.mode == .on && setting.threshold == 100 {
            // `h` (imul's int32s) boxes as int32s for `>>>`, as in the interpreter.
            let hashDeopts = result.statistics.deopts.filter { $0.key.function == "hash" }.values.reduce(0, +)
            #expect(hashDeopts <= 1, "\(result.statistics.deopts)")
        }
    }
    // `/` whose results the interpreter saw integral (and boxed as int32s,
    // which `twice` was compiled for) boxes them as int32s compiled too;
    // only the fractional 3.5 at the end deopts `twice`.
    let scaling = """
    function scale(o, by) { o.value = o.value / by; }
    function twice(o) { return o.value * 2; }
    const o = { value: 0 };
    let t = 0;
    for (let k = 0; k < 3000; k++) { o.value = 12 * (k % 5 + 1); scale(o, k % 2 ? 2 : 3); t += twice(o); }
    o.value = 7; scale(o, 2);
    console.log(t, o.value, twice(o));
    """
    let scaled = run(scaling, name: "scale.js", TierSetting(mode: .on, threshold: 100))
    #expect(scaled.output == "90000 3.5 7\n")  // as node v20 prints
    #expect(scaled.statistics.installed.contains { $0.name == "scale" })
    #expect(scaled.statistics.deoptCount <= 1, "\(scaled.statistics.deopts)")
}

/// Loop code compiled for an int32 sum deopts once the sum overflows; from
/// then on its entry refuses the frame (the sum is a double) at every
/// back-edge, and the loop recompiles after a few refusals, not ten.
@Test func loopCodeRecompilesSoonAfterItsEntryRefusesTheFrame() {
    let source = """
    function benchmark() { let s = 0; for (let i = 0; i < 100000; i++) s += i; return s; }
    console.log(benchmark());
    """
    let result = run(source, name: "overflow.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == "4999950000\n")  // as node v20 prints
    let deopts = result.statistics.deopts
    #expect(deopts.filter { $0.key.reason == DeoptReason.resultNotInt32.description }.values.reduce(0, +) == 1, "\(deopts)")
    let refusals = deopts.filter { $0.key.reason == DeoptReason.entryTypes.description }.values.reduce(0, +)
    #expect(refusals >= 1 && refusals <= 3, "\(deopts)")
    #expect(result.statistics.installed.filter { $0.name == "benchmark" }.count == 2, "\(result.statistics.installed)")
}

/// fib compiled at its 10th call has never run its `n - 2` branch: each of
/// the recursion's compiled frames deopts there as it unwinds. Those are
/// deopts of one piece of code, thrown away at the third: the frames that
/// deopt after it do not count against its replacement, and fib stays
/// compiled rather than being given up for deopting too often.
@Test func deoptsOfDiscardedCodeDoNotCountAgainstItsReplacement() {
    let source = """
    function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    console.log(fib(25));
    """
    let result = run(source, name: "fib.js", TierSetting(mode: .on, threshold: 10))
    #expect(result.output == "75025\n")
    #expect(result.statistics.refused.isEmpty, "\(result.statistics.refused)")
    #expect(result.statistics.deoptCount > 3, "\(result.statistics.deopts)")
    #expect(result.statistics.discarded == 1, "\(result.statistics.deopts)")
    #expect(result.statistics.installed.filter { $0.name == "fib" }.count == 2, "\(result.statistics.installed)")
}

/// A function's first code is quick code; once it stays hot it asks for
/// optimized code, which replaces it: `calls` at a call, `loops` at a
/// back-edge in the middle of its one long run (the quick code leaves at the loop header,
/// where the interpreter enters the optimized code). A short function gets
/// optimized code at once, and so does every function without quick code.
@Test func quickCodeGivesWayToOptimizedCodeOnceItStaysHot() {
    let source = """
    function body(s, i) { return s + i; }
    function calls(x) {
      let s = x * 3 + 1;
      if (s % 2 === 0) s = s / 2; else s = s * 3 + 1;
      if (s % 3 === 0) s = s - 7; else s = s + 11;
      if (s % 5 === 0) s = s * 2; else s = s - 4;
      return s % 1000;
    }
    function loops(n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s = (s + i * 3) % 1000003;
        if (i % 7 === 0) s = s ^ i; else if (i % 11 === 0) s = s + 5;
      }
      return s;
    }
    let t = 0;
    for (let k = 0; k < 400; k++) t = body(t, calls(k));
    for (let k = 0; k < 5; k++) t = body(t, loops(25));
    console.log(t, loops(300000));
    """
    let reference = run(source, name: "upgrade.js", .interpreter)
    #expect(reference.output == "165290 235899\n")  // as node v20 prints
    let result = run(source, name: "upgrade.js", TierSetting(mode: .on, threshold: 100))
    #expect(result.output == reference.output)
    #expect(unexpectedRefusals(result.statistics).isEmpty, "\(result.statistics.refused)")
    func installs(_ run: TierRun, _ name: String) -> [Bool] { run.statistics.installed.filter { $0.name == name }.map(\.quick) }
    #expect(installs(result, "calls") == [true, false], "\(result.statistics.installed)")
    #expect(result.statistics.installed.filter(\.upgrade).map(\.name).sorted() == ["calls", "loops"], "\(result.statistics.installed)")
    #expect(installs(result, "loops") == [true, false], "\(result.statistics.installed)")
    #expect(installs(result, "body") == [false], "\(result.statistics.installed)")
    // Every path of `loops` ran before its quick code was compiled: it
    // left it for nothing else (a deopt also leads to the upgrade).
    #expect(result.statistics.deoptCount == 0, "\(result.statistics.deopts)")
    // The interpreter entered `loops` at its loop header twice: its quick
    // code, installed from a back-edge of loops(25); then its optimized
    // code, which loops(300000)'s quick code, still in its loop, left for
    // at the header (Isolate.nativeTierUp) instead of running on.
    #expect(result.statistics.loopEntries["loops (upgrade.js:9)"] == 2, "\(result.statistics.loopEntries)")
    let optimizedOnly = run(source, name: "upgrade.js", TierSetting(mode: .on, threshold: 100, quick: false))
    #expect(optimizedOnly.output == reference.output)
    #expect(optimizedOnly.statistics.installed.allSatisfy { !$0.quick }, "\(optimizedOnly.statistics.installed)")
    #expect(installs(optimizedOnly, "calls") == [false], "\(optimizedOnly.statistics.installed)")
}

/// Calls of pure leaves (straight-line arithmetic on the parameters,
/// PureLeaf.swift) are computed at their sites; any other callee or a
/// non-number argument makes the call, as do a new function behind the
/// name. The numbers are those the interpreter boxes differently: int32
/// overflow, -0, NaN, fractions.
@Test func pureLeafCallsComputeTheirCalleeAtTheSite() {
    let source = """
    function a(i, j) { return 1 / ((i + j) * (i + j + 1) / 2 + i + 1); }
    function sq(x) { return x * x; }
    function rem(x, y) { return x % y; }
    function flip(x) { const y = -x; return y; }
    function step(x) { let y = x; y++; y -= 3; return y + 0.5; }
    function sum(n) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a(i, i + 1) + sq(i) + rem(i, 7) - rem(-i, 5) + step(i);
      return s;
    }
    function callSq(v) { return sq(v); }
    function callRem(x, y) { return rem(x, y); }
    function callFlip(v) { return 1 / flip(v); }
    let total = 0;
    for (let k = 0; k < 30; k++) total += sum(200);
    for (let k = 0; k < 3000; k++) total += callSq(k % 50) + callRem(k, 9) + callFlip(k + 1);
    const out = [total.toFixed(6)];
    // Numbers the interpreter boxes several ways: overflow, -0, NaN, fractions.
    out.push(callSq(100000), callSq(0.5), callSq(-0), 1 / callRem(-4, 2), callRem(5, 0), callRem(7.5, 2), callFlip(0), callFlip(-0));
    // Arguments that are not numbers: the call runs the callee (and valueOf once).
    let calls = 0;
    const counted = { valueOf() { calls++; return 6; } };
    out.push(callSq("7"), callSq(undefined), callSq(counted), calls, callRem("x", 2), callFlip(null));
    // Another function behind the same name: the call goes to it.
    sq = function (x) { return x + 1; };
    out.push(callSq(5), callSq("5"));
    console.log(out.join(" "));
    """
    let expected = "82456327.015449 10000000000 0.25 0 -Infinity NaN 1.5 -Infinity Infinity 49 NaN 36 2 NaN -Infinity 6 51\n"  // as node v20 prints
    leafCallsAgree(source, name: "leaf.js", expected: expected, inlined: ["sum": 5, "callSq": 1, "callRem": 1, "callFlip": 1])
}

/// `source` prints `expected` in every tier; with tier-up at 100, each
/// function in `inlined` is compiled once, computing that many calls at
/// their sites, and no other function computes any.
private func leafCallsAgree(_ source: String, name: String, expected: String, inlined: [String: Int]) {
    #expect(run(source, name: name, .interpreter).output == expected)
    for setting in [TierSetting(mode: .on, threshold: 100), .eager, .eagerOptimized, .stress, .early] {
        let compiled = run(source, name: name, setting)
        #expect(compiled.output == expected, "\(setting)")
        guard setting.mode == .on && setting.threshold == 100 else { continue }
        for (function, count) in inlined {
            // Each compile of the function (quick code and optimized code alike).
            let counts = compiled.statistics.installed.filter { $0.name == function }.map(\.inlinedCalls)
            #expect(!counts.isEmpty && counts.allSatisfy { $0 == count }, "\(function): \(compiled.statistics.installed)")
        }
        #expect(compiled.statistics.installed.filter { inlined[$0.name] == nil }.allSatisfy { $0.inlinedCalls == 0 }, "\(compiled.statistics.installed)")
    }
}

/// Pure leaves read own data properties of `this` and their arguments
/// (strict code) through the callee's own inline cache: another shape, a
/// getter, a missing property, a non-number in arithmetic or a receiver
/// that is no object make the call instead (the getter runs once), and a
/// sloppy function's `this` keeps it a call.
@Test func pureLeafPropertyReadsFollowTheCalleesCache() {
    let source = """
    class V {
      constructor(x, y) { this.x = x; this.y = y; }
      dot(v) { return this.x * v.x + this.y * v.y; }
      first() { return this.x; }
    }
    function sloppyX() { return this.x; }
    function dots(n) {
      const a = new V(1, 2), b = new V(0.5, -3);
      let s = 0;
      for (let i = 0; i < n; i++) s += a.dot(b) + b.dot(a) + a.first();
      return s;
    }
    function callDot(p, q) { return p.dot(q); }
    function callFirst(p) { return p.first(); }
    let total = 0;
    for (let k = 0; k < 40; k++) total += dots(100);
    for (let k = 0; k < 3000; k++) total += callDot(new V(k, 1), new V(2, k)) + callFirst(new V(k, 0));
    const out = [total];
    // Another shape, a getter, a string, a missing property: the call runs the method.
    let reads = 0;
    const withGetter = { get x() { reads++; return 10; }, y: 1 };
    const other = { z: 0, x: 4, y: 5 };
    out.push(callDot(new V(1, 1), other), callDot(new V(1, 1), withGetter), reads);
    out.push(callDot(new V("a", 1), new V("b", 2)), callDot(new V(3, 1), {}), callFirst(new V("label", 0)), callFirst(Object.assign(Object.create(V.prototype), { x: "own" })));
    out.push(callDot(new V(-0, 0), new V(5, 0)), 1 / callFirst(new V(-0, 0)));
    // Not an object, a sloppy `this`: the call runs (and throws where the method does).
    try { callDot(5, new V(1, 1)); } catch (e) { out.push(e.constructor.name); }
    out.push(sloppyX.call(other), String(sloppyX.call(7)));
    console.log(out.join(" "));
    """
    let expected = "17954000 9 11 1 NaN NaN label own 0 -Infinity TypeError 4 undefined\n"  // as node v20 prints
    // dots: two `new V` and three method calls; the top level's loop: three `new V`.
    leafCallsAgree(source, name: "leaf2.js", expected: expected, inlined: ["dots": 5, "callDot": 1, "callFirst": 1, "(anonymous)": 3])
    // The callee's cache saw the shape with `x` on the prototype: not an
    // own property, so the call is made.
    let inherited = """
    class V { first() { return this.x; } }
    const base = Object.create(V.prototype);
    base.x = 7;
    function callFirst(p) { return p.first(); }
    let t = 0;
    for (let k = 0; k < 3000; k++) t += callFirst(Object.create(base));
    console.log(t, callFirst(Object.create(base)));
    """
    let compiled = run(inherited, name: "leaf3.js", TierSetting(mode: .on, threshold: 100))
    #expect(compiled.output == "21000 7\n")  // as node v20 prints
    #expect(compiled.statistics.installed.filter { $0.name == "callFirst" }.map(\.inlinedCalls) == [1], "\(compiled.statistics.installed)")
    // A sloppy function's `this` is the global object for `undefined`: it
    // stays a call.
    let sloppy = """
    function me() { return this; }
    function callMe() { return me() === globalThis; }
    let n = 0;
    for (let k = 0; k < 3000; k++) if (callMe()) n++;
    console.log(n);
    """
    #expect(run(sloppy, name: "leaf4.js", TierSetting(mode: .on, threshold: 100)).output == "3000\n")  // as node v20 prints
    // Five property reads are more than a leaf's (PureLeaf.maximumPropertyReads).
    let wide = """
    class R { constructor() { this.a = 1; this.b = 2; this.c = 3; this.d = 4; this.e = 5; }
      four() { return this.a + this.b + this.c + this.d; }
      five() { return this.a + this.b + this.c + this.d + this.e; } }
    function sums(r) { return r.four() * 100 + r.five(); }
    let w = 0;
    for (let k = 0; k < 3000; k++) w += sums(new R());
    console.log(w);
    """
    leafCallsAgree(wide, name: "leaf5.js", expected: "3045000\n", inlined: ["sums": 1, "(anonymous)": 1])  // as node v20 prints
}

/// Leaves that branch forwards (early returns, `?:`, `||`, `??`), load
/// string constants and read closure variables: comparisons and `===` of numbers, bitwise operators
/// on int32s, conditions on booleans, numbers, null and undefined, paths
/// that join with values of different kinds. Values the sites never saw
/// (-0, NaN, strings equal in another cell, numbers that are no int32s,
/// objects as conditions) and a closure variable in its temporal dead zone
/// agree with the interpreter.
@Test func pureLeafBranchesJoinAndReadClosureVariables() {
    let source = """
    const FORWARD = 1, HELD = 4, SUSPENDED = 2;
    class Edge {
      constructor(a, b, d) { this.a = a; this.b = b; this.direction = d; }
      input() { return this.direction === FORWARD ? this.a : this.b; }
      heldOrSuspended() { return (this.direction & HELD) !== 0 || this.direction === SUSPENDED; }
    }
    function sign(x) { if (x < 0) return -1; if (x > 0) return 1; return x; }
    function clamp(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; }
    function bits(a, b) { return ((a & b) | (a ^ b)) + (a << 3) + (b >> 1) + (a >>> 28); }
    function same(a, b) { return a === b; }
    function differ(a, b) { return a !== b ? 1 : 0; }
    function truthy(v) { return v ? "yes" : "no"; }
    function orElse(v, w) { return v || w; }
    function defaulted(v) { return v ?? 7; }
    function isUndef(v) { return v === undefined ? 1 : 2; }
    function lessEq(a, b) { return a <= b; }
    function readLater() { return LATE; }
    function tally(n) {
      const e1 = new Edge("a1", "b1", FORWARD), e2 = new Edge("a2", "b2", 0), e3 = new Edge(0, 0, HELD | 1);
      let s = 0, t = "";
      for (let i = 0; i < n; i++) {
        t = e1.input() + e2.input();
        s += (e3.heldOrSuspended() ? 1 : 0) + (e2.heldOrSuspended() ? 10 : 0);
        s += sign(i - 50) + clamp(i, 10, 90) + bits(i, i + 3) + (lessEq(i, 40) ? 1 : 0);
        s += differ(i, 7) + (same(i, 3) ? 100 : 0) + isUndef(i > 5 ? undefined : i) + defaulted(i % 3 ? null : i);
        t += truthy(i % 2) + orElse(i % 4, "z");
      }
      return s + " " + t;
    }
    const out = [];
    for (let k = 0; k < 30; k++) out[0] = tally(100);
    // The same sites with what they never saw.
    function probe(a, b) {
      return [sign(a), clamp(a, 1, 3), bits(a, b), same(a, b), differ(a, b), truthy(a), orElse(a, b), defaulted(a), isUndef(a), lessEq(a, b)].join(",");
    }
    for (let k = 0; k < 300; k++) out[1] = probe(k, k + 1);
    for (const [a, b] of [[-0, 0], [NaN, NaN], ["5", "5"], ["ab", "a" + "b"], [2 ** 31, 1], [1.5, 2], [-1, 3], [2 ** 40 + 3, 1], [2 ** 63 + 2 ** 20, 1],
                          [{}, {}], [null, undefined], [1, 1.0], [true, true], [Math, Math], ["", 0], [0.5, "s"], [undefined, null], ["a", "b"]]) {
      out.push(probe(a, b));
    }
    const e = new Edge("x", "y", "1");
    out.push(e.input(), e.heldOrSuspended(), new Edge(1, 2, 2).heldOrSuspended());
    // A closure variable read before it is set (TDZ), then after.
    function readAll(n) { let r = 0; for (let i = 0; i < n; i++) { try { r += readLater() === 10 ? 2 : 1; } catch (err) { r -= 1; } } return r; }
    for (let k = 0; k < 30; k++) out[2] = readAll(50);
    out.push(readAll(3));
    let LATE = 10;
    out.push(readAll(3));
    console.log(out.join(" | "));
    """
    let expected = "55628 a1b2yes3 | 1,3,2845,false,1,yes,299,299,2,true | -50 | NaN,NaN,0,false,1,no,NaN,NaN,2,false | 1,3,47,true,0,yes,5,5,2,true | ab,ab,0,true,0,yes,ab,ab,2,true | 1,3,-2147483639,false,1,yes,2147483648,2147483648,2,false | 1,1.5,12,false,1,yes,1.5,1.5,2,true | -1,1,7,false,1,yes,-1,-1,2,true | 1,3,27,false,1,yes,1099511627779,1099511627779,2,false | 1,3,9437185,false,1,yes,9223372036855824000,9223372036855824000,2,false | [object Object],[object Object],0,false,1,yes,[object Object],[object Object],2,true | ,1,0,false,1,no,,7,2,false | 1,1,9,true,0,yes,1,1,2,true | 1,true,9,true,0,yes,true,true,2,true | [object Math],[object Math],0,true,0,yes,[object Math],[object Math],2,true | ,1,0,false,1,no,0,,2,true | 1,1,0,false,1,yes,0.5,0.5,2,false | ,,0,false,1,no,,7,1,false | a,a,0,false,1,yes,a,a,2,true | y | false | true | -3 | 6\n"  // as node v20 prints
    leafCallsAgree(source, name: "leaf7.js", expected: expected, inlined: ["tally": 17, "probe": 10, "readAll": 1])
}

/// Methods that store into existing own properties (`this.n += STEP`,
/// `o.a = v`) are leaves when they do not branch: every store's check is
/// made before any store. Frozen and read-only objects, an own setter,
/// another shape and a string receiver make the call, which throws (strict
/// code) or stores as the interpreter does; a failed check on a later
/// store leaves the earlier one to the call.
@Test func pureLeafStoresWaitForEveryCheck() {
    let source = """
    "use strict";
    const STEP = 2;
    class Counter {
      constructor() { this.n = 0; this.flags = 5; }
      bump() { this.n += STEP; }
      clear(bit) { this.flags &= ~bit; }
    }
    function setBoth(o, v) { o.a = v; o.b = v * 2; return v; }
    function poke(c, o, k) { c.bump(); c.clear(k & 4); return setBoth(o, k); }
    const c = new Counter(), target = { a: 0, b: 0 };
    let s = 0;
    for (let k = 0; k < 3000; k++) s += poke(c, target, k);
    const out = [s, c.n, c.flags, target.a, target.b];
    // Objects the stores' sites never saw: frozen, read-only, a setter of its own, another shape, a string.
    const frozen = Object.freeze({ a: 1, b: 2 });
    const readOnly = { a: 1, b: 2 };
    Object.defineProperty(readOnly, "b", { writable: false });
    let setterRuns = 0;
    const withSetter = { a: 1, set b(v) { setterRuns += v; } };
    const other = { z: 1, a: 1, b: 2 };
    for (const o of [frozen, readOnly, withSetter, other]) {
      try { out.push(poke(c, o, 9), JSON.stringify(o)); } catch (e) { out.push(e.constructor.name, JSON.stringify(o)); }
    }
    try { poke(c, "text", 1); } catch (e) { out.push(e.constructor.name); }
    out.push(setterRuns, c.n, c.flags);
    // A store after which the check of a later store fails: neither is made.
    function two(p, q) { p.a = 1; q.a = 2; return 0; }
    const p1 = { a: 0 }, q1 = { a: 0 };
    function twice(n) { for (let k = 0; k < n; k++) two(p1, q1); }
    twice(3000);
    const p2 = { a: 0 }, q2 = Object.freeze({ a: 5 });
    try { two(p2, q2); } catch (e) { out.push(e.constructor.name); }
    out.push(p2.a, q2.a);
    // A read after a store, a store on one path only: calls.
    function storeThenRead(o, v) { o.a = v; return o.a; }
    function maybeStore(o, flag) { if (flag) o.a = 7; return 1; }
    function mixed(n, o) { let r = 0; for (let k = 0; k < n; k++) { r += storeThenRead(o, k); maybeStore(o, k % 2 === 0); } return r + ":" + o.a; }
    out.push(mixed(3000, { a: 0 }));
    console.log(out.join(" "));
    """
    let expected = "4498500 6000 1 2999 5998 TypeError {\"a\":1,\"b\":2} TypeError {\"a\":9,\"b\":2} 9 {\"a\":9} 9 {\"z\":1,\"a\":9,\"b\":18} TypeError 18 6010 1 TypeError 1 5 4498500:2999\n"  // as node v20 prints
    leafCallsAgree(source, name: "leaf8.js", expected: expected, inlined: ["poke": 3, "twice": 1])
}

/// Constructors that only store new properties into `this` (computed as a
/// pure leaf computes) are leaves of `new`: the site makes the object and
/// adds the properties as the constructor's cache saw them added. Non-number
/// arithmetic, too few arguments, another constructor at the site, a
/// subclass, a field initializer, a non-constructor, a setter or read-only
/// property put on the prototype later, and a new `prototype` all keep to
/// what the constructor itself does.
@Test func pureLeafConstructorsMakeTheirObjectAtTheSite() {
    let source = """
    class V {
      constructor(x, y) { this.x = x; this.y = y; }
      sum() { return this.x + this.y; }
    }
    function P(a, b) { this.a = a; this.b = b * 2 + 0.5; this.c = -a; return this; }
    class Q { constructor(n) { const t = this; t.n = n; t.half = n / 2; } }
    function make(C, a) { return new C(a, 1); }
    function build(n) {
      let s = 0, last;
      for (let i = 0; i < n; i++) {
        const v = new V(i, i * 0.5), p = new P(i, i), q = new Q(i);
        s += v.sum() + p.a + p.b + p.c + q.half;
        last = [v, p, q];
      }
      return [s, last.map(o => Object.keys(o).join("") + ":" + Object.values(o).join(",")).join(" ")].join(" ");
    }
    const out = [];
    for (let k = 0; k < 30; k++) out[0] = build(200);
    for (let k = 0; k < 3000; k++) make(V, k);
    out.push(build(3));
    // Arguments that are no numbers, too few arguments, the object checks.
    const odd = new P("s", "t"), few = new V(1), obj = new V({ k: 1 }, null);
    out.push(odd.a + "/" + odd.b + "/" + odd.c, few.x + "/" + few.y + "/" + Object.keys(few).length, obj.x.k + "/" + obj.y);
    const v = make(V, 4);
    out.push(v instanceof V, Object.getPrototypeOf(v) === V.prototype, v.sum(), JSON.stringify(v));
    // Another constructor at the site, a subclass, a non-constructor.
    class S extends V { constructor(x, y) { super(x, y); this.z = 0; } }
    const methods = { m(x, y) { this.x = x; } };
    out.push(JSON.stringify(make(S, 2)), JSON.stringify(make(P, 3)));
    try { make(methods.m, 1); } catch (e) { out.push(e.constructor.name); }
    try { make(() => 0, 1); } catch (e) { out.push(e.constructor.name); }
    // A field initializer makes the constructor do more.
    class W { z = 9; constructor(x, y) { this.x = x; this.y = y; } }
    out.push(JSON.stringify(make(W, 5)));
    // A setter on the prototype, then a read-only `x`, then a new prototype.
    let sets = 0;
    Object.defineProperty(V.prototype, "y", { set(value) { sets += value; }, get() { return "got"; }, configurable: true });
    const withSetter = make(V, 6);
    out.push(sets, withSetter.y, Object.keys(withSetter).join(""));
    delete V.prototype.y;
    Object.defineProperty(V.prototype, "x", { value: "proto", writable: false, configurable: true });
    try { make(V, 7); } catch (e) { out.push(e.constructor.name); }
    delete V.prototype.x;
    out.push(JSON.stringify(make(V, 8)));
    P.prototype = { kind: "new proto" };
    const p2 = make(P, 9);
    out.push(p2.kind, p2 instanceof P, JSON.stringify(p2));
    // Sites that only saw a method, or a class with a field: the same code
    // as a leaf's, but `new` throws, or runs the initializer first.
    function makeMethod(C, a) { return new C(a, 1); }
    function makeFielded(C, a) { return new C(a, 1); }
    let thrown = 0, fields = 0;
    for (let k = 0; k < 300; k++) {
      try { makeMethod(methods.m, k); } catch (e) { thrown++; }
      fields += makeFielded(W, k).z;
    }
    out.push(thrown, fields);
    // A property set twice (the second store is no transition), and a
    // constructor whose cache first saw `this` with another property (and
    // the same prototype).
    function Twice(a) { this.v = a; this.v = a + 1; }
    function Base(x) { this.x = x; }
    function Sub(x) { this.pre = 1; Base.call(this, x); }
    Sub.prototype = Base.prototype;
    function makeTwice(a) { return new Twice(a); }
    function makeBase(x) { return new Base(x); }
    new Sub(0);
    // A constructor that returns an object gives that object: a call.
    function Returns(o) { this.k = 1; return o; }
    function makeReturns(o) { return new Returns(o); }
    const given = { given: true };
    let twice = 0, keys = "", same = 0;
    for (let k = 0; k < 300; k++) {
      twice += makeTwice(k).v;
      keys = Object.keys(makeBase(k)).join("");
      if (makeReturns(given) === given) same++;
    }
    out.push(twice, keys, same);
    // A constructor that branches is called (its stores depend on the path).
    function Branchy(a) { if (a > 150) this.high = a; else this.low = a; }
    function makeBranchy(a) { return new Branchy(a); }
    let branchKeys = "";
    for (let k = 0; k < 300; k++) branchKeys = Object.keys(makeBranchy(k)).join("");
    out.push(branchKeys, Object.keys(makeBranchy(1)).join(""));
    console.log(out.join(" | "));
    """
    let expected = "79700 xy:199,99.5 abc:199,398.5,-199 nhalf:199,99.5 | 13.5 xy:2,1 abc:2,4.5,-2 nhalf:2,1 | s/NaN/NaN | 1/undefined/2 | 1/null | true | true | 5 | {\"x\":4,\"y\":1} | {\"x\":2,\"y\":1,\"z\":0} | {\"a\":3,\"b\":2.5,\"c\":-3} | TypeError | TypeError | {\"z\":9,\"x\":5,\"y\":1} | 1 | got | x | TypeError | {\"x\":8,\"y\":1} | new proto | true | {\"a\":9,\"b\":2.5,\"c\":-9} | 300 | 2700 | 45150 | x | 300 | high | low\n"  // as node v20 prints
    leafCallsAgree(source, name: "leaf6.js", expected: expected,
                   inlined: ["build": 4, "make": 1, "makeMethod": 1, "makeFielded": 1, "makeTwice": 1, "makeBase": 1])
}

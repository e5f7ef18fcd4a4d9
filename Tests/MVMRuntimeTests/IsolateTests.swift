// Isolates are independent, cheap, and fail without taking the process down.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import MVMRuntime
import MVMSyntax

@Test func twoIsolatesRunIndependentProgramsInterleaved() throws {
    let a = Isolate(), b = Isolate()
    var outA: [UInt8] = [], outB: [UInt8] = []
    a.stdoutSink = { outA += $0 }
    b.stdoutSink = { outB += $0 }
    // The same global names hold different values in each isolate.
    #expect(a.runProgram(SourceFile(name: "a.js", text: "var shared = 'A'; Array.prototype.tag = 'A';"), as: .script) == nil)
    #expect(b.runProgram(SourceFile(name: "b.js", text: "var shared = 'B';"), as: .script) == nil)
    for step in 0..<3 {
        #expect(a.runProgram(SourceFile(name: "a.js", text: "shared += \(step); console.log(shared, [].tag);"), as: .script) == nil)
        #expect(b.runProgram(SourceFile(name: "b.js", text: "shared += \(step); console.log(shared, [].tag);"), as: .script) == nil)
    }
    a.flushOutput(); b.flushOutput()
    #expect(String(decoding: outA, as: UTF8.self) == "A0 A\nA01 A\nA012 A\n")
    #expect(String(decoding: outB, as: UTF8.self) == "B0 undefined\nB01 undefined\nB012 undefined\n")
}

@Test func isolatesOnSeparateThreads() async {
    await withTaskGroup(of: String.self) { group in
        for n in 0..<4 {
            group.addTask {
                let result = run("let s = 0; for (let i = 0; i <= \(n * 1000); i++) s += i; console.log(s);")
                return result.stdout.first ?? ""
            }
        }
        var results: [String] = []
        for await r in group { results.append(r) }
        #expect(results.sorted() == ["0", "2001000", "500500", "4501500"].sorted())
    }
}

/// The process's resident memory, after handing freed heap back to the system
/// (other tests in this process, the JIT's compiles above all, free a lot).
private func residentBytes() -> Int {
    // glibc's malloc_trim, looked up (the Glibc module does not export it).
    if let trim = dlsym(nil, "malloc_trim") {
        _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
    }
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return (Int(fields.count > 1 ? fields[1] : "0") ?? 0) * Int(getpagesize())
}

@Test(.serialized) func creatingAndDisposingManyIsolatesDoesNotGrowMemory() {
    func cycle() {
        let isolate = Isolate()
        _ = isolate.runProgram(SourceFile(name: "i.js", text: "const o = {a: [1, 2, 3]}; o.b = o.a.map(x => x * 2);"), as: .script)
        isolate.dispose()
    }
    for _ in 0..<1_000 { cycle() }
    // Tests running alongside in this process (the JIT's above all) move the
    // resident size too, for a while; a leak grows it in every window, so
    // the test passes once one window stays flat.
    var growth: [Int] = []
    for _ in 0..<8 {
        let before = residentBytes()
        for _ in 0..<3_000 { cycle() }
        growth.append(residentBytes() - before)
        if growth.last! < 16 << 20 { break }
    }
    // A leak of even one realm per isolate (hundreds of KB) would add gigabytes.
    #expect(growth.min()! < 16 << 20, "grew by \(growth) bytes per 3,000 isolates")
}

@Test func tenThousandNestedCallsWork() {
    let result = run("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); } console.log(depth(10000));")
    #expect(result.stdout == ["10000"])
}

@Test func unboundedRecursionIsACatchableRangeError() {
    let source = """
        function down(n) { return down(n + 1) + 1; }
        try { down(0); } catch (e) { console.log(e instanceof RangeError, e.message); }
        const o = { get loop() { return this.loop; } };
        try { o.loop; } catch (e) { console.log(e instanceof RangeError, e.message); }
        console.log('still running');
        """
    let result = run(source)
    #expect(result.stdout == ["true Maximum call stack size exceeded", "true Maximum call stack size exceeded", "still running"])
}

@Test func longStringBuiltInALoopStaysCorrect() {
    let result = run("let s = ''; for (let i = 0; i < 200000; i++) s += 'ab'; console.log(s.length, s.slice(-4), s[399999]);")
    #expect(result.stdout == ["400000 abab b"])
}

@Test func garbageIsCollected() {
    let isolate = Isolate()
    let source = "let keep = []; for (let i = 0; i < 200000; i++) { const o = {i, s: 'x' + i}; if (i % 1000 === 0) keep.push(o); } console.log(keep.length);"
    #expect(printed(by: isolate, "gc.js", source) == "200\n")
    #expect(isolate.report.collections > 0)
    #expect(isolate.report.liveBytes < 16 << 20)
}

/// Dead objects' side buffers (out-of-line slots, elements) are freed as
/// their cells are swept, beside the plain objects that own none: the
/// heap (side buffers included) stays the size of what is live.
@Test func deadObjectsFreeTheirSideBuffers() {
    let isolate = Isolate()
    let source = """
        let keep = [], total = 0;
        for (let i = 0; i < 100000; i++) {
          const plain = { i }, wide = { a: 1, b: 2, c: 3, d: 4 };
          for (let k = 0; k < 12; k++) wide["extra" + (k % 12)] = k;
          const list = [i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i];
          total += plain.i + wide.extra11 + list.length;
          if (i % 10000 === 0) keep.push(wide, list);
        }
        console.log(total, keep.length);
        """
    #expect(printed(by: isolate, "buffers.js", source) == "5002650000 20\n")
    #expect(isolate.report.collections > 3)
    #expect(isolate.report.heapBytes < 16 << 20)
}

@Test func exhaustingTheHeapLimitIsACatchableRangeError() {
    let isolate = Isolate()
    isolate.heapLimit = 32 << 20
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    let source = """
        let hoard = [];
        try { for (;;) hoard.push({ payload: [1, 2, 3, 4, 5, 6, 7, 8] }); }
        catch (e) { console.log(e instanceof RangeError, e.message); }
        hoard = null;
        const after = []; for (let i = 0; i < 1000; i++) after.push({ i });
        console.log('recovered', after.length);
        """
    #expect(isolate.runProgram(SourceFile(name: "oom.js", text: source), as: .script) == nil)
    isolate.flushOutput()
    #expect(String(decoding: out, as: UTF8.self) == "true Out of memory: the isolate's heap limit of 32 MB was reached\nrecovered 1000\n")
}

@Test func weakMapEntriesDieWithTheirKeys() {
    let isolate = Isolate()
    isolate.gcStress = true
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    let source = """
        var wm = new WeakMap(), ws = new WeakSet();
        var kept = { name: 'kept' };
        wm.set(kept, { value: 'payload of kept' });
        ws.add(kept);
        for (let i = 0; i < 100; i++) { const temp = {}; wm.set(temp, { chain: temp }); ws.add(temp); }
        const check = [];
        for (let i = 0; i < 10; i++) check.push({});
        console.log(wm.get(kept).value, wm.has(kept), ws.has(kept));
        """
    #expect(isolate.runProgram(SourceFile(name: "weak.js", text: source), as: .script) == nil)
    isolate.flushOutput()
    #expect(String(decoding: out, as: UTF8.self) == "payload of kept true true\n")
    isolate.collectGarbage()
    // Only the entry whose key is still reachable (a global) survives.
    #expect(isolate.weakEntryCount == 2)
}

/// Call feedback holds its callees weakly: closures the program dropped are
/// collected, and their slots keep only what the JIT reads (a JS function
/// or another callee), never the freed cell's address (whose page may go
/// back to malloc: reading it when the function tiered up crashed).
@Test func callFeedbackLetsCalleesDie() {
    let isolate = Isolate()
    let source = """
        function caller(f, x) { return f(x); }
        function make(k) { return x => x + k; }
        var kept = make(100);
        var total = caller(make(1), 1) + caller(make(2), 2) + caller(Math.abs, -3) + caller(kept, 0);
        console.log(total);
        """
    #expect(printed(by: isolate, "feedback.js", source) == "109\n")
    #expect(isolate.deadCalleeFeedbackCount == 0)
    isolate.collectGarbage()
    // The two closures made for one call died; Math.abs and `kept` live on.
    #expect(isolate.deadCalleeFeedbackCount == 2)
    isolate.collectGarbage()
    #expect(isolate.deadCalleeFeedbackCount == 2)
}

/// Inline caches let dead prototypes go: an entry that reads through a
/// prototype the program dropped is emptied by the collector (the address
/// could come back as another prototype with another layout); an entry
/// whose prototype lives stays.
@Test func inlineCachesLetPrototypesDie() {
    let isolate = Isolate()
    let source = """
        function readKept(o) { return o.m; }
        function read(o) { return o.m; }
        var keptProto = { m: "kept" };
        var kept = Object.create(keptProto);
        var dropped = Object.create({ m: "dropped" });
        console.log(readKept(kept), readKept(kept), read(dropped), read(dropped));
        dropped = null;
        """
    #expect(printed(by: isolate, "protos.js", source) == "kept kept dropped dropped\n")
    #expect(isolate.prototypeCacheEntryCount == 2)
    isolate.collectGarbage()
    #expect(isolate.prototypeCacheEntryCount == 1)
    let again = "console.log(readKept(kept), read(kept), read(Object.create({ m: 'new' })));"
    #expect(printed(by: isolate, "again.js", again) == "kept kept new\n")
}

/// What running `source` as a script in `isolate` printed (with an
/// uncaught error's report, if any).
private func printed(by isolate: Isolate, _ name: String, _ source: String) -> String {
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    let failure = isolate.runProgram(SourceFile(name: name, text: source), as: .script)
    isolate.flushOutput()
    return String(decoding: out, as: UTF8.self) + (failure.map { "uncaught: \($0)\n" } ?? "")
}

@Test func collectionIteratorsLeaveTheirTableWhenDoneOrDead() {
    let isolate = Isolate()
    isolate.gcStress = true
    var out: [UInt8] = []
    isolate.stdoutSink = { out += $0 }
    let setUp = """
        var m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
        for (let i = 0; i < 100; i++) m.keys().next();   // dropped part way
        for (const entry of m) {}                        // finished: leaves at once
        var kept = m.values(); kept.next();
        """
    #expect(isolate.runProgram(SourceFile(name: "iterators.js", text: setUp), as: .script) == nil)
    isolate.collectGarbage()
    #expect(isolate.collectionIteratorCount == 1)
    // The kept iterator still follows its entry through rebuilds.
    let churn = """
        m.delete(1);
        for (let i = 0; i < 1000; i++) m.set('k' + i, i);
        for (let i = 0; i < 1000; i++) m.delete('k' + i);
        console.log(kept.next().value, kept.next().value, kept.next().done);
        """
    #expect(isolate.runProgram(SourceFile(name: "churn.js", text: churn), as: .script) == nil)
    isolate.flushOutput()
    #expect(String(decoding: out, as: UTF8.self) == "b c true\n")
    #expect(isolate.collectionIteratorCount == 0)
}

@Test func mapMemoryFollowsLiveEntriesNotOperations() {
    // The heap counts a Map's table; deleted entries give their room back.
    func heapGrowth(_ source: String) -> Int {
        let isolate = Isolate()
        let before = isolate.report.heapBytes
        #expect(isolate.runProgram(SourceFile(name: "map.js", text: source), as: .script) == nil)
        return isolate.report.heapBytes - before
    }
    let holding = heapGrowth("var m = new Map(); for (let i = 0; i < 100000; i++) m.set(i, i);")
    let churning = heapGrowth("var m = new Map(); for (let i = 0; i < 100000; i++) { m.set(i, i); m.delete(i); }")
    let emptied = heapGrowth("var s = new Set(); for (let i = 0; i < 100000; i++) s.add(i); for (let i = 0; i < 100000; i++) s.delete(i);")
    #expect(holding >= 100000 * 16)
    #expect(churning < 256 * 1024)
    #expect(emptied < 256 * 1024)
}

@Test func objectsGetInlineRoomFromTheirAllocationSite() {
    // Seven properties: an object that gets them one by one has four in the
    // cell and a side buffer for the rest; a literal naming them, or a
    // constructor assigning them to `this`, makes room in the cell for all,
    // which takes less memory than cell plus buffer.
    func heapGrowth(_ make: String) -> Int {
        let isolate = Isolate()
        let before = isolate.report.heapBytes
        let source = """
            \(make)
            var kept = [];
            for (let i = 0; i < 50000; i++) kept.push(make(i));
            if (kept[49999].g !== 49999 + 6 || kept[3].d !== 6) throw new Error("wrong values");
            """
        #expect(isolate.runProgram(SourceFile(name: "sizes.js", text: source), as: .script) == nil)
        return isolate.report.heapBytes - before
    }
    let grown = heapGrowth("""
        function make(i) { const o = {}; o.a = i; o.b = i + 1; o.c = i + 2; o.d = i + 3; o.e = i + 4; o.f = i + 5; o.g = i + 6; return o; }
        """)
    let literal = heapGrowth("function make(i) { return { a: i, b: i + 1, c: i + 2, d: i + 3, e: i + 4, f: i + 5, g: i + 6 }; }")
    let constructed = heapGrowth("""
        function P(i) { this.a = i; this.b = i + 1; this.c = i + 2; this.d = i + 3; this.e = i + 4; this.f = i + 5; this.g = i + 6; }
        function make(i) { return new P(i); }
        """)
    let derived = heapGrowth("""
        class Base { constructor(i) { this.a = i; this.b = i + 1; } }
        class Middle extends Base { c = 2; constructor(i) { super(i); this.d = i + 3; } }
        class Leaf extends Middle { e = 4; constructor(i) { super(i); this.f = i + 5; this.g = i + 6; } }
        function make(i) { return new Leaf(i); }
        """)
    // An 80-byte cell plus a 32-byte buffer against one 96-byte cell.
    #expect(literal + 50000 * 12 < grown, "literal \(literal), grown \(grown)")
    #expect(constructed + 50000 * 12 < grown, "constructed \(constructed), grown \(grown)")
    #expect(derived + 50000 * 12 < grown, "derived \(derived), grown \(grown)")
}

@Test func hostFunctionsRunByIndexAndDieWithTheirIsolate() throws {
    final class Counter { var calls = 0 }
    weak var watched: Counter?
    do {
        let isolate = Isolate()
        let counter = Counter()
        watched = counter
        // More functions than the native table starts with, so it grows
        // while the builtins already in it stay callable.
        for i in 0..<1500 {
            let f = isolate.makeHostFunction(name: "host\(i)", length: 0) { _, _ throws(Thrown) in
                counter.calls += 1
                return Value(Int32(i))
            }
            try isolate.set(isolate.globalObjectValue, key: "host\(i)", f)
        }
        var out: [UInt8] = []
        isolate.stdoutSink = { out += $0 }
        let source = "console.log(host0(), host777(), host1499(), [3, 1, 2].sort().join(''), new Set([1, 1]).size);"
        #expect(isolate.runProgram(SourceFile(name: "hosts.js", text: source), as: .script) == nil)
        isolate.flushOutput()
        #expect(String(decoding: out, as: UTF8.self) == "0 777 1499 123 1\n")
        #expect(counter.calls == 3)
    }
    // The isolate let go of the functions, and so of what they captured.
    #expect(watched == nil)
}

@Test func statsClassifyElementSitesByTheKindsTheySaw() {
    // Each function has one element read; --stats counts its site by the
    // receivers it saw, not as a named site's entry count.
    let isolate = Isolate()
    let source = """
        function arrays(a) { return a[0]; }          // arrays only: monomorphic
        function strings(s) { return s[1]; }         // strings only: monomorphic
        function both(x) { return x[0]; }            // arrays and typed arrays: polymorphic
        function generic(o, k) { return o[k]; }      // string keys: the runtime's lookup, megamorphic
        function unused(a) { return a[0]; }
        for (let i = 0; i < 10; i++) {
          arrays([i]); strings('ab'); both(i % 2 ? [i] : new Uint8Array(2)); generic({ x: i }, 'x');
        }
        """
    #expect(isolate.runProgram(SourceFile(name: "sites.js", text: source), as: .script) == nil)
    let states = isolate.report.cacheStates
    #expect(states[1] >= 2)  // and the object literal's named site
    #expect(states[2] == 1)
    #expect(states[3] == 1)
    #expect(states[0] >= 1)
}

@Test func deepDataStructuresFailCleanlyOnASmallThread() throws {
    // Hosts may run an isolate on a thread with a small stack; recursive
    // builtins must stop with a RangeError before the stack runs out.
    final class Box: @unchecked Sendable { var lines: [String] = [] }
    let box = Box()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 512 * 1024)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(box).toOpaque()
    let rc = pthread_create(&thread, &attributes, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        let source = """
            let deep = []; for (let i = 0; i < 100000; i++) deep = [deep];
            for (const f of [() => JSON.stringify(deep), () => deep.flat(Infinity), () => String(deep),
                             () => JSON.parse('['.repeat(100000) + ']'.repeat(100000))]) {
              try { f(); console.log('no error'); } catch (e) { console.log(e.name); }
            }
            """
        box.lines = run(source).stdout
        return nil
    }, context)
    #expect(rc == 0)
    pthread_join(thread, nil)
    #expect(box.lines == ["RangeError", "RangeError", "RangeError", "RangeError"])
}

// Running a whole program the way the CLI does: compile, run, report an
// uncaught exception like Node, and the --stats numbers.
import MVMBytecode
import MVMSyntax

public struct IsolateReport: Sendable {
    public var bytecodesExecuted: UInt64
    public var collections: Int
    public var collectionMilliseconds: Double
    public var heapBytes: Int
    public var liveBytes: Int
    public var cacheStates: [Int]  // uninitialized, monomorphic, polymorphic, megamorphic
    public var callStates: [Int]   // the same for call and `new` sites
    public var functionsRun: Int

    public var description: String {
        """
        bytecodes executed: \(bytecodesExecuted)
        gc: \(collections) collections, \(String(format3(collectionMilliseconds))) ms
        heap: \(heapBytes) bytes (\(liveBytes) live after last collection)
        property caches: \(cacheStates[0]) uninitialized, \(cacheStates[1]) monomorphic, \(cacheStates[2]) polymorphic, \(cacheStates[3]) megamorphic
        call sites: \(callStates[0]) unused, \(callStates[1]) monomorphic, \(callStates[2]) polymorphic, \(callStates[3]) megamorphic
        functions run: \(functionsRun)
        """
    }
}

func format3(_ d: Double) -> String {
    let scaled = (d * 1000).rounded() / 1000
    return formatNumber(scaled)
}

extension Isolate {
    /// Compiles and runs a program. Returns nil on success, or the text Node
    /// would print for the uncaught exception (syntax errors included).
    public func runProgram(_ source: SourceFile, as goal: Goal) -> String? {
        if goal == .module { return runModule(source) }
        let block: CodeBlock
        if frameCount == 0 { refreshStackGuard() }
        do {
            block = try CodeCache.shared.compile(source, as: goal, stackGuard: stackGuard)
        } catch {
            return error.description
        }
        do {
            _ = try run(block)
            flushOutput()
            return nil
        } catch {
            flushOutput()
            return uncaughtReport()
        }
    }

    /// A module with no imports to resolve (any import is "Module not found").
    private func runModule(_ source: SourceFile) -> String? {
        do {
            let record = try makeModule(source) { _ throws(Thrown) in nil }
            try evaluateModuleGraph(record)
            flushOutput()
            return nil
        } catch {
            flushOutput()
            return uncaughtReport()
        }
    }

    /// The Node-style report of the pending exception, which it clears.
    public func uncaughtReport() -> String { uncaughtReport(for: takeException()) }

    /// The Node-style report of an uncaught exception value.
    public func uncaughtReport(for exception: Value) -> String {
        var text = ""
        if let site = throwSite {
            text += "\(site.file):\(site.line)\n\(site.lineText)\n\(String(repeating: " ", count: max(0, site.column - 1)))^\n\n"
        }
        if exception.isCell(.error) {
            let stack = (try? get(exception, PropertyKey(names.stack))) ?? .undefined
            text += stack.isString ? swiftString(stack) : ((try? inspect(exception)) ?? "Error")
            // Extra own properties, as Node shows them.
            let extra = ownKeys(exception.cell, onlyEnumerable: true)
            if !extra.isEmpty, let full = try? inspect(exception) { text = text.replacingLast(stack.isString ? swiftString(stack) : "", with: full) }
        } else {
            text += "Uncaught " + ((try? inspect(exception)) ?? "exception")
        }
        return text
    }

    /// The feedback sites of a block's element reads and writes.
    private func keyedSites(_ block: CodeBlock) -> Set<Int> {
        var sites = Set<Int>()
        var offset = 0
        while offset < block.codeCount {
            guard let op = Opcode(rawValue: UInt8(truncatingIfNeeded: block.code[offset])) else { break }
            if op == .getIndexed || op == .setIndexed { sites.insert(Int(block.code[offset + 3])) }
            offset += op.info.length
        }
        return sites
    }

    public var report: IsolateReport {
        var states = [0, 0, 0, 0]
        var calls = [0, 0, 0, 0]
        for instance in allInstances {
            let data = instance.data.pointee
            let keyed = keyedSites(instance.block)
            for i in 0..<instance.block.propertyCacheCount {
                let s = data.cacheStates[i]
                if keyed.contains(i) {
                    // Element sites record the kinds of receivers they saw
                    // (KeyedFeedback bits): one kind is monomorphic, a
                    // generic one (the runtime's lookup) megamorphic. The
                    // typed arrays' element kinds do not count.
                    let kinds = s & KeyedFeedback.receiverKinds
                    states[s == 0 ? 0 : kinds & 4 != 0 ? 3 : kinds.nonzeroBitCount == 1 ? 1 : 2] += 1
                } else {
                    // Named sites count their cache entries (5: megamorphic).
                    states[s == 0 ? 0 : s == 1 ? 1 : s <= 4 ? 2 : 3] += 1
                }
            }
            for i in 0..<instance.block.callFeedbackCount {
                calls[CallFeedback.state(data.callFeedback + i * CallFeedback.width)] += 1
            }
        }
        return IsolateReport(bytecodesExecuted: statistics.bytecodesExecuted, collections: heap.collections,
                             collectionMilliseconds: Double(heap.collectionNanoseconds) / 1e6,
                             heapBytes: heap.heapSize, liveBytes: heap.liveBytes, cacheStates: states, callStates: calls,
                             functionsRun: allInstances.filter { $0.data.pointee.entryCount > 0 }.count)
    }
}

extension String {
    func replacingLast(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, hasSuffix(target) else { return self }
        return String(dropLast(target.count)) + replacement
    }
}

struct ThrowSite {
    var file: String
    var line: Int
    var column: Int
    var lineText: String
    /// The exception thrown there: the site stays while that exception
    /// propagates (Isolate.unwind).
    var exception: UInt64 = 0
}

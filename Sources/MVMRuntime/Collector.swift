// The mark phase of the collector. Roots: the register stack up to its top
// (which covers every frame and the values natives pushed), frame records,
// the realm's intrinsics, atoms, pinned symbols, cached template objects
// and the pending exception. Marking uses an explicit stack, so deep
// structures never recurse on the native stack.

extension Isolate {
    public func collectGarbage() {
        let start = monotonicNanoseconds
        var stack: [Cell] = []
        stack.reserveCapacity(1024)

        @inline(__always) func mark(_ v: Value) {
            guard v.isCell else { return }
            let cell = v.cell
            if cell.marked { return }
            cell.marked = true
            stack.append(cell)
        }

        // Roots.
        var p = registerBase
        while p < stackTop { mark(p.pointee); p += 1 }
        for i in 0..<frameCount {
            mark(frames[i].callee)
            mark(frames[i].newTarget)
            mark(frames[i].arguments)
            mark(frames[i].generator)
        }
        mark(pendingException)
        for v in realmRoots { mark(v) }
        for v in intrinsicRoots { mark(v) }
        for v in pinnedSymbols { mark(v) }
        for v in symbolRegistry.values { mark(v) }
        for v in handles { mark(v) }
        for module in modules { module.forEachRoot(mark) }
        for instance in allInstances { for v in instance.templates.values { mark(v) } }
        atoms.forEach { $0.marked = true }

        // Trace. WeakMap/WeakSet entries wait: they are ephemerons.
        var weakCollections: [Cell] = []
        var collectionsWithIterators: [Cell] = []
        func drain() {
        while let cell = stack.popLast() {
            switch cell.cellKind {
            case .string, .free:
                break
            case .rope:
                mark(cell.value(at: 8))
                mark(cell.value(at: 16))
            case .symbol:
                mark(cell.value(at: 8))
            case .context:
                mark(cell.value(at: 8))
                for i in 0..<Int(cell.aux) { mark(cell.value(at: 16 + 8 * i)) }
            case .accessor:
                mark(cell.value(at: 8))
                mark(cell.value(at: 16))
            default:
                mark(cell.proto)
                // The slot count and layout without retaining the shape (one
                // retain and release per marked object otherwise).
                let (slotCount, inlineOffset, inlineCount) = cell.withShape { ($0.slotCount, $0.inlineOffset, $0.inlineCount) }
                if slotCount > 0 {
                    let inline = min(slotCount, inlineCount)
                    for i in 0..<inline { mark(cell.value(at: inlineOffset + 8 * i)) }
                    if slotCount > inlineCount, let outOfLine = cell.outOfLineSlots {
                        for i in 0..<(slotCount - inlineCount) { mark(outOfLine[i]) }
                    }
                }
                let n = min(cell.elementLength, cell.elementCapacity)
                if n > 0 {
                    let values = cell.elementValues
                    for i in 0..<n { mark(values[i]) }
                }
                let kind = cell.cellKind
                for i in 0..<ObjectLayout.internalCount(kind) { mark(cell.internalValue(i)) }
                if kind == .map || kind == .set, let table = mapTable(cell) {
                    for i in 0..<table.used {
                        mark(table.key(i))
                        mark(table.value(i))
                    }
                    if table.iteratorCount > 0 { collectionsWithIterators.append(cell) }
                } else if kind == .weakMap || kind == .weakSet {
                    weakCollections.append(cell)
                }
            }
        }
        }
        drain()
        // A weak entry's value lives while its key does; repeat until stable.
        var changed = true
        while changed {
            changed = false
            for cell in weakCollections where cell.cellKind == .weakMap {
                guard let table = mapTable(cell) else { continue }
                for i in 0..<table.used where !table.key(i).isEmpty && table.key(i).cell.marked {
                    let value = table.value(i)
                    if value.isCell && !value.cell.marked {
                        mark(value)
                        changed = true
                    }
                }
            }
            drain()
        }
        for cell in weakCollections {
            guard let table = mapTable(cell) else { continue }
            for i in 0..<table.used where !table.key(i).isEmpty && !table.key(i).cell.marked { table.makeHole(i) }
            shrinkIfSparse(cell, table)
        }
        // A map's iterators that died leave its table before they are swept.
        for cell in collectionsWithIterators { mapTable(cell)!.pruneIterators() }
        // Feedback and inline caches hold what they saw weakly (a closure or
        // a prototype made per call would live as long as the code otherwise).
        for instance in allInstances {
            let data = instance.data.pointee
            CallFeedback.forgetDead(data.callFeedback, count: instance.block.callFeedbackCount * CallFeedback.width)
            forgetDeadCacheEntries(data.caches, count: instance.block.propertyCacheCount * 4)
        }
        heap.sweep()
        if gcStress { heap.threshold = 0 }
        heap.collections += 1
        heap.collectionNanoseconds += monotonicNanoseconds - start
    }

    /// Empties the inline-cache entries whose prototype or holder marking
    /// left unmarked: the cell's address may come back as another object,
    /// which could pass the entry's shape, prototype and epoch checks and
    /// have the holder's slot read at an offset of the dead one's layout.
    private func forgetDeadCacheEntries(_ entries: UnsafeMutablePointer<CacheEntry>, count: Int) {
        @inline(__always) func dead(_ v: Value) -> Bool { v.isCell && !v.cell.marked }
        for i in 0..<count where entries[i].shape != 0 && (dead(entries[i].proto) || dead(entries[i].holder)) {
            entries[i].shape = 0
            entries[i].proto = .empty
            entries[i].holder = .empty
        }
    }

    /// Inline-cache entries that read through a prototype (for tests that
    /// the caches let dead prototypes go).
    public var prototypeCacheEntryCount: Int {
        allInstances.reduce(0) { total, instance in
            let entries = instance.data.pointee.caches
            return total + (0..<instance.block.propertyCacheCount * 4).filter {
                entries[$0].shape != 0 && entries[$0].kind == CacheKind.proto
            }.count
        }
    }

    /// Call feedback slots whose callee the collector freed (for tests that
    /// the feedback never points at a freed cell).
    public var deadCalleeFeedbackCount: Int {
        allInstances.reduce(0) { total, instance in
            let slots = instance.data.pointee.callFeedback
            return total + (0..<instance.block.callFeedbackCount * CallFeedback.width).filter {
                slots[$0] == CallFeedback.deadFunction || slots[$0] == CallFeedback.deadOther
            }.count
        }
    }

    /// Entries in all WeakMaps and WeakSets reachable from the global object
    /// (for tests of weak semantics).
    public var weakEntryCount: Int {
        var total = 0
        forEachReachableObject { cell in
            if cell.cellKind == .weakMap || cell.cellKind == .weakSet, let table = mapTable(cell) { total += table.count }
        }
        return total
    }

    /// Iterators registered with the Maps and Sets reachable from the global
    /// object (for tests that the collector drops the ones that died).
    public var collectionIteratorCount: Int {
        var total = 0
        forEachReachableObject { cell in
            if cell.cellKind == .map || cell.cellKind == .set, let table = mapTable(cell) { total += table.iteratorCount }
        }
        return total
    }

    private func forEachReachableObject(_ body: (Cell) -> Void) {
        var seen = Set<UInt64>()
        var work: [Value] = [globalObject]
        while let v = work.popLast() {
            guard v.isObject, !seen.contains(v.bits) else { continue }
            seen.insert(v.bits)
            body(v.cell)
            for key in ownKeys(v.cell) { if let p = ownProperty(v.cell, key), !p.isAccessor { work.append(p.value) } }
        }
    }
}

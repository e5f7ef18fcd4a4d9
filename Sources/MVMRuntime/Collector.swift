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
        }
        mark(pendingException)
        for v in realmRoots { mark(v) }
        for v in intrinsicRoots { mark(v) }
        for v in pinnedSymbols { mark(v) }
        for v in symbolRegistry.values { mark(v) }
        for v in handles { mark(v) }
        for instance in allInstances { for v in instance.templates.values { mark(v) } }
        atoms.forEach { $0.marked = true }

        // Trace.
        while let cell = stack.popLast() {
            switch cell.cellKind {
            case .string, .free, .forInState:
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
                let shape = cell.shape
                let slotCount = shape.slotCount
                if slotCount > 0 {
                    let inline = min(slotCount, Shape.inlineCount)
                    for i in 0..<inline { mark(cell.value(at: shape.inlineOffset + 8 * i)) }
                    if slotCount > Shape.inlineCount, let outOfLine = cell.outOfLineSlots {
                        for i in 0..<(slotCount - Shape.inlineCount) { mark(outOfLine[i]) }
                    }
                }
                let n = min(cell.elementLength, cell.elementCapacity)
                if n > 0 {
                    let values = cell.elementValues
                    for i in 0..<n { mark(values[i]) }
                }
                let kind = cell.cellKind
                for i in 0..<ObjectLayout.internalCount(kind) { mark(cell.internalValue(i)) }
                if kind == .map || kind == .set || kind == .weakMap || kind == .weakSet,
                   let storage = mapStorage(cell) {
                    storage.forEachValue { mark($0) }
                }
            }
        }
        heap.sweep()
        if gcStress { heap.threshold = 0 }
        heap.collections += 1
        heap.collectionNanoseconds += monotonicNanoseconds - start
    }
}

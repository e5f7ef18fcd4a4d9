// The per-isolate heap: size-class pages with free lists, large cells from
// malloc, and a precise mark-sweep collector. Cells never move, so a cell
// pointer held by native code stays valid as long as the cell is reachable.
//
// Cell header (8 bytes, every cell):
//
//     byte 0    kind (CellKind)
//     byte 1    mark bit
//     byte 2    size class index (0xFF: a large cell)
//     byte 3    flags (meaning depends on the kind)
//     bytes 4-7 aux (string length, slot count, function flags, ...)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

typealias Cell = UnsafeMutableRawPointer

/// What an allocation reads and writes, in raw memory so that compiled code
/// allocates small objects itself (it gets this through JITState.heap): the
/// free lists, the size-class table, and the collection trigger.
struct HeapAllocation {
    /// One free list per size class (a free cell's second word links the next).
    var freeLists: UnsafeMutablePointer<Cell?>
    /// Size class index for each 16-byte step up to 2048.
    var classForSteps: UnsafeMutablePointer<UInt8>
    /// Bytes allocated since the last collection (cells and side buffers).
    var allocatedSinceCollection: Int
    /// Collect once `allocatedSinceCollection` passes this.
    var threshold: Int
}

extension UnsafeMutableRawPointer {
    @inline(__always) var cellKind: CellKind {
        get { load(as: CellKind.self) }
        nonmutating set { storeBytes(of: newValue, as: CellKind.self) }
    }
    @inline(__always) var marked: Bool {
        get { load(fromByteOffset: 1, as: UInt8.self) != 0 }
        nonmutating set { storeBytes(of: newValue ? 1 : 0, toByteOffset: 1, as: UInt8.self) }
    }
    @inline(__always) var sizeClass: UInt8 {
        get { load(fromByteOffset: 2, as: UInt8.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: 2, as: UInt8.self) }
    }
    @inline(__always) var cellFlags: UInt8 {
        get { load(fromByteOffset: 3, as: UInt8.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: 3, as: UInt8.self) }
    }
    @inline(__always) var aux: UInt32 {
        get { load(fromByteOffset: 4, as: UInt32.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: 4, as: UInt32.self) }
    }
    @inline(__always) func value(at offset: Int) -> Value { load(fromByteOffset: offset, as: Value.self) }
    @inline(__always) func setValue(_ value: Value, at offset: Int) { storeBytes(of: value, toByteOffset: offset, as: Value.self) }
}

final class Heap {
    static let sizeClasses: [Int] = [16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 256, 320, 384, 512, 768, 1024, 1536, 2048]
    static let largeClass: UInt8 = 0xFF
    static let pageSize = 64 * 1024

    /// Size class index for each 16-byte step up to 2048.
    private let classForSteps: UnsafeMutablePointer<UInt8>
    /// One free list per size class. Raw memory, not a Swift array: an
    /// array stored in a class pays a uniqueness check on every write,
    /// which was a third of an allocation's instructions.
    private let freeLists: UnsafeMutablePointer<Cell?>
    /// The smallest size class that holds `size` bytes (at most 2048):
    /// what `classForSteps` caches, and compiled code's allocations use.
    static func sizeClass(forSize size: Int) -> Int { sizeClasses.firstIndex { $0 >= size }! }
    /// The free lists, the class table and the trigger's counts, for
    /// compiled code too.
    let allocation: UnsafeMutablePointer<HeapAllocation>
    private var pages: [(base: Cell, cellSize: Int, sizeClass: UInt8)] = []
    private var largeCells: [(cell: Cell, size: Int)] = []

    /// Bytes allocated since the last collection (cells and side buffers).
    var allocatedSinceCollection: Int {
        @inline(__always) get { allocation.pointee.allocatedSinceCollection }
        @inline(__always) set { allocation.pointee.allocatedSinceCollection = newValue }
    }
    /// Collect once `allocatedSinceCollection` passes this.
    var threshold: Int {
        @inline(__always) get { allocation.pointee.threshold }
        @inline(__always) set { allocation.pointee.threshold = newValue }
    }
    var liveBytes = 0
    var collections = 0
    var collectionNanoseconds: UInt64 = 0
    /// Bytes in side buffers (slots, elements, string data), tracked for triggers.
    var externalBytes = 0

    init() {
        classForSteps = .allocate(capacity: 2048 / 16 + 1)
        for step in 0...(2048 / 16) { classForSteps[step] = UInt8(Heap.sizeClass(forSize: step * 16)) }
        freeLists = .allocate(capacity: Heap.sizeClasses.count)
        freeLists.initialize(repeating: nil, count: Heap.sizeClasses.count)
        allocation = .allocate(capacity: 1)
        allocation.initialize(to: HeapAllocation(freeLists: freeLists, classForSteps: classForSteps,
                                                 allocatedSinceCollection: 0, threshold: 4 << 20))
    }

    deinit {
        releaseAll()
        classForSteps.deallocate()
        freeLists.deallocate()
        allocation.deallocate()
    }

    /// Frees every page and large cell (the isolate is going away).
    func releaseAll() {
        for page in pages {
            var cell = page.base
            let end = page.base + (Heap.pageSize / page.cellSize) * page.cellSize
            while cell < end {
                if cell.cellKind != .free { Heap.finalize(cell) }
                cell += page.cellSize
            }
            free(page.base)
        }
        for (cell, _) in largeCells {
            Heap.finalize(cell)
            free(cell)
        }
        pages.removeAll()
        largeCells.removeAll()
        freeLists.update(repeating: nil, count: Heap.sizeClasses.count)
    }

    var pageCount: Int { pages.count }
    var heapSize: Int { pages.count * Heap.pageSize + largeCells.reduce(0) { $0 + $1.size } + externalBytes }

    /// A new cell of at least `size` bytes with its header set; the rest is
    /// uninitialized and the caller fills it before the next safepoint.
    @inline(__always)
    func allocate(_ size: Int, kind: CellKind) -> Cell {
        allocatedSinceCollection &+= size
        if size <= 2048 {
            let cls = Int(classForSteps[(size + 15) >> 4])
            if let cell = freeLists[cls] {
                freeLists[cls] = cell.load(fromByteOffset: 8, as: Cell?.self)
                cell.storeBytes(of: UInt64(kind.rawValue) | UInt64(cls) << 16, as: UInt64.self)
                return cell
            }
            return allocateSlow(cls, kind: kind)
        }
        return allocateLarge(size, kind: kind)
    }

    @inline(never)
    private func allocateSlow(_ cls: Int, kind: CellKind) -> Cell {
        let cellSize = Heap.sizeClasses[cls]
        let base = UnsafeMutableRawPointer(malloc(Heap.pageSize)!)
        pages.append((base, cellSize, UInt8(cls)))
        let count = Heap.pageSize / cellSize
        var head: Cell? = nil
        var index = count - 1
        while index >= 1 {
            let cell = base + index * cellSize
            cell.storeBytes(of: 0, as: UInt64.self)  // free
            cell.storeBytes(of: head, toByteOffset: 8, as: Cell?.self)
            head = cell
            index -= 1
        }
        freeLists[cls] = head
        base.storeBytes(of: UInt64(kind.rawValue) | UInt64(cls) << 16, as: UInt64.self)
        return base
    }

    @inline(never)
    private func allocateLarge(_ size: Int, kind: CellKind) -> Cell {
        let cell = UnsafeMutableRawPointer(malloc(size)!)
        cell.storeBytes(of: UInt64(kind.rawValue) | UInt64(Heap.largeClass) << 16, as: UInt64.self)
        largeCells.append((cell, size))
        return cell
    }

    /// Frees side buffers a dead cell owns; returns their size in bytes.
    /// Inline, and a plain object with none (no out-of-line slots, no
    /// elements, not a dictionary: most dead objects) costs no call: the
    /// call was a third of sweeping vec-objects' short-lived objects.
    @inline(__always) @discardableResult
    static func finalize(_ cell: Cell) -> Int {
        let kind = cell.cellKind
        if kind.code < CellKind.firstObject.code { return 0 }
        let buffers = cell.load(fromByteOffset: ObjectLayout.slotsOffset, as: UInt.self)
            | cell.load(fromByteOffset: ObjectLayout.elementsOffset, as: UInt.self)
        if kind == .object && buffers == 0 && cell.cellFlags & ObjectFlags.dictionary == 0 { return 0 }
        return ObjectLayout.freeStorage(cell)
    }

    // MARK: Collection

    /// Sweeps unmarked cells onto the free lists and clears marks.
    func sweep() {
        freeLists.update(repeating: nil, count: Heap.sizeClasses.count)
        var live = 0
        var keptPages: [(base: Cell, cellSize: Int, sizeClass: UInt8)] = []
        keptPages.reserveCapacity(pages.count)
        for page in pages {
            let count = Heap.pageSize / page.cellSize
            var head = freeLists[Int(page.sizeClass)]
            var liveInPage = 0
            var index = count - 1
            while index >= 0 {
                let cell = page.base + index * page.cellSize
                if cell.cellKind != .free {
                    if cell.marked {
                        cell.marked = false
                        liveInPage += 1
                    } else {
                        externalBytes -= Heap.finalize(cell)
                        cell.storeBytes(of: 0, as: UInt64.self)
                        cell.storeBytes(of: head, toByteOffset: 8, as: Cell?.self)
                        head = cell
                    }
                } else {
                    cell.storeBytes(of: head, toByteOffset: 8, as: Cell?.self)
                    head = cell
                }
                index -= 1
            }
            if liveInPage == 0 && pages.count > 4 {
                // An empty page goes back to malloc; its cells never reached the list.
                free(page.base)
                continue
            }
            freeLists[Int(page.sizeClass)] = head
            live += liveInPage * page.cellSize
            keptPages.append(page)
        }
        pages = keptPages
        var keptLarge: [(cell: Cell, size: Int)] = []
        for (cell, size) in largeCells {
            if cell.marked {
                cell.marked = false
                keptLarge.append((cell, size))
                live += size
            } else {
                externalBytes -= Heap.finalize(cell)
                free(cell)
            }
        }
        largeCells = keptLarge
        liveBytes = live + externalBytes
        allocatedSinceCollection = 0
        threshold = max(4 << 20, liveBytes)
    }
}

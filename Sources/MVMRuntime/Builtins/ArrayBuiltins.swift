// Array, and the iterator prototypes.
import MVMBytecode

extension Isolate {
    /// Reads element i of an array-like (dense arrays without a getter trip).
    @inline(__always)
    func element(_ o: Value, _ i: Int) throws(Thrown) -> Value {
        if o.isCell(.array) {
            let cell = o.cell
            if i < cell.elementLength && i < cell.elementCapacity {
                let v = cell.elementValues[i]
                if !v.isEmpty { return v }
            }
        }
        return try get(o, PropertyKey(index: UInt32(i)))
    }

    func hasElement(_ o: Value, _ i: Int) -> Bool {
        if o.isCell(.array) {
            let cell = o.cell
            if i < cell.elementLength && i < cell.elementCapacity && !cell.elementValues[i].isEmpty { return true }
        }
        return hasProperty(o, PropertyKey(index: UInt32(i)))
    }

    func setLength(_ o: Value, _ n: Int) throws(Thrown) {
        try set(o, PropertyKey(names.length), Value(Double(n)))
    }

    /// Whether [[Set]] of an index below the length of `cell` is a plain
    /// store into its element storage, holes included: an extensible plain
    /// array whose own index keys all live there and whose prototypes have
    /// no index keys at all (so no setter or read-only element to meet).
    func takesElementsDirectly(_ cell: Cell) -> Bool {
        guard cell.cellKind == .array, cell.cellFlags & ObjectFlags.blocksElementStores == 0 else { return false }
        var proto = cell.proto
        while proto.isCell {
            let p = proto.cell
            guard p.cellKind == .object || p.cellKind == .array, p.elementLength == 0, p.cellFlags & ObjectFlags.sparse == 0 else { return false }
            proto = p.proto
        }
        return true
    }

    func relativeIndex(_ v: Value, _ length: Int, default d: Int) throws(Thrown) -> Int {
        if v.isUndefined { return d }
        let r = try toIntegerOrInfinity(v)
        if r < 0 { return max(0, length + Int(max(r, -9e15))) }
        return min(Int(min(r, 9e15)), length)
    }

    /// How many elements splice/toSpliced remove from `start`: all the rest
    /// with only a start, none with no arguments, else the clamped count.
    func spliceCount(_ args: Arguments, _ length: Int, start: Int) throws(Thrown) -> Int {
        if args.count == 0 { return 0 }
        if args.count == 1 { return length - start }
        return min(max(Int(try toIntegerOrInfinity(args[1]).clamped(-1e15, 1e15)), 0), length - start)
    }

    func setUpArray() {
        let proto = Value(cell: newObjectCell(.array, proto: objectPrototype))
        arrayPrototype = proto
        let array = makeClass("Array", 1, prototype: proto) { iso, args throws(Thrown) in
            let a: Value
            if args.count == 1 && args[0].isNumber {
                let n = args[0].number
                guard n >= 0 && n <= 4294967295 && n == n.rounded() else { throw iso.throwError(.rangeError, "Invalid array length") }
                a = iso.newArray(capacity: min(Int(n), 1 << 20))
                iso.setElementLength(a.cell, Int(n))
                if Int(n) > 0 && a.cell.elements == nil { iso.reserveElements(a.cell, 1); iso.setElementLength(a.cell, Int(n)) }
            } else {
                a = iso.newArray(args.all)
            }
            // A subclass (`class L extends Array`): its prototype, from new.target.
            if args.isConstruct {
                iso.root(a)
                let subclass = try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.arrayPrototype)
                if subclass.bits != iso.arrayPrototype.bits { _ = iso.setPrototype(a.cell, subclass) }
            }
            return a
        }
        method(array, "isArray", 1) { iso, args throws(Thrown) in Value(iso.isArray(args[0])) }
        method(array, "of", 0) { iso, args throws(Thrown) in iso.newArray(args.all) }
        method(array, "from", 1) { iso, args throws(Thrown) in
            let source = args[0]
            let mapper = args[1]
            if !mapper.isUndefined { _ = try iso.callable(mapper) }
            if source.isNullish { throw iso.throwError(.typeError, "\(iso.describeForError(source)) is not iterable") }
            let result = iso.newArray([])
            iso.root(result)
            let iteratorMethod = try iso.get(source, PropertyKey(iso.symbols.iterator))
            var items: [Value]
            if !iteratorMethod.isNullish {
                items = try iso.spreadToList(source)
                let holder = iso.newArray(items)
                iso.root(holder)
            } else {
                let o = iso.toObject(source)
                iso.root(o)
                let n = try iso.lengthOf(o)
                items = []
                for i in 0..<n { let v = try iso.get(o, PropertyKey(index: UInt32(i))); items.append(v); iso.arrayAppend(result.cell, v) }
                iso.setElementLength(result.cell, 0)
            }
            for (i, v) in items.enumerated() {
                let mapped = mapper.isUndefined ? v : try iso.call(mapper, this: args[2], [v, Value(Int32(i))])
                iso.arrayAppend(result.cell, mapped)
            }
            return result
        }
        getter(array, symbol: symbols.species, "[Symbol.species]") { (_: Isolate, args: Arguments) throws(Thrown) -> Value in args.this }

        let push = method(proto, "push", 1) { iso, args throws(Thrown) in
            let o = args.this
            if o.isCell(.array) && iso.appendsInPlace(o.cell) {
                let cell = o.cell
                for i in 0..<args.count { iso.arrayAppend(cell, args[i]) }
                return Value(Double(cell.elementLength))
            }
            let obj = try iso.toObjectChecked(o)
            var n = try iso.lengthOf(obj)
            for i in 0..<args.count { try iso.set(obj, PropertyKey(index: UInt32(n)), args[i]); n += 1 }
            try iso.setLength(obj, n)
            return Value(Double(n))
        }
        let pop = method(proto, "pop", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            if n == 0 { try iso.setLength(o, 0); return .undefined }
            let v = try iso.element(o, n - 1)
            if o.isCell(.array) && iso.shrinksInPlace(o.cell) {
                if n - 1 < o.cell.elementCapacity { o.cell.elementValues[n - 1] = .empty }
                iso.setElementLength(o.cell, n - 1)
            } else {
                _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(n - 1)))
                try iso.setLength(o, n - 1)
            }
            return v
        }
        // Compiled code runs their fast paths without a call (collectionIntrinsic).
        intrinsicNatives[push.cell.internalValue(0).int32] = .arrayPush
        intrinsicNatives[pop.cell.internalValue(0).int32] = .arrayPop
        method(proto, "shift", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            if n == 0 { try iso.setLength(o, 0); return .undefined }
            let first = try iso.element(o, 0)
            if o.isCell(.array) && o.cell.cellFlags & (ObjectFlags.sealedElements | ObjectFlags.sparse) == 0 && n <= o.cell.elementCapacity {
                let p = o.cell.elementValues
                p.update(from: p + 1, count: n - 1)
                p[n - 1] = .empty
                iso.setElementLength(o.cell, n - 1)
                return first
            }
            for i in 1..<n {
                if iso.hasElement(o, i) { try iso.set(o, PropertyKey(index: UInt32(i - 1)), try iso.element(o, i)) }
                else { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(i - 1))) }
            }
            _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(n - 1)))
            try iso.setLength(o, n - 1)
            return first
        }
        method(proto, "unshift", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let k = args.count
            if k > 0 {
                var i = n - 1
                while i >= 0 {
                    if iso.hasElement(o, i) { try iso.set(o, PropertyKey(index: UInt32(i + k)), try iso.element(o, i)) }
                    else { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(i + k))) }
                    i -= 1
                }
                for j in 0..<k { try iso.set(o, PropertyKey(index: UInt32(j)), args[j]) }
            }
            try iso.setLength(o, n + k)
            return Value(Double(n + k))
        }
        method(proto, "slice", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let end = try iso.relativeIndex(args[1], n, default: n)
            let result = iso.newArray(capacity: max(0, end - start))
            iso.root(result)
            var j = 0
            if start < end {
                for i in start..<end {
                    if iso.hasElement(o, i) { try iso.createDataProperty(result.cell, PropertyKey(index: UInt32(j)), try iso.element(o, i)) }
                    j += 1
                }
            }
            iso.setElementLength(result.cell, max(0, end - start))
            return result
        }
        method(proto, "splice", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let deleteCount = try iso.spliceCount(args, n, start: start)
            let items = args.count > 2 ? (2..<args.count).map { args[$0] } : []
            let removed = iso.newArray([])
            iso.root(removed)
            var values: [Value] = []
            for i in 0..<n { values.append(iso.hasElement(o, i) ? try iso.element(o, i) : .empty) }
            for i in start..<(start + deleteCount) { iso.arrayAppend(removed.cell, values[i].isEmpty ? .undefined : values[i]) }
            values.replaceSubrange(start..<(start + deleteCount), with: items)
            let holder = iso.newArray(values.map { $0.isEmpty ? .undefined : $0 }); iso.root(holder)
            for (i, v) in values.enumerated() {
                if v.isEmpty { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(i))) }
                else { try iso.set(o, PropertyKey(index: UInt32(i)), v) }
            }
            if values.count < n { for i in values.count..<n { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(i))) } }
            try iso.setLength(o, values.count)
            return removed
        }
        method(proto, "concat", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let result = iso.newArray([])
            iso.root(result)
            var n = 0
            for item in [o] + args.all {
                let spreadable = try iso.get(item, PropertyKey(iso.symbols.isConcatSpreadable))
                let spread = spreadable.isUndefined ? iso.isArray(item) : iso.truthy(spreadable)
                if spread && item.isObject {
                    let len = try iso.lengthOf(item)
                    for i in 0..<len {
                        if iso.hasElement(item, i) { try iso.createDataProperty(result.cell, PropertyKey(index: UInt32(n)), try iso.element(item, i)) }
                        n += 1
                    }
                } else {
                    try iso.createDataProperty(result.cell, PropertyKey(index: UInt32(n)), item)
                    n += 1
                }
            }
            iso.setElementLength(result.cell, n)
            return result
        }
        let join = method(proto, "join", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let separator = args[0].isUndefined ? [UInt16(44)] : iso.units(try iso.toString(args[0]))
            return try iso.joinArray(o, separator)
        }
        method(proto, "toString", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let f = try iso.get(o, PropertyKey(iso.names.join))
            if f.isCallable { return try iso.call(f, this: o, []) }
            return iso.newString(try iso.objectToStringTag(o))
        }
        _ = join
        method(proto, "toLocaleString", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            return try iso.joinArray(o, [44])
        }
        method(proto, "reverse", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var lower = 0, upper = n - 1
            while lower < upper {
                let hasLower = iso.hasElement(o, lower), hasUpper = iso.hasElement(o, upper)
                let lv = hasLower ? try iso.element(o, lower) : .undefined
                let uv = hasUpper ? try iso.element(o, upper) : .undefined
                if hasUpper { try iso.set(o, PropertyKey(index: UInt32(lower)), uv) } else { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(lower))) }
                if hasLower { try iso.set(o, PropertyKey(index: UInt32(upper)), lv) } else { _ = iso.deleteProperty(o.cell, PropertyKey(index: UInt32(upper))) }
                lower += 1; upper -= 1
            }
            return o
        }
        method(proto, "indexOf", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var i = try iso.relativeIndex(args[1], n, default: 0)
            let target = args[0]
            while i < n {
                if iso.hasElement(o, i), iso.strictEquals(try iso.element(o, i), target) { return Value(Int32(i)) }
                i += 1
            }
            return Value(Int32(-1))
        }
        method(proto, "lastIndexOf", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var i = n - 1
            if args.count > 1 {
                let r = try iso.toIntegerOrInfinity(args[1])
                i = r < 0 ? n + Int(max(r, -9e15)) : min(Int(min(r, 9e15)), n - 1)
            }
            while i >= 0 {
                if iso.hasElement(o, i), iso.strictEquals(try iso.element(o, i), args[0]) { return Value(Int32(i)) }
                i -= 1
            }
            return Value(Int32(-1))
        }
        method(proto, "includes", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var i = try iso.relativeIndex(args[1], n, default: 0)
            while i < n {
                if iso.sameValueZero(try iso.element(o, i), args[0]) { return .true }
                i += 1
            }
            return .false
        }
        method(proto, "forEach", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let f = try iso.callable(args[0])
            for i in 0..<n where iso.hasElement(o, i) {
                _ = try iso.call(f, this: args[1], try iso.element(o, i), Value(Int32(i)), o, count: 3)
            }
            return .undefined
        }
        method(proto, "map", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let f = try iso.callable(args[0])
            let result = iso.newArray(capacity: n)
            iso.root(result)
            iso.setElementLength(result.cell, n)
            for i in 0..<n where iso.hasElement(o, i) {
                let v = try iso.call(f, this: args[1], try iso.element(o, i), Value(Int32(i)), o, count: 3)
                try iso.createDataProperty(result.cell, PropertyKey(index: UInt32(i)), v)
            }
            return result
        }
        method(proto, "filter", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let f = try iso.callable(args[0])
            let result = iso.newArray([])
            iso.root(result)
            for i in 0..<n where iso.hasElement(o, i) {
                let v = try iso.element(o, i)
                if iso.truthy(try iso.call(f, this: args[1], v, Value(Int32(i)), o, count: 3)) { iso.arrayAppend(result.cell, v) }
            }
            return result
        }
        method(proto, "some", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let f = try iso.callable(args[0])
            for i in 0..<n where iso.hasElement(o, i) {
                if iso.truthy(try iso.call(f, this: args[1], try iso.element(o, i), Value(Int32(i)), o, count: 3)) { return .true }
            }
            return .false
        }
        method(proto, "every", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let f = try iso.callable(args[0])
            for i in 0..<n where iso.hasElement(o, i) {
                if !iso.truthy(try iso.call(f, this: args[1], try iso.element(o, i), Value(Int32(i)), o, count: 3)) { return .false }
            }
            return .true
        }
        for (name, fromEnd, wantIndex) in [("find", false, false), ("findIndex", false, true), ("findLast", true, false), ("findLastIndex", true, true)] {
            method(proto, name, 1) { iso, args throws(Thrown) in
                let o = try iso.toObjectChecked(args.this)
                let n = try iso.lengthOf(o)
                let f = try iso.callable(args[0])
                var i = fromEnd ? n - 1 : 0
                while fromEnd ? i >= 0 : i < n {
                    let v = try iso.element(o, i)
                    if iso.truthy(try iso.call(f, this: args[1], v, Value(Int32(i)), o, count: 3)) { return wantIndex ? Value(Int32(i)) : v }
                    i += fromEnd ? -1 : 1
                }
                return wantIndex ? Value(Int32(-1)) : .undefined
            }
        }
        for (name, fromEnd) in [("reduce", false), ("reduceRight", true)] {
            method(proto, name, 1) { iso, args throws(Thrown) in
                let o = try iso.toObjectChecked(args.this)
                let n = try iso.lengthOf(o)
                let f = try iso.callable(args[0])
                var i = fromEnd ? n - 1 : 0
                let step = fromEnd ? -1 : 1
                var accumulator: Value
                if args.count >= 2 { accumulator = args[1] } else {
                    while (fromEnd ? i >= 0 : i < n) && !iso.hasElement(o, i) { i += step }
                    guard fromEnd ? i >= 0 : i < n else { throw iso.throwError(.typeError, "Reduce of empty array with no initial value") }
                    accumulator = try iso.element(o, i)
                    i += step
                }
                let slot = iso.stackTop
                iso.root(accumulator)
                while fromEnd ? i >= 0 : i < n {
                    if iso.hasElement(o, i) {
                        accumulator = try iso.call4(f, accumulator, try iso.element(o, i), Value(Int32(i)), o)
                        slot.pointee = accumulator
                    }
                    i += step
                }
                return accumulator
            }
        }
        method(proto, "fill", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let start = try iso.relativeIndex(args[1], n, default: 0)
            let end = try iso.relativeIndex(args[2], n, default: n)
            var i = start
            if i < end && iso.takesElementsDirectly(o.cell) {
                let direct = min(end, o.cell.elementLength, o.cell.elementCapacity)
                let values = o.cell.elementValues
                while i < direct { values[i] = args[0]; i += 1 }
            }
            while i < end { try iso.set(o, PropertyKey(index: UInt32(i)), args[0]); i += 1 }
            return o
        }
        method(proto, "at", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let r = try iso.toIntegerOrInfinity(args[0])
            let i = r < 0 ? Double(n) + r : r
            if i < 0 || i >= Double(n) { return .undefined }
            return try iso.element(o, Int(i))
        }
        method(proto, "flat", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let depth = args[0].isUndefined ? 1 : try iso.toIntegerOrInfinity(args[0])
            let result = iso.newArray([])
            iso.root(result)
            try iso.flatten(into: result, o, depth: depth, mapper: nil, thisArg: .undefined)
            return result
        }
        method(proto, "flatMap", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let f = try iso.callable(args[0])
            let result = iso.newArray([])
            iso.root(result)
            try iso.flatten(into: result, o, depth: 1, mapper: f, thisArg: args[1])
            return result
        }
        method(proto, "sort", 1) { iso, args throws(Thrown) in
            let comparator = args[0]
            if !comparator.isUndefined && !comparator.isCallable {
                throw iso.throwError(.typeError, "The comparison function must be either a function or undefined")
            }
            let o = try iso.toObjectChecked(args.this)
            return try iso.sortArray(o, comparator)
        }
        method(proto, "copyWithin", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let target = try iso.relativeIndex(args[0], n, default: 0)
            let start = try iso.relativeIndex(args[1], n, default: 0)
            let end = try iso.relativeIndex(args[2], n, default: n)
            let count = min(end - start, n - target)
            if count > 0 {
                let values = try (start..<(start + count)).map { (i: Int) throws(Thrown) -> Value in try iso.element(o, i) }
                for (k, v) in values.enumerated() { try iso.set(o, PropertyKey(index: UInt32(target + k)), v) }
            }
            return o
        }
        // ES2023 change-array-by-copy: the same results in a new array.
        method(proto, "toReversed", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var values: [Value] = []
            for i in 0..<n { values.append(try iso.element(o, n - 1 - i)) }
            return iso.newArray(values)
        }
        method(proto, "toSorted", 1) { iso, args throws(Thrown) in
            if !args[0].isUndefined && !args[0].isCallable {
                throw iso.throwError(.typeError, "The comparison function must be either a function or undefined")
            }
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            var values: [Value] = []
            for i in 0..<n { values.append(try iso.element(o, i)) }
            let copy = iso.newArray(values)
            iso.root(copy)
            return try iso.sortArray(copy, args[0])
        }
        method(proto, "toSpliced", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let skip = try iso.spliceCount(args, n, start: start)
            var values: [Value] = []
            for i in 0..<start { values.append(try iso.element(o, i)) }
            for i in 2..<max(args.count, 2) { values.append(args[i]) }
            for i in (start + skip)..<max(n, start + skip) { values.append(try iso.element(o, i)) }
            return iso.newArray(values)
        }
        method(proto, "with", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            let n = try iso.lengthOf(o)
            let r = try iso.toIntegerOrInfinity(args[0])
            let index = r < 0 ? Double(n) + r : r
            guard index >= 0 && index < Double(n) else { throw iso.throwError(.rangeError, "Invalid index : \(formatNumber(r))") }
            var values: [Value] = []
            for i in 0..<n { values.append(i == Int(index) ? args[1] : try iso.element(o, i)) }
            return iso.newArray(values)
        }
        let values = method(proto, "values", 0) { iso, args throws(Thrown) in
            iso.makeIterator(.arrayIterator, iso.arrayIteratorPrototype, try iso.toObjectChecked(args.this), kind: 1)
        }
        arrayValuesFunction = values
        addProperty(proto.cell, PropertyKey(symbols.iterator), values, Attributes.hidden)
        method(proto, "keys", 0) { iso, args throws(Thrown) in
            iso.makeIterator(.arrayIterator, iso.arrayIteratorPrototype, try iso.toObjectChecked(args.this), kind: 0)
        }
        method(proto, "entries", 0) { iso, args throws(Thrown) in
            iso.makeIterator(.arrayIterator, iso.arrayIteratorPrototype, try iso.toObjectChecked(args.this), kind: 2)
        }
    }

    func joinArray(_ o: Value, _ separator: [UInt16]) throws(Thrown) -> Value {
        if !hasStackRoom { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        let n = try lengthOf(o)
        if joinStack.contains(o.bits) { return emptyString }
        joinStack.append(o.bits)
        defer { joinStack.removeLast() }
        var result: [UInt16] = []
        for i in 0..<n {
            if i > 0 { result += separator }
            let v = try element(o, i)
            if !v.isNullish { result += units(try toString(v)) }
        }
        return newString(units: result)
    }

    func flatten(into result: Value, _ source: Value, depth: Double, mapper: Value?, thisArg: Value) throws(Thrown) {
        if !hasStackRoom { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        let n = try lengthOf(source)
        for i in 0..<n where hasElement(source, i) {
            var v = try element(source, i)
            if let mapper { v = try call(mapper, this: thisArg, v, Value(Int32(i)), source, count: 3) }
            if depth > 0 && isArray(v) {
                root(v)
                try flatten(into: result, v, depth: depth - 1, mapper: nil, thisArg: .undefined)
            } else {
                arrayAppend(result.cell, v)
            }
        }
    }

    /// A stable merge sort; holes and undefined go last, as the spec orders them.
    func sortArray(_ o: Value, _ comparator: Value) throws(Thrown) -> Value {
        let n = try lengthOf(o)
        var items: [Value] = []
        var undefinedCount = 0
        for i in 0..<n where hasElement(o, i) {
            let v = try element(o, i)
            if v.isUndefined { undefinedCount += 1 } else { items.append(v) }
        }
        let holder = newArray(items)
        root(holder)
        var stringKeys: [[UInt16]] = []
        if comparator.isUndefined {
            stringKeys = try items.map { (v: Value) throws(Thrown) -> [UInt16] in units(try toString(v)) }
        }
        func less(_ a: Int, _ b: Int) throws(Thrown) -> Bool {
            if comparator.isUndefined { return stringKeys[a].lexicographicallyPrecedes(stringKeys[b]) }
            let r = try toNumber(try call(comparator, this: .undefined, items[a], items[b], count: 2))
            return r < 0
        }
        let indices = try stableSortedIndices(items.count, by: less)
        for (k, index) in indices.enumerated() { try set(o, PropertyKey(index: UInt32(k)), items[index]) }
        var k = items.count
        for _ in 0..<undefinedCount { try set(o, PropertyKey(index: UInt32(k)), .undefined); k += 1 }
        while k < n { _ = deleteProperty(o.cell, PropertyKey(index: UInt32(k))); k += 1 }
        return o
    }

    /// The indices 0..<count in a stable order by `less`, in as few calls
    /// of it as the input allows (each may be a JS comparator call): natural
    /// runs as TimSort finds them (a strictly descending one reversed), short
    /// ones grown to `sortRunLength` by binary insertion, then neighbours
    /// merged, a pair already in order with one comparison. Sorted or
    /// reversed input takes count - 1 comparisons.
    func stableSortedIndices(_ count: Int, by less: (Int, Int) throws(Thrown) -> Bool) throws(Thrown) -> [Int] {
        var indices = Array(0..<count)
        var runs: [Range<Int>] = []
        var start = 0
        while start < count {
            var end = start + 1
            if end < count {
                end += 1
                if try less(indices[start + 1], indices[start]) {
                    // Strictly descending, so that reversing it keeps equal items in order.
                    while end < count, try less(indices[end], indices[end - 1]) { end += 1 }
                    indices[start..<end].reverse()
                } else {
                    while end < count, !(try less(indices[end], indices[end - 1])) { end += 1 }
                }
            }
            // A short run grows by binary insertion: after the equal items already in it.
            while end < min(count, start + Self.sortRunLength) {
                let item = indices[end]
                var low = start, high = end
                while low < high {
                    let middle = (low + high) / 2
                    if try less(item, indices[middle]) { high = middle } else { low = middle + 1 }
                }
                var k = end
                while k > low { indices[k] = indices[k - 1]; k -= 1 }
                indices[low] = item
                end += 1
            }
            runs.append(start..<end)
            start = end
        }
        var scratch = indices
        while runs.count > 1 {
            var merged: [Range<Int>] = []
            var r = 0
            while r < runs.count {
                let left = runs[r]
                guard r + 1 < runs.count else {
                    for k in left { scratch[k] = indices[k] }
                    merged.append(left)
                    break
                }
                let right = runs[r + 1]
                var i = left.lowerBound, j = right.lowerBound, k = left.lowerBound
                // Right before left only when strictly less: stable.
                if try less(indices[j], indices[j - 1]) {
                    while i < left.upperBound && j < right.upperBound {
                        if try less(indices[j], indices[i]) { scratch[k] = indices[j]; j += 1 } else { scratch[k] = indices[i]; i += 1 }
                        k += 1
                    }
                }
                while i < left.upperBound { scratch[k] = indices[i]; i += 1; k += 1 }
                while j < right.upperBound { scratch[k] = indices[j]; j += 1; k += 1 }
                merged.append(left.lowerBound..<right.upperBound)
                r += 2
            }
            swap(&indices, &scratch)
            runs = merged
        }
        return indices
    }

    /// Runs shorter than this are extended by binary insertion before merging.
    static let sortRunLength = 32

    // MARK: Iterators

    func makeIterator(_ kind: CellKind, _ proto: Value, _ target: Value, kind iterationKind: Int32) -> Value {
        let cell = newObjectCell(kind, proto: proto)
        cell.setInternal(0, target)
        cell.setInternal(1, Value(Int32(0)))
        if ObjectLayout.internalCount(kind) > 2 { cell.setInternal(2, Value(iterationKind)) }
        return Value(cell: cell)
    }

    func iteratorResult(_ value: Value, done: Bool) -> Value {
        let cell = newObjectCell(.object, proto: objectPrototype)
        if iteratorResultShape != 0 {
            cell.shapeBits = iteratorResultShape
            cell.setSlot(atOffset: iteratorResultOffsets.value, value)
            cell.setSlot(atOffset: iteratorResultOffsets.done, Value(done))
            return Value(cell: cell)
        }
        addProperty(cell, PropertyKey(names.value), value, Attributes.data)
        addProperty(cell, PropertyKey(names.done), Value(done), Attributes.data)
        // Both slots are inline (the shape tree keeps the shape alive).
        let shape = cell.shape
        iteratorResultShape = cell.shapeBits
        iteratorResultOffsets = (shape.slotOffset(shape.slots[0]), shape.slotOffset(shape.slots[1]))
        return Value(cell: cell)
    }

    func setUpIterators() {
        iteratorPrototype = newObject()
        markAsPrototype(iteratorPrototype)
        method(iteratorPrototype, symbol: symbols.iterator, "[Symbol.iterator]", 0) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in args.this }
        arrayIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(arrayIteratorPrototype)
        arrayIteratorNextFunction = method(arrayIteratorPrototype, "next", 0) { iso, args throws(Thrown) in
            guard args.this.isCell(.arrayIterator) else { throw iso.throwError(.typeError, "next method called on incompatible receiver") }
            let cell = args.this.cell
            let target = cell.internalValue(0)
            if target.isUndefined { return iso.iteratorResult(.undefined, done: true) }
            let i = Int(cell.internalValue(1).int32)
            let n = target.isCell(.typedArray) ? iso.typedArrayLength(target.cell) : try iso.lengthOf(target)
            if i >= n {
                cell.setInternal(0, .undefined)
                return iso.iteratorResult(.undefined, done: true)
            }
            cell.setInternal(1, Value(Int32(i + 1)))
            switch cell.internalValue(2).int32 {
            case 0: return iso.iteratorResult(Value(Int32(i)), done: false)
            case 1: return iso.iteratorResult(try iso.element(target, i), done: false)
            default:
                let pair = iso.newArray([Value(Int32(i)), try iso.element(target, i)])
                return iso.iteratorResult(pair, done: false)
            }
        }
        addProperty(arrayIteratorPrototype.cell, PropertyKey(symbols.toStringTag), atom("Array Iterator"), Attributes.configurable)
        stringIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(stringIteratorPrototype)
        method(stringIteratorPrototype, "next", 0) { iso, args throws(Thrown) in
            guard args.this.isCell(.stringIterator) else { throw iso.throwError(.typeError, "next method called on incompatible receiver") }
            let cell = args.this.cell
            let s = cell.internalValue(0)
            let i = Int(cell.internalValue(1).int32)
            let n = iso.stringLength(s)
            if i >= n { return iso.iteratorResult(.undefined, done: true) }
            let flat = iso.flat(s)
            let u = StringLayout.unit(flat, i)
            var length = 1
            if u >= 0xD800 && u < 0xDC00 && i + 1 < n {
                let next = StringLayout.unit(flat, i + 1)
                if next >= 0xDC00 && next < 0xE000 { length = 2 }
            }
            cell.setInternal(1, Value(Int32(i + length)))
            return iso.iteratorResult(iso.substring(s, i, i + length), done: false)
        }
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}

// ArrayBuffer, the typed arrays and DataView.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Isolate {
    func setUpBuffers() {
        arrayBufferPrototype = newObject()
        let arrayBuffer = makeClass("ArrayBuffer", 1, prototype: arrayBufferPrototype) { iso, args throws(Thrown) in
            guard args.isConstruct else { throw iso.throwError(.typeError, "Constructor ArrayBuffer requires 'new'") }
            let length = try iso.toIntegerOrInfinity(args[0])
            guard length >= 0 && length <= Double(1 << 31) else { throw iso.throwError(.rangeError, "Array buffer allocation failed") }
            return try iso.newArrayBuffer(Int(length), proto: try iso.prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: iso.arrayBufferPrototype))
        }
        method(arrayBuffer, "isView", 1) { (_: Isolate, args: Arguments) throws(Thrown) -> Value in Value(args[0].isCell(.typedArray) || args[0].isCell(.dataView)) }
        getter(arrayBufferPrototype, "byteLength") { iso, args throws(Thrown) in
            guard args.this.isCell(.arrayBuffer) else { throw iso.throwError(.typeError, "ArrayBuffer.prototype.byteLength called on incompatible receiver") }
            return Value(Double(iso.bufferLength(args.this.cell)))
        }
        method(arrayBufferPrototype, "slice", 2) { iso, args throws(Thrown) in
            guard args.this.isCell(.arrayBuffer) else { throw iso.throwError(.typeError, "ArrayBuffer.prototype.slice called on incompatible receiver") }
            let n = iso.bufferLength(args.this.cell)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let end = try iso.relativeIndex(args[1], n, default: n)
            let count = max(0, end - start)
            let result = try iso.newArrayBuffer(count)
            if count > 0 { memcpy(iso.bufferData(result.cell)!, iso.bufferData(args.this.cell)! + start, count) }
            return result
        }
        addProperty(arrayBufferPrototype.cell, PropertyKey(symbols.toStringTag), atom("ArrayBuffer"), Attributes.configurable)

        // %TypedArray%.prototype holds the shared methods.
        let typedArrayPrototype = newObject()
        markAsPrototype(typedArrayPrototype)
        intrinsicRoots.append(typedArrayPrototype)
        func thisTyped(_ iso: Isolate, _ v: Value) throws(Thrown) -> Cell {
            guard v.isCell(.typedArray) else { throw iso.throwError(.typeError, "this is not a typed array.") }
            return v.cell
        }
        getter(typedArrayPrototype, "length") { iso, args throws(Thrown) in Value(Double(iso.typedArrayLength(try thisTyped(iso, args.this)))) }
        getter(typedArrayPrototype, "byteLength") { iso, args throws(Thrown) in
            let cell = try thisTyped(iso, args.this)
            return Value(Double(iso.typedArrayLength(cell) * iso.typedArrayKind(cell).elementSize))
        }
        getter(typedArrayPrototype, "byteOffset") { iso, args throws(Thrown) in (try thisTyped(iso, args.this)).internalValue(1) }
        getter(typedArrayPrototype, "buffer") { iso, args throws(Thrown) in (try thisTyped(iso, args.this)).internalValue(0) }
        getter(typedArrayPrototype, symbol: symbols.toStringTag, "[Symbol.toStringTag]") { iso, args throws(Thrown) in
            guard args.this.isCell(.typedArray) else { return .undefined }
            return iso.atom(iso.typedArrayKind(args.this.cell).name)
        }
        method(typedArrayPrototype, "set", 1) { iso, args throws(Thrown) in
            let cell = try thisTyped(iso, args.this)
            let offset = Int(try iso.toIntegerOrInfinity(args[1]))
            let source = try iso.toObjectChecked(args[0])
            let n = source.isCell(.typedArray) ? iso.typedArrayLength(source.cell) : try iso.lengthOf(source)
            if offset < 0 || offset + n > iso.typedArrayLength(cell) { throw iso.throwError(.rangeError, "offset is out of bounds") }
            let values = try (0..<n).map { (i: Int) throws(Thrown) -> Double in try iso.toNumber(try iso.get(source, PropertyKey(index: UInt32(i)))) }
            for (i, d) in values.enumerated() { iso.typedArraySet(cell, offset + i, d) }
            return .undefined
        }
        method(typedArrayPrototype, "subarray", 2) { iso, args throws(Thrown) in
            let cell = try thisTyped(iso, args.this)
            let n = iso.typedArrayLength(cell)
            let start = try iso.relativeIndex(args[0], n, default: 0)
            let end = try iso.relativeIndex(args[1], n, default: n)
            let kind = iso.typedArrayKind(cell)
            return iso.newTypedArray(kind, buffer: cell.internalValue(0), offset: Int(cell.internalValue(1).number) + start * kind.elementSize,
                                     length: max(0, end - start))
        }
        // Generic array methods work on typed arrays through get/set.
        for name in ["join", "indexOf", "lastIndexOf", "includes", "forEach", "map", "filter", "reduce", "reduceRight", "some",
                     "every", "find", "findIndex", "findLast", "findLastIndex", "fill", "reverse", "at", "slice", "sort",
                     "keys", "values", "entries", "toString", "toLocaleString", "copyWithin"] {
            let generic = try! get(arrayPrototype, name)
            switch name {
            case "map", "filter", "slice":
                method(typedArrayPrototype, name, 1) { iso, args throws(Thrown) in
                    let cell = try thisTyped(iso, args.this)
                    let array = try iso.call(generic, this: args.this, args.all)
                    iso.root(array)
                    let values = try iso.spreadToList(array)
                    let result = iso.newTypedArray(iso.typedArrayKind(cell), length: values.count)
                    for (i, v) in values.enumerated() { iso.typedArraySet(result.cell, i, try iso.toNumber(v)) }
                    return result
                }
            case "sort":
                method(typedArrayPrototype, name, 1) { iso, args throws(Thrown) in
                    let cell = try thisTyped(iso, args.this)
                    if args[0].isUndefined {
                        var values = (0..<iso.typedArrayLength(cell)).map { iso.typedArrayGet(cell, $0)!.number }
                        values.sort { $0 < $1 || ($0 == 0 && $1 == 0 && $0.sign == .minus && $1.sign == .plus) }
                        for (i, d) in values.enumerated() { iso.typedArraySet(cell, i, d) }
                        return args.this
                    }
                    return try iso.call(generic, this: args.this, args.all)
                }
            default:
                addProperty(typedArrayPrototype.cell, propertyKey(name), generic, Attributes.hidden)
            }
        }
        addProperty(typedArrayPrototype.cell, PropertyKey(symbols.iterator), try! get(arrayPrototype, "values"), Attributes.hidden)

        for kind in TypedArrayKind.allCases {
            let proto = newObject(proto: typedArrayPrototype)
            typedArrayPrototypes.append(proto)
            let constructor = makeClass(kind.name, 3, prototype: proto) { iso, args throws(Thrown) in
                guard args.isConstruct else { throw iso.throwError(.typeError, "Constructor \(kind.name) requires 'new'") }
                let first = args[0]
                if first.isCell(.arrayBuffer) {
                    let bufferLength = iso.bufferLength(first.cell)
                    let offset = Int(try iso.toIntegerOrInfinity(args[1]))
                    if offset % kind.elementSize != 0 { throw iso.throwError(.rangeError, "start offset of \(kind.name) should be a multiple of \(kind.elementSize)") }
                    let length = args[2].isUndefined ? (bufferLength - offset) / kind.elementSize : Int(try iso.toIntegerOrInfinity(args[2]))
                    if offset < 0 || offset + length * kind.elementSize > bufferLength || length < 0 {
                        throw iso.throwError(.rangeError, "Invalid typed array length: \(length)")
                    }
                    return iso.newTypedArray(kind, buffer: first, offset: offset, length: length)
                }
                if first.isObject {
                    let iteratorMethod = try iso.get(first, PropertyKey(iso.symbols.iterator))
                    var values: [Value] = []
                    if first.isCell(.typedArray) || iso.isArray(first) || !iteratorMethod.isCallable {
                        let n = first.isCell(.typedArray) ? iso.typedArrayLength(first.cell) : try iso.lengthOf(first)
                        for i in 0..<n { values.append(try iso.get(first, PropertyKey(index: UInt32(i)))) }
                    } else {
                        values = try iso.spreadToList(first)
                    }
                    let result = iso.newTypedArray(kind, length: values.count)
                    for (i, v) in values.enumerated() { iso.typedArraySet(result.cell, i, try iso.toNumber(v)) }
                    return result
                }
                let length = try iso.toIntegerOrInfinity(first)
                guard length >= 0 && length <= Double(1 << 30) else { throw iso.throwError(.rangeError, "Invalid typed array length: \(formatNumber(length))") }
                return iso.newTypedArray(kind, length: Int(length))
            }
            constant(constructor, "BYTES_PER_ELEMENT", Value(Int32(kind.elementSize)))
            constant(proto, "BYTES_PER_ELEMENT", Value(Int32(kind.elementSize)))
            method(constructor, "from", 1) { iso, args throws(Thrown) in
                let values = try iso.spreadToList(args[0])
                let result = iso.newTypedArray(kind, length: values.count)
                iso.root(result)
                for (i, v) in values.enumerated() {
                    let mapped = args[1].isCallable ? try iso.call(args[1], this: .undefined, [v, Value(Int32(i))]) : v
                    iso.typedArraySet(result.cell, i, try iso.toNumber(mapped))
                }
                return result
            }
            method(constructor, "of", 0) { iso, args throws(Thrown) in
                let result = iso.newTypedArray(kind, length: args.count)
                for i in 0..<args.count { iso.typedArraySet(result.cell, i, try iso.toNumber(args[i])) }
                return result
            }
        }

        dataViewPrototype = newObject()
        makeClass("DataView", 1, prototype: dataViewPrototype) { iso, args throws(Thrown) in
            guard args.isConstruct else { throw iso.throwError(.typeError, "Constructor DataView requires 'new'") }
            guard args[0].isCell(.arrayBuffer) else { throw iso.throwError(.typeError, "First argument to DataView constructor must be an ArrayBuffer") }
            let bufferLength = iso.bufferLength(args[0].cell)
            let offset = Int(try iso.toIntegerOrInfinity(args[1]))
            let length = args[2].isUndefined ? bufferLength - offset : Int(try iso.toIntegerOrInfinity(args[2]))
            if offset < 0 || offset > bufferLength { throw iso.throwError(.rangeError, "Start offset \(offset) is outside the bounds of the buffer") }
            if length < 0 || offset + length > bufferLength { throw iso.throwError(.rangeError, "Invalid DataView length \(length)") }
            let cell = iso.newObjectCell(.dataView, proto: iso.dataViewPrototype)
            cell.setInternal(0, args[0])
            cell.setInternal(1, Value(Double(offset)))
            cell.setInternal(2, Value(Double(length)))
            return Value(cell: cell)
        }
        func thisView(_ iso: Isolate, _ v: Value) throws(Thrown) -> Cell {
            guard v.isCell(.dataView) else { throw iso.throwError(.typeError, "Receiver is not a DataView") }
            return v.cell
        }
        getter(dataViewPrototype, "byteLength") { iso, args throws(Thrown) in (try thisView(iso, args.this)).internalValue(2) }
        getter(dataViewPrototype, "byteOffset") { iso, args throws(Thrown) in (try thisView(iso, args.this)).internalValue(1) }
        getter(dataViewPrototype, "buffer") { iso, args throws(Thrown) in (try thisView(iso, args.this)).internalValue(0) }
        addProperty(dataViewPrototype.cell, PropertyKey(symbols.toStringTag), atom("DataView"), Attributes.configurable)
        let accessors: [(String, Int)] = [("Int8", 1), ("Uint8", 1), ("Int16", 2), ("Uint16", 2), ("Int32", 4), ("Uint32", 4),
                                          ("Float32", 4), ("Float64", 8)]
        for (name, size) in accessors {
            func pointer(_ iso: Isolate, _ args: Arguments) throws(Thrown) -> UnsafeMutableRawPointer {
                let cell = try thisView(iso, args.this)
                let index = try iso.toIntegerOrInfinity(args[0])
                if index < 0 || Int(index) + size > Int(cell.internalValue(2).number) {
                    throw iso.throwError(.rangeError, "Offset is outside the bounds of the DataView")
                }
                return iso.bufferData(cell.internalValue(0).cell)! + Int(cell.internalValue(1).number) + Int(index)
            }
            method(dataViewPrototype, "get" + name, 1) { iso, args throws(Thrown) in
                let p = try pointer(iso, args)
                let little = iso.truthy(args[1])
                var raw: UInt64 = 0
                for i in 0..<size { raw |= UInt64(p.load(fromByteOffset: little ? i : size - 1 - i, as: UInt8.self)) << (8 * UInt64(i)) }
                switch name {
                case "Int8": return Value(Int32(Int8(truncatingIfNeeded: raw)))
                case "Uint8": return Value(Int32(UInt8(truncatingIfNeeded: raw)))
                case "Int16": return Value(Int32(Int16(truncatingIfNeeded: raw)))
                case "Uint16": return Value(Int32(UInt16(truncatingIfNeeded: raw)))
                case "Int32": return Value(Int32(truncatingIfNeeded: raw))
                case "Uint32": return Value(Double(UInt32(truncatingIfNeeded: raw)))
                case "Float32": return Value(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
                default: return Value(Double(bitPattern: raw))
                }
            }
            method(dataViewPrototype, "set" + name, 2) { iso, args throws(Thrown) in
                let p = try pointer(iso, args)
                let d = try iso.toNumber(args[1])
                let little = iso.truthy(args[2])
                var raw: UInt64
                switch name {
                case "Float32": raw = UInt64(Float(d).bitPattern)
                case "Float64": raw = d.bitPattern
                default: raw = UInt64(UInt32(bitPattern: iso.toInt32(d)))
                }
                for i in 0..<size { p.storeBytes(of: UInt8(truncatingIfNeeded: raw >> (8 * UInt64(i))), toByteOffset: little ? i : size - 1 - i, as: UInt8.self) }
                return .undefined
            }
        }
    }

    func newTypedArray(_ kind: TypedArrayKind, length: Int) -> Value {
        let buffer = (try? newArrayBuffer(length * kind.elementSize)) ?? .undefined
        return newTypedArray(kind, buffer: buffer, offset: 0, length: length)
    }

    func newTypedArray(_ kind: TypedArrayKind, buffer: Value, offset: Int, length: Int) -> Value {
        let cell = newObjectCell(.typedArray, proto: typedArrayPrototypes[Int(kind.rawValue)])
        cell.aux = kind.rawValue
        cell.setInternal(0, buffer)
        cell.setInternal(1, Value(Double(offset)))
        cell.setInternal(2, Value(Double(length)))
        return Value(cell: cell)
    }
}

// Map, Set, WeakMap, WeakSet.

extension Isolate {
    func storage(_ v: Value, _ kind: CellKind, _ method: String) throws(Thrown) -> MapStorage {
        guard v.isCell(kind), let s = mapStorage(v.cell) else {
            let typeName = kind == .map ? "Map" : kind == .set ? "Set" : kind == .weakMap ? "WeakMap" : "WeakSet"
            throw throwError(.typeError, "Method \(typeName).prototype.\(method) called on incompatible receiver \(describeForError(v))")
        }
        return s
    }

    func newCollection(_ kind: CellKind, _ args: Arguments, _ fallback: Value) throws(Thrown) -> Value {
        let typeName = kind == .map ? "Map" : kind == .set ? "Set" : kind == .weakMap ? "WeakMap" : "WeakSet"
        guard args.isConstruct else { throw throwError(.typeError, "Constructor \(typeName) requires 'new'") }
        let cell = newObjectCell(kind, proto: try prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: fallback))
        let storage = MapStorage()
        cell.setInternal(0, Value(pointer: UnsafeRawPointer(Unmanaged.passRetained(storage).toOpaque())))
        let collection = Value(cell: cell)
        root(collection)
        let iterable = args[0]
        if !iterable.isNullish {
            let isMap = kind == .map || kind == .weakMap
            let adder = try get(collection, propertyKey(isMap ? "set" : "add"))
            for item in try spreadToList(iterable) {
                if isMap {
                    guard item.isObject else { throw throwError(.typeError, "Iterator value \(describeForError(item)) is not an entry object") }
                    _ = try call(adder, this: collection, [try get(item, PropertyKey(index: 0)), try get(item, PropertyKey(index: 1))])
                } else {
                    _ = try call(adder, this: collection, [item])
                }
            }
        }
        return collection
    }

    /// has, delete, clear, size and forEach, the same for Map and Set: a
    /// Set's storage keeps each element as both key and value.
    private func installSharedCollectionMethods(_ proto: Value, _ kind: CellKind) {
        method(proto, "has", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, kind, "has").find(iso.mapKey(args[0])) != nil) }
        method(proto, "delete", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, kind, "delete").remove(iso.mapKey(args[0]))) }
        method(proto, "clear", 0) { iso, args throws(Thrown) in try iso.storage(args.this, kind, "clear").clear(); return .undefined }
        getter(proto, "size") { iso, args throws(Thrown) in Value(Int32(try iso.storage(args.this, kind, "size").count)) }
        method(proto, "forEach", 1) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, kind, "forEach")
            let f = try iso.callable(args[0])
            var i = 0
            while i < s.keys.count {
                if !s.keys[i].isEmpty { _ = try iso.call(f, this: args[1], s.values[i], s.keys[i], args.this, count: 3) }
                i += 1
            }
            return .undefined
        }
    }

    /// next() of Map and Set iterators: kind 0 keys, 1 values, 2 [key, value].
    private func installIteratorNext(_ proto: Value, _ kind: CellKind) {
        method(proto, "next", 0) { iso, args throws(Thrown) in
            guard args.this.isCell(kind) else { throw iso.throwError(.typeError, "next method called on incompatible receiver") }
            let cell = args.this.cell
            let target = cell.internalValue(0)
            guard target.isObject, let s = iso.mapStorage(target.cell) else { return iso.iteratorResult(.undefined, done: true) }
            var i = Int(cell.internalValue(1).int32)
            while i < s.keys.count && s.keys[i].isEmpty { i += 1 }
            if i >= s.keys.count {
                cell.setInternal(0, .undefined)
                return iso.iteratorResult(.undefined, done: true)
            }
            cell.setInternal(1, Value(Int32(i + 1)))
            switch cell.internalValue(2).int32 {
            case 0: return iso.iteratorResult(s.keys[i], done: false)
            case 1: return iso.iteratorResult(s.values[i], done: false)
            default: return iso.iteratorResult(iso.newArray([s.keys[i], s.values[i]]), done: false)
            }
        }
    }

    func setUpCollections() {
        mapPrototype = newObject()
        makeClass("Map", 0, prototype: mapPrototype) { iso, args throws(Thrown) in try iso.newCollection(.map, args, iso.mapPrototype) }
        let mp = mapPrototype
        method(mp, "get", 1) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .map, "get")
            guard let i = s.find(iso.mapKey(args[0])) else { return .undefined }
            return s.values[i]
        }
        method(mp, "set", 2) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .map, "set")
            let key = iso.normalizedMapKey(args[0])
            s.set(iso.mapKey(key), key, args[1])
            return args.this
        }
        installSharedCollectionMethods(mp, .map)
        mapIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(mapIteratorPrototype)
        let entries = method(mp, "entries", 0) { iso, args throws(Thrown) in
            _ = try iso.storage(args.this, .map, "entries")
            return iso.makeIterator(.mapIterator, iso.mapIteratorPrototype, args.this, kind: 2)
        }
        addProperty(mp.cell, PropertyKey(symbols.iterator), entries, Attributes.hidden)
        method(mp, "keys", 0) { iso, args throws(Thrown) in
            _ = try iso.storage(args.this, .map, "keys")
            return iso.makeIterator(.mapIterator, iso.mapIteratorPrototype, args.this, kind: 0)
        }
        method(mp, "values", 0) { iso, args throws(Thrown) in
            _ = try iso.storage(args.this, .map, "values")
            return iso.makeIterator(.mapIterator, iso.mapIteratorPrototype, args.this, kind: 1)
        }
        addProperty(mp.cell, PropertyKey(symbols.toStringTag), atom("Map"), Attributes.configurable)
        installIteratorNext(mapIteratorPrototype, .mapIterator)
        addProperty(mapIteratorPrototype.cell, PropertyKey(symbols.toStringTag), atom("Map Iterator"), Attributes.configurable)

        setPrototype = newObject()
        makeClass("Set", 0, prototype: setPrototype) { iso, args throws(Thrown) in try iso.newCollection(.set, args, iso.setPrototype) }
        let sp = setPrototype
        method(sp, "add", 1) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .set, "add")
            let key = iso.normalizedMapKey(args[0])
            s.set(iso.mapKey(key), key, key)
            return args.this
        }
        installSharedCollectionMethods(sp, .set)
        setIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(setIteratorPrototype)
        let values = method(sp, "values", 0) { iso, args throws(Thrown) in
            _ = try iso.storage(args.this, .set, "values")
            return iso.makeIterator(.setIterator, iso.setIteratorPrototype, args.this, kind: 0)
        }
        addProperty(sp.cell, propertyKey("keys"), values, Attributes.hidden)
        addProperty(sp.cell, PropertyKey(symbols.iterator), values, Attributes.hidden)
        method(sp, "entries", 0) { iso, args throws(Thrown) in
            _ = try iso.storage(args.this, .set, "entries")
            return iso.makeIterator(.setIterator, iso.setIteratorPrototype, args.this, kind: 2)
        }
        addProperty(sp.cell, PropertyKey(symbols.toStringTag), atom("Set"), Attributes.configurable)
        installIteratorNext(setIteratorPrototype, .setIterator)
        addProperty(setIteratorPrototype.cell, PropertyKey(symbols.toStringTag), atom("Set Iterator"), Attributes.configurable)

        weakMapPrototype = newObject()
        makeClass("WeakMap", 0, prototype: weakMapPrototype) { iso, args throws(Thrown) in try iso.newCollection(.weakMap, args, iso.weakMapPrototype) }
        let wm = weakMapPrototype
        func weakKey(_ iso: Isolate, _ v: Value) throws(Thrown) -> Value {
            guard v.isObject || (v.isSymbol) else { throw iso.throwError(.typeError, "Invalid value used as weak map key") }
            return v
        }
        method(wm, "get", 1) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .weakMap, "get")
            guard let i = s.find(args[0].bits) else { return .undefined }
            return s.values[i]
        }
        method(wm, "set", 2) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .weakMap, "set")
            let key = try weakKey(iso, args[0])
            s.set(key.bits, key, args[1])
            return args.this
        }
        method(wm, "has", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, .weakMap, "has").find(args[0].bits) != nil) }
        method(wm, "delete", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, .weakMap, "delete").remove(args[0].bits)) }
        addProperty(wm.cell, PropertyKey(symbols.toStringTag), atom("WeakMap"), Attributes.configurable)

        weakSetPrototype = newObject()
        makeClass("WeakSet", 0, prototype: weakSetPrototype) { iso, args throws(Thrown) in try iso.newCollection(.weakSet, args, iso.weakSetPrototype) }
        let ws = weakSetPrototype
        method(ws, "add", 1) { iso, args throws(Thrown) in
            let s = try iso.storage(args.this, .weakSet, "add")
            guard args[0].isObject || args[0].isSymbol else { throw iso.throwError(.typeError, "Invalid value used in weak set") }
            s.set(args[0].bits, args[0], args[0])
            return args.this
        }
        method(ws, "has", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, .weakSet, "has").find(args[0].bits) != nil) }
        method(ws, "delete", 1) { iso, args throws(Thrown) in Value(try iso.storage(args.this, .weakSet, "delete").remove(args[0].bits)) }
        addProperty(ws.cell, PropertyKey(symbols.toStringTag), atom("WeakSet"), Attributes.configurable)
    }
}

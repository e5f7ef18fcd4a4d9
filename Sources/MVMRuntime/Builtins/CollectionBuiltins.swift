// Map, Set, WeakMap, WeakSet.

extension Isolate {
    /// The receiver's table, or the TypeError a method called on another
    /// object throws.
    @inline(__always)
    func collectionTable(_ v: Value, _ kind: CellKind, _ method: StaticString) throws(Thrown) -> MapTable {
        guard v.isCell(kind), let table = mapTable(v.cell) else { throw incompatibleCollection(v, kind, method) }
        return table
    }

    @inline(never)
    private func incompatibleCollection(_ v: Value, _ kind: CellKind, _ method: StaticString) -> Thrown {
        throwError(.typeError, "Method \(collectionName(kind)).prototype.\(method) called on incompatible receiver \(describeForError(v))")
    }

    private func collectionName(_ kind: CellKind) -> String {
        kind == .map ? "Map" : kind == .set ? "Set" : kind == .weakMap ? "WeakMap" : "WeakSet"
    }

    func newCollection(_ kind: CellKind, _ args: Arguments, _ fallback: Value) throws(Thrown) -> Value {
        guard args.isConstruct else { throw throwError(.typeError, "Constructor \(collectionName(kind)) requires 'new'") }
        let cell = newObjectCell(kind, proto: try prototypeForConstruct(args.newTarget, newTarget: args.newTarget, fallback: fallback))
        installMapTable(cell)
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

    /// A Map or Set iterator: it registers with the table, which moves its
    /// index when a rebuild moves the entries.
    func makeCollectionIterator(_ collection: Value, iterationKind: Int32) -> Value {
        let isMap = collection.cell.cellKind == .map
        let iterator = makeIterator(isMap ? .mapIterator : .setIterator, isMap ? mapIteratorPrototype : setIteratorPrototype,
                                    collection, kind: iterationKind)
        mapTable(collection.cell)!.addIterator(iterator.cell)
        return iterator
    }

    /// The next entry index of a Map or Set iterator, or nil when it is done
    /// (it then lets go of its collection).
    func collectionIteratorStep(_ iterator: Cell) -> (table: MapTable, index: Int)? {
        let target = iterator.internalValue(0)
        guard target.isObject, let table = mapTable(target.cell) else { return nil }
        var i = Int(iterator.internalValue(MapTable.iteratorIndexSlot).int32)
        let used = table.used
        while i < used && table.key(i).isEmpty { i += 1 }
        if i >= used {
            table.removeIterator(iterator)
            iterator.setInternal(0, .undefined)
            return nil
        }
        iterator.setInternal(MapTable.iteratorIndexSlot, Value(Int32(i + 1)))
        return (table, i)
    }

    /// has, delete, clear, size and forEach, the same for Map and Set: a
    /// Set's table keeps each element as both key and value.
    private func installSharedCollectionMethods(_ proto: Value, _ kind: CellKind) {
        let has = method(proto, "has", 1) { iso, args throws(Thrown) in
            Value(try iso.collectionTable(args.this, kind, "has").find(iso.canonicalMapKey(args[0])) >= 0)
        }
        let delete = method(proto, "delete", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, kind, "delete")
            return Value(iso.mapTableRemove(args.this.cell, table, iso.canonicalMapKey(args[0])))
        }
        markIntrinsic(has, kind == .map ? .mapHas : .setHas)
        markIntrinsic(delete, kind == .map ? .mapDelete : .setDelete)
        method(proto, "clear", 0) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, kind, "clear")
            iso.mapTableClear(args.this.cell, table)
            return .undefined
        }
        getter(proto, "size") { iso, args throws(Thrown) in Value(Int32(try iso.collectionTable(args.this, kind, "size").count)) }
        method(proto, "forEach", 1) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, kind, "forEach")
            let f = try iso.callable(args[0])
            // An iterator of its own, so that entries the callback deletes or
            // adds (which may rebuild the table) are seen as for-of sees them.
            let iterator = iso.makeCollectionIterator(args.this, iterationKind: 2)
            iso.root(iterator)
            while let (table, i) = iso.collectionIteratorStep(iterator.cell) {
                _ = try iso.call(f, this: args[1], table.value(i), table.key(i), args.this, count: 3)
            }
            return .undefined
        }
    }

    /// next() of Map and Set iterators: kind 0 keys, 1 values, 2 [key, value].
    private func installIteratorNext(_ proto: Value, _ kind: CellKind) -> Value {
        method(proto, "next", 0) { iso, args throws(Thrown) in
            guard args.this.isCell(kind) else { throw iso.throwError(.typeError, "next method called on incompatible receiver") }
            let cell = args.this.cell
            guard let value = iso.collectionIteratorNext(cell) else { return iso.iteratorResult(.undefined, done: true) }
            return iso.iteratorResult(value, done: false)
        }
    }

    /// The value a Map or Set iterator yields next (keys, values or
    /// [key, value] entries, by its kind), or nil when it is done.
    @inline(__always)
    func collectionIteratorNext(_ iterator: Cell) -> Value? {
        guard let (table, i) = collectionIteratorStep(iterator) else { return nil }
        switch iterator.internalValue(2).int32 {
        case 0: return table.key(i)
        case 1: return table.value(i)
        default:
            let key = table.key(i), value = table.value(i)
            return newArray([key, value])
        }
    }

    private func markIntrinsic(_ native: Value, _ intrinsic: NativeIntrinsic) {
        intrinsicNatives[native.cell.internalValue(0).int32] = intrinsic
    }

    func setUpCollections() {
        mapPrototype = newObject()
        makeClass("Map", 0, prototype: mapPrototype) { iso, args throws(Thrown) in try iso.newCollection(.map, args, iso.mapPrototype) }
        let mp = mapPrototype
        let get = method(mp, "get", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .map, "get")
            let i = table.find(iso.canonicalMapKey(args[0]))
            return i >= 0 ? table.value(i) : .undefined
        }
        markIntrinsic(get, .mapGet)
        let set = method(mp, "set", 2) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .map, "set")
            iso.mapTableSet(args.this.cell, table, iso.canonicalMapKey(args[0]), args[1])
            return args.this
        }
        markIntrinsic(set, .mapSet)
        installSharedCollectionMethods(mp, .map)
        mapIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(mapIteratorPrototype)
        let entries = method(mp, "entries", 0) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, .map, "entries")
            return iso.makeCollectionIterator(args.this, iterationKind: 2)
        }
        addProperty(mp.cell, PropertyKey(symbols.iterator), entries, Attributes.hidden)
        method(mp, "keys", 0) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, .map, "keys")
            return iso.makeCollectionIterator(args.this, iterationKind: 0)
        }
        method(mp, "values", 0) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, .map, "values")
            return iso.makeCollectionIterator(args.this, iterationKind: 1)
        }
        addProperty(mp.cell, PropertyKey(symbols.toStringTag), atom("Map"), Attributes.configurable)
        mapIteratorNextFunction = installIteratorNext(mapIteratorPrototype, .mapIterator)
        addProperty(mapIteratorPrototype.cell, PropertyKey(symbols.toStringTag), atom("Map Iterator"), Attributes.configurable)

        setPrototype = newObject()
        makeClass("Set", 0, prototype: setPrototype) { iso, args throws(Thrown) in try iso.newCollection(.set, args, iso.setPrototype) }
        let sp = setPrototype
        let add = method(sp, "add", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .set, "add")
            let key = iso.canonicalMapKey(args[0])
            iso.mapTableSet(args.this.cell, table, key, key)
            return args.this
        }
        markIntrinsic(add, .setAdd)
        installSharedCollectionMethods(sp, .set)
        setIteratorPrototype = newObject(proto: iteratorPrototype)
        markAsPrototype(setIteratorPrototype)
        let values = method(sp, "values", 0) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, .set, "values")
            return iso.makeCollectionIterator(args.this, iterationKind: 0)
        }
        addProperty(sp.cell, propertyKey("keys"), values, Attributes.hidden)
        addProperty(sp.cell, PropertyKey(symbols.iterator), values, Attributes.hidden)
        method(sp, "entries", 0) { iso, args throws(Thrown) in
            _ = try iso.collectionTable(args.this, .set, "entries")
            return iso.makeCollectionIterator(args.this, iterationKind: 2)
        }
        addProperty(sp.cell, PropertyKey(symbols.toStringTag), atom("Set"), Attributes.configurable)
        setIteratorNextFunction = installIteratorNext(setIteratorPrototype, .setIterator)
        addProperty(setIteratorPrototype.cell, PropertyKey(symbols.toStringTag), atom("Set Iterator"), Attributes.configurable)

        weakMapPrototype = newObject()
        makeClass("WeakMap", 0, prototype: weakMapPrototype) { iso, args throws(Thrown) in try iso.newCollection(.weakMap, args, iso.weakMapPrototype) }
        let wm = weakMapPrototype
        func weakKey(_ iso: Isolate, _ v: Value) throws(Thrown) -> Value {
            guard v.isObject || (v.isSymbol) else { throw iso.throwError(.typeError, "Invalid value used as weak map key") }
            return v
        }
        method(wm, "get", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .weakMap, "get")
            let i = table.find(args[0])
            return i >= 0 ? table.value(i) : .undefined
        }
        method(wm, "set", 2) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .weakMap, "set")
            iso.mapTableSet(args.this.cell, table, try weakKey(iso, args[0]), args[1])
            return args.this
        }
        method(wm, "has", 1) { iso, args throws(Thrown) in Value(try iso.collectionTable(args.this, .weakMap, "has").find(args[0]) >= 0) }
        method(wm, "delete", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .weakMap, "delete")
            return Value(iso.mapTableRemove(args.this.cell, table, args[0]))
        }
        addProperty(wm.cell, PropertyKey(symbols.toStringTag), atom("WeakMap"), Attributes.configurable)

        weakSetPrototype = newObject()
        makeClass("WeakSet", 0, prototype: weakSetPrototype) { iso, args throws(Thrown) in try iso.newCollection(.weakSet, args, iso.weakSetPrototype) }
        let ws = weakSetPrototype
        method(ws, "add", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .weakSet, "add")
            guard args[0].isObject || args[0].isSymbol else { throw iso.throwError(.typeError, "Invalid value used in weak set") }
            iso.mapTableSet(args.this.cell, table, args[0], args[0])
            return args.this
        }
        method(ws, "has", 1) { iso, args throws(Thrown) in Value(try iso.collectionTable(args.this, .weakSet, "has").find(args[0]) >= 0) }
        method(ws, "delete", 1) { iso, args throws(Thrown) in
            let table = try iso.collectionTable(args.this, .weakSet, "delete")
            return Value(iso.mapTableRemove(args.this.cell, table, args[0]))
        }
        addProperty(ws.cell, PropertyKey(symbols.toStringTag), atom("WeakSet"), Attributes.configurable)
    }
}

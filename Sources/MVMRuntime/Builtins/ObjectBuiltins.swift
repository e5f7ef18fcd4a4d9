// Object and Function.
import MVMBytecode

extension Isolate {
    func setUpObject() {
        let proto = objectPrototype
        let object = makeClass("Object", 1, prototype: proto) { iso, args throws(Thrown) in
            let v = args[0]
            if v.isNullish { return iso.newObject() }
            return iso.toObject(v)
        }
        method(proto, "hasOwnProperty", 1) { iso, args throws(Thrown) in
            let key = try iso.propertyKey(args[0])
            let o = try iso.toObjectChecked(args.this)
            return Value(iso.ownProperty(o.cell, key) != nil)
        }
        method(proto, "isPrototypeOf", 1) { iso, args throws(Thrown) in
            guard args[0].isObject else { return .false }
            let o = try iso.toObjectChecked(args.this)
            var p = args[0].cell.proto
            while p.isObject { if p.bits == o.bits { return .true }; p = p.cell.proto }
            return .false
        }
        method(proto, "propertyIsEnumerable", 1) { iso, args throws(Thrown) in
            let key = try iso.propertyKey(args[0])
            let o = try iso.toObjectChecked(args.this)
            guard let p = iso.ownProperty(o.cell, key) else { return .false }
            return Value(p.attributes & Attributes.enumerable != 0)
        }
        method(proto, "toString", 0) { iso, args throws(Thrown) in iso.newString(try iso.objectToStringTag(args.this)) }
        method(proto, "toLocaleString", 0) { iso, args throws(Thrown) in
            try iso.call(try iso.get(args.this, PropertyKey(iso.names.toString)), this: args.this, [])
        }
        method(proto, "valueOf", 0) { iso, args throws(Thrown) in try iso.toObjectChecked(args.this) }
        let protoGetter = makeNative("get __proto__", 0) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args.this)
            return o.cell.proto
        }
        let protoSetter = makeNative("set __proto__", 1) { iso, args throws(Thrown) in
            let v = args[0]
            guard args.this.isObject, v.isObject || v.isNull else { return .undefined }
            if !iso.setPrototype(args.this.cell, v) { throw iso.throwError(.typeError, "Cyclic __proto__ value") }
            return .undefined
        }
        addProperty(proto.cell, PropertyKey(names.proto), Value(cell: newAccessorPair(protoGetter, protoSetter)),
                    Attributes.configurable | Attributes.accessor)

        method(object, "keys", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            return iso.newArray(iso.ownKeys(o.cell, onlyEnumerable: true).map { iso.keyValue($0) })
        }
        method(object, "values", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            var result: [Value] = []
            let holder = iso.newArray([]); iso.root(holder)
            for key in iso.ownKeys(o.cell, onlyEnumerable: true) {
                let v = try iso.getProperty(o, key, receiver: o)
                result.append(v); iso.arrayAppend(holder.cell, v)
            }
            return holder
        }
        method(object, "entries", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            let holder = iso.newArray([]); iso.root(holder)
            for key in iso.ownKeys(o.cell, onlyEnumerable: true) {
                let v = try iso.getProperty(o, key, receiver: o)
                iso.arrayAppend(holder.cell, iso.newArray([iso.keyValue(key), v]))
            }
            return holder
        }
        method(object, "assign", 2) { iso, args throws(Thrown) in
            let target = try iso.toObjectChecked(args[0])
            for i in 1..<max(args.count, 1) {
                let source = args[i]
                if source.isNullish { continue }
                let from = iso.toObject(source)
                iso.root(from)
                for key in iso.ownKeys(from.cell, includeSymbols: true, onlyEnumerable: true) {
                    try iso.set(target, key, try iso.getProperty(from, key, receiver: from))
                }
            }
            return target
        }
        method(object, "create", 2) { iso, args throws(Thrown) in
            let p = args[0]
            guard p.isObject || p.isNull else { throw iso.throwError(.typeError, "Object prototype may only be an Object or null: \(iso.describeForError(p))") }
            let o = iso.newObject(proto: p)
            iso.root(o)
            iso.markAsPrototype(p)
            if !args[1].isUndefined { try iso.defineProperties(o, args[1]) }
            return o
        }
        method(object, "getPrototypeOf", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            return o.cell.proto
        }
        method(object, "setPrototypeOf", 2) { iso, args throws(Thrown) in
            let p = args[1]
            guard p.isObject || p.isNull else { throw iso.throwError(.typeError, "Object prototype may only be an Object or null: \(iso.describeForError(p))") }
            if args[0].isNullish { throw iso.throwError(.typeError, "Object.setPrototypeOf called on null or undefined") }
            guard args[0].isObject else { return args[0] }
            if !iso.setPrototype(args[0].cell, p) { throw iso.throwError(.typeError, "Cyclic __proto__ value") }
            return args[0]
        }
        method(object, "defineProperty", 3) { iso, args throws(Thrown) in
            guard args[0].isObject else { throw iso.throwError(.typeError, "Object.defineProperty called on non-object") }
            let key = try iso.propertyKey(args[1])
            if try !iso.definePropertyFromDescriptor(args[0], key, args[2]) {
                throw iso.throwError(.typeError, "Cannot redefine property: \(iso.keyDescription(key))")
            }
            return args[0]
        }
        method(object, "defineProperties", 2) { iso, args throws(Thrown) in
            guard args[0].isObject else { throw iso.throwError(.typeError, "Object.defineProperties called on non-object") }
            try iso.defineProperties(args[0], args[1])
            return args[0]
        }
        method(object, "getOwnPropertyNames", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            return iso.newArray(iso.ownKeys(o.cell).map { iso.keyValue($0) })
        }
        method(object, "getOwnPropertySymbols", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            return iso.newArray(iso.ownKeys(o.cell, includeSymbols: true, includeStrings: false).map { $0.value })
        }
        method(object, "getOwnPropertyDescriptor", 2) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            let key = try iso.propertyKey(args[1])
            return iso.descriptorObject(o.cell, key)
        }
        method(object, "getOwnPropertyDescriptors", 1) { iso, args throws(Thrown) in
            let o = try iso.toObjectChecked(args[0])
            let result = iso.newObject()
            iso.root(result)
            for key in iso.ownKeys(o.cell, includeSymbols: true) {
                try iso.createDataProperty(result.cell, key, iso.descriptorObject(o.cell, key))
            }
            return result
        }
        method(object, "freeze", 1) { iso, args throws(Thrown) in
            if args[0].isObject { try iso.setIntegrity(args[0].cell, frozen: true) }
            return args[0]
        }
        method(object, "seal", 1) { iso, args throws(Thrown) in
            if args[0].isObject { try iso.setIntegrity(args[0].cell, frozen: false) }
            return args[0]
        }
        method(object, "preventExtensions", 1) { iso, args throws(Thrown) in
            if args[0].isObject { args[0].cell.cellFlags |= ObjectFlags.nonExtensible }
            return args[0]
        }
        method(object, "isFrozen", 1) { iso, args throws(Thrown) in Value(iso.testIntegrity(args[0], frozen: true)) }
        method(object, "isSealed", 1) { iso, args throws(Thrown) in Value(iso.testIntegrity(args[0], frozen: false)) }
        method(object, "isExtensible", 1) { iso, args throws(Thrown) in
            Value(args[0].isObject && args[0].cell.cellFlags & ObjectFlags.nonExtensible == 0)
        }
        method(object, "is", 2) { iso, args throws(Thrown) in Value(iso.sameValue(args[0], args[1])) }
        method(object, "fromEntries", 1) { iso, args throws(Thrown) in
            let result = iso.newObject()
            iso.root(result)
            for entry in try iso.spreadToList(args[0]) {
                guard entry.isObject else { throw iso.throwError(.typeError, "Iterator value \(iso.describeForError(entry)) is not an entry object") }
                let k = try iso.get(entry, PropertyKey(index: 0))
                let v = try iso.get(entry, PropertyKey(index: 1))
                try iso.createDataProperty(result.cell, try iso.propertyKey(k), v)
            }
            return result
        }
    }

    func objectToStringTag(_ v: Value) throws(Thrown) -> String {
        if v.isUndefined { return "[object Undefined]" }
        if v.isNull { return "[object Null]" }
        let o = toObject(v)
        let tag = try get(o, PropertyKey(symbols.toStringTag))
        if tag.isString { return "[object \(swiftString(tag))]" }
        switch o.cell.cellKind {
        case .array: return "[object Array]"
        case .function, .nativeFunction, .boundFunction: return "[object Function]"
        case .error: return "[object Error]"
        case .booleanObject: return "[object Boolean]"
        case .numberObject: return "[object Number]"
        case .stringObject: return "[object String]"
        case .arguments: return "[object Arguments]"
        default: return "[object Object]"
        }
    }

    func descriptorObject(_ cell: Cell, _ key: PropertyKey) -> Value {
        guard let p = ownProperty(cell, key) else { return .undefined }
        let d = newObject()
        if p.isAccessor {
            addProperty(d.cell, PropertyKey(names.get), p.value.cell.value(at: 8), Attributes.data)
            addProperty(d.cell, PropertyKey(names.set), p.value.cell.value(at: 16), Attributes.data)
        } else {
            addProperty(d.cell, PropertyKey(names.value), p.value, Attributes.data)
            addProperty(d.cell, PropertyKey(names.writable), Value(p.attributes & Attributes.writable != 0), Attributes.data)
        }
        addProperty(d.cell, PropertyKey(names.enumerable), Value(p.attributes & Attributes.enumerable != 0), Attributes.data)
        addProperty(d.cell, PropertyKey(names.configurable), Value(p.attributes & Attributes.configurable != 0), Attributes.data)
        return d
    }

    func definePropertyFromDescriptor(_ o: Value, _ key: PropertyKey, _ d: Value) throws(Thrown) -> Bool {
        guard d.isObject else { throw throwError(.typeError, "Property description must be an object: \(describeForError(d))") }
        func field(_ name: Value) throws(Thrown) -> Value? {
            let k = PropertyKey(name)
            return hasProperty(d, k) ? try get(d, k) : nil
        }
        let value = try field(names.value)
        let writable = try field(names.writable).map { truthy($0) }
        let getter = try field(names.get)
        let setter = try field(names.set)
        let enumerable = try field(names.enumerable).map { truthy($0) }
        let configurable = try field(names.configurable).map { truthy($0) }
        if let getter, !getter.isUndefined && !getter.isCallable {
            throw throwError(.typeError, "Getter must be a function: \(describeForError(getter))")
        }
        if let setter, !setter.isUndefined && !setter.isCallable {
            throw throwError(.typeError, "Setter must be a function: \(describeForError(setter))")
        }
        if (getter != nil || setter != nil) && (value != nil || writable != nil) {
            throw throwError(.typeError, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute")
        }
        return try defineOwnProperty(o.cell, key, value: value, getter: getter, setter: setter,
                                     writable: writable, enumerable: enumerable, configurable: configurable)
    }

    func defineProperties(_ o: Value, _ properties: Value) throws(Thrown) {
        let props = try toObjectChecked(properties)
        for key in ownKeys(props.cell, includeSymbols: true, onlyEnumerable: true) {
            let d = try getProperty(props, key, receiver: props)
            if try !definePropertyFromDescriptor(o, key, d) {
                throw throwError(.typeError, "Cannot redefine property: \(keyDescription(key))")
            }
        }
    }

    func setIntegrity(_ cell: Cell, frozen: Bool) throws(Thrown) {
        cell.cellFlags |= ObjectFlags.nonExtensible
        cell.cellFlags |= frozen ? (ObjectFlags.frozenElements | ObjectFlags.sealedElements) : ObjectFlags.sealedElements
        let shape = cell.shape
        if shape.count > 0 {
            toDictionary(cell)
            let dictionary = cell.shape
            for i in 0..<dictionary.count {
                var attrs = dictionary.attributes[i] & ~Attributes.configurable
                if frozen && attrs & Attributes.accessor == 0 { attrs &= ~Attributes.writable }
                dictionary.setAttributes(attrs, at: i)
            }
            if cell.cellFlags & ObjectFlags.isPrototype != 0 { protoEpoch &+= 1 }
        }
    }

    func testIntegrity(_ v: Value, frozen: Bool) -> Bool {
        guard v.isObject else { return true }
        let cell = v.cell
        if cell.cellFlags & ObjectFlags.nonExtensible == 0 { return false }
        for key in ownKeys(cell, includeSymbols: true) {
            guard let p = ownProperty(cell, key) else { continue }
            if cell.cellKind == .array && key.bits == names.length.bits {
                if frozen && cell.cellFlags & ObjectFlags.frozenElements == 0 && p.attributes & Attributes.writable != 0 { return false }
                continue
            }
            if p.attributes & Attributes.configurable != 0 { return false }
            if frozen && !p.isAccessor && p.attributes & Attributes.writable != 0 { return false }
        }
        return true
    }

    func setUpFunction() {
        let proto = functionPrototype
        makeClass("Function", 1, prototype: proto) { iso, _ throws(Thrown) in
            throw iso.throwError(.evalError, "Code generation from strings is not supported")
        }
        method(proto, "call", 1) { iso, args throws(Thrown) in
            let f = args.this
            guard f.isCallable else { throw iso.throwError(.typeError, "Function.prototype.call called on a non-function") }
            return try iso.callSlow(f, args.base + 1, max(args.count - 1, 0))
        }
        method(proto, "apply", 2) { iso, args throws(Thrown) in
            let f = args.this
            guard f.isCallable else { throw iso.throwError(.typeError, "Function.prototype.apply was called on a non-function") }
            let list = args[1]
            var values: [Value] = []
            if !list.isNullish {
                guard list.isObject else { throw iso.throwError(.typeError, "CreateListFromArrayLike called on non-object") }
                let n = try iso.lengthOf(list)
                values.reserveCapacity(n)
                for i in 0..<n { values.append(try iso.get(list, PropertyKey(index: UInt32(i)))) }
            }
            return try iso.call(f, this: args[0], values)
        }
        method(proto, "bind", 1) { iso, args throws(Thrown) in
            let target = args.this
            guard target.isCallable else { throw iso.throwError(.typeError, "Bind must be called on a function") }
            // Read length and name first: getters may run JS (and collect).
            let length = try iso.get(target, PropertyKey(iso.names.length))
            let name = try iso.get(target, PropertyKey(iso.names.name))
            let cell = iso.newObjectCell(.boundFunction, proto: target.cell.proto)
            cell.setInternal(0, target)
            cell.setInternal(1, args[0])
            cell.setInternal(2, iso.newArray(args.count > 1 ? (1..<args.count).map { args[$0] } : []))
            let bound = max(0, (length.isNumber ? length.number : 0) - Double(max(args.count - 1, 0)))
            iso.addProperty(cell, PropertyKey(iso.names.length), Value(bound), Attributes.configurable)
            iso.addProperty(cell, PropertyKey(iso.names.name), iso.newString("bound " + (name.isString ? iso.swiftString(name) : "")),
                            Attributes.configurable)
            return Value(cell: cell)
        }
        method(proto, "toString", 0) { iso, args throws(Thrown) in
            let f = args.this
            guard f.isCallable else { throw iso.throwError(.typeError, "Function.prototype.toString requires that 'this' be a Function") }
            if f.isCell(.function) {
                return iso.newString(iso.instanceData(f.cell).pointee.instance.takeUnretainedValue().block.sourceText)
            }
            return iso.newString("function \(iso.functionName(f))() { [native code] }")
        }
        functionHasInstance = method(proto, symbol: symbols.hasInstance, "[Symbol.hasInstance]", 1) { iso, args throws(Thrown) in
            guard args.this.isCallable else { return .false }
            return Value(try iso.ordinaryHasInstance(args.this, args[0]))
        }
    }
}

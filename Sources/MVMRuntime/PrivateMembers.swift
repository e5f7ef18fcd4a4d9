// Private class members. Each evaluation of a class makes one private
// symbol per `#name`; instances carry those keys as own properties that no
// reflection (keys, symbols, descriptors, inspection) ever shows. A private
// method or accessor is a property the field initializer installs; methods
// are stored without attributes, fields as writable data, so freezing an
// object (which only clears attributes) keeps its fields writable.
import MVMBytecode

enum SymbolFlags {
    static let pinned: UInt8 = 1
    static let isPrivate: UInt8 = 2
}

extension Isolate {
    @inline(__always) func isPrivateKey(_ bits: UInt64) -> Bool {
        let v = Value(bits: bits)
        return v.isCell(.symbol) && v.cell.cellFlags & SymbolFlags.isPrivate != 0
    }

    func definePrivate(_ object: Value, _ key: Value, _ value: Value, kind: UInt32) throws(Thrown) {
        guard object.isObject else { throw throwError(.typeError, "Cannot define private member \(symbolDescription(key)) on a non-object") }
        let cell = object.cell
        let k = PropertyKey(key)
        let existing = namedOwnProperty(cell, k)
        switch PrivateKind(rawValue: kind) ?? .field {
        case .field, .method:
            if existing != nil {
                throw throwError(.typeError, "Cannot initialize \(symbolDescription(key)) twice on the same object")
            }
            addProperty(cell, k, value, kind == PrivateKind.field.rawValue ? Attributes.data : 0)
        case .getter, .setter:
            let isGetter = kind == PrivateKind.getter.rawValue
            if let existing, existing.isAccessor {
                existing.value.cell.setValue(value, at: isGetter ? 8 : 16)
            } else {
                let pair = newAccessorPair(isGetter ? value : .undefined, isGetter ? .undefined : value)
                addProperty(cell, k, Value(cell: pair), Attributes.accessor)
            }
        }
    }

    func getPrivate(_ object: Value, _ key: Value) throws(Thrown) -> Value {
        guard object.isObject, let property = namedOwnProperty(object.cell, PropertyKey(key)) else {
            throw throwError(.typeError, "Cannot read private member \(symbolDescription(key)) from an object whose class did not declare it")
        }
        if property.isAccessor {
            let getter = property.value.cell.value(at: 8)
            if getter.isUndefined { throw throwError(.typeError, "'\(symbolDescription(key))' was defined without a getter") }
            return try call(getter, this: object, [])
        }
        return property.value
    }

    func setPrivate(_ object: Value, _ key: Value, _ value: Value) throws(Thrown) {
        let k = PropertyKey(key)
        guard object.isObject, let property = namedOwnProperty(object.cell, k) else {
            throw throwError(.typeError, "Cannot write private member \(symbolDescription(key)) to an object whose class did not declare it")
        }
        if property.isAccessor {
            let setter = property.value.cell.value(at: 16)
            if setter.isUndefined { throw throwError(.typeError, "'\(symbolDescription(key))' was defined without a setter") }
            _ = try call(setter, this: object, [value])
            return
        }
        if property.attributes & Attributes.enumerable == 0 {
            throw throwError(.typeError, "Private method '\(symbolDescription(key))' is not writable")
        }
        let cell = object.cell
        cell.withShape { shape in
            let index = shape.find(k.bits)
            cell.setSlot(atOffset: shape.slotOffset(shape.slots[index]), value)
        }
    }

    func hasPrivate(_ object: Value, _ key: Value) throws(Thrown) -> Bool {
        guard object.isObject else {
            throw throwError(.typeError, "Cannot use 'in' operator to search for '\(symbolDescription(key))' in \(describeForError(object))")
        }
        return namedOwnProperty(object.cell, PropertyKey(key)) != nil
    }
}

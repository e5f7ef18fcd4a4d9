// Error and its subclasses.

extension Isolate {
    func setUpErrors() {
        errorPrototype = newObject()
        for type in ErrorType.allCases {
            let proto = type == .error ? errorPrototype : newObject(proto: errorPrototype)
            errorPrototypes[type] = proto
            let constructor = makeClass(type.rawValue, type == .aggregateError ? 2 : 1, prototype: proto) { iso, args throws(Thrown) in
                let newTarget = args.isConstruct ? args.newTarget : args.callee
                let fallback = iso.errorPrototypes[type] ?? iso.errorPrototype
                let cell = iso.newObjectCell(.error, proto: try iso.prototypeForConstruct(newTarget, newTarget: newTarget, fallback: fallback))
                let error = Value(cell: cell)
                iso.root(error)  // the message's toString may run JS
                var messageArgument = args[0]
                var optionsArgument = args[1]
                if type == .aggregateError {
                    messageArgument = args[1]
                    optionsArgument = args[2]
                }
                cell.setInternal(0, iso.newString(iso.captureStack()))
                iso.addProperty(cell, PropertyKey(iso.names.stack), .empty, Attributes.hidden)
                if !messageArgument.isUndefined {
                    let message = try iso.toString(messageArgument)
                    iso.addProperty(cell, PropertyKey(iso.names.message), message, Attributes.hidden)
                }
                if optionsArgument.isObject && iso.hasProperty(optionsArgument, PropertyKey(iso.names.cause)) {
                    iso.addProperty(cell, PropertyKey(iso.names.cause), try iso.get(optionsArgument, PropertyKey(iso.names.cause)), Attributes.hidden)
                }
                if type == .aggregateError {
                    iso.addProperty(cell, PropertyKey(iso.names.errors), iso.newArray(try iso.spreadToList(args[0])), Attributes.hidden)
                }
                return error
            }
            if type != .error {
                constructor.cell.proto = try! get(globalObject, "Error")
            }
            defineHidden(proto, "name", atom(type.rawValue))
            defineHidden(proto, "message", emptyString)
        }
        method(errorPrototype, "toString", 0) { iso, args throws(Thrown) in
            guard args.this.isObject else { throw iso.throwError(.typeError, "Error.prototype.toString requires that 'this' be an Object") }
            let name = try iso.get(args.this, PropertyKey(iso.names.name))
            let message = try iso.get(args.this, PropertyKey(iso.names.message))
            let n = name.isUndefined ? "Error" : iso.swiftString(try iso.toString(name))
            let m = message.isUndefined ? "" : iso.swiftString(try iso.toString(message))
            if n.isEmpty { return iso.newString(m) }
            if m.isEmpty { return iso.newString(n) }
            return iso.newString("\(n): \(m)")
        }
        let error = try! get(globalObject, "Error")
        method(error, "captureStackTrace", 1) { iso, args throws(Thrown) in
            if args[0].isObject {
                let header = try iso.toString(try iso.call(try iso.get(iso.errorPrototype, "toString"), this: args[0], []))
                try iso.defineOwnProperty(args[0].cell, PropertyKey(iso.names.stack),
                                          value: iso.newString(iso.swiftString(header) + iso.captureStack()), getter: nil, setter: nil,
                                          writable: true, enumerable: false, configurable: true)
            }
            return .undefined
        }
    }
}

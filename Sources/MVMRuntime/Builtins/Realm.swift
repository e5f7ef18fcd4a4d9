// Builds a realm: the intrinsic objects and the global object.
import MVMBytecode
import MVMSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Isolate {
    /// Every intrinsic the collector must keep.
    var realmRoots: [Value] {
        [globalObject, objectPrototype, functionPrototype, arrayPrototype, stringPrototype, numberPrototype,
         booleanPrototype, symbolPrototype, errorPrototype, iteratorPrototype, arrayIteratorPrototype,
         mapIteratorPrototype, setIteratorPrototype, stringIteratorPrototype, mapPrototype, setPrototype,
         weakMapPrototype, weakSetPrototype, arrayBufferPrototype, dataViewPrototype, arrayValuesFunction,
         arrayIteratorNextFunction, mapIteratorNextFunction, setIteratorNextFunction, functionHasInstance,
         generatorPrototype, generatorFunctionPrototype]
            + typedArrayPrototypes + Array(errorPrototypes.values) + symbolValues
    }

    var symbolValues: [Value] {
        let s = symbols
        return [s.iterator, s.toPrimitive, s.hasInstance, s.toStringTag, s.asyncIterator, s.species,
                s.isConcatSpreadable, s.unscopables, s.match, s.replace, s.search, s.split, s.matchAll]
    }

    // MARK: Native functions

    func makeNative(_ name: String, _ length: Int, constructor: Bool = false, _ body: @escaping NativeFunction) -> Value {
        let index = natives.append(body)
        let cell = newObjectCell(.nativeFunction, proto: functionPrototype)
        cell.setInternal(0, Value(Int32(index)))
        if constructor { cell.cellFlags |= ObjectFlags.classConstructor }
        cell.shapeBits = nativeFunctionShape.bits
        writeSlot(cell, nativeFunctionShape, 0, Value(Int32(length)))
        writeSlot(cell, nativeFunctionShape, 1, atom(name))
        return Value(cell: cell)
    }

    @discardableResult
    func method(_ target: Value, _ name: String, _ length: Int, _ body: @escaping NativeFunction) -> Value {
        let f = makeNative(name, length, body)
        addProperty(target.cell, propertyKey(name), f, Attributes.hidden)
        return f
    }

    @discardableResult
    func method(_ target: Value, symbol: Value, _ name: String, _ length: Int, _ body: @escaping NativeFunction) -> Value {
        let f = makeNative(name, length, body)
        addProperty(target.cell, PropertyKey(symbol), f, Attributes.hidden)
        return f
    }

    func getter(_ target: Value, _ name: String, _ body: @escaping NativeFunction) {
        let f = makeNative("get " + name, 0, body)
        addProperty(target.cell, propertyKey(name), Value(cell: newAccessorPair(f, .undefined)),
                    Attributes.configurable | Attributes.accessor)
    }

    func getter(_ target: Value, symbol: Value, _ name: String, _ body: @escaping NativeFunction) {
        let f = makeNative("get " + name, 0, body)
        addProperty(target.cell, PropertyKey(symbol), Value(cell: newAccessorPair(f, .undefined)),
                    Attributes.configurable | Attributes.accessor)
    }

    func constant(_ target: Value, _ name: String, _ value: Value) {
        addProperty(target.cell, propertyKey(name), value, 0)
    }

    /// A constructor with its prototype object wired both ways, installed on the global.
    @discardableResult
    func makeClass(_ name: String, _ length: Int, prototype: Value, _ body: @escaping NativeFunction) -> Value {
        let constructor = makeNative(name, length, constructor: true, body)
        addProperty(constructor.cell, PropertyKey(names.prototype), prototype, 0)
        addProperty(prototype.cell, PropertyKey(names.constructor), constructor, Attributes.hidden)
        markAsPrototype(prototype)
        defineHidden(globalObject, name, constructor)
        intrinsicRoots.append(constructor)
        return constructor
    }

    func root(_ v: Value) {
        stackTop.pointee = v
        stackTop += 1
    }

    func callable(_ v: Value, _ what: String = "callback") throws(Thrown) -> Value {
        guard v.isCallable else { throw throwError(.typeError, "\(describeForError(v)) is not a function") }
        return v
    }

    func lengthOf(_ o: Value) throws(Thrown) -> Int {
        if o.isCell(.array) { return o.cell.elementLength }
        return try toLength(get(o, PropertyKey(names.length)))
    }

    func isArray(_ v: Value) -> Bool { v.isCell(.array) }

    // MARK: Setup

    func setUpRealm() {
        // The shapes every function starts with: length, then name.
        let base = rootShapes[ObjectLayout.internalCount(.function)]
        functionShape = base.adding(names.length.bits, Attributes.configurable).adding(names.name.bits, Attributes.configurable)
        let nativeBase = rootShapes[ObjectLayout.internalCount(.nativeFunction)]
        nativeFunctionShape = nativeBase.adding(names.length.bits, Attributes.configurable).adding(names.name.bits, Attributes.configurable)

        objectPrototype = Value(cell: newObjectCell(.object, proto: .null))
        markAsPrototype(objectPrototype)
        // Function.prototype is itself a function that returns undefined.
        let returnUndefined: NativeFunction = Isolate.returnUndefined
        let index = natives.append(returnUndefined)
        let fp = newObjectCell(.nativeFunction, proto: objectPrototype)
        fp.setInternal(0, Value(Int32(index)))
        fp.shapeBits = nativeFunctionShape.bits
        writeSlot(fp, nativeFunctionShape, 0, Value(Int32(0)))
        writeSlot(fp, nativeFunctionShape, 1, emptyString)
        functionPrototype = Value(cell: fp)
        markAsPrototype(functionPrototype)
        globalObject = newObject()
        globalObject.cell.cellFlags |= ObjectFlags.isPrototype

        symbols = WellKnownSymbols(
            iterator: newSymbol(atom("Symbol.iterator")), toPrimitive: newSymbol(atom("Symbol.toPrimitive")),
            hasInstance: newSymbol(atom("Symbol.hasInstance")), toStringTag: newSymbol(atom("Symbol.toStringTag")),
            asyncIterator: newSymbol(atom("Symbol.asyncIterator")), species: newSymbol(atom("Symbol.species")),
            isConcatSpreadable: newSymbol(atom("Symbol.isConcatSpreadable")), unscopables: newSymbol(atom("Symbol.unscopables")),
            match: newSymbol(atom("Symbol.match")), replace: newSymbol(atom("Symbol.replace")),
            search: newSymbol(atom("Symbol.search")), split: newSymbol(atom("Symbol.split")),
            matchAll: newSymbol(atom("Symbol.matchAll")))
        for s in symbolValues { pinSymbol(s) }

        setUpObject()
        setUpFunction()
        setUpIterators()
        setUpGenerators()
        setUpArray()
        setUpString()
        setUpNumberAndMath()
        setUpBooleanAndSymbol()
        setUpErrors()
        setUpCollections()
        setUpBuffers()
        setUpJSON()
        setUpGlobals()
    }

    static func returnUndefined(_: Isolate, _: Arguments) throws(Thrown) -> Value { .undefined }

    func setUpGlobals() {
        let g = globalObject
        defineHidden(g, "globalThis", g)
        constant(g, "NaN", Value(rawDouble: .nan))
        constant(g, "Infinity", Value(rawDouble: .infinity))
        constant(g, "undefined", .undefined)
        method(g, "isNaN", 1) { iso, args throws(Thrown) in Value(try iso.toNumber(args[0]).isNaN) }
        method(g, "isFinite", 1) { iso, args throws(Thrown) in Value(try iso.toNumber(args[0]).isFinite) }

        setUpConsole()

        setUpDate()
        let performance = newObject()
        defineHidden(g, "performance", performance)
        method(performance, "now", 0) { (iso: Isolate, _: Arguments) throws(Thrown) -> Value in
            Value(rawDouble: Double(iso.monotonicNanoseconds - iso.startTime) / 1e6)
        }
    }

    func parseInt(_ s: Value, radix: Value) -> Double {
        let units = self.units(s)
        var i = 0
        while i < units.count && isJSWhitespace(units[i]) { i += 1 }
        var sign = 1.0
        if i < units.count && (units[i] == 45 || units[i] == 43) { if units[i] == 45 { sign = -1 }; i += 1 }
        var r = Int(toInt32((try? toNumber(radix)) ?? 0))
        var stripPrefix = true
        if r != 0 {
            if r < 2 || r > 36 { return .nan }
            if r != 16 { stripPrefix = false }
        } else { r = 10 }
        if stripPrefix && i + 1 < units.count && units[i] == 48 && (units[i + 1] == 120 || units[i + 1] == 88) {
            i += 2
            r = 16
        }
        var value = 0.0
        var any = false
        var digits: [UInt8] = []
        while i < units.count {
            let u = units[i]
            var d = 99
            if u >= 48 && u <= 57 { d = Int(u) - 48 } else if u >= 97 && u <= 122 { d = Int(u) - 87 } else if u >= 65 && u <= 90 { d = Int(u) - 55 }
            if d >= r { break }
            value = value * Double(r) + Double(d)
            digits.append(UInt8(u))
            any = true
            i += 1
        }
        if !any { return .nan }
        if r == 10 && digits.count > 15 { value = digits.withUnsafeBufferPointer { NumericText.decimalValue($0) } }
        return sign * value
    }

    func parseFloat(_ string: Value) -> Double {
        let cell = flat(string)
        var start = 0
        let end = StringLayout.length(cell)
        while start < end && isJSWhitespace(StringLayout.unit(cell, start)) { start += 1 }
        return withASCIIText(cell, start..<end) { text in
            let signed = !text.isEmpty && (text[0] == 43 || text[0] == 45)
            if NumericText.matches(text, "Infinity", at: signed ? 1 : 0) { return text[0] == 45 ? -.infinity : .infinity }
            let length = NumericText.decimalPrefixLength(text)
            return length == 0 ? .nan : NumericText.decimalValue(UnsafeBufferPointer(rebasing: text[..<length]))
        }
    }
}

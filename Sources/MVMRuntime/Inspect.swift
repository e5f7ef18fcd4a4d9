// console.log formatting, following Node's util.inspect defaults
// (depth 2, breakLength 80, compact 3, arrays grouped into columns).
import MVMBytecode

struct InspectContext {
    var seen: [UInt64] = []
    var circular: [UInt64: Int] = [:]
    var indentation = 0
    var currentDepth = 0
    let depth = 2
    let breakLength = 80
    let compact = 3
}

extension Isolate {
    func formatLogArguments(_ args: Arguments) throws(Thrown) -> String {
        var parts: [String] = []
        var start = 0
        if args.count > 0 && args[0].isString {
            let format = swiftString(args[0])
            if format.contains("%") && args.count > 1 {
                var out = ""
                var next = 1
                var chars = Array(format)
                var i = 0
                while i < chars.count {
                    let c = chars[i]
                    if c == "%" && i + 1 < chars.count {
                        let spec = chars[i + 1]
                        if spec == "%" { out.append("%"); i += 2; continue }
                        if "sdifjoOc".contains(spec) && next < args.count {
                            let v = args[next]
                            next += 1
                            switch spec {
                            case "s": out += v.isString ? swiftString(v) : try inspect(v, depthLimit: 1)
                            case "d", "i":
                                let d = v.isObject ? Double.nan : try toNumber(v)
                                out += spec == "i" ? formatNumber(d.rounded(.towardZero)) : formatNumber(d)
                            case "f": out += formatNumber(try toNumber(v))
                            case "j":
                                let json = try get(globalObject, "JSON")
                                out += swiftString(try toString(try call(try get(json, "stringify"), this: json, [v])))
                            case "c": break
                            default: out += try inspect(v)
                            }
                            i += 2
                            continue
                        }
                    }
                    out.append(c)
                    i += 1
                }
                chars = []
                parts.append(out)
                start = next
                for j in start..<args.count { parts.append(args[j].isString ? swiftString(args[j]) : try inspect(args[j])) }
                return parts.joined(separator: " ")
            }
        }
        for i in start..<args.count {
            let v = args[i]
            parts.append(v.isString ? swiftString(v) : try inspect(v))
        }
        return parts.joined(separator: " ")
    }

    public func inspect(_ v: Value, depthLimit: Int? = nil) throws(Thrown) -> String {
        var ctx = InspectContext()
        return try formatValue(&ctx, v, 0, typeofCheck: true)
    }

    func quoteJSString(_ s: String) -> String {
        var quote: Character = "'"
        if s.contains("'") {
            if !s.contains("\"") { quote = "\"" } else if !s.contains("`") && !s.contains("${") { quote = "`" }
        }
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{B}": out += "\\v"
            case "\\": out += "\\\\"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote) }
                else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append(quote)
        return out
    }

    func formatPrimitive(_ v: Value) -> String {
        if v.isString { return quoteJSString(swiftString(v)) }
        if v.isNumber {
            let d = v.number
            if d == 0 && d.sign == .minus { return "-0" }
            return formatNumber(d)
        }
        if v.isSymbol { return symbolDescriptiveString(v) }
        return swiftString(numberOrOtherToString(v))
    }

    func formatKey(_ key: PropertyKey) -> String {
        if key.isIndex { return "'\(key.index)'" }
        if key.isSymbol { return "[\(symbolDescriptiveString(key.value))]" }
        // Node prints keys matching /^[a-zA-Z_][a-zA-Z_0-9]*$/ bare.
        let s = swiftString(key.value)
        var identifier = !s.isEmpty
        for (i, c) in s.unicodeScalars.enumerated() {
            let letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
            if !(letter || (i > 0 && c >= "0" && c <= "9")) { identifier = false; break }
        }
        return identifier ? s : quoteJSString(s)
    }

    /// The name of the nearest constructor on the prototype chain.
    func constructorName(_ cell: Cell) -> String? {
        var p: Value = Value(cell: cell)
        var depth = 0
        while p.isObject && depth < 100 {
            if let c = namedOwnProperty(p.cell, PropertyKey(names.constructor)), c.value.isCallable, !c.isAccessor {
                let name = functionName(c.value)
                if !name.isEmpty { return name }
            }
            p = p.cell.proto
            depth += 1
        }
        return nil
    }

    func formatValue(_ ctx: inout InspectContext, _ v: Value, _ recurseTimes: Int, typeofCheck: Bool = false) throws(Thrown) -> String {
        guard v.isObject else { return formatPrimitive(v) }
        if !hasStackRoom { throw throwError(.rangeError, "Maximum call stack size exceeded") }
        if ctx.seen.contains(v.bits) {
            let index: Int
            if let existing = ctx.circular[v.bits] { index = existing } else {
                index = ctx.circular.count + 1
                ctx.circular[v.bits] = index
            }
            return "[Circular *\(index)]"
        }
        return try formatRaw(&ctx, v, recurseTimes)
    }

    private func formatRaw(_ ctx: inout InspectContext, _ v: Value, _ recurseTimesIn: Int) throws(Thrown) -> String {
        let cell = v.cell
        let kind = cell.cellKind
        let saved = stackTop
        defer { stackTop = saved }
        root(v)
        var keys = ownKeys(cell, includeSymbols: true, onlyEnumerable: true)
        let ctor = constructorName(cell)
        var base = ""
        var braces = ("{", "}")
        var isArrayLike = false
        var output: [String] = []
        var prefixTag = ""
        func prefix(_ fallback: String, _ size: String = "") -> String {
            let name = ctor ?? "[\(fallback): null prototype]"
            return name + size + " "
        }

        if kind == .arguments {
            // Node shows arguments objects with their index keys.
            prefixTag = "[Arguments] "
            if recurseTimesIn > ctx.depth { return "[Arguments]" }
        } else if kind == .array || kind == .typedArray {
            isArrayLike = true
            let length = kind == .typedArray ? typedArrayLength(cell) : try lengthOf(v)
            if kind == .array {
                if ctor != "Array" { prefixTag = prefix("Array", "(\(length))") }
            } else if kind == .typedArray {
                prefixTag = "\(typedArrayKind(cell).name)(\(length)) "
            } else {
                prefixTag = "[Arguments] "
            }
            braces = ("[", "]")
            keys = keys.filter { !$0.isIndex }
            // Node prints empty containers even beyond the depth limit.
            if length == 0 && keys.isEmpty { return prefixTag + "[]" }
            if recurseTimesIn > ctx.depth {
                return "[\(kind == .array ? (ctor ?? "Array") : (kind == .arguments ? "Arguments" : typedArrayKind(cell).name))]"
            }
        } else if kind == .function || kind == .nativeFunction || kind == .boundFunction {
            base = functionBase(v, ctor)
            keys = keys.filter { $0.bits != names.prototype.bits }
            if keys.isEmpty { return base }
            if recurseTimesIn > ctx.depth { return base }
        } else if kind == .date {
            // Node: the ISO string (or "Invalid Date"), then any own properties.
            let t = cell.internalValue(0).number
            base = t.isNaN ? "Invalid Date" : DateMath.isoString(t)
            if keys.isEmpty { return base }
        } else if kind == .error {
            let stack = try get(v, PropertyKey(names.stack))
            base = stack.isString ? swiftString(stack) : "[\(try toSwiftString(v))]"
            keys = keys.filter { $0.bits != names.stack.bits && $0.bits != names.message.bits }
            if keys.isEmpty { return base }
            if recurseTimesIn > ctx.depth { return "[\(swiftString(try toString(v)))]" }
        } else if kind == .map || kind == .set {
            let table = mapTable(cell)!
            let name = kind == .map ? "Map" : "Set"
            prefixTag = (ctor.map { $0 == name ? name : "\($0) [\(name)]" } ?? "[\(name): null prototype]") + "(\(table.count)) "
            if recurseTimesIn > ctx.depth { return "[\(ctor ?? name)]" }
        } else if kind == .numberObject || kind == .stringObject || kind == .booleanObject || kind == .symbolObject {
            let primitive = cell.internalValue(0)
            let typeName = kind == .numberObject ? "Number" : kind == .stringObject ? "String" : kind == .booleanObject ? "Boolean" : "Symbol"
            base = "[\(typeName): \(formatPrimitive(primitive))]"
            if kind == .stringObject { keys = keys.filter { !$0.isIndex } }
            if keys.isEmpty { return base }
        } else if kind == .weakMap || kind == .weakSet {
            return "\(kind == .weakMap ? "WeakMap" : "WeakSet") { <items unknown> }"
        } else if kind == .arrayBuffer {
            let n = bufferLength(cell)
            let data = bufferData(cell)!
            var bytes: [String] = []
            for i in 0..<min(n, 50) {
                let hex = String(data.load(fromByteOffset: i, as: UInt8.self), radix: 16)
                bytes.append(hex.count < 2 ? "0" + hex : hex)
            }
            if n > 50 { bytes.append("... \(n - 50) more byte\(n - 50 == 1 ? "" : "s")") }
            return "ArrayBuffer { [Uint8Contents]: <\(bytes.joined(separator: " "))>, byteLength: \(n) }"
        } else if kind == .mapIterator || kind == .setIterator {
            let target = cell.internalValue(0)
            var items: [String] = []
            let iterationKind = cell.internalValue(2).int32
            if target.isObject {
                for (k, value) in collectionEntries(target.cell, from: Int(cell.internalValue(MapTable.iteratorIndexSlot).int32)) {
                    switch (kind, iterationKind) {
                    case (.mapIterator, 0), (.setIterator, 0): items.append(try formatValue(&ctx, k, recurseTimesIn + 1))
                    case (.mapIterator, 1): items.append(try formatValue(&ctx, value, recurseTimesIn + 1))
                    default: items.append(try formatValue(&ctx, newArray([k, kind == .mapIterator ? value : k]), recurseTimesIn + 1))
                    }
                }
            }
            let name = kind == .mapIterator ? (iterationKind == 2 ? "Map Entries" : "Map Iterator") : (iterationKind == 2 ? "Set Entries" : "Set Iterator")
            return "[\(name)] { \(items.joined(separator: ", ")) }"
        } else if kind == .arrayIterator || kind == .stringIterator {
            let tag = try get(v, PropertyKey(symbols.toStringTag))
            return "Object [\(tag.isString ? swiftString(tag) : "Iterator")] {}"
        } else {
            if cell.proto.isNull { prefixTag = "[Object: null prototype] " }
            else if let ctor, ctor != "Object" { prefixTag = ctor + " " }
            let tag = try get(v, PropertyKey(symbols.toStringTag))
            if moduleNamespaces.contains(v.bits) {
                prefixTag = "[Module: null prototype] "
            } else if tag.isString && !swiftString(tag).isEmpty {
                let t = swiftString(tag)
                if ctor != t { prefixTag = (ctor ?? "Object") + " [\(t)] " }
            }
            if keys.isEmpty { return prefixTag + "{}" }
            if recurseTimesIn > ctx.depth { return "[\(ctor ?? "Object")]" }
        }

        let recurseTimes = recurseTimesIn + 1
        ctx.seen.append(v.bits)
        ctx.currentDepth = recurseTimes
        if isArrayLike {
            let length = kind == .typedArray ? typedArrayLength(cell) : try lengthOf(v)
            var i = 0
            var shown = 0
            while i < length && shown < 100 {
                if kind != .typedArray && !hasElement(v, i) {
                    var holes = 0
                    while i < length && !hasElement(v, i) { holes += 1; i += 1 }
                    output.append("<\(holes) empty item\(holes == 1 ? "" : "s")>")
                    shown += 1
                    continue
                }
                let element = kind == .typedArray ? typedArrayGet(cell, i)! : try self.element(v, i)
                output.append(try formatValue(&ctx, element, recurseTimes))
                i += 1
                shown += 1
            }
            if i < length { output.append("... \(length - i) more item\(length - i == 1 ? "" : "s")") }
        } else if kind == .map || kind == .set {
            for (key, value) in collectionEntries(cell) {
                if kind == .map {
                    output.append(try formatValue(&ctx, key, recurseTimes) + " => " + (try formatValue(&ctx, value, recurseTimes)))
                } else {
                    output.append(try formatValue(&ctx, key, recurseTimes))
                }
            }
        }
        for key in keys {
            output.append(try formatProperty(&ctx, v, key, recurseTimes, arrayLike: isArrayLike))
        }
        ctx.seen.removeLast()
        var result: String
        if output.isEmpty && base.isEmpty {
            result = prefixTag + braces.0 + braces.1
        } else {
            let open = prefixTag + braces.0
            result = reduceToSingleString(&ctx, output, base: base, open: open, close: braces.1, arrayLike: isArrayLike,
                                          recurseTimes: recurseTimes, value: v)
        }
        if let index = ctx.circular[v.bits] { result = "<ref *\(index)> " + result }
        return result
    }

    func functionBase(_ v: Value, _ ctor: String?) -> String {
        let name = functionName(v)
        if v.isCell(.function) && v.cell.cellFlags & ObjectFlags.classConstructor != 0 {
            var text = "[class \(name.isEmpty ? "(anonymous)" : name)"
            let parent = v.cell.proto
            if parent.isCallable && parent.bits != functionPrototype.bits {
                let parentName = functionName(parent)
                text += " extends \(parentName.isEmpty ? "(anonymous)" : parentName)"
            }
            return text + "]"
        }
        return name.isEmpty ? "[Function (anonymous)]" : "[Function: \(name)]"
    }

    func formatProperty(_ ctx: inout InspectContext, _ object: Value, _ key: PropertyKey, _ recurseTimes: Int, arrayLike: Bool) throws(Thrown) -> String {
        let name = formatKey(key)
        guard let property = ownProperty(object.cell, key) else { return "\(name): undefined" }
        if moduleNamespaces.contains(object.bits) {
            // An export, read through its live binding as Node shows it.
            guard let value = try? get(object, key) else {
                pendingException = .empty
                return "\(name): <uninitialized>"
            }
            ctx.indentation += 2
            defer { ctx.indentation -= 2 }
            return "\(name): \(try formatValue(&ctx, value, recurseTimes))"
        }
        if property.isAccessor {
            let pair = property.value.cell
            let hasGet = !pair.value(at: 8).isUndefined, hasSet = !pair.value(at: 16).isUndefined
            let text = hasGet && hasSet ? "[Getter/Setter]" : hasGet ? "[Getter]" : hasSet ? "[Setter]" : "undefined"
            return "\(name): \(text)"
        }
        ctx.indentation += 2
        let value = try formatValue(&ctx, property.value, recurseTimes)
        ctx.indentation -= 2
        return "\(name): \(value)"
    }

    func reduceToSingleString(_ ctx: inout InspectContext, _ outputIn: [String], base: String, open: String, close: String,
                              arrayLike: Bool, recurseTimes: Int, value: Value) -> String {
        var output = outputIn
        let entries = output.count
        if arrayLike && entries > 6 { output = groupArrayElements(ctx, output, value) }
        if ctx.currentDepth - recurseTimes < ctx.compact && entries == output.count {
            let start = output.count + ctx.indentation + open.count + base.count + 10
            if isBelowBreakLength(ctx, output, start, base) {
                let joined = output.joined(separator: ", ")
                if !joined.contains("\n") {
                    return (base.isEmpty ? "" : base + " ") + open + (output.isEmpty ? "" : " " + joined) + " " + close
                }
            }
        }
        let indentation = "\n" + String(repeating: " ", count: ctx.indentation)
        return (base.isEmpty ? "" : base + " ") + open + indentation + "  " + output.joined(separator: "," + indentation + "  ") + indentation + close
    }

    func isBelowBreakLength(_ ctx: InspectContext, _ output: [String], _ start: Int, _ base: String) -> Bool {
        var total = output.count + start
        if total + output.count > ctx.breakLength { return false }
        for entry in output {
            total += entry.count
            if total > ctx.breakLength { return false }
        }
        return base.isEmpty || !base.contains("\n")
    }

    func groupArrayElements(_ ctx: InspectContext, _ output: [String], _ value: Value) -> [String] {
        var totalLength = 0
        var maxLength = 0
        var outputLength = output.count
        if let last = output.last, last.hasPrefix("... ") && last.hasSuffix(" more items") || output.last?.hasSuffix(" more item") == true { outputLength -= 1 }
        let separatorSpace = 2
        var dataLength: [Int] = []
        for i in 0..<outputLength {
            let length = output[i].count
            dataLength.append(length)
            totalLength += length + separatorSpace
            if maxLength < length { maxLength = length }
        }
        let actualMax = maxLength + separatorSpace
        guard actualMax * 3 + ctx.indentation < ctx.breakLength,
              Double(totalLength) / Double(actualMax) > 5 || maxLength <= 6 else { return output }
        let averageBias = (Double(actualMax) - Double(totalLength) / Double(output.count)).squareRoot()
        let biasedMax = max(Double(actualMax) - 3 - averageBias, 1)
        let columns = min(
            Int((2.5 * biasedMax * Double(outputLength)).squareRoot() / biasedMax + 0.5),
            (ctx.breakLength - ctx.indentation) / actualMax,
            ctx.compact * 4,
            15)
        if columns <= 1 { return output }
        var maxLineLength: [Int] = []
        for i in 0..<columns {
            var lineLength = 0
            var j = i
            while j < outputLength { if dataLength[j] > lineLength { lineLength = dataLength[j] }; j += columns }
            maxLineLength.append(lineLength + separatorSpace)
        }
        var padStart = true
        if value.isObject {
            let cell = value.cell
            let n = cell.cellKind == .typedArray ? typedArrayLength(cell) : min(cell.elementLength, output.count)
            if cell.cellKind != .typedArray {
                for i in 0..<min(n, output.count) {
                    let element = i < cell.elementCapacity ? cell.elementValues[i] : .empty
                    if !element.isNumber { padStart = false; break }
                }
                if n < output.count { padStart = false }
            }
        }
        var grouped: [String] = []
        var i = 0
        while i < outputLength {
            let maxIndex = min(i + columns, outputLength)
            var line = ""
            var j = i
            while j < maxIndex - 1 {
                let cellText = output[j] + ", "
                let padding = maxLineLength[j - i]
                line += padStart ? String(repeating: " ", count: max(0, padding - cellText.count)) + cellText
                                 : cellText + String(repeating: " ", count: max(0, padding - cellText.count))
                j += 1
            }
            if padStart {
                let padding = maxLineLength[j - i] - separatorSpace
                line += String(repeating: " ", count: max(0, padding - output[j].count)) + output[j]
            } else {
                line += output[j]
            }
            grouped.append(line)
            i += columns
        }
        if outputLength < output.count { grouped.append(output[outputLength]) }
        return grouped
    }
}

// A readable tree dump of an AST, for `mvm parse` and for comparing trees.

extension AST {
    /// One line per node, indented by depth, with `@line:column` when
    /// `locations` is true. Two parses of equivalent source give equal dumps
    /// without locations, so tests compare trees through this.
    public func dump(locations: Bool = true) -> String {
        var printer = TreeDumper(ast: self, locations: locations)
        printer.line("Program \(goal == .module ? "module" : "script")\(isStrict ? " strict" : "")", depth: 0, loc: nil)
        for statement in self[body] { printer.node(statement, depth: 1) }
        return printer.output
    }
}

private struct TreeDumper {
    let ast: AST
    let locations: Bool
    var output = ""

    init(ast: AST, locations: Bool) {
        self.ast = ast
        self.locations = locations
    }

    mutating func line(_ text: String, depth: Int, loc: SourceLoc?) {
        output += String(repeating: "  ", count: depth)
        output += text
        if locations, let loc { output += " @\(loc.line):\(loc.column)" }
        output += "\n"
    }

    func quoted(_ name: Name) -> String {
        name.isNone ? "<none>" : jsStringLiteral(ast.names[name])
    }

    func ident(_ name: Name) -> String { name.isNone ? "<none>" : ast.string(name) }

    mutating func list(_ label: String, _ items: NodeList, depth: Int, loc: SourceLoc? = nil) {
        line(label, depth: depth, loc: loc)
        for item in ast[items] { node(item, depth: depth + 1) }
    }

    mutating func optional(_ label: String, _ id: NodeID, depth: Int) {
        guard !id.isNone else { return }
        line(label, depth: depth, loc: nil)
        node(id, depth: depth + 1)
    }

    mutating func function(_ label: String, _ id: FunctionID, depth: Int, loc: SourceLoc) {
        let fn = ast[id]
        var flags: [String] = []
        if fn.flags.contains(.isAsync) { flags.append("async") }
        if fn.flags.contains(.isGenerator) { flags.append("generator") }
        if fn.flags.contains(.isArrow) { flags.append("arrow") }
        if fn.flags.contains(.isGetter) { flags.append("getter") }
        if fn.flags.contains(.isSetter) { flags.append("setter") }
        if fn.flags.contains(.isClassConstructor) { flags.append("constructor") }
        if fn.flags.contains(.isDerivedConstructor) { flags.append("derived") }
        if fn.flags.contains(.isStrict) { flags.append("strict") }
        let name = fn.name.isNone ? "" : " \(ident(fn.name))"
        line("\(label)\(name)\(flags.isEmpty ? "" : " [\(flags.joined(separator: " "))]")", depth: depth, loc: loc)
        list("params", fn.params, depth: depth + 1)
        list(fn.flags.contains(.hasExpressionBody) ? "expression-body" : "body", fn.body, depth: depth + 1)
    }

    mutating func klass(_ label: String, _ id: ClassID, depth: Int, loc: SourceLoc) {
        let cls = ast[id]
        line("\(label)\(cls.name.isNone ? "" : " \(ident(cls.name))")", depth: depth, loc: loc)
        optional("extends", cls.heritage, depth: depth + 1)
        list("members", cls.members, depth: depth + 1)
    }

    mutating func node(_ id: NodeID, depth: Int) {
        let loc = ast.loc(id)
        let d = depth + 1
        switch ast[id] {
        case .variableDeclaration(let kind, let declarators):
            line("VariableDeclaration \(kind)", depth: depth, loc: loc)
            for item in ast[declarators] { node(item, depth: d) }
        case .variableDeclarator(let target, let initializer):
            line("VariableDeclarator", depth: depth, loc: loc)
            node(target, depth: d)
            if !initializer.isNone { node(initializer, depth: d) }
        case .functionDeclaration(let fn): function("FunctionDeclaration", fn, depth: depth, loc: loc)
        case .classDeclaration(let cls): klass("ClassDeclaration", cls, depth: depth, loc: loc)
        case .expressionStatement(let expression):
            line("ExpressionStatement", depth: depth, loc: loc)
            node(expression, depth: d)
        case .directive(let raw): line("Directive \(quoted(raw))", depth: depth, loc: loc)
        case .block(let body): list("Block", body, depth: depth, loc: loc)
        case .empty: line("Empty", depth: depth, loc: loc)
        case .debugger: line("Debugger", depth: depth, loc: loc)
        case .ifStatement(let test, let consequent, let alternate):
            line("If", depth: depth, loc: loc)
            node(test, depth: d)
            node(consequent, depth: d)
            optional("else", alternate, depth: d)
        case .forStatement(let initializer, let test, let update, let body):
            line("For", depth: depth, loc: loc)
            optional("init", initializer, depth: d)
            optional("test", test, depth: d)
            optional("update", update, depth: d)
            node(body, depth: d)
        case .forIn(let left, let right, let body):
            line("ForIn", depth: depth, loc: loc)
            node(left, depth: d); node(right, depth: d); node(body, depth: d)
        case .forOf(let left, let right, let body, let isAwait):
            line(isAwait ? "ForAwaitOf" : "ForOf", depth: depth, loc: loc)
            node(left, depth: d); node(right, depth: d); node(body, depth: d)
        case .whileStatement(let test, let body):
            line("While", depth: depth, loc: loc)
            node(test, depth: d); node(body, depth: d)
        case .doWhile(let body, let test):
            line("DoWhile", depth: depth, loc: loc)
            node(body, depth: d); node(test, depth: d)
        case .continueStatement(let label): line("Continue\(label.isNone ? "" : " \(ident(label))")", depth: depth, loc: loc)
        case .breakStatement(let label): line("Break\(label.isNone ? "" : " \(ident(label))")", depth: depth, loc: loc)
        case .returnStatement(let argument):
            line("Return", depth: depth, loc: loc)
            if !argument.isNone { node(argument, depth: d) }
        case .throwStatement(let argument):
            line("Throw", depth: depth, loc: loc)
            node(argument, depth: d)
        case .tryStatement(let block, let param, let handler, let finalizer):
            line("Try", depth: depth, loc: loc)
            node(block, depth: d)
            optional("catch-param", param, depth: d)
            optional("catch", handler, depth: d)
            optional("finally", finalizer, depth: d)
        case .switchStatement(let discriminant, let cases):
            line("Switch", depth: depth, loc: loc)
            node(discriminant, depth: d)
            for item in ast[cases] { node(item, depth: d) }
        case .switchCase(let test, let body):
            line(test.isNone ? "Default" : "Case", depth: depth, loc: loc)
            if !test.isNone { node(test, depth: d) }
            for item in ast[body] { node(item, depth: d) }
        case .labeled(let label, let body):
            line("Labeled \(ident(label))", depth: depth, loc: loc)
            node(body, depth: d)
        case .withStatement(let object, let body):
            line("With", depth: depth, loc: loc)
            node(object, depth: d); node(body, depth: d)
        case .importDeclaration(let specifiers, let source):
            line("Import from \(quoted(source))", depth: depth, loc: loc)
            for item in ast[specifiers] { node(item, depth: d) }
        case .importSpecifier(let imported, let local):
            line("ImportSpecifier \(quoted(imported)) as \(ident(local))", depth: depth, loc: loc)
        case .importDefault(let local): line("ImportDefault \(ident(local))", depth: depth, loc: loc)
        case .importNamespace(let local): line("ImportNamespace \(ident(local))", depth: depth, loc: loc)
        case .exportNamed(let specifiers, let source):
            line("ExportNamed\(source.isNone ? "" : " from \(quoted(source))")", depth: depth, loc: loc)
            for item in ast[specifiers] { node(item, depth: d) }
        case .exportSpecifier(let local, let exported):
            line("ExportSpecifier \(quoted(local)) as \(quoted(exported))", depth: depth, loc: loc)
        case .exportAll(let exported, let source):
            line("ExportAll\(exported.isNone ? "" : " as \(quoted(exported))") from \(quoted(source))", depth: depth, loc: loc)
        case .exportDefault(let declaration):
            line("ExportDefault", depth: depth, loc: loc)
            node(declaration, depth: d)
        case .exportDeclaration(let declaration):
            line("ExportDeclaration", depth: depth, loc: loc)
            node(declaration, depth: d)
        case .identifier(let name): line("Identifier \(ident(name))", depth: depth, loc: loc)
        case .number(let value): line("Number \(formatNumberLiteral(value))", depth: depth, loc: loc)
        case .string(let value): line("String \(quoted(value))", depth: depth, loc: loc)
        case .bigint(let digits): line("BigInt \(ident(digits))n", depth: depth, loc: loc)
        case .regexp(let pattern, let flags): line("RegExp /\(ident(pattern))/\(ident(flags))", depth: depth, loc: loc)
        case .null: line("Null", depth: depth, loc: loc)
        case .boolean(let value): line("Boolean \(value)", depth: depth, loc: loc)
        case .this: line("This", depth: depth, loc: loc)
        case .superExpression: line("Super", depth: depth, loc: loc)
        case .template(let quasis, let expressions):
            line("Template", depth: depth, loc: loc)
            let parts = Array(ast[quasis])
            let values = Array(ast[expressions])
            for (index, quasi) in parts.enumerated() {
                node(quasi, depth: d)
                if index < values.count { node(values[index], depth: d) }
            }
        case .templateElement(let cooked, let raw):
            line("TemplateElement cooked=\(quoted(cooked)) raw=\(quoted(raw))", depth: depth, loc: loc)
        case .taggedTemplate(let tag, let quasi):
            line("TaggedTemplate", depth: depth, loc: loc)
            node(tag, depth: d); node(quasi, depth: d)
        case .array(let elements): list("Array", elements, depth: depth, loc: loc)
        case .hole: line("Hole", depth: depth, loc: loc)
        case .object(let members): list("Object", members, depth: depth, loc: loc)
        case .property(let key, let value, let kind, let flags):
            var words = ["Property"]
            if kind != .value { words.append("\(kind)") }
            if flags.contains(.computed) { words.append("computed") }
            if flags.contains(.shorthand) { words.append("shorthand") }
            if flags.contains(.method) { words.append("method") }
            line(words.joined(separator: " "), depth: depth, loc: loc)
            node(key, depth: d); node(value, depth: d)
        case .functionExpression(let fn): function("FunctionExpression", fn, depth: depth, loc: loc)
        case .arrowFunction(let fn): function("ArrowFunction", fn, depth: depth, loc: loc)
        case .classExpression(let cls): klass("ClassExpression", cls, depth: depth, loc: loc)
        case .unary(let op, let argument):
            line("Unary \(op)", depth: depth, loc: loc)
            node(argument, depth: d)
        case .update(let op, let prefix, let argument):
            line("Update \(op) \(prefix ? "prefix" : "postfix")", depth: depth, loc: loc)
            node(argument, depth: d)
        case .binary(let op, let left, let right):
            line("Binary \(op)", depth: depth, loc: loc)
            node(left, depth: d); node(right, depth: d)
        case .logical(let op, let left, let right):
            line("Logical \(op)", depth: depth, loc: loc)
            node(left, depth: d); node(right, depth: d)
        case .assignment(let op, let target, let value):
            line("Assignment \(op)", depth: depth, loc: loc)
            node(target, depth: d); node(value, depth: d)
        case .conditional(let test, let consequent, let alternate):
            line("Conditional", depth: depth, loc: loc)
            node(test, depth: d); node(consequent, depth: d); node(alternate, depth: d)
        case .call(let callee, let arguments, let optional):
            line(optional ? "Call optional" : "Call", depth: depth, loc: loc)
            node(callee, depth: d)
            for item in ast[arguments] { node(item, depth: d) }
        case .new(let callee, let arguments):
            line("New", depth: depth, loc: loc)
            node(callee, depth: d)
            for item in ast[arguments] { node(item, depth: d) }
        case .member(let object, let property, let optional):
            line("Member\(optional ? " optional" : "") .\(ident(property))", depth: depth, loc: loc)
            node(object, depth: d)
        case .computedMember(let object, let property, let optional):
            line(optional ? "ComputedMember optional" : "ComputedMember", depth: depth, loc: loc)
            node(object, depth: d); node(property, depth: d)
        case .privateMember(let object, let property, let optional):
            line("PrivateMember\(optional ? " optional" : "") #\(ident(property))", depth: depth, loc: loc)
            node(object, depth: d)
        case .optionalChain(let expression):
            line("OptionalChain", depth: depth, loc: loc)
            node(expression, depth: d)
        case .sequence(let expressions): list("Sequence", expressions, depth: depth, loc: loc)
        case .spread(let argument):
            line("Spread", depth: depth, loc: loc)
            node(argument, depth: d)
        case .yield(let argument, let delegate):
            line(delegate ? "Yield*" : "Yield", depth: depth, loc: loc)
            if !argument.isNone { node(argument, depth: d) }
        case .await(let argument):
            line("Await", depth: depth, loc: loc)
            node(argument, depth: d)
        case .newTarget: line("NewTarget", depth: depth, loc: loc)
        case .importMeta: line("ImportMeta", depth: depth, loc: loc)
        case .importCall(let source, let options):
            line("ImportCall", depth: depth, loc: loc)
            node(source, depth: d)
            if !options.isNone { node(options, depth: d) }
        case .privateIn(let name, let object):
            line("PrivateIn #\(ident(name))", depth: depth, loc: loc)
            node(object, depth: d)
        case .privateName(let name): line("PrivateName #\(ident(name))", depth: depth, loc: loc)
        case .objectPattern(let members): list("ObjectPattern", members, depth: depth, loc: loc)
        case .arrayPattern(let elements): list("ArrayPattern", elements, depth: depth, loc: loc)
        case .assignmentPattern(let target, let defaultValue):
            line("AssignmentPattern", depth: depth, loc: loc)
            node(target, depth: d); node(defaultValue, depth: d)
        case .rest(let argument):
            line("Rest", depth: depth, loc: loc)
            node(argument, depth: d)
        case .method(let key, let fn, let kind, let flags):
            var words = ["Method", "\(kind)"]
            if flags.contains(.isStatic) { words.append("static") }
            if flags.contains(.computed) { words.append("computed") }
            line(words.joined(separator: " "), depth: depth, loc: loc)
            node(key, depth: d)
            function("Function", fn, depth: d, loc: ast[fn].loc)
        case .field(let key, let value, let flags):
            var words = ["Field"]
            if flags.contains(.isStatic) { words.append("static") }
            if flags.contains(.computed) { words.append("computed") }
            line(words.joined(separator: " "), depth: depth, loc: loc)
            node(key, depth: d)
            if !value.isNone { node(value, depth: d) }
        case .staticBlock(let body): list("StaticBlock", body, depth: depth, loc: loc)
        }
    }
}

/// A JavaScript double-quoted string literal for UTF-16 code units; every unit
/// outside printable ASCII is escaped, so lone surrogates survive.
func jsStringLiteral<C: Collection>(_ units: C, quote: UInt16 = 0x22) -> String where C.Element == UInt16 {
    var result = String(UnicodeScalar(UInt8(quote)))
    for unit in units {
        switch unit {
        case quote: result += "\\" + String(UnicodeScalar(UInt8(quote)))
        case 0x5C: result += "\\\\"
        case 0x0A: result += "\\n"
        case 0x0D: result += "\\r"
        case 0x09: result += "\\t"
        case 0x20...0x7E: result.unicodeScalars.append(UnicodeScalar(UInt8(unit)))
        default:
            let hex = String(unit, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
    result += String(UnicodeScalar(UInt8(quote)))
    return result
}

/// A number literal's value as JavaScript source: integers without a fraction,
/// others in the shortest form that reads back to the same double.
func formatNumberLiteral(_ value: Double) -> String {
    if value.isInfinite { return "1e999" }
    if value == value.rounded(), abs(value) < 1e21 {
        return String(Int64(value))
    }
    return "\(value)"
}

// Prints an AST back as canonical JavaScript source.
//
// Parentheses come from operator precedence, not from the original text, so
// parsing the output gives the same tree. The round-trip test relies on that.

extension AST {
    public func printedSource() -> String {
        var printer = SourcePrinter(ast: self)
        for statement in self[body] { printer.statement(statement, indent: 0) }
        return printer.output
    }
}

private struct SourcePrinter {
    let ast: AST
    var output = ""
    /// Inside a `for (init;` head, where a bare `in` would end the initializer.
    var noIn = false

    init(ast: AST) { self.ast = ast }

    // Precedence levels, loosest first.
    static let sequence = 0, assignment = 1, conditional = 2, coalesceOr = 3, and = 4
    static let bitOr = 5, bitXor = 6, bitAnd = 7, equality = 8, relational = 9, shift = 10
    static let additive = 11, multiplicative = 12, exponent = 13, unary = 14, update = 15
    static let leftHandSide = 16, primary = 17

    func name(_ name: Name) -> String { ast.string(name) }

    // MARK: Statements

    mutating func line(_ text: String, indent: Int) {
        output += String(repeating: "  ", count: indent) + text + "\n"
    }

    mutating func statement(_ id: NodeID, indent: Int) {
        switch ast[id] {
        case .variableDeclaration:
            line(declaration(id) + ";", indent: indent)
        case .functionDeclaration(let fn):
            line(function(fn, keyword: true), indent: indent)
        case .classDeclaration(let cls):
            line(klass(cls), indent: indent)
        case .expressionStatement(let expression):
            var text = self.expression(expression, Self.sequence)
            if needsStatementParens(text) || ast[expression].isStringLiteral { text = "(\(text))" }
            line(text + ";", indent: indent)
        case .directive(let raw):
            let units = ast.names[raw]
            let quote = units.contains(0x22) ? "'" : "\""
            line(quote + name(raw) + quote + ";", indent: indent)
        case .block:
            line(block(id, indent: indent), indent: indent)
        case .empty:
            line(";", indent: indent)
        case .debugger:
            line("debugger;", indent: indent)
        case .ifStatement(let test, let consequent, let alternate):
            var text = "if (\(expression(test, Self.sequence))) " + body(consequent, indent: indent, beforeElse: !alternate.isNone)
            if !alternate.isNone {
                text += " else " + body(alternate, indent: indent)
            }
            line(text, indent: indent)
        case .forStatement(let initializer, let test, let update, let loopBody):
            var head = "for ("
            if !initializer.isNone {
                noIn = true
                if case .variableDeclaration = ast[initializer] {
                    head += declaration(initializer)
                } else {
                    let text = expression(initializer, Self.sequence)
                    head += text.hasPrefix("let") ? "(\(text))" : text
                }
                noIn = false
            }
            head += ";"
            if !test.isNone { head += " " + expression(test, Self.sequence) }
            head += ";"
            if !update.isNone { head += " " + expression(update, Self.sequence) }
            line(head + ") " + body(loopBody, indent: indent), indent: indent)
        case .forIn(let left, let right, let loopBody):
            line("for (\(forLeft(left)) in \(expression(right, Self.sequence))) " + body(loopBody, indent: indent), indent: indent)
        case .forOf(let left, let right, let loopBody, let isAwait):
            line("for \(isAwait ? "await " : "")(\(forLeft(left)) of \(expression(right, Self.assignment))) "
                 + body(loopBody, indent: indent), indent: indent)
        case .whileStatement(let test, let loopBody):
            line("while (\(expression(test, Self.sequence))) " + body(loopBody, indent: indent), indent: indent)
        case .doWhile(let loopBody, let test):
            line("do " + body(loopBody, indent: indent) + " while (\(expression(test, Self.sequence)));", indent: indent)
        case .continueStatement(let label):
            line(label.isNone ? "continue;" : "continue \(name(label));", indent: indent)
        case .breakStatement(let label):
            line(label.isNone ? "break;" : "break \(name(label));", indent: indent)
        case .returnStatement(let argument):
            line(argument.isNone ? "return;" : "return \(expression(argument, Self.sequence));", indent: indent)
        case .throwStatement(let argument):
            line("throw \(expression(argument, Self.sequence));", indent: indent)
        case .tryStatement(let tryBlock, let param, let handler, let finalizer):
            var text = "try " + block(tryBlock, indent: indent)
            if !handler.isNone {
                text += " catch " + (param.isNone ? "" : "(\(pattern(param))) ") + block(handler, indent: indent)
            }
            if !finalizer.isNone { text += " finally " + block(finalizer, indent: indent) }
            line(text, indent: indent)
        case .switchStatement(let discriminant, let cases):
            line("switch (\(expression(discriminant, Self.sequence))) {", indent: indent)
            for item in ast[cases] {
                guard case .switchCase(let test, let caseBody) = ast[item] else { continue }
                line(test.isNone ? "default:" : "case \(expression(test, Self.sequence)):", indent: indent + 1)
                for inner in ast[caseBody] { statement(inner, indent: indent + 2) }
            }
            line("}", indent: indent)
        case .labeled(let label, let labeledBody):
            line("\(name(label)):", indent: indent)
            statement(labeledBody, indent: indent + 1)
        case .withStatement(let object, let withBody):
            line("with (\(expression(object, Self.sequence))) " + body(withBody, indent: indent), indent: indent)
        case .importDeclaration(let specifiers, let source):
            line(importDeclaration(specifiers, source: source), indent: indent)
        case .exportNamed(let specifiers, let source):
            let parts = ast[specifiers].map { item -> String in
                guard case .exportSpecifier(let local, let exported) = ast[item] else { return "" }
                return local == exported ? moduleName(local) : "\(moduleName(local)) as \(moduleName(exported))"
            }
            let from = source.isNone ? "" : " from \(literal(source))"
            line("export { \(parts.joined(separator: ", ")) }\(from);", indent: indent)
        case .exportAll(let exported, let source):
            line("export *\(exported.isNone ? "" : " as \(moduleName(exported))") from \(literal(source));", indent: indent)
        case .exportDefault(let declaration):
            switch ast[declaration] {
            case .functionDeclaration(let fn): line("export default " + function(fn, keyword: true), indent: indent)
            case .classDeclaration(let cls): line("export default " + klass(cls), indent: indent)
            default:
                var text = expression(declaration, Self.assignment)
                if needsStatementParens(text) { text = "(\(text))" }
                line("export default \(text);", indent: indent)
            }
        case .exportDeclaration(let declaration):
            let saved = output
            output = ""
            statement(declaration, indent: 0)
            let text = output
            output = saved
            line("export " + text.dropLast(), indent: indent)
        default:
            line(expression(id, Self.sequence) + ";", indent: indent)
        }
    }

    /// Expression statements may not start with `{`, `function`, `class`,
    /// `let [` or `async function`; parentheses keep them expressions.
    func needsStatementParens(_ text: String) -> Bool {
        text.hasPrefix("{") || text.hasPrefix("function") || text.hasPrefix("class") || text.hasPrefix("let")
            || text.hasPrefix("async function")
    }

    mutating func block(_ id: NodeID, indent: Int) -> String {
        guard case .block(let statements) = ast[id] else { return "{ }" }
        if statements.count == 0 { return "{}" }
        let saved = output
        output = ""
        for item in ast[statements] { statement(item, indent: indent + 1) }
        let inner = output
        output = saved
        return "{\n" + inner + String(repeating: "  ", count: indent) + "}"
    }

    /// A statement used as the body of an if, loop or with.
    mutating func body(_ id: NodeID, indent: Int, beforeElse: Bool = false) -> String {
        if case .block = ast[id] { return block(id, indent: indent) }
        // `if (a) if (b) x; else y` would give the else to the inner if: a block keeps it outside.
        if beforeElse && endsWithElselessIf(id) {
            let saved = output
            output = ""
            statement(id, indent: indent + 1)
            let inner = output
            output = saved
            return "{\n" + inner + String(repeating: "  ", count: indent) + "}"
        }
        let saved = output
        output = ""
        statement(id, indent: indent + 1)
        let inner = output.drop(while: { $0 == " " })
        output = saved
        return String(inner.dropLast())
    }

    func endsWithElselessIf(_ id: NodeID) -> Bool {
        switch ast[id] {
        case .ifStatement(_, let consequent, let alternate):
            return alternate.isNone ? true : endsWithElselessIf(alternate) || endsWithElselessIf(consequent)
        case .forStatement(_, _, _, let body), .forIn(_, _, let body), .forOf(_, _, let body, _),
             .whileStatement(_, let body), .labeled(_, let body), .withStatement(_, let body):
            return endsWithElselessIf(body)
        default:
            return false
        }
    }

    mutating func declaration(_ id: NodeID) -> String {
        guard case .variableDeclaration(let kind, let declarators) = ast[id] else { return "" }
        let parts = ast[declarators].map { item -> String in
            guard case .variableDeclarator(let target, let initializer) = ast[item] else { return "" }
            let left = pattern(target)
            return initializer.isNone ? left : "\(left) = \(expression(initializer, Self.assignment))"
        }
        let keyword = kind == .var ? "var" : kind == .let ? "let" : "const"
        return keyword + " " + parts.joined(separator: ", ")
    }

    mutating func forLeft(_ id: NodeID) -> String {
        if case .variableDeclaration = ast[id] { return declaration(id) }
        let text = pattern(id)
        return text.hasPrefix("let") || text == "async" ? "(\(text))" : text
    }

    mutating func importDeclaration(_ specifiers: NodeList, source: Name) -> String {
        var defaultPart: String?
        var namespacePart: String?
        var named: [String] = []
        for item in ast[specifiers] {
            switch ast[item] {
            case .importDefault(let local): defaultPart = name(local)
            case .importNamespace(let local): namespacePart = "* as \(name(local))"
            case .importSpecifier(let imported, let local):
                named.append(imported == local ? moduleName(imported) : "\(moduleName(imported)) as \(name(local))")
            default: break
            }
        }
        if specifiers.count == 0 { return "import \(literal(source));" }
        var parts: [String] = []
        if let defaultPart { parts.append(defaultPart) }
        if let namespacePart { parts.append(namespacePart) }
        if !named.isEmpty || parts.isEmpty { parts.append("{ \(named.joined(separator: ", ")) }") }
        return "import \(parts.joined(separator: ", ")) from \(literal(source));"
    }

    /// A module export name: an identifier name, or a string otherwise.
    func moduleName(_ value: Name) -> String {
        let units = ast.names[value]
        let text = name(value)
        let isIdentifier = !units.isEmpty && units.allSatisfy { $0 < 0x80 && Lexer.isASCIIIdentifierPart(UInt8($0)) }
            && !Lexer.isDigit(UInt8(units.first!))
        return isIdentifier ? text : literal(value)
    }

    func literal(_ value: Name) -> String { jsStringLiteral(ast.names[value]) }

    // MARK: Functions and classes

    mutating func functionBody(_ fn: FunctionNode, indent: Int = 0) -> String {
        if fn.flags.contains(.hasExpressionBody), let body = ast[fn.body].first {
            let text = expression(body, Self.assignment)
            return text.hasPrefix("{") ? "(\(text))" : text
        }
        if fn.body.count == 0 { return "{}" }
        let saved = output
        let savedNoIn = noIn
        noIn = false
        output = ""
        for item in ast[fn.body] { statement(item, indent: 1) }
        let inner = output
        output = saved
        noIn = savedNoIn
        return "{\n" + inner + "}"
    }

    mutating func parameters(_ fn: FunctionNode) -> String {
        "(" + ast[fn.params].map { pattern($0) }.joined(separator: ", ") + ")"
    }

    mutating func function(_ id: FunctionID, keyword: Bool) -> String {
        let fn = ast[id]
        var text = fn.flags.contains(.isAsync) ? "async " : ""
        if fn.flags.contains(.isArrow) {
            return text + parameters(fn) + " => " + functionBody(fn)
        }
        text += "function"
        if fn.flags.contains(.isGenerator) { text += "*" }
        if !fn.name.isNone { text += " " + name(fn.name) }
        return text + parameters(fn) + " " + functionBody(fn)
    }

    /// A method's text after its key is known: `get x() {}`, `async *m() {}`.
    mutating func method(_ id: FunctionID, key: String, isStatic: Bool) -> String {
        let fn = ast[id]
        var text = isStatic ? "static " : ""
        if fn.flags.contains(.isGetter) { text += "get " }
        if fn.flags.contains(.isSetter) { text += "set " }
        if fn.flags.contains(.isAsync) { text += "async " }
        if fn.flags.contains(.isGenerator) { text += "*" }
        return text + key + parameters(fn) + " " + functionBody(fn)
    }

    mutating func propertyKey(_ key: NodeID, computed: Bool) -> String {
        if computed { return "[\(expression(key, Self.assignment))]" }
        switch ast[key] {
        case .identifier(let value): return name(value)
        case .privateName(let value): return "#" + name(value)
        default: return expression(key, Self.primary)
        }
    }

    mutating func klass(_ id: ClassID) -> String {
        let cls = ast[id]
        var text = "class"
        if !cls.name.isNone { text += " " + name(cls.name) }
        if !cls.heritage.isNone { text += " extends " + expression(cls.heritage, Self.leftHandSide) }
        if cls.members.count == 0 { return text + " {}" }
        var members: [String] = []
        for member in ast[cls.members] {
            switch ast[member] {
            case .method(let key, let fn, _, let flags):
                members.append(method(fn, key: propertyKey(key, computed: flags.contains(.computed)),
                                      isStatic: flags.contains(.isStatic)))
            case .field(let key, let value, let flags):
                var field = (flags.contains(.isStatic) ? "static " : "") + propertyKey(key, computed: flags.contains(.computed))
                if !value.isNone { field += " = " + expression(value, Self.assignment) }
                members.append(field + ";")
            case .staticBlock(let statements):
                let saved = output
                output = ""
                for item in ast[statements] { statement(item, indent: 1) }
                let inner = output
                output = saved
                members.append("static {\n" + inner + "}")
            default:
                break
            }
        }
        return text + " {\n" + members.map { "  " + $0.replacingNewlines() }.joined(separator: "\n") + "\n}"
    }

    // MARK: Patterns

    mutating func pattern(_ id: NodeID) -> String {
        switch ast[id] {
        case .objectPattern(let members):
            let parts = ast[members].map { member -> String in
                switch ast[member] {
                case .property(let key, let value, _, let flags):
                    if flags.contains(.shorthand) { return pattern(value) }
                    return propertyKey(key, computed: flags.contains(.computed)) + ": " + pattern(value)
                case .rest(let argument): return "..." + pattern(argument)
                default: return ""
                }
            }
            return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
        case .arrayPattern(let elements):
            var parts = ast[elements].map { element -> String in
                if case .hole = ast[element] { return "" }
                return pattern(element)
            }
            if case .hole? = ast[elements].last.map({ ast[$0] }) { parts.append("") }
            return "[" + parts.joined(separator: ", ") + "]"
        case .assignmentPattern(let target, let defaultValue):
            return pattern(target) + " = " + expression(defaultValue, Self.assignment)
        case .rest(let argument):
            return "..." + pattern(argument)
        default:
            return expression(id, Self.leftHandSide)
        }
    }

    // MARK: Expressions

    func precedence(_ id: NodeID) -> Int {
        switch ast[id] {
        case .sequence: return Self.sequence
        case .assignment, .arrowFunction, .yield, .spread: return Self.assignment
        case .conditional: return Self.conditional
        case .logical(let op, _, _): return op == .and ? Self.and : Self.coalesceOr
        case .binary(let op, _, _): return Self.binaryPrecedence(op)
        case .privateIn: return Self.relational
        case .unary, .await: return Self.unary
        case .update: return Self.update
        case .call, .new, .member, .computedMember, .privateMember, .taggedTemplate, .optionalChain, .importCall:
            return Self.leftHandSide
        default: return Self.primary
        }
    }

    static func binaryPrecedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .bitwiseOr: return bitOr
        case .bitwiseXor: return bitXor
        case .bitwiseAnd: return bitAnd
        case .equal, .notEqual, .strictEqual, .strictNotEqual: return equality
        case .less, .greater, .lessEqual, .greaterEqual, .instanceof, .in: return relational
        case .shiftLeft, .shiftRight, .shiftRightUnsigned: return shift
        case .add, .subtract: return additive
        case .multiply, .divide, .remainder: return multiplicative
        case .exponent: return exponent
        }
    }

    static func text(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .remainder: return "%"
        case .exponent: return "**"
        case .shiftLeft: return "<<"
        case .shiftRight: return ">>"
        case .shiftRightUnsigned: return ">>>"
        case .bitwiseAnd: return "&"
        case .bitwiseOr: return "|"
        case .bitwiseXor: return "^"
        case .equal: return "=="
        case .notEqual: return "!="
        case .strictEqual: return "==="
        case .strictNotEqual: return "!=="
        case .less: return "<"
        case .greater: return ">"
        case .lessEqual: return "<="
        case .greaterEqual: return ">="
        case .instanceof: return "instanceof"
        case .in: return "in"
        }
    }

    static func text(_ op: AssignmentOperator) -> String {
        switch op {
        case .assign: return "="
        case .add: return "+="
        case .subtract: return "-="
        case .multiply: return "*="
        case .divide: return "/="
        case .remainder: return "%="
        case .exponent: return "**="
        case .shiftLeft: return "<<="
        case .shiftRight: return ">>="
        case .shiftRightUnsigned: return ">>>="
        case .bitwiseAnd: return "&="
        case .bitwiseOr: return "|="
        case .bitwiseXor: return "^="
        case .and: return "&&="
        case .or: return "||="
        case .coalesce: return "??="
        }
    }

    /// `id` printed so that it binds at least as tightly as `minimum`.
    mutating func expression(_ id: NodeID, _ minimum: Int) -> String {
        let text = bareExpression(id)
        var needsParens = precedence(id) < minimum
        if noIn, case .binary(.in, _, _) = ast[id] { needsParens = true }
        if noIn, case .privateIn = ast[id] { needsParens = true }
        return needsParens ? "(\(text))" : text
    }

    /// The object of a member access or the callee of a call.
    mutating func memberObject(_ id: NodeID) -> String {
        switch ast[id] {
        case .number, .optionalChain: return "(\(bareExpression(id)))"
        default: return expression(id, Self.leftHandSide)
        }
    }

    func containsCall(_ id: NodeID) -> Bool {
        switch ast[id] {
        case .call, .importCall, .optionalChain: return true
        case .member(let object, _, _), .computedMember(let object, _, _), .privateMember(let object, _, _),
             .taggedTemplate(let object, _):
            return containsCall(object)
        default: return false
        }
    }

    mutating func arguments(_ list: NodeList) -> String {
        "(" + ast[list].map { expression($0, Self.assignment) }.joined(separator: ", ") + ")"
    }

    mutating func bareExpression(_ id: NodeID) -> String {
        switch ast[id] {
        case .identifier(let value): return name(value)
        case .number(let value): return formatNumberLiteral(value)
        case .string(let value): return literal(value)
        case .bigint(let digits): return name(digits) + "n"
        case .regexp(let pattern, let flags): return "/\(name(pattern))/\(name(flags))"
        case .null: return "null"
        case .boolean(let value): return value ? "true" : "false"
        case .this: return "this"
        case .superExpression: return "super"
        case .newTarget: return "new.target"
        case .importMeta: return "import.meta"
        case .template(let quasis, let expressions):
            var text = "`"
            let values = Array(ast[expressions])
            for (index, quasi) in ast[quasis].enumerated() {
                if case .templateElement(_, let raw) = ast[quasi] { text += name(raw) }
                if index < values.count { text += "${" + expression(values[index], Self.sequence) + "}" }
            }
            return text + "`"
        case .taggedTemplate(let tag, let quasi):
            return memberObject(tag) + bareExpression(quasi)
        case .array(let elements):
            var parts = ast[elements].map { element -> String in
                if case .hole = ast[element] { return "" }
                return expression(element, Self.assignment)
            }
            if case .hole? = ast[elements].last.map({ ast[$0] }) { parts.append("") }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let members):
            if members.count == 0 { return "{}" }
            let parts = ast[members].map { member -> String in
                switch ast[member] {
                case .spread(let argument): return "..." + expression(argument, Self.assignment)
                case .property(let key, let value, let kind, let flags):
                    let keyText = propertyKey(key, computed: flags.contains(.computed))
                    if kind != .value || flags.contains(.method), case .functionExpression(let fn) = ast[value] {
                        return method(fn, key: keyText, isStatic: false)
                    }
                    if flags.contains(.shorthand) { return pattern(value) }
                    return keyText + ": " + expression(value, Self.assignment)
                default: return ""
                }
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        case .functionExpression(let fn), .arrowFunction(let fn):
            return function(fn, keyword: false)
        case .classExpression(let cls):
            return klass(cls)
        case .unary(let op, let argument):
            let operand = expression(argument, Self.unary)
            switch op {
            case .minus: return operand.hasPrefix("-") ? "- " + operand : "-" + operand
            case .plus: return operand.hasPrefix("+") ? "+ " + operand : "+" + operand
            case .not: return "!" + operand
            case .bitwiseNot: return "~" + operand
            case .typeof: return "typeof " + operand
            case .void: return "void " + operand
            case .delete: return "delete " + operand
            }
        case .update(let op, let prefix, let argument):
            let operand = expression(argument, Self.leftHandSide)
            let symbol = op == .increment ? "++" : "--"
            return prefix ? symbol + operand : operand + symbol
        case .binary(let op, let left, let right):
            let level = Self.binaryPrecedence(op)
            let leftText = op == .exponent ? expression(left, Self.update) : expression(left, level)
            let rightText = expression(right, op == .exponent ? level : level + 1)
            return "\(leftText) \(Self.text(op)) \(rightText)"
        case .logical(let op, let left, let right):
            let level = op == .and ? Self.and : Self.coalesceOr
            let symbol = op == .and ? "&&" : op == .or ? "||" : "??"
            return "\(logicalOperand(left, op, level)) \(symbol) \(logicalOperand(right, op, level + 1))"
        case .assignment(let op, let target, let value):
            return "\(pattern(target)) \(Self.text(op)) \(expression(value, Self.assignment))"
        case .conditional(let test, let consequent, let alternate):
            return "\(expression(test, Self.coalesceOr)) ? \(expression(consequent, Self.assignment)) : \(expression(alternate, Self.assignment))"
        case .call(let callee, let list, let optional):
            return memberObject(callee) + (optional ? "?." : "") + arguments(list)
        case .new(let callee, let list):
            let calleeText = containsCall(callee) ? "(\(bareExpression(callee)))" : memberObject(callee)
            return "new " + calleeText + arguments(list)
        case .member(let object, let property, let optional):
            return memberObject(object) + (optional ? "?." : ".") + name(property)
        case .computedMember(let object, let property, let optional):
            return memberObject(object) + (optional ? "?.[" : "[") + expression(property, Self.sequence) + "]"
        case .privateMember(let object, let property, let optional):
            return memberObject(object) + (optional ? "?.#" : ".#") + name(property)
        case .optionalChain(let inner):
            return bareExpression(inner)
        case .sequence(let expressions):
            return ast[expressions].map { expression($0, Self.assignment) }.joined(separator: ", ")
        case .spread(let argument):
            return "..." + expression(argument, Self.assignment)
        case .yield(let argument, let delegate):
            if argument.isNone { return "yield" }
            return (delegate ? "yield* " : "yield ") + expression(argument, Self.assignment)
        case .await(let argument):
            return "await " + expression(argument, Self.unary)
        case .importCall(let source, let options):
            let extra = options.isNone ? "" : ", " + expression(options, Self.assignment)
            return "import(" + expression(source, Self.assignment) + extra + ")"
        case .privateIn(let privateName, let object):
            return "#\(name(privateName)) in \(expression(object, Self.relational + 1))"
        case .privateName(let value):
            return "#" + name(value)
        case .objectPattern, .arrayPattern, .assignmentPattern, .rest:
            return pattern(id)
        default:
            return "/* unexpected node */"
        }
    }

    /// `??` never mixes with `&&`/`||` unparenthesized, so a logical operand of
    /// the other family always gets parentheses.
    mutating func logicalOperand(_ id: NodeID, _ op: LogicalOperator, _ minimum: Int) -> String {
        if case .logical(let inner, _, _) = ast[id], (inner == .coalesce) != (op == .coalesce) {
            return "(\(bareExpression(id)))"
        }
        return expression(id, minimum)
    }
}

private extension Node {
    var isStringLiteral: Bool {
        if case .string = self { return true }
        return false
    }
}

private extension String {
    /// Indents the continuation lines of a multi-line member by one level.
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }
}

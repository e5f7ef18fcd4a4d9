// The abstract syntax tree.
//
// The tree lives in arrays (an arena): `nodes[i]` is node i, `locs[i]` its
// source position, and every list of children is a range of `lists`. Nodes are
// plain values (no classes, no strings inside), so building the tree allocates
// only when an array grows, nothing is reference-counted, a deep tree is freed
// without recursion, and a finished tree is `Sendable` and can be shared.

/// A node's index in its `AST`.
public struct NodeID: Hashable, Sendable {
    public var index: Int32
    public init(_ index: Int32) { self.index = index }
    public static let none = NodeID(-1)
    public var isNone: Bool { index < 0 }
}

/// A list of children: a range of `AST.lists`.
public struct NodeList: Hashable, Sendable {
    public var start: UInt32
    public var count: UInt32
    public static let empty = NodeList(start: 0, count: 0)
}

/// An index into `AST.functions`.
public struct FunctionID: Hashable, Sendable { public var index: Int32 }
/// An index into `AST.classes`.
public struct ClassID: Hashable, Sendable { public var index: Int32 }

public enum VariableKind: UInt8, Sendable { case `var`, `let`, const }

public enum UnaryOperator: UInt8, Sendable {
    case minus, plus, not, bitwiseNot, typeof, void, delete
}

public enum UpdateOperator: UInt8, Sendable { case increment, decrement }

public enum BinaryOperator: UInt8, Sendable {
    case add, subtract, multiply, divide, remainder, exponent
    case shiftLeft, shiftRight, shiftRightUnsigned
    case bitwiseAnd, bitwiseOr, bitwiseXor
    case equal, notEqual, strictEqual, strictNotEqual
    case less, greater, lessEqual, greaterEqual, instanceof, `in`
}

public enum LogicalOperator: UInt8, Sendable { case and, or, coalesce }

public enum AssignmentOperator: UInt8, Sendable {
    case assign, add, subtract, multiply, divide, remainder, exponent
    case shiftLeft, shiftRight, shiftRightUnsigned, bitwiseAnd, bitwiseOr, bitwiseXor
    case and, or, coalesce
}

/// Whether an object-literal or class property defines a value or an accessor.
public enum PropertyKind: UInt8, Sendable { case value, getter, setter }

public enum MethodKind: UInt8, Sendable { case method, getter, setter, constructor }

public struct PropertyFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `[expr]: value`: the key is an expression.
    public static let computed = PropertyFlags(rawValue: 1)
    /// `{ a }` or `{ a = 1 }` in a pattern.
    public static let shorthand = PropertyFlags(rawValue: 2)
    /// `{ m() {} }`: the value is a method.
    public static let method = PropertyFlags(rawValue: 4)
    /// A class member that is `static`.
    public static let isStatic = PropertyFlags(rawValue: 8)
}

/// One node. Payloads are ids, names and small values only.
public enum Node: Hashable, Sendable {
    // Statements and declarations.
    case variableDeclaration(kind: VariableKind, declarators: NodeList)
    /// `target = initializer`; `initializer` may be `.none`.
    case variableDeclarator(target: NodeID, initializer: NodeID)
    case functionDeclaration(FunctionID)
    case classDeclaration(ClassID)
    case expressionStatement(NodeID)
    /// A directive prologue entry; `raw` is the text between the quotes.
    case directive(raw: Name)
    case block(NodeList)
    case empty
    case debugger
    case ifStatement(test: NodeID, consequent: NodeID, alternate: NodeID)
    case forStatement(initializer: NodeID, test: NodeID, update: NodeID, body: NodeID)
    case forIn(left: NodeID, right: NodeID, body: NodeID)
    case forOf(left: NodeID, right: NodeID, body: NodeID, isAwait: Bool)
    case whileStatement(test: NodeID, body: NodeID)
    case doWhile(body: NodeID, test: NodeID)
    case continueStatement(label: Name)
    case breakStatement(label: Name)
    case returnStatement(NodeID)
    case throwStatement(NodeID)
    /// `param`, `handler` and `finalizer` may be `.none`.
    case tryStatement(block: NodeID, param: NodeID, handler: NodeID, finalizer: NodeID)
    case switchStatement(discriminant: NodeID, cases: NodeList)
    /// `test` is `.none` for `default:`.
    case switchCase(test: NodeID, body: NodeList)
    case labeled(label: Name, body: NodeID)
    case withStatement(object: NodeID, body: NodeID)

    // Modules.
    /// `import ... from "source"`; no specifiers for `import "source"`.
    case importDeclaration(specifiers: NodeList, source: Name)
    case importSpecifier(imported: Name, local: Name)
    case importDefault(local: Name)
    case importNamespace(local: Name)
    /// `export { a as b }` (source `.none`) or `export { a } from "m"`.
    case exportNamed(specifiers: NodeList, source: Name)
    case exportSpecifier(local: Name, exported: Name)
    /// `export * from "m"` (exported `.none`) or `export * as ns from "m"`.
    case exportAll(exported: Name, source: Name)
    /// `export default` of an expression, a function or a class declaration.
    case exportDefault(NodeID)
    /// `export var/let/const/function/class ...`.
    case exportDeclaration(NodeID)

    // Expressions.
    case identifier(Name)
    case number(Double)
    case string(Name)
    /// The digits, without separators or `n`, with any radix prefix ("0x1f").
    case bigint(Name)
    case regexp(pattern: Name, flags: Name)
    case null
    case boolean(Bool)
    case this
    /// `super`, only as the object of a member access or as a callee.
    case superExpression
    /// Quasis are `templateElement`s, one more than the substitutions.
    case template(quasis: NodeList, expressions: NodeList)
    /// `cooked` is `.none` when a tagged template has an invalid escape.
    case templateElement(cooked: Name, raw: Name)
    case taggedTemplate(tag: NodeID, quasi: NodeID)
    /// Elements: expressions, `spread`s and `hole`s.
    case array(NodeList)
    case hole
    /// Members: `property` and `spread` nodes.
    case object(NodeList)
    /// In object literals and object patterns. The key of a non-computed
    /// property is an `identifier`, `string`, `number` or `bigint` node.
    case property(key: NodeID, value: NodeID, kind: PropertyKind, flags: PropertyFlags)
    case functionExpression(FunctionID)
    case arrowFunction(FunctionID)
    case classExpression(ClassID)
    case unary(UnaryOperator, NodeID)
    case update(UpdateOperator, prefix: Bool, NodeID)
    case binary(BinaryOperator, NodeID, NodeID)
    case logical(LogicalOperator, NodeID, NodeID)
    case assignment(AssignmentOperator, target: NodeID, value: NodeID)
    case conditional(test: NodeID, consequent: NodeID, alternate: NodeID)
    case call(callee: NodeID, arguments: NodeList, optional: Bool)
    case new(callee: NodeID, arguments: NodeList)
    case member(object: NodeID, property: Name, optional: Bool)
    case computedMember(object: NodeID, property: NodeID, optional: Bool)
    case privateMember(object: NodeID, property: Name, optional: Bool)
    /// The boundary of an optional chain: `a?.b.c` is one chain, `(a?.b).c` is
    /// a member access on a chain, and evaluates differently.
    case optionalChain(NodeID)
    case sequence(NodeList)
    case spread(NodeID)
    case yield(argument: NodeID, delegate: Bool)
    case await(NodeID)
    case newTarget
    case importMeta
    /// `import(source)` or `import(source, options)`; options may be `.none`.
    case importCall(source: NodeID, options: NodeID)
    /// `#name in object`.
    case privateIn(name: Name, object: NodeID)
    /// A `#name` class member key.
    case privateName(Name)

    // Patterns (binding and assignment targets).
    /// Members: `property` nodes whose value is a pattern, then maybe a `rest`.
    case objectPattern(NodeList)
    /// Elements: patterns, `hole`s, then maybe a `rest`.
    case arrayPattern(NodeList)
    /// `target = defaultValue` inside a pattern or a parameter list.
    case assignmentPattern(target: NodeID, defaultValue: NodeID)
    case rest(NodeID)

    // Class members.
    case method(key: NodeID, function: FunctionID, kind: MethodKind, flags: PropertyFlags)
    /// A field; `value` may be `.none`.
    case field(key: NodeID, value: NodeID, flags: PropertyFlags)
    case staticBlock(NodeList)
}

public struct FunctionFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let isAsync = FunctionFlags(rawValue: 1 << 0)
    public static let isGenerator = FunctionFlags(rawValue: 1 << 1)
    public static let isArrow = FunctionFlags(rawValue: 1 << 2)
    /// A method of an object literal or a class (has a home object for `super`).
    public static let isMethod = FunctionFlags(rawValue: 1 << 3)
    public static let isGetter = FunctionFlags(rawValue: 1 << 4)
    public static let isSetter = FunctionFlags(rawValue: 1 << 5)
    public static let isClassConstructor = FunctionFlags(rawValue: 1 << 6)
    /// The constructor of a class with `extends`.
    public static let isDerivedConstructor = FunctionFlags(rawValue: 1 << 7)
    /// Strict mode code (a directive, a class, a module, or an enclosing strict scope).
    public static let isStrict = FunctionFlags(rawValue: 1 << 8)
    /// An arrow whose body is an expression: `body` holds that one expression.
    public static let hasExpressionBody = FunctionFlags(rawValue: 1 << 9)
    /// Parameters are plain identifiers: no defaults, patterns or rest.
    public static let hasSimpleParameters = FunctionFlags(rawValue: 1 << 10)
    /// The body has its own "use strict" directive.
    public static let hasUseStrict = FunctionFlags(rawValue: 1 << 11)
}

/// A function, method, accessor, arrow or class constructor.
public struct FunctionNode: Hashable, Sendable {
    public var name: Name
    public var params: NodeList
    public var body: NodeList
    public var flags: FunctionFlags
    /// Byte range of the function's source text (Function.prototype.toString).
    public var start: UInt32
    public var end: UInt32
    public var loc: SourceLoc
}

public struct ClassNode: Hashable, Sendable {
    public var name: Name
    /// The `extends` expression, or `.none`.
    public var heritage: NodeID
    /// `method`, `field` and `staticBlock` nodes.
    public var members: NodeList
    public var start: UInt32
    public var end: UInt32
    public var loc: SourceLoc
}

public enum Goal: Sendable {
    case script, module
}

/// A parsed program.
public struct AST: Sendable {
    public let source: SourceFile
    public let goal: Goal
    public internal(set) var nodes: [Node] = []
    public internal(set) var locs: [SourceLoc] = []
    public internal(set) var lists: [NodeID] = []
    public internal(set) var functions: [FunctionNode] = []
    public internal(set) var classes: [ClassNode] = []
    public internal(set) var names: NameTable
    /// The top-level statements.
    public internal(set) var body: NodeList = .empty
    /// Script code with a "use strict" directive, or any module.
    public internal(set) var isStrict = false
    /// Where the property name of a `.name` member access starts, by node
    /// index (`.none` for other nodes): V8 reports errors and call frames of
    /// `a.b` and `a.b()` there. An array, not a dictionary: hashing on every
    /// member expression cost the parser a third of its speed.
    public internal(set) var propertyLocs: [SourceLoc] = []

    init(source: SourceFile, goal: Goal, names: NameTable) {
        self.source = source
        self.goal = goal
        self.names = names
    }

    public subscript(id: NodeID) -> Node { nodes[Int(id.index)] }
    public subscript(list: NodeList) -> ArraySlice<NodeID> { lists[Int(list.start)..<Int(list.start + list.count)] }
    public subscript(function: FunctionID) -> FunctionNode { functions[Int(function.index)] }
    public subscript(class: ClassID) -> ClassNode { classes[Int(`class`.index)] }
    public func loc(_ id: NodeID) -> SourceLoc { locs[Int(id.index)] }
    /// The property name's position for `.name` members, else the node's.
    public func operationLoc(_ id: NodeID) -> SourceLoc {
        let i = Int(id.index)
        if i < propertyLocs.count && propertyLocs[i].line != 0 { return propertyLocs[i] }
        return locs[i]
    }

    mutating func setPropertyLoc(_ id: NodeID, _ loc: SourceLoc) {
        let i = Int(id.index)
        if propertyLocs.count <= i {
            propertyLocs.append(contentsOf: repeatElement(SourceLoc.none, count: i + 1 - propertyLocs.count))
        }
        propertyLocs[i] = loc
    }
    public func string(_ name: Name) -> String { names.string(name) }

    /// The source text of a function (Function.prototype.toString).
    public func sourceText(of function: FunctionID) -> String {
        let node = self[function]
        return source.text(from: Int(node.start), to: Int(node.end))
    }
}

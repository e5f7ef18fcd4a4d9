// Compiled functions. A CodeBlock is immutable once built and holds no
// pointer into any isolate's heap: literals are plain numbers and UTF-16
// code units, identifiers are code units too. Each isolate resolves them to
// its own atoms the first time it runs the block, so one CodeBlock can be
// shared by every isolate in the process.
import MVMSyntax

/// A literal in the constant pool.
public enum Constant: Hashable, Sendable {
    case number(Double)
    case string([UInt16])
    /// A tagged template's strings: cooked (nil = invalid escape) and raw.
    case template(cooked: [[UInt16]?], raw: [[UInt16]])
}

/// A `try` region: an exception thrown by an instruction in `start..<end`
/// jumps to `handler` with the exception value in `register`.
public struct ExceptionHandler: Sendable {
    public var start: UInt32
    public var end: UInt32
    public var handler: UInt32
    public var register: UInt32
    /// For a `finally` block: the register saying why it runs (0 normal,
    /// 1 throw, 2 return, 3+ a break/continue). A generator's `return()`
    /// enters the block with 2 there, past the handler's first instruction
    /// (`loadInt kind, 1`, two words). `noRegister` for catch handlers.
    public var kindRegister: UInt32 = noRegister

    public init(start: UInt32, end: UInt32, handler: UInt32, register: UInt32, kindRegister: UInt32 = noRegister) {
        self.start = start
        self.end = end
        self.handler = handler
        self.register = register
        self.kindRegister = kindRegister
    }
}

/// Maps code offsets to source positions (each entry holds from its offset
/// up to the next entry's offset).
public struct PositionEntry: Sendable {
    public var offset: UInt32
    public var line: UInt32
    public var column: UInt32
}

public struct CodeFlags: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let strict = CodeFlags(rawValue: 1 << 0)
    public static let arrow = CodeFlags(rawValue: 1 << 1)
    /// Object literal or class method: not a constructor.
    public static let method = CodeFlags(rawValue: 1 << 2)
    public static let classConstructor = CodeFlags(rawValue: 1 << 3)
    public static let derivedConstructor = CodeFlags(rawValue: 1 << 4)
    /// A classic script's top level (its `var`s are global properties).
    public static let script = CodeFlags(rawValue: 1 << 5)
    public static let module = CodeFlags(rawValue: 1 << 6)
    public static let getter = CodeFlags(rawValue: 1 << 7)
    public static let setter = CodeFlags(rawValue: 1 << 8)
    public static let generator = CodeFlags(rawValue: 1 << 9)
    public static let async = CodeFlags(rawValue: 1 << 10)
    /// A class constructor whose class has instance fields (see `fieldInit`).
    public static let hasFields = CodeFlags(rawValue: 1 << 11)
}

public final class CodeBlock: @unchecked Sendable {
    /// The function's name ("" for anonymous functions and the top level).
    public let name: [UInt16]
    public let flags: CodeFlags
    /// The `length` property: parameters before the first default or rest.
    public let length: Int
    /// Registers r1... that receive arguments.
    public let parameterCount: Int
    /// All registers of a frame, including r0 (`this`).
    public let registerCount: Int
    /// The instruction words. Owned memory, so the interpreter can walk it
    /// with a raw pointer that stays valid as long as the block lives.
    public let code: UnsafePointer<UInt32>
    public let codeCount: Int
    public let constants: [Constant]
    public let names: [[UInt16]]
    public let functions: [CodeBlock]
    public let handlers: [ExceptionHandler]
    public let positions: [PositionEntry]
    public let propertyCacheCount: Int
    public let arithmeticFeedbackCount: Int
    public let callFeedbackCount: Int
    /// How many names the function assigns as `this.name = ...` (a class's
    /// field initializer: also its instance fields): room the objects it
    /// makes as a constructor get in their cells.
    public let thisProperties: Int
    public let source: SourceFile
    /// Byte range of the source text (Function.prototype.toString).
    public let sourceStart: Int
    public let sourceEnd: Int
    public let loc: SourceLoc
    /// Source renderings of callees ("obj.method"), by call instruction
    /// offset, for "x is not a function" messages.
    public let callSites: [UInt32: String]
    /// A module's top level: its imports, exports and context slots.
    public internal(set) var moduleInfo: ModuleInfo? = nil

    init(name: [UInt16], flags: CodeFlags, length: Int, parameterCount: Int, registerCount: Int,
         code: [UInt32], constants: [Constant], names: [[UInt16]], functions: [CodeBlock],
         handlers: [ExceptionHandler], positions: [PositionEntry], propertyCacheCount: Int,
         arithmeticFeedbackCount: Int, callFeedbackCount: Int, source: SourceFile,
         sourceStart: Int, sourceEnd: Int, loc: SourceLoc, callSites: [UInt32: String], thisProperties: Int) {
        self.callSites = callSites
        self.thisProperties = thisProperties
        self.name = name
        self.flags = flags
        self.length = length
        self.parameterCount = parameterCount
        self.registerCount = registerCount
        let words = UnsafeMutablePointer<UInt32>.allocate(capacity: max(code.count, 1))
        words.initialize(from: code, count: code.count)
        self.code = UnsafePointer(words)
        self.codeCount = code.count
        self.constants = constants
        self.names = names
        self.functions = functions
        self.handlers = handlers
        self.positions = positions
        self.propertyCacheCount = propertyCacheCount
        self.arithmeticFeedbackCount = arithmeticFeedbackCount
        self.callFeedbackCount = callFeedbackCount
        self.source = source
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.loc = loc
    }

    deinit { UnsafeMutablePointer(mutating: code).deallocate() }

    public var nameString: String { String(decoding: name, as: UTF16.self) }
    /// The name --stats and the perf map show.
    public var displayName: String { name.isEmpty ? "(anonymous)" : nameString }

    /// The source position of the instruction at `offset`.
    public func position(at offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = positions.count - 1, found = -1
        while low <= high {
            let mid = (low + high) / 2
            if Int(positions[mid].offset) <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        if found < 0 { return (Int(loc.line), Int(loc.column)) }
        return (Int(positions[found].line), Int(positions[found].column))
    }

    public func calleeText(at offset: UInt32) -> String? { callSites[offset] }

    /// The function's source text, for Function.prototype.toString.
    public var sourceText: String { source.text(from: sourceStart, to: sourceEnd) }
}

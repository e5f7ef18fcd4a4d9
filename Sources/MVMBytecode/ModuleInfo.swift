// What a module imports and exports, found when it is compiled (the static
// part of ECMA-262's Source Text Module Record). A module's top-level
// bindings all live in one heap context that the runtime creates before the
// module runs; this table says which slot holds what, so the runtime can link
// imports to other modules' slots without running any code.

public struct ModuleInfo: Sendable {
    /// What an import or re-export takes from the other module.
    public enum ImportName: Hashable, Sendable {
        case name(String)
        /// `import * as ns`, `export * as ns from`.
        case namespace
    }

    /// `import { name as local } from request`: the local binding's slot holds
    /// an import cell that the runtime points at the exporting binding.
    public struct Import: Sendable {
        public var request: Int
        public var name: ImportName
        public var localName: String
        public var slot: Int
        public var line: Int
        public var column: Int
    }

    public enum ExportTarget: Sendable {
        /// One of this module's own bindings.
        case local(slot: Int)
        /// Another module's export (`export { a as b } from`, or a re-exported import).
        case indirect(request: Int, name: ImportName)
    }

    public struct Export: Sendable {
        public var name: String
        public var target: ExportTarget
    }

    /// Module specifiers in source order, each once.
    public var requests: [String] = []
    /// Where each request is first written, for "Module not found" errors.
    public var requestLocations: [(line: Int, column: Int)] = []
    public var imports: [Import] = []
    public var exports: [Export] = []
    /// `export * from request`.
    public var starExports: [Int] = []
    /// Slots of the module context.
    public var slotCount = 0
    /// Slots that start uninitialized (let, const, class: the TDZ marker).
    public var lexicalSlots: [Int] = []
    /// The slot holding `import.meta`'s object.
    public var importMetaSlot = -1

    public init() {}

    /// The index of `specifier` in `requests`, adding it the first time.
    mutating func request(_ specifier: String, line: Int, column: Int) -> Int {
        if let index = requests.firstIndex(of: specifier) { return index }
        requests.append(specifier)
        requestLocations.append((line, column))
        return requests.count - 1
    }
}

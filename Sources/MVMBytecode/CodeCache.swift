// The process-wide cache of compiled programs (DESIGN.md decision 6): a
// second isolate that runs the same source gets the same immutable
// CodeBlock, so it pays no parse or compile, and native code compiled for
// that block in any isolate serves it too. The one shared mutable thing in
// the engine besides the native-code cache; a mutex guards it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MVMSyntax

public final class CodeCache: @unchecked Sendable {
    public static let shared = CodeCache()

    private struct Key: Hashable {
        let name: String
        let bytes: ArraySlice<UInt8>
        let goal: Goal
    }
    private var blocks: [Key: CodeBlock] = [:]
    private var bytes = 0
    /// Source bytes kept before the cache starts over (programs run once by
    /// many isolates are the case it serves; a stream of distinct ones must
    /// not grow it without bound).
    public let capacity: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    public init(capacity: Int = 32 << 20) {
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The compiled program for `source`, compiled now if no isolate has yet.
    public func compile(_ source: SourceFile, as goal: Goal, stackGuard: StackGuard? = nil) throws(SyntaxError) -> CodeBlock {
        let key = Key(name: source.name, bytes: source.textBytes, goal: goal)
        pthread_mutex_lock(mutex)
        let cached = blocks[key]
        pthread_mutex_unlock(mutex)
        if let cached { return cached }
        let block = try Compiler.compile(source: source, as: goal, stackGuard: stackGuard)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let raced = blocks[key] { return raced }
        if bytes + source.byteCount > capacity {
            blocks.removeAll()
            bytes = 0
        }
        blocks[key] = block
        bytes += source.byteCount
        return block
    }
}

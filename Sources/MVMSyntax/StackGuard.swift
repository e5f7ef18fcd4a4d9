// Native stack protection for recursive algorithms (parser, compiler, printers).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Knows how low the current thread's stack may grow before a recursive
/// algorithm must stop with an error instead of overflowing. Hosts may call the
/// engine from any thread, with any stack size (Swift concurrency threads have
/// 512 KB), so a fixed depth limit alone cannot be trusted.
public struct StackGuard: Sendable {
    /// Lowest address a frame may reach (the stack grows down).
    public let limit: UInt
    /// The stack's highest address: frames above `limit` and below it belong
    /// to the thread this guard was made on.
    public let base: UInt

    /// Bytes left untouched below the limit, for the error path and its callees.
    public static let reserve: UInt = 128 * 1024

    public init() {
        let here = StackGuard.currentAddress()
        var low: UInt = 0
        var high: UInt = 0
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        if let (mainLow, mainHigh) = StackGuard.mainThreadBounds(here) {
            // glibc answers pthread_getattr_np for the main thread by reading
            // /proc/self/maps (about 100 us); its stack top and rlimit say the same.
            low = mainLow
            high = mainHigh
        } else if mvm_pthread_getattr_np(pthread_self(), &attributes) == 0 {
            var address: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attributes, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
                high = low + UInt(size)
            }
            pthread_attr_destroy(&attributes)
        }
        #elseif canImport(Darwin)
        let thread = pthread_self()
        high = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        low = high - UInt(pthread_get_stacksize_np(thread))
        #endif
        // Unknown bounds: assume the smallest stack a host thread is likely to have.
        if low == 0 || low >= here { low = here &- 512 * 1024 }
        if high <= here { high = here &+ 64 * 1024 }
        limit = low &+ StackGuard.reserve
        base = high
    }

    #if canImport(Glibc)
    /// The main thread's stack from glibc's `__libc_stack_end` and the stack
    /// rlimit, or nil on any other thread.
    private static func mainThreadBounds(_ here: UInt) -> (UInt, UInt)? {
        guard let symbol = dlsym(nil, "__libc_stack_end") else { return nil }
        let top = symbol.load(as: UInt.self)
        var limit = rlimit()
        guard top > here, getrlimit(Int32(RLIMIT_STACK.rawValue), &limit) == 0 else { return nil }
        let size = limit.rlim_cur == rlim_t.max ? UInt(8 << 20) : UInt(min(limit.rlim_cur, 1 << 30))
        // Only the main thread runs on that stack.
        guard here > top &- size else { return nil }
        // The stack starts a little above __libc_stack_end (arguments, environment).
        return (top &- size &+ 64 * 1024, top &+ 64 * 1024)
    }
    #endif

    /// True when the calling thread is the one this guard describes. Finding
    /// a thread's bounds is slow (glibc reads /proc/self/maps for the main
    /// thread), so holders keep a guard and check it with this instead.
    public var isCurrentThread: Bool {
        let here = StackGuard.currentAddress()
        return here > limit &- StackGuard.reserve && here <= base
    }

    /// True while the caller's frame is above the limit.
    @inline(__always) public func hasRoom() -> Bool { StackGuard.currentAddress() > limit }

    @inline(__always) public static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}

#if canImport(Glibc)
/// glibc's `pthread_getattr_np`, which Swift's Glibc module hides behind
/// _GNU_SOURCE. Its C signature is `int (pthread_t, pthread_attr_t *)`.
@_silgen_name("pthread_getattr_np")
private func mvm_pthread_getattr_np(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

// An LLVM ORC LLJIT session, driven through LLVM's C API.
//
// This is the seed of the JIT tier: it owns one LLJIT instance, accepts LLVM IR
// modules and hands back the addresses of their compiled functions. The tier-up
// machinery (bytecode + feedback -> IR) builds on it.
import CLLVM

/// An error reported by LLVM, with LLVM's own message.
public struct JITError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "JITError: \(message)" }

    /// Consumes an `LLVMErrorRef`, returning nil for success.
    static func from(_ error: LLVMErrorRef?) -> JITError? {
        guard let error else { return nil }
        let cMessage = LLVMGetErrorMessage(error)
        defer { LLVMDisposeErrorMessage(cMessage) }
        return JITError(message: cMessage.map { String(cString: $0) } ?? "unknown LLVM error")
    }
}

/// LLVM's native-target registration is process-wide and idempotent; a
/// lazily-initialized constant makes it happen exactly once, thread-safely.
private let nativeTargetReady: Bool = {
    LLVMInitializeNativeTarget() == 0 && LLVMInitializeNativeAsmPrinter() == 0
}()

/// One LLJIT instance. Not thread-safe: callers serialize access.
public final class NativeCodeSession {
    private let jit: LLVMOrcLLJITRef

    public init() throws {
        guard nativeTargetReady else { throw JITError(message: "LLVM has no native target for this machine") }
        var jit: LLVMOrcLLJITRef?
        if let error = JITError.from(LLVMOrcCreateLLJIT(&jit, nil)) { throw error }
        self.jit = jit!
    }

    deinit { _ = LLVMOrcDisposeLLJIT(jit) }

    /// The target triple LLJIT compiles for, e.g. "x86_64-pc-linux-gnu".
    public var targetTriple: String { String(cString: LLVMOrcLLJITGetTripleString(jit)) }

    /// Builds one IR module with `build`, verifies it and hands it to the JIT.
    /// The module and its context then belong to LLJIT.
    public func addModule(named name: String,
                          _ build: (_ context: LLVMContextRef, _ module: LLVMModuleRef) throws -> Void) throws {
        let threadSafeContext = LLVMOrcCreateNewThreadSafeContext()!
        defer { LLVMOrcDisposeThreadSafeContext(threadSafeContext) }
        let context = LLVMOrcThreadSafeContextGetContext(threadSafeContext)!
        let module = LLVMModuleCreateWithNameInContext(name, context)!
        do { try build(context, module) } catch { LLVMDisposeModule(module); throw error }

        var verifyMessage: UnsafeMutablePointer<CChar>?
        if LLVMVerifyModule(module, LLVMReturnStatusAction, &verifyMessage) != 0 {
            let text = verifyMessage.map { String(cString: $0) } ?? "invalid module"
            LLVMDisposeMessage(verifyMessage)
            LLVMDisposeModule(module)
            throw JITError(message: "IR verification failed: \(text)")
        }
        LLVMDisposeMessage(verifyMessage)

        let threadSafeModule = LLVMOrcCreateNewThreadSafeModule(module, threadSafeContext)
        let dylib = LLVMOrcLLJITGetMainJITDylib(jit)
        if let error = JITError.from(LLVMOrcLLJITAddLLVMIRModule(jit, dylib, threadSafeModule)) {
            LLVMOrcDisposeThreadSafeModule(threadSafeModule)
            throw error
        }
    }

    /// The address of a compiled symbol; compiles its module on first lookup.
    public func address(of symbol: String) throws -> UnsafeRawPointer {
        var address: LLVMOrcExecutorAddress = 0
        if let error = JITError.from(LLVMOrcLLJITLookup(jit, &address, symbol)) { throw error }
        guard let pointer = UnsafeRawPointer(bitPattern: UInt(address)) else {
            throw JITError(message: "symbol '\(symbol)' resolved to a null address")
        }
        return pointer
    }
}

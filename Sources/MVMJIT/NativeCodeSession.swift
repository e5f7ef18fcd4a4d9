// An LLVM ORC LLJIT session, driven through LLVM's C API: it takes IR
// modules, optimizes them, and hands back the addresses (and sizes) of their
// compiled functions. Compiled code resolves the runtime's entry points
// (NativeABI) and the C library (fmod for `%` on doubles) through it.
import CLLVM
import Foundation
import MVMRuntime

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

/// Why LLVM cannot generate code in this process, or nil when it can.
/// Opening libLLVM (CLLVM's loader) and registering the native target are
/// process-wide and happen once; a lazily-initialized constant makes that
/// happen on first use, thread-safely. LLVM's own options (MVM_LLVM_ARGS,
/// for experiments: `-time-passes`, `-fast-isel`, ...) are process-wide too,
/// so they are read here, once. LLVM's C API reports nothing about them: an
/// unknown one is ignored.
private let nativeTargetFailure: String? = {
    if let failure = mvm_llvm_load() { return String(cString: failure) }
    if let text = ProcessInfo.processInfo.environment["MVM_LLVM_ARGS"] {
        let args = ["mvm"] + text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var cArgs = args.map { UnsafePointer(strdup($0)) }
        LLVMParseCommandLineOptions(Int32(cArgs.count), &cArgs, nil)
    }
    return mvm_llvm_initialize_native_target() == 0 ? nil : "LLVM has no native target for this machine"
}()

/// Symbol sizes read from each object file as it is linked (for perf maps).
private final class SymbolSizes: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [String: Int] = [:]
    func record(_ name: String, _ size: Int) { lock.withLock { sizes[name] = size } }
    func size(of name: String) -> Int? { lock.withLock { sizes[name] } }
}

/// One LLJIT instance. Not thread-safe: callers serialize access.
public final class NativeCodeSession {
    private let jit: LLVMOrcLLJITRef
    private let targetMachine: LLVMTargetMachineRef
    /// Generates quick code (addModule's `quick`): LLVM's code generator at
    /// its lowest level, the fast instruction selector and register
    /// allocator. The module becomes an object file here, which LLJIT
    /// links like its own: one session, one set of stubs and symbols.
    private let quickMachine: LLVMTargetMachineRef
    private let sizes = SymbolSizes()
    /// The pass pipeline run on every module ("" skips optimization).
    public var passes = FunctionCompiler.passes
    /// The pipeline run on quick code's modules.
    public var quickPasses = FunctionCompiler.quickPasses
    /// Print each optimized module to stderr (debugging the compiler).
    public var dumpIR = false
    /// Whether LLVM's perf JIT event listener is registered (LLVM builds
    /// without perf support have none).
    public private(set) var perfJitdumpActive = false

    /// With `perfJitdump`, LLVM's perf JIT event listener writes
    /// jit-PID.dump for `perf inject --jit` (when LLVM was built with it).
    /// `codeGenLevel` is the instruction selector's and register
    /// allocator's effort (LLVMCodeGenLevelLess: fast, still good code).
    /// The first session opens LLVM (about 13 ms); it throws when the
    /// library does not load or has no target for this machine.
    public init(perfJitdump: Bool = false, codeGenLevel: LLVMCodeGenOptLevel = LLVMCodeGenLevelLess) throws {
        if let nativeTargetFailure { throw JITError(message: nativeTargetFailure) }
        // The host's own target machine: one for the optimizer's cost models,
        // one (at `codeGenLevel`) that LLJIT generates code with.
        let triple = LLVMGetDefaultTargetTriple()
        defer { LLVMDisposeMessage(triple) }
        var target: LLVMTargetRef?
        var message: UnsafeMutablePointer<CChar>?
        guard LLVMGetTargetFromTriple(triple, &target, &message) == 0, let target else {
            defer { LLVMDisposeMessage(message) }
            throw JITError(message: message.map { String(cString: $0) } ?? "no target")
        }
        let cpu = LLVMGetHostCPUName(), features = LLVMGetHostCPUFeatures()
        defer { LLVMDisposeMessage(cpu); LLVMDisposeMessage(features) }
        targetMachine = LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelDefault,
                                                LLVMRelocDefault, LLVMCodeModelJITDefault)
        let codeGenMachine = LLVMCreateTargetMachine(target, triple, cpu, features, codeGenLevel,
                                                     LLVMRelocDefault, LLVMCodeModelJITDefault)
        quickMachine = LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelNone,
                                               LLVMRelocDefault, LLVMCodeModelJITDefault)

        let builder = LLVMOrcCreateLLJITBuilder()
        LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(codeGenMachine))
        let listener = perfJitdump ? LLVMCreatePerfJITEventListener() : nil
        if let listener {
            LLVMOrcLLJITBuilderSetObjectLinkingLayerCreator(builder, { context, session, _ in
                let layer = LLVMOrcCreateRTDyldObjectLinkingLayerWithSectionMemoryManager(session)!
                LLVMOrcRTDyldObjectLinkingLayerRegisterJITEventListener(layer, OpaquePointer(context))
                return layer
            }, UnsafeMutableRawPointer(listener))
        }
        var jit: LLVMOrcLLJITRef?
        if let error = JITError.from(LLVMOrcCreateLLJIT(&jit, builder)) { throw error }
        self.jit = jit!
        perfJitdumpActive = listener != nil

        let dylib = LLVMOrcLLJITGetMainJITDylib(self.jit)
        // The C library and the rest of the process.
        var generator: LLVMOrcDefinitionGeneratorRef?
        if let error = JITError.from(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
            &generator, LLVMOrcLLJITGetGlobalPrefix(self.jit), nil, nil)) { throw error }
        LLVMOrcJITDylibAddGenerator(dylib, generator)
        // The runtime's entry points, by address (Swift does not export them by name).
        let entries = [(NativeABI.slowPathSymbol, NativeABI.slowPathAddress), (NativeABI.callSymbol, NativeABI.callAddress),
                       (NativeABI.constructSymbol, NativeABI.constructAddress),
                       (NativeABI.finishCallSymbol, NativeABI.finishCallAddress),
                       (NativeABI.newThisSymbol, NativeABI.newThisAddress),
                       (NativeABI.collectionSymbol, NativeABI.collectionAddress),
                       (NativeABI.tierUpSymbol, NativeABI.tierUpAddress)]
            + NativeABI.slowPathEntries.map { ($0.symbol, $0.address) }
        var pairs = entries.map { name, address in
            LLVMJITCSymbolMapPair(
                Name: LLVMOrcLLJITMangleAndIntern(self.jit, name),
                Sym: LLVMJITEvaluatedSymbol(Address: LLVMOrcExecutorAddress(UInt(bitPattern: address)),
                                            Flags: LLVMJITSymbolFlags(GenericFlags: UInt8(LLVMJITSymbolGenericFlagsExported.rawValue), TargetFlags: 0)))
        }
        if let error = JITError.from(LLVMOrcJITDylibDefine(dylib, LLVMOrcAbsoluteSymbols(&pairs, pairs.count))) { throw error }

        // Record each linked object's function sizes.
        LLVMOrcObjectTransformLayerSetTransform(LLVMOrcLLJITGetObjTransformLayer(self.jit), { context, object in
            let sizes = Unmanaged<SymbolSizes>.fromOpaque(context!).takeUnretainedValue()
            guard let buffer = object?.pointee else { return nil }
            var message: UnsafeMutablePointer<CChar>?
            guard let binary = LLVMCreateBinary(buffer, nil, &message) else {
                LLVMDisposeMessage(message)
                return nil
            }
            defer { LLVMDisposeBinary(binary) }
            let symbols = LLVMObjectFileCopySymbolIterator(binary)
            defer { LLVMDisposeSymbolIterator(symbols) }
            while LLVMObjectFileIsSymbolIteratorAtEnd(binary, symbols) == 0 {
                if let name = LLVMGetSymbolName(symbols) { sizes.record(String(cString: name), Int(LLVMGetSymbolSize(symbols))) }
                LLVMMoveToNextSymbol(symbols)
            }
            return nil
        }, Unmanaged.passUnretained(sizes).toOpaque())
    }

    deinit {
        _ = LLVMOrcDisposeLLJIT(jit)
        LLVMDisposeTargetMachine(targetMachine)
        LLVMDisposeTargetMachine(quickMachine)
    }

    /// The target triple LLJIT compiles for, e.g. "x86_64-pc-linux-gnu".
    public var targetTriple: String { String(cString: LLVMOrcLLJITGetTripleString(jit)) }

    /// Builds one IR module with `build`, verifies and optimizes it, and hands
    /// it to the JIT. The module and its context then belong to LLJIT.
    /// A `quick` module runs `quickPasses` and becomes quick code, an
    /// object file from `quickMachine`, at once.
    public func addModule(named name: String, quick: Bool = false,
                          _ build: (_ context: LLVMContextRef, _ module: LLVMModuleRef) throws -> Void) throws {
        let threadSafeContext = LLVMOrcCreateNewThreadSafeContext()!
        defer { LLVMOrcDisposeThreadSafeContext(threadSafeContext) }
        let context = LLVMOrcThreadSafeContextGetContext(threadSafeContext)!
        let module = LLVMModuleCreateWithNameInContext(name, context)!
        if quick {
            // What LLJIT sets on the modules it compiles itself.
            LLVMSetTarget(module, LLVMOrcLLJITGetTripleString(jit))
            LLVMSetDataLayout(module, LLVMOrcLLJITGetDataLayoutStr(jit))
        }
        do { try build(context, module) } catch { LLVMDisposeModule(module); throw error }

        var verifyMessage: UnsafeMutablePointer<CChar>?
        if LLVMVerifyModule(module, LLVMReturnStatusAction, &verifyMessage) != 0 {
            let text = verifyMessage.map { String(cString: $0) } ?? "invalid module"
            LLVMDisposeMessage(verifyMessage)
            LLVMDisposeModule(module)
            throw JITError(message: "IR verification failed: \(text)")
        }
        LLVMDisposeMessage(verifyMessage)

        let pipeline = quick ? quickPasses : passes
        if !pipeline.isEmpty {
            let options = LLVMCreatePassBuilderOptions()
            defer { LLVMDisposePassBuilderOptions(options) }
            if let error = JITError.from(LLVMRunPasses(module, pipeline, targetMachine, options)) {
                LLVMDisposeModule(module)
                throw error
            }
        }

        if dumpIR, let text = LLVMPrintModuleToString(module) {
            FileHandle.standardError.write(Data(String(cString: text).utf8))
            LLVMDisposeMessage(text)
        }
        let dylib = LLVMOrcLLJITGetMainJITDylib(jit)
        if quick {
            var message: UnsafeMutablePointer<CChar>?
            var object: LLVMMemoryBufferRef?
            let failed = LLVMTargetMachineEmitToMemoryBuffer(quickMachine, module, LLVMObjectFile, &message, &object) != 0
            LLVMDisposeModule(module)
            if failed || object == nil {
                defer { LLVMDisposeMessage(message) }
                throw JITError(message: message.map { String(cString: $0) } ?? "code generation failed")
            }
            if let error = JITError.from(LLVMOrcLLJITAddObjectFile(jit, dylib, object)) { throw error }
            return
        }
        let threadSafeModule = LLVMOrcCreateNewThreadSafeModule(module, threadSafeContext)
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

    /// The machine-code size of a compiled function (0 when unknown).
    public func size(of symbol: String) -> Int { sizes.size(of: symbol) ?? 0 }
}

import CLLVM
import MVMJIT
import Testing

/// Proves that LLVM's C API loads (CLLVM's forwarders reach the library)
/// and that ORC LLJIT compiles and runs code.
@Test func lljitCompilesAndCallsAFunction() throws {
    let session = try NativeCodeSession()
    #expect(!session.targetTriple.isEmpty)
    try session.addModule(named: "smoke") { context, module in
        // i32 mul_add(i32 a, i32 b) { return a * b + 7 }
        let i32 = LLVMInt32TypeInContext(context)
        var params: [LLVMTypeRef?] = [i32, i32]
        let fnType = LLVMFunctionType(i32, &params, 2, 0)
        let fn = LLVMAddFunction(module, "mul_add", fnType)
        let builder = LLVMCreateBuilderInContext(context)
        defer { LLVMDisposeBuilder(builder) }
        LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, fn, "entry"))
        let product = LLVMBuildMul(builder, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), "product")
        let sum = LLVMBuildAdd(builder, product, LLVMConstInt(i32, 7, 0), "sum")
        LLVMBuildRet(builder, sum)
    }
    let address = try session.address(of: "mul_add")
    let mulAdd = unsafeBitCast(address, to: (@convention(c) (Int32, Int32) -> Int32).self)
    #expect(mulAdd(6, 7) == 49)
    #expect(mulAdd(-3, 5) == -8)
}

@Test func lljitReportsAMissingSymbol() throws {
    let session = try NativeCodeSession()
    #expect(throws: JITError.self) { _ = try session.address(of: "no_such_function") }
}

@Test func invalidIRIsRejectedWithLLVMsMessage() throws {
    let session = try NativeCodeSession()
    let error = #expect(throws: JITError.self) {
        try session.addModule(named: "broken") { context, module in
            // A function whose entry block has no terminator.
            let fnType = LLVMFunctionType(LLVMVoidTypeInContext(context), nil, 0, 0)
            let fn = LLVMAddFunction(module, "broken", fnType)
            _ = LLVMAppendBasicBlockInContext(context, fn, "entry")
        }
    }
    #expect(error?.message.contains("IR verification failed") == true)
}

import Foundation
import MVMFFI
import Testing

/// Proves that libffi links and calls real C functions from a shared library.
@Test func libffiCallsCosFromLibm() throws {
    let libm = try SharedLibrary(path: "libm.so.6")
    let cosine = try libm.symbol("cos")
    let signature = try FFISignature(arguments: [.f64], returns: .f64)
    #expect(try signature.call(cosine, [CValue(0.0)]).double == 1.0)
    #expect(try signature.call(cosine, [CValue(Double.pi)]).double == -1.0)
    #expect(try signature.call(cosine, [CValue(1.0)]).double == Foundation.cos(1.0))
}

@Test func libffiNarrowsIntegerAndFloatTypes() throws {
    let libc = try SharedLibrary(path: "libc.so.6")
    let abs = try FFISignature(arguments: [.i32], returns: .i32)
    #expect(try abs.call(libc.symbol("abs"), [CValue(Int32(-42))]).int32 == 42)
    let libm = try SharedLibrary(path: "libm.so.6")
    let sqrtf = try FFISignature(arguments: [.f32], returns: .f32)
    #expect(try sqrtf.call(libm.symbol("sqrtf"), [CValue(2.25)]).double == 1.5)
}

@Test func ffiErrorsNameTheLibraryAndSymbol() throws {
    #expect(throws: FFIError.self) { _ = try SharedLibrary(path: "libdoes-not-exist.so") }
    let libm = try SharedLibrary(path: "libm.so.6")
    #expect(throws: FFIError("symbol 'no_such_symbol' not found in 'libm.so.6'")) {
        _ = try libm.symbol("no_such_symbol")
    }
    #expect(throws: FFIError("'void' is not a valid argument type")) {
        _ = try FFISignature(arguments: [.void], returns: .i32)
    }
    let signature = try FFISignature(arguments: [.f64], returns: .f64)
    #expect(throws: FFIError("expected 1 arguments, got 0")) {
        _ = try signature.call(libm.symbol("cos"), [])
    }
}

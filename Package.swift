// swift-tools-version:6.1
// MVM — a JavaScript engine for embedding. See README.md for the layout and
// ../shared/DESIGN.md for the architecture. Imports point down the layer list only.
import PackageDescription
import Foundation

// MARK: - Where LLVM lives
//
// This is the one place that knows where LLVM's C API is installed. Debian's
// `llvm-dev` puts it under a versioned prefix (/usr/lib/llvm-14), which
// `llvm-config --prefix` reports. Override with MVM_LLVM_PREFIX=/path, or name
// another llvm-config with LLVM_CONFIG=/path/to/llvm-config.
let llvmPrefix: String = {
    let env = ProcessInfo.processInfo.environment
    if let prefix = env["MVM_LLVM_PREFIX"], !prefix.isEmpty { return prefix }
    let tool = env["LLVM_CONFIG"] ?? "llvm-config"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool, "--prefix"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    if (try? process.run()) != nil {
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus == 0, !output.isEmpty { return output }
    }
    return "/usr/lib/llvm-14"  // Debian 12's llvm-dev, when llvm-config is not on PATH
}()

/// The shared library CLLVM opens at run time (MVM does not link it: see
/// Sources/CLLVM/LLVMLoader.c): the file under the prefix's lib directory
/// that `-lLLVM-N` would link, with its symlinks resolved, so that running
/// needs only the library package.
let llvmLibrary: String = {
    let libraries = URL(fileURLWithPath: "\(llvmPrefix)/lib")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: libraries.path)) ?? []
    // libLLVM-14.so, not libLLVM-14.0.6.so (the same file, either way).
    let linkable = names.filter {
        $0.hasPrefix("libLLVM-") && $0.hasSuffix(".so") && $0.dropFirst(8).dropLast(3).allSatisfy(\.isNumber)
    }
    guard let name = linkable.sorted().first else { return "libLLVM-14.so.1" }  // the dynamic loader's search
    return libraries.appendingPathComponent(name).resolvingSymlinksInPath().path
}()

/// Flags for targets that import CLLVM: the header path for clang's importer.
let llvmSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvmPrefix)/include"])]

/// The runtime and the syntax layer are hot code: release builds drop the
/// exclusivity checks (debug builds, which run the tests, keep them).
let hotPathSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "MVM",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MVM", targets: ["MVM"]),
        .library(name: "CMVM", targets: ["CMVM"]),
        .executable(name: "mvm", targets: ["mvm"]),
        .executable(name: "mvm-bench", targets: ["mvm-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // LLVM's C API, opened on first use; libffi.
        // DWARF 4, as swiftc writes: Debian's valgrind cannot read clang's DWARF 5.
        .target(name: "CLLVM", cSettings: [
            .unsafeFlags(["-I\(llvmPrefix)/include", "-gdwarf-4"]),
            .define("MVM_LLVM_LIBRARY", to: "\"\(llvmLibrary)\""),
        ], linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .systemLibrary(name: "CFFI", path: "Sources/CFFI", pkgConfig: "libffi",
                       providers: [.apt(["libffi-dev"])]),

        // The engine, bottom to top.
        .target(name: "MVMSyntax", swiftSettings: hotPathSettings),
        .target(name: "MVMBytecode", dependencies: ["MVMSyntax"], swiftSettings: hotPathSettings),
        .target(name: "MVMRuntime", dependencies: ["MVMBytecode"], swiftSettings: hotPathSettings),
        .target(name: "MVMFFI", dependencies: ["MVMRuntime", "CFFI"]),
        .target(name: "MVMJIT", dependencies: ["MVMRuntime", "CLLVM"], swiftSettings: llvmSwiftSettings),
        .target(name: "MVM", dependencies: ["MVMSyntax", "MVMRuntime", "MVMFFI", "MVMJIT"],
                swiftSettings: llvmSwiftSettings),
        .target(name: "CMVM", dependencies: ["MVM"], swiftSettings: llvmSwiftSettings),

        // Command-line programs.
        .executableTarget(name: "mvm", dependencies: [
            "MVM", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: llvmSwiftSettings),
        // mvm-bench runs `mvm` as a child process: depending on it makes
        // `swift run mvm-bench` build (and relink) mvm too.
        .executableTarget(name: "mvm-bench", dependencies: [
            "mvm", "MVMSyntax", "MVMRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests.
        .testTarget(name: "MVMSyntaxTests", dependencies: ["MVMSyntax"]),
        .testTarget(name: "MVMRuntimeTests", dependencies: ["MVMRuntime", "MVMBytecode", "MVMSyntax"]),
        .testTarget(name: "MVMJITTests", dependencies: ["MVMJIT", "MVMRuntime", "MVMBytecode", "MVMSyntax"],
                    swiftSettings: llvmSwiftSettings),
        .testTarget(name: "MVMFFITests", dependencies: ["MVMFFI"]),
        // The embedding API and modules, through the public MVM target only.
        .testTarget(name: "MVMTests", dependencies: ["MVM"], swiftSettings: llvmSwiftSettings),
        // Runs the mvm-bench executable (the dependency makes sure it is built).
        .testTarget(name: "MVMBenchTests", dependencies: ["mvm-bench"]),
    ]
)

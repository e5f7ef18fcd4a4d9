// The `mvm` command-line runner.
import ArgumentParser
import Foundation
import MVM

@main
struct MVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mvm",
        abstract: "MVM, a JavaScript engine for embedding.",
        usage: "mvm run FILE.js | mvm -e CODE | mvm disasm FILE.js | mvm parse FILE.js",
        version: MVMVersion.string,
        subcommands: [RunCommand.self, EvalCommand.self, DisassembleCommand.self, ParseCommand.self])

    /// `mvm -e 'code'` is sugar for `mvm eval 'code'`.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(of: "-e") { arguments[i] = "eval" ; arguments.insert(arguments.remove(at: i), at: 0) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            leave(0)
        } catch let code as ExitCode {
            leave(code.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// Ends the process once the program has, without waiting for the JIT:
    /// exit() would first wait for a compile thread that is still opening
    /// LLVM (the dynamic loader's lock; up to 13 ms past the end of a short
    /// program) and then run LLVM's static destructors beside a compile in
    /// flight. Output is flushed first. With --perf-jitdump LLVM's listener
    /// finishes its file in those destructors, so that run exits normally.
    static func leave(_ status: Int32) -> Never {
        if CommandLine.arguments.contains("--perf-jitdump") { Foundation.exit(status) }
        fflush(nil)
        _exit(status)
    }
}

struct RunOptions: ParsableArguments {
    @Flag(help: "Run as a module (the default for .mjs files, and for .js files that use import or export).")
    var module = false

    @Option(help: "The directory modules may be imported from (default: the directory of the file run).")
    var basedir: String? = nil

    @Flag(help: "Print bytecodes executed, GC, heap, inline-cache states, and the JIT's compiled functions, compile times and deopts to stderr.")
    var stats = false

    @Flag(help: "Collect garbage at every safepoint (slow; for testing the collector).")
    var gcStress = false

    @Option(help: "The JIT tier: off (interpreter only), on (hot functions tier up), eager (compile every function on its first call).")
    var jit: JITMode = .on

    @Option(help: "Function entries plus loop iterations before a function is compiled (--jit=on).")
    var jitThreshold: Int = 1000

    @Flag(inversion: .prefixedNo,
          help: "Compile a hot function quickly first, into slower code that asks for its optimized code once it stays hot (--no-jit-quick: optimized code at once).")
    var jitQuick = true

    @Flag(help: "Make compiled code deopt on purpose every few guards and recompile often (for testing the tiers).")
    var deoptStress = false

    @Flag(help: "Write /tmp/perf-PID.map naming each compiled function for perf.")
    var perfMap = false

    @Flag(help: "Register LLVM's perf JIT event listener (writes jit-PID.dump for perf inject --jit).")
    var perfJitdump = false

    @Flag(help: "Compile hot functions on the running thread instead of in the background (reproducible tier-ups).")
    var jitSynchronous = false

    @Flag(help: .hidden)
    var jitDumpIR = false
}

extension JITMode: ExpressibleByArgument {}

/// The native tier for this run (nil with --jit=off). A JIT that cannot
/// start (LLVM does not load, or has no native target) leaves the
/// interpreter running, with a note when that shows: LLVM is opened when
/// the first function is compiled, or at once for --perf-map and
/// --perf-jitdump.
func makeTier(_ options: RunOptions) -> JITTier? {
    if options.jit == .off { return nil }
    do {
        var tierOptions = JITTier.Options(perfMap: options.perfMap, perfJitdump: options.perfJitdump)
        tierOptions.dumpIR = options.jitDumpIR
        tierOptions.onUnavailable = { reason in
            FileHandle.standardError.write(Data("mvm: the JIT is unavailable (\(reason)); running the interpreter only\n".utf8))
        }
        let tier = try JITTier(options: tierOptions)
        if options.perfJitdump && !tier.perfJitdumpActive {
            FileHandle.standardError.write(Data("mvm: --perf-jitdump: this LLVM was built without its perf JIT event listener; --perf-map still names compiled functions\n".utf8))
        }
        return tier
    } catch {
        FileHandle.standardError.write(Data("mvm: the JIT is unavailable (\(error)); running the interpreter only\n".utf8))
        return nil
    }
}

func readSource(_ file: String) throws -> SourceFile {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("mvm: cannot read '\(file)'\n".utf8))
        throw ExitCode(2)
    }
    return SourceFile(name: file, bytes: [UInt8](data))
}

/// Runs `source`; a module file (`path` given) imports through the
/// node-style importer confined to --basedir.
func execute(_ source: SourceFile, goal: Goal, options: RunOptions, path: String? = nil) throws {
    if options.jitThreshold < 0 {
        FileHandle.standardError.write(Data("mvm: --jit-threshold must be 0 or more\n".utf8))
        throw ExitCode(2)
    }
    let isolate = Isolate()
    isolate.gcStress = options.gcStress
    let tier = makeTier(options)
    if let tier {
        isolate.nativeTier = tier
        isolate.jitMode = options.jit
        isolate.jitThreshold = options.jitThreshold
        isolate.deoptStress = options.deoptStress
        isolate.compileInBackground = !options.jitSynchronous
        isolate.quickCodeFirst = options.jitQuick
    }
    let failure: String?
    if goal == .module, let path {
        failure = runModuleFile(path, in: isolate, options: options)
    } else {
        failure = isolate.runProgram(source, as: goal)
    }
    isolate.flushOutput()
    if options.stats {
        var text = isolate.report.description + "\n" + isolate.jitStatistics.description + "\n"
        if let setup = tier?.sessionSetupMilliseconds {
            text += "jit: LLVM session set up in \(String(format: "%.3f", setup)) ms (once per process, not in the compile times)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
    if let failure {
        FileHandle.standardError.write(Data((failure + "\n").utf8))
        throw ExitCode(1)
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a JavaScript file.")

    @Argument(help: "The JavaScript file (a classic script; a module for .mjs).")
    var file: String

    @OptionGroup var options: RunOptions

    func run() throws {
        let source = try readSource(file)
        let goal: Goal = options.module || file.hasSuffix(".mjs") || usesModuleSyntax(source) ? .module : .script
        try execute(source, goal: goal, options: options, path: file)
    }
}

/// Like Node's module detection: a .js file that is not a valid script but
/// is a valid module (it uses import or export) runs as a module.
func usesModuleSyntax(_ source: SourceFile) -> Bool {
    do {
        _ = try Parser.parse(source, as: .script)
        return false
    } catch {
        // An import or export statement: a module, whose own errors (if
        // any) are the ones to report.
        if error.message == "Cannot use import statement outside a module" || error.message == "Unexpected token 'export'" {
            return true
        }
        return (try? Parser.parse(source, as: .module)) != nil
    }
}

/// Runs a module file and its imports; returns the uncaught-error report.
func runModuleFile(_ path: String, in isolate: Isolate, options: RunOptions) -> String? {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let basedir = options.basedir ?? (absolute as NSString).deletingLastPathComponent
    let importer = nodeStyleImporter(isolate, basedir: basedir)
    do {
        if try importer(absolute) == nil { return "mvm: cannot read '\(path)'" }
        return nil
    } catch let error as JSError {
        if let thrown = error.thrownValue { return isolate.uncaughtReport(for: thrown.value) }
        return error.stack
    } catch {
        return "mvm: \(error)"
    }
}

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Run JavaScript given on the command line (mvm -e CODE).")

    @Argument(help: "The code.")
    var code: String

    @OptionGroup var options: RunOptions

    func run() throws {
        try execute(SourceFile(name: "[eval]", text: code), goal: options.module ? .module : .script, options: options)
    }
}

struct DisassembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disasm", abstract: "Compile a JavaScript file and print its bytecode.")

    @Argument(help: "The JavaScript file.")
    var file: String

    @Flag(help: "Compile as a module.")
    var module = false

    func run() throws {
        let source = try readSource(file)
        do {
            let block = try Compiler.compile(source: source, as: module || file.hasSuffix(".mjs") ? .module : .script)
            FileHandle.standardOutput.write(Data(block.disassembly().utf8))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a JavaScript file and print its syntax tree (or the syntax error).")

    @Argument(help: "The JavaScript file to parse.")
    var file: String

    @Flag(help: "Parse as a module (the default for .mjs files).")
    var module = false

    @Flag(help: "Leave out the @line:column of each node.")
    var noLocations = false

    @Flag(help: "Print nothing on success (check syntax only).")
    var quiet = false

    @Flag(name: .customLong("print"), help: "Print the tree back as canonical JavaScript instead.")
    var printSource = false

    func run() throws {
        let source = try readSource(file)
        let goal: Goal = module || file.hasSuffix(".mjs") ? .module : .script
        do {
            let ast = try Parser.parse(source, as: goal)
            if quiet { return }
            let text = printSource ? ast.printedSource() : ast.dump(locations: !noLocations)
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

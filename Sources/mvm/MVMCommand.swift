// The `mvm` command-line runner.
import ArgumentParser
import Foundation
import MVM

@main
struct MVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mvm",
        abstract: "MVM, a JavaScript engine for embedding.",
        version: MVMVersion.string,
        subcommands: [ParseCommand.self])
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
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("mvm: cannot read '\(file)'\n".utf8))
            throw ExitCode(2)
        }
        let source = SourceFile(name: file, bytes: [UInt8](data))
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

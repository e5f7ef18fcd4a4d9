@testable import MVMSyntax
import Foundation

/// Parses `text`, returning the tree dump without locations (or the error).
func dumpOrError(_ text: String, as goal: Goal = .script) -> String {
    do {
        return try Parser.parse(text, fileName: "test.js", as: goal).dump(locations: false)
    } catch {
        return "error: " + error.headline
    }
}

/// The headline of the syntax error `text` gives, or nil when it parses.
func syntaxError(_ text: String, as goal: Goal = .script, fileName: String = "test.js") -> String? {
    do {
        _ = try Parser.parse(text, fileName: fileName, as: goal)
        return nil
    } catch {
        return error.headline
    }
}

/// The repository's Tests/Corpus folder.
let corpusDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

func corpusFiles(_ folder: String) -> [URL] {
    let directory = corpusDirectory.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".js") || $0.hasSuffix(".mjs") }.sorted().map { directory.appendingPathComponent($0) }
}

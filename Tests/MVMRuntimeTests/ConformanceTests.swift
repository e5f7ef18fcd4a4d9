// The conformance corpus: every script's output must equal its `// expect:`
// lines (checked against Node), with and without collector stress.
import Testing
import MVMRuntime

@Test(arguments: corpusFiles("conformance"))
func conformance(file: String) {
    check(file, gcStress: false)
}

@Test(arguments: corpusFiles("conformance"))
func conformanceUnderGCStress(file: String) {
    check(file, gcStress: true)
}

private func check(_ file: String, gcStress: Bool) {
    let source = corpusText("conformance", file)
    let expected = expectations(source).map(trimmedTrailing)
    #expect(!expected.isEmpty, "\(file) has no expectations")
    let result = run(source, name: file, gcStress: gcStress)
    #expect(result.failure == nil, "\(file): \(result.failure ?? "")")
    let actual = result.stdout.map(trimmedTrailing)
    for (i, line) in expected.enumerated() {
        guard i < actual.count else {
            Issue.record("\(file): missing output line \(i + 1): \(line)")
            return
        }
        if actual[i] != line {
            Issue.record("\(file): line \(i + 1)\n  expected: \(line)\n  actual:   \(actual[i])")
            return
        }
    }
    #expect(actual.count == expected.count, "\(file): \(actual.count) lines printed, \(expected.count) expected")
}

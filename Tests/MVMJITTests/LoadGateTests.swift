// When background compiles may first load LLVM (LoadGate): the rate of
// asks decides, on a clock the tests drive.
import Testing
@testable import MVMJIT

private let millisecond: UInt64 = 1_000_000

/// Asks `count` times, `every` nanoseconds apart from `start`; whether
/// the gate was open after the last.
private func ask(_ gate: inout LoadGate, _ count: Int, every: UInt64, from start: UInt64) -> Bool {
    var open = false
    for k in 0..<UInt64(count) { open = gate.ask(at: start + k * every) }
    return open
}

@Test func frequentAsksOpenTheGateAfterOneWindow() {
    var gate = LoadGate()
    // 10 asks per ms: closed within the first window, open once it ends.
    #expect(!ask(&gate, 20, every: millisecond / 10, from: 5 * millisecond))
    #expect(!gate.isOpen)
    let opened = gate.ask(at: 5 * millisecond + LoadGate.window)
    #expect(opened)
    // For good: a later, slower ask finds it open.
    let stillOpen = gate.ask(at: 900 * millisecond)
    #expect(stillOpen)
}

@Test func rareAsksKeepTheGateClosedUntilPatienceRunsOut() {
    var gate = LoadGate()
    // One ask per ms (a loop whose time is in the builtins it calls).
    #expect(!ask(&gate, 90, every: millisecond, from: 0))
    // A burst does not open it: the rate counts from the first ask.
    #expect(!ask(&gate, 100, every: 1000, from: 90 * millisecond))
    #expect(!gate.isOpen)
    // Patience: the functions went on asking past 100 ms.
    let opened = gate.ask(at: LoadGate.patience)
    #expect(opened)
}

@Test func patienceWaitsForSeveralAsks() {
    var gate = LoadGate()
    // A function that asked a few times is not hot, however long ago.
    #expect(!ask(&gate, Int(LoadGate.patientAsks) - 1, every: 60 * millisecond, from: 0))
    #expect(!gate.isOpen)
    let opened = gate.ask(at: 10 * LoadGate.patience)
    #expect(opened)
}

@Test func anOpenedGateStaysOpen() {
    var gate = LoadGate()
    gate.open()
    let opened = gate.ask(at: 0)
    #expect(opened)
}

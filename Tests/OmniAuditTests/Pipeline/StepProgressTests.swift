import Foundation
@testable import OmniAudit
import Testing

/// Long steps say how far they are; short ones say nothing (the demo's output stays the verdict and counts).
@Suite struct StepProgressTests {
    @Test func aShortStepPrintsNothing() {
        let lines = Lines()
        let meter = StepProgress("products checked", total: 10_000, sink: { lines.add($0) })
        for _ in 0..<10_000 { meter.step() }
        meter.finish()
        #expect(lines.all.isEmpty)
    }

    @Test func aLineSaysHowFarWithTheTotalWhenKnown() {
        let meter = StepProgress("products checked", total: 200, sink: { _ in })
        for _ in 0..<50 { meter.step() }
        #expect(meter.line(seconds: 2) == "products checked: 50 of 200 (25%), 2.0s, 25/s")
        let feed = StepProgress("app: items read", sink: { _ in })
        for _ in 0..<3 { feed.step() }
        #expect(feed.line(seconds: 0.5) == "app: items read: 3, 0.5s, 6/s")
    }

    final class Lines: @unchecked Sendable {
        private(set) var all: [String] = []
        func add(_ line: String) { all.append(line) }
    }
}

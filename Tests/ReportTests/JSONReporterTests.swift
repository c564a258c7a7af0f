import Foundation
import Report
import Testing

@Suite struct JSONReporterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/report.json")

    /// The JSON report is compared byte for byte with the golden file; `OMNIAUDIT_RECORD=1` rewrites it.
    @Test func matchesTheGoldenFile() throws {
        let data = try JSONReporter().render(SampleReport.make())
        if ProcessInfo.processInfo.environment["OMNIAUDIT_RECORD"] == "1" {
            try data.write(to: Self.golden)
        }
        let expected = try Data(contentsOf: Self.golden)
        #expect(String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func isDeterministicAndVersioned() throws {
        let a = try JSONReporter().render(SampleReport.make())
        let b = try JSONReporter().render(SampleReport.make())
        #expect(a == b)
        let object = try JSONSerialization.jsonObject(with: a) as? [String: Any]
        #expect(object?["schema"] as? String == "omniaudit.report/v1")
        #expect(Set(object?.keys.map { $0 } ?? []) == ["schema", "tool", "run", "complete", "gate", "summary", "coverage", "products", "findings", "comparisons"])
        #expect(String(decoding: a, as: UTF8.self).contains(#""amount" : "49.90""#))
    }
}

import Foundation
import Testing

@testable import OmniAudit

/// A baseline's findings are read from the front of a report without decoding its products: the scan must find
/// the same members as a full decode, however the file is cut into chunks and whatever its strings hold.
@Suite struct TopLevelJSONTests {
    /// The members found when the text is scanned in chunks of `size` bytes.
    func members(_ text: String, _ wanted: Set<String>, chunk size: Int) -> (values: [String: String], isObject: Bool) {
        var scanner = TopLevelJSON(wanted: wanted)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBytes { scanner.scan($0) }
            start = end
        }
        return (scanner.values.mapValues { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) },
                scanner.isObject)
    }

    @Test func findsTopLevelMembersInAnyChunkingWhateverTheirStringsHold() {
        let text = "\u{FEFF} {\"coverage\": {\"findings\": [\"not this one\"], \"x\": \"}{\\\"]\"},\n"
            + "  \"findings\" : [{\"message\": \"a \\\"quoted\\\" } brace, a comma\", \"n\": [1, {\"k\": \"v\"}]}],\n"
            + "  \"products\": {\"sku:A\": {\"web\": [{\"title\": \"schema\"}]}}, \"schema\": \"omniaudit.report/v1\"}"
        for size in [1, 2, 3, 7, 64, 4096] {
            let found = members(text, ["findings", "schema"], chunk: size)
            #expect(found.isObject)
            #expect(found.values["findings"] == "[{\"message\": \"a \\\"quoted\\\" } brace, a comma\", \"n\": [1, {\"k\": \"v\"}]}]", "chunks of \(size)")
            #expect(found.values["schema"] == "\"omniaudit.report/v1\"", "chunks of \(size)")
        }
        #expect(members("[{\"findings\": []}]", ["findings"], chunk: 5).isObject == false)
        #expect(members("{\"a\": 1}", ["findings"], chunk: 5).values.isEmpty)
    }

    @Test func readsTheDemoReportsFindingsAsAFullDecodeDoes() throws {
        let path = Paths.repo("fixtures/demo-shop/golden/omniaudit.json")
        let streamed = try BaselineReport.findings(at: path)
        #expect(streamed.count == Paths.demoFindings)
        #expect(streamed == (try BaselineReport.load(at: path).findings))
    }
}

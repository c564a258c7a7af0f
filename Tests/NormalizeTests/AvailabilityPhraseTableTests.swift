import AuditModel
import Foundation
import Testing

@testable import Normalize

/// Stock phrases in more languages, one row each in `fixtures/availability/phrases.tsv`.
@Suite("Availability phrase table")
struct AvailabilityPhraseTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: Availability?
        let language: String
        var testDescription: String { "\(language): \(text)" }
    }

    static let rows: [Row] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/availability/phrases.tsv").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return Row(text: fields[0], expected: Availability(rawValue: fields[1]), language: fields[2])
        }
    }()

    @Test func theTableIsThere() {
        #expect(Self.rows.count >= 45)
        #expect(Set(Self.rows.map(\.language)).isSuperset(of: ["nl", "pt", "pl", "cs", "sk", "sl", "sv", "da", "tr", "ja", "ko", "ar", "he"]))
    }

    @Test(arguments: rows)
    func phrase(_ row: Row) {
        #expect(AvailabilityParser.parse(row.text).availability == row.expected)
    }
}

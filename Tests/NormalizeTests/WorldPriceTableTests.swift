import AuditModel
import Foundation
import Testing

@testable import Normalize

/// Currencies, scripts and number shapes from shops worldwide, one row each in
/// `fixtures/prices/world-prices.jsonl` (`amount`/`currency` null where nothing may be read; `note` says why).
@Suite("Price table: world currencies and number shapes")
struct WorldPriceTableTests {
    struct Row: Sendable, Decodable, CustomTestStringConvertible {
        let text: String
        let amount: String?
        let currency: String?
        let raw: String?
        let hint: String?
        let locale: String?
        let note: String
        var testDescription: String { "\(text) → \(amount ?? "nil") \(currency ?? "nil") (\(note))" }
    }

    static let rows: [Row] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/prices/world-prices.jsonl")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    @Test func theTableIsThere() {
        #expect(Self.rows.count >= 70)
    }

    @Test(arguments: rows)
    func row(_ row: Row) {
        let parser = PriceParser(currencyHint: row.hint, locale: row.locale)
        let result = parser.parse(row.text)
        #expect(result.exact?.text == row.amount)
        #expect(result.currency == row.currency)
        #expect(result.currencyRaw == row.raw)
        if row.amount != nil, row.currency == nil { #expect(result.reason != nil, "a missing currency says why") }
        var bytes = row.text
        #expect(bytes.withUTF8 { parser.parse(utf8: $0) } == result, "the byte path reads the same")
    }
}

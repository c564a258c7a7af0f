import AuditModel
import Foundation
import Testing

@testable import Normalize

/// One row of the price table: a string as a shop writes it and what it must read as.
struct PriceRow: Sendable, Decodable, CustomTestStringConvertible {
    let text: String
    let amount: String
    let currency: String
    let raw: String
    let hint: String?

    var testDescription: String { "\(text) → \(amount) \(currency)" }
}

/// The table in `fixtures/prices/price-table.jsonl`, written by `Benchmarks/price-parser/make_table.py` with the
/// expected values worked out in Python, independently of the parser (one JSON object per line).
enum PriceTable {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/prices/price-table.jsonl")

    static let rows: [PriceRow] = {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            try? JSONDecoder().decode(PriceRow.self, from: Data(line.utf8))
        }
    }()
}

@Suite("Price table: shop formats across currencies")
struct PriceTableTests {
    @Test("the table is large and wide enough")
    func coverage() {
        #expect(PriceTable.rows.count >= 500)
        #expect(Set(PriceTable.rows.map(\.currency)).count >= 30)
    }

    @Test("every row parses to its amount, ISO code and raw token", arguments: PriceTable.rows)
    func row(_ row: PriceRow) {
        let result = PriceParser(currencyHint: row.hint).parse(row.text)
        #expect(result.exact?.text == row.amount)
        #expect(result.amount.map(Money.format) == row.amount)
        #expect(result.currency == row.currency)
        #expect(result.currencyRaw == row.raw)
        var bytes = row.text
        let fromBytes = bytes.withUTF8 { PriceParser(currencyHint: row.hint).parse(utf8: $0) }
        #expect(fromBytes == result, "the byte path reads the same")
    }
}

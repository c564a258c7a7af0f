import AuditModel
import Extract
import Foundation
import Testing

/// Page heuristics one row each in `fixtures/pages/visible-cases.jsonl`: a small page (what follows `<head>`),
/// the main product's price (`"49.90 EUR"`) and availability expected, and a note saying which rule it shows.
@Suite("Page table: visible prices and availability")
struct VisibleCaseTableTests {
    struct Row: Sendable, Decodable, CustomTestStringConvertible {
        let note: String
        let html: String
        let price: String?
        let availability: String?
        var testDescription: String { note }
    }

    static let rows: [Row] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/pages/visible-cases.jsonl")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    @Test func theTableIsThere() {
        #expect(Self.rows.count >= 12)
    }

    @Test(arguments: rows)
    func row(_ row: Row) {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\">\(row.html)</body></html>"
        let page = PageExtractor(channel: "web").extract(Data(html.utf8), source: "https://shop.example/p/item-1")
        let product = page.observations.first
        #expect(product?.price.map { "\($0.value)" } == row.price)
        #expect(product?.availability?.value.rawValue == row.availability)
    }
}

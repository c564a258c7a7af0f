import AuditModel
import Foundation
import Testing

@testable import Normalize

@Suite("Dates and validity windows")
struct DateWindowTests {
    let rome = TimeZone(identifier: "Europe/Rome") ?? .current
    var parser: DateWindowParser {
        DateWindowParser(timeZone: rome, reference: DateWindowParser.day("2026-11-23") ?? Date())
    }

    func iso(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    @Test("Merchant sale_price_effective_date ranges keep their offsets")
    func merchantRange() {
        let window = parser.parse("2026-11-20T00:00+01:00/2026-11-30T23:59+01:00")
        #expect(window.start == iso("2026-11-19T23:00:00Z"))
        #expect(window.end == iso("2026-11-30T22:59:59Z"))
        let utc = parser.parse("2026-11-20T00:00:00Z/2026-11-30T23:59:59Z")
        #expect(utc.start == iso("2026-11-20T00:00:00Z"))
        #expect(utc.end == iso("2026-11-30T23:59:59Z"))
    }

    @Test("a plain ISO date is that whole day in the shop's time zone")
    func isoDay() {
        let window = parser.parse("2026-12-24")
        #expect(window.start == iso("2026-12-23T23:00:00Z"))
        #expect(window.end == iso("2026-12-24T22:59:59Z"))
    }

    @Test("phrases", arguments: [
        ("valido fino al 31/12", nil, "2026-12-31T22:59:59Z"),
        ("entro il 24 dicembre", nil, "2026-12-24T22:59:59Z"),
        ("Offer valid from Feb 18, 2025", "2025-02-17T23:00:00Z", nil),
        ("dal 20 al 30 novembre", "2026-11-19T23:00:00Z", "2026-11-30T22:59:59Z"),
        ("gültig bis 31.12.2026", nil, "2026-12-31T22:59:59Z"),
        ("Valable jusqu'au 15 janvier", nil, "2027-01-15T22:59:59Z"),
        ("Válido hasta el 6 de enero de 2027", nil, "2027-01-06T22:59:59Z"),
        ("Valid until December 31st, 2026", nil, "2026-12-31T22:59:59Z"),
        ("Offerta valida dal 01/12/2026 al 08/12/2026", "2026-11-30T23:00:00Z", "2026-12-08T22:59:59Z"),
    ] as [(String, String?, String?)])
    func phrase(_ text: String, _ start: String?, _ end: String?) {
        let window = parser.parse(text)
        #expect(window.start == start.flatMap(iso))
        #expect(window.end == end.flatMap(iso))
    }

    @Test("no date, impossible dates")
    func none() {
        #expect(parser.parse("Spedizione gratuita") == DateWindow())
        #expect(parser.parse("31/02/2026") == DateWindow())
    }

    @Test("a decimal number is no day and month: $18.7 billion, up 1.5 points; 18.7. and 18.07 are dates")
    func decimalsAreNoDates() {
        #expect(DateMentions.find(in: "when you owe $18.7 billion, you get real practical").isEmpty)
        #expect(DateMentions.find(in: "the index rose 1.5 points").isEmpty)
        #expect(DateMentions.find(in: "gültig bis 18.7.").map { [$0.day, $0.month] } == [[18, 7]])
        #expect(DateMentions.find(in: "valido fino al 18.07").map { [$0.day, $0.month] } == [[18, 7]])
        #expect(DateMentions.find(in: "until 7/18").map { [$0.day, $0.month] } == [[18, 7]])
    }
}

import AuditModel
import Foundation
import Testing
@testable import Mail

struct SMSExportTests {
    @Test func linesEndedByALoneCRAreLines() {
        let lines = ["timestamp;sender;text", "2026-11-20 10:00;BOTTEGA;Codice FLASH30: -30%", "2026-11-21 10:00;BOTTEGA;Codice AUTUNNO10"]
        let zone = TimeZone(identifier: "Europe/Rome")!
        let mac = SMSExport.read(lines.joined(separator: "\r"), timeZone: zone)
        #expect(mac.messages.map(\.text) == ["Codice FLASH30: -30%", "Codice AUTUNNO10"])
        #expect(mac.messages.map(\.text) == SMSExport.read(lines.joined(separator: "\r\n"), timeZone: zone).messages.map(\.text))
    }

    @Test func anExportLargerThanTheCapIsAProblemNotRead() throws {
        // Exports are read whole: one past 512 MB (a sparse file here, no disk used) is refused by name.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-huge-\(getpid()).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(MailInputs.maxFileBytes + 1))
        try handle.close()
        let document = PromoReader(extractor: Fixtures.italian).sms([(path: path, shown: "campagne.csv")])
        #expect(document.messages.isEmpty)
        #expect(document.problems.map(\.description) == ["campagne.csv: larger than 512 MB: not read"])
    }

    @Test func csvWithQuotedTextAndSemicolons() {
        let csv = "timestamp;sender;text\n2026-11-20 10:00;BOTTEGA;\"Solo oggi -30% con il codice FLASH30; spedizione gratis sopra i 39 €\"\nbad-row\n"
        let (messages, problems) = SMSExport.read(csv, timeZone: TimeZone(identifier: "Europe/Rome")!)
        #expect(messages.count == 1)
        #expect(messages[0].sender == "BOTTEGA")
        #expect(messages[0].text.hasPrefix("Solo oggi -30%"))
        #expect(Fixtures.iso(messages[0].sent) == "2026-11-20T09:00:00Z")
        #expect(problems.map(\.0) == ["line 3"])
        let record = Fixtures.italian.extract(sms: messages[0].text, sent: messages[0].sent.map { Observed($0, Evidence(source: "s", locator: "line 2", raw: "")) },
                                              sender: "BOTTEGA", source: "s", locator: "line 2")
        let promo = record.promos.first
        #expect(promo?.code?.value == "FLASH30")
        #expect(promo?.percentOff?.value == "30")
        #expect(promo?.freeShippingOver?.value == Money(amount: 39, currency: "EUR"))
        #expect(Fixtures.iso(promo?.validUntil?.value) == "2026-11-20T22:59:59Z")
        #expect(promo?.code?.evidence.locator == "line 2, text")
    }

    @Test func plainTextOneMessagePerLine() {
        let (messages, problems) = SMSExport.read("Promo: -20% fino a domenica\n\nCodice SALDI20 valido fino al 31/01\n", timeZone: .gmt)
        #expect(messages.map(\.locator) == ["line 1", "line 3"])
        #expect(problems.isEmpty)
    }
}

import Foundation
import Testing
@testable import Mail

/// What a message holds but could not be read is a problem of the message, never dropped: a promo in it would
/// otherwise be missed without a trace.
struct UnreadPartsTests {
    let reader = PromoReader(extractor: PromoExtractor(defaultCurrency: "EUR", locale: "it-IT",
                                                       reference: Date(timeIntervalSince1970: 1_790_000_000)))

    func read(_ text: String) -> PromoReader.Document {
        var document = PromoReader.Document()
        reader.message(MailEntry(source: "promo.mbox", locator: "message 3", bytes: Array(text.utf8)), into: &document)
        return document
    }

    @Test func aPartNestedTooDeepIsAProblemOfItsMessage() {
        // 40 levels of multipart/mixed around the text: the walk stops at 32 and says where.
        var body = "Content-Type: text/plain\r\n\r\nCodice SCONTO20: -20% su tutto\r\n"
        for level in (0..<40).reversed() {
            body = "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n\(body)\r\n--b\(level)--\r\n"
        }
        let document = read("From: shop@example.com\r\nSubject: Saldi\r\nMIME-Version: 1.0\r\n" + body)
        #expect(document.messages.count == 1)
        #expect(document.problems.map(\.description) == ["promo.mbox: message 3: part \(Array(repeating: "1", count: 32).joined(separator: ".")): nested deeper than 32 levels, not read"])
    }

    @Test func aMessageCutAtTheSizeCapSaysSo() throws {
        // The cap is 16 MiB; a smaller one shows the same cut on a small message.
        let text = "From: shop@example.com\r\nSubject: Catalogo\r\nContent-Type: text/plain\r\n\r\nCodice SCONTO20\r\n"
            + String(repeating: "Lorem ipsum dolor sit amet.\r\n", count: 200)
        let message = try MailReader.read(Array(text.utf8), maxBytes: 1_024)
        #expect(message.notes == ["message larger than 1024 bytes: only its first 1024 bytes were read"])
        #expect(message.parts.first?.lines.first?.text == "Codice SCONTO20")
        #expect(try MailReader.read(Array(text.utf8)).notes.isEmpty)
    }

    @Test func aWholeMessageHasNoProblem() {
        let document = read("From: shop@example.com\r\nSubject: Saldi\r\nContent-Type: text/plain\r\n\r\nCodice SCONTO20: -20% su tutto\r\n")
        #expect(document.messages.count == 1)
        #expect(document.problems.isEmpty)
    }
}

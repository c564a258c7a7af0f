import Foundation
import Testing
@testable import Mail

/// Every decoding quirk of real mail, one fixture each (fixtures/emails/quirks, made by tools/make_quirks.py).
struct MailReaderTests {
    @Test func rfc2047WordsInTwoCharsetsAndEncodings() throws {
        let message = try Fixtures.message("quirks/rfc2047-subject.eml")
        #expect(message.subject == "Sconto del 30% su tutto il catalogo à partire")
        #expect(message.from == "Shop <news@shop.example>")
        #expect(Fixtures.iso(message.date) == "2026-11-16T08:00:00Z")
    }

    @Test func raw8BitHeadersAreReadAsUTF8ElseWindows1252() throws {
        #expect(try Fixtures.message("quirks/raw-8bit-header.eml").subject == "Più sconti, più regali")
        #expect(try Fixtures.message("quirks/raw-8bit-header.eml").from.hasPrefix("Négoce"))
        let latin = try Fixtures.message("quirks/raw-latin1-header.eml")
        #expect(latin.subject == "Soldes d'été")
        #expect(Fixtures.text(latin) == "Téléphone")
    }

    @Test func oddCharsetLabels() throws {
        #expect(Fixtures.text(try Fixtures.message("quirks/mac-cyrillic.eml")) == "Скидка 20%")
        // windows-1252 bytes labelled iso-8859-1: 0x80 is €, 0x96 an en dash.
        #expect(Fixtures.text(try Fixtures.message("quirks/cp1252-as-latin1.eml")) == "Solo 39,90 € – fino a domenica")
    }

    @Test func transferEncodingsInAnyCaseAndInvalidNames() throws {
        #expect(Fixtures.text(try Fixtures.message("quirks/qp-lowercase.eml"))
            == "Prezzo speciale 39,90 € invece di 49,90 €, codice SCONTO10")
        #expect(Fixtures.text(try Fixtures.message("quirks/base64-uppercase.eml")) == "Spedizione gratuita sopra i 49 €")
        #expect(Fixtures.text(try Fixtures.message("quirks/encoding-8bits.eml")) == "Güte Preise: 19,90 €")
        #expect(Fixtures.text(try Fixtures.message("quirks/encoding-7-bit.eml")) == "Plain words")
    }

    @Test func nestedMultipartKeepsTheRichestAlternativeAndSkipsAttachments() throws {
        let message = try Fixtures.message("quirks/nested-multipart.eml")
        #expect(message.parts.map(\.path) == ["1.1.2"])
        let part = try #require(message.parts.first)
        #expect(part.contentType == "text/html")
        #expect(part.preheader == "Solo oggi: -20% su tutto")
        #expect(part.lines.map(\.text) == ["Zaino Trekking 30L", "49,90 € 39,90 €", "Acquista"])
        #expect(part.lines[1].struck == "49,90 €")
        #expect(part.lines[2].links == ["https://shop.example/p/zaino-30l?utm_source=nl&utm_medium=email"])
        // The three lines sit in one table cell: one block.
        #expect(Set(part.lines.map(\.block)).count == 1)
        #expect(!Fixtures.text(message).contains("99,00"))  // script text is never read
        #expect(!Fixtures.text(message).contains("Not read"))  // the attachment is skipped
    }

    @Test func truncatedBodyYieldsWhatWasThere() throws {
        let message = try Fixtures.message("quirks/truncated.eml")
        #expect(Fixtures.text(message).hasPrefix("Sconto del 25% con il codice AUTUNNO25"))
    }

    @Test func headersAloneAreAMessage() throws {
        let message = try Fixtures.message("quirks/headers-only.eml")
        #expect(message.subject == "nothing else")
        #expect(message.date == nil)
    }

    @Test func binaryJunkIsAnErrorWithAReason() {
        #expect(throws: MailReadError("not a MIME message (no header block)")) {
            try Fixtures.message("quirks/not-a-message.eml")
        }
        #expect(throws: MailReadError("empty message")) { try MailReader.read(Array("\n\n".utf8)) }
    }

    @Test func mboxIsSplitAndFromLinesUnescaped() {
        let mbox = "From a@b Mon Nov 16 08:00:00 2026\nSubject: one\n\nbody\n>From here\n\nFrom c@d Tue Nov 17 08:00:00 2026\nSubject: two\n\nx\n"
        let messages = MboxStream.split(Array(mbox.utf8))
        #expect(messages.count == 2)
        #expect(String(decoding: messages[0], as: UTF8.self).contains("\nFrom here"))
        #expect((try? MailReader.read(messages[1]))?.subject == "two")
    }
}

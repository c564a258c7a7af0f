import Foundation
import Testing
@testable import Mail

/// The 243 real messages of fixtures/emails/corpus (SpamAssassin, mail-parser, imap_tools test corpora; see the
/// README there): every one is read or reported with its reason, none crashes, none is lost.
struct CorpusTests {
    @Test func everyMessageIsReadOrReported() throws {
        let reader = PromoReader(extractor: PromoExtractor(defaultCurrency: "USD", locale: "en-US",
                                                           reference: Date(timeIntervalSince1970: 1_790_000_000)))
        let root = Fixtures.root.appendingPathComponent("corpus").path
        let document = reader.email([(path: root, shown: "corpus")])
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 243)
        #expect(document.messages.count + document.problems.count == 243)
        // Only inputs that are no MIME message at all are problems, each with its reason.
        let problems = Dictionary(uniqueKeysWithValues: document.problems.map { ($0.source, $0.message) })
        #expect(problems == [
            "corpus/mailparser/mail_outlook_1.eml": "an Outlook .msg file (OLE compound document), not a MIME message",
            "corpus/spamassassin/spam__bsmtpnull.eml": "empty message",
        ])
        // A batch-SMTP file is read after its DATA line.
        #expect(document.messages.contains { $0.source == "corpus/spamassassin/spam__bsmtp.eml" && $0.subject != nil })
        // Nearly every message has a subject (a few test messages have none).
        #expect(document.messages.filter { $0.subject != nil }.count > 220)
    }

    @Test func promosAmongThemAsCheckedByHand() throws {
        let extractor = PromoExtractor(defaultCurrency: "USD", locale: "en-US", reference: Date(timeIntervalSince1970: 1_790_000_000))
        let mypoints = extractor.extract(try Fixtures.message("corpus/spamassassin/welcomelists__mypoints.eml"),
                                         source: "mypoints", locator: "")
        #expect(mypoints.promos.first?.percentOff?.value == "84")
        #expect(mypoints.promos.first?.percentOff?.evidence.locator == "subject")
        // A certificate advisory's "PHP4" and a plain newsletter carry no promo.
        let cert = extractor.extract(try Fixtures.message("corpus/spamassassin/welcomelists__cert.org.eml"), source: "c", locator: "")
        #expect(cert.promos.isEmpty)
    }
}

extension CorpusTests {
    @Test func aNewsNewsletterPromisesNothingItsNewsSays() throws {
        // Media Unspun, business news: "$9.8 billion in assets", "5% of its workforce" in a paragraph on layoffs,
        // "$18.7 billion" (once read as 18 July), "wp-dyn/articles/A15954" (once an "art." number): no prices, no
        // percent off, no deadline, no sku. Only the subscription it sells, $50 a year, is a price.
        let extractor = PromoExtractor(defaultCurrency: "USD", locale: "en-US", reference: Date(timeIntervalSince1970: 1_790_000_000))
        let news = extractor.extract(try Fixtures.message("corpus/spamassassin/welcomelists__media_unspun.eml"), source: "n", locator: "")
        #expect(news.promos.allSatisfy { $0.percentOff == nil && $0.validUntil == nil })
        let prices = news.promos.flatMap(\.prices)
        #expect(prices.map(\.price.value.amount) == [50])
        #expect(prices.allSatisfy { $0.product.sku == nil })
    }

    @Test func promoWordsCountOnlyAsWholeWordsBesideThePercentage() {
        let amounts = MailAmounts(defaultCurrency: "USD", locale: "en-US")
        #expect(amounts.percent(in: "That's about 5% of its workforce, after months of layoff notices.", parsed: 5) == nil)
        #expect(amounts.percent(in: "Revenue was up 13%, while wholesale prices fell.", parsed: 13) == nil)
        #expect(amounts.percent(in: "Take 20% off everything this weekend", parsed: 20) == 20)
        #expect(amounts.percent(in: "Sconto del 15 % su tutto", parsed: 15) == 15)
        #expect(amounts.percent(in: "Solo oggi -30% su tutto", parsed: 30) == 30)
        #expect(amounts.money(in: "Vivendi to sell $9.8 billion in assets").isEmpty)
        #expect(amounts.money(in: "Now just $19.95 a year").map(\.money.amount) == [Decimal(string: "19.95")!])
    }
}

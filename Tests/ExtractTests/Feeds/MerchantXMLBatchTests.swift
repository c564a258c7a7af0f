import AuditModel
@testable import Extract
import Foundation
import Testing

/// The SAX walker copies the items' texts into batches and the records are made from them later (on a worker when
/// streaming): whatever the batch size, the records are the values as written, and streaming gives the observations
/// that interpreting each record on its own gives.
@Suite struct MerchantXMLBatchTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Shop</title>
        <item>
          <title>Mug &amp; <![CDATA[saucer <b>]]> blue</title>
          <g:id>A-1</g:id>
          <link>https://shop.example/p/1?utm_source=x</link>
          <g:price>15.00 EUR</g:price>
          <g:shipping><g:country> IT </g:country><g:service>\u{00A0}Std\u{00A0}</g:service><g:price>4.90 EUR</g:price><g:other>x</g:other></g:shipping>
          <g:tax><g:country>US</g:country><g:rate>5.00</g:rate><g:price>not a tax part</g:price></g:tax>
          <g:shipping>US::Express:9.00 EUR</g:shipping>
          <g:odd>before<inner>deep <b>er</b></inner>after</g:odd>
        </item>
        <entry xmlns="http://www.w3.org/2005/Atom"><id>atom</id><g:id>B-2</g:id><link rel="alternate" href="https://shop.example/p/2">tail</link><title>Two</title><g:availability>in stock</g:availability></entry>
        <item><g:id>C-3</g:id><g:price>3,50 €</g:price><g:availability>out of stock</g:availability></item>
        <item><g:id>D-4</g:id><g:price>1.00 EUR</g:price><g:sale_price>0.90 EUR</g:sale_price></item>
        <item><g:id>E-5</g:id><description>\(String(repeating: "long text ", count: 200))</description></item>
        <item><g:id>F-6</g:id></item>
        <item><title>no id</title><g:price>2.00 EUR</g:price></item>
        </channel></rss>
        """

    static func describe(_ record: FeedRecord) -> String {
        record.locator + ": " + record.values.map { "\($0.name)=\($0.text)|\($0.locator)" }.joined(separator: " ")
    }

    func records(batchSize: Int) -> (records: [String], problems: [String]) {
        var records: [String] = []
        let problems = MerchantXMLReader().readBatches(FeedInput(data: Data(Self.feed.utf8)), source: "f.xml", batchSize: batchSize) { batch, _ in
            records += batch.records().map(Self.describe)
        }
        return (records, problems.map(\.description))
    }

    @Test func recordsAreTheValuesAsWrittenWhateverTheBatchSize() {
        let whole = records(batchSize: 256)
        #expect(whole.problems.isEmpty)
        #expect(whole.records.count == 7)
        #expect(whole.records.first == "item 1 (line 3): id=A-1|line 5 <g:id> price=15.00 EUR|line 7 <g:price> "
            + "shipping=IT::Std:4.90 EUR|line 8 <g:shipping> tax=US::5.00:|line 9 <g:tax> shipping=US::Express:9.00 EUR|line 10 <g:shipping> "
            + "odd=:::|line 11 <g:odd> title=Mug & saucer <b> blue|line 4 <title> link=https://shop.example/p/1?utm_source=x|line 6 <link>")
        #expect(whole.records[1] == "item 2 (line 13): id=B-2|line 13 <g:id> availability=in stock|line 13 <g:availability> "
            + "id=atom|line 13 <id> link=https://shop.example/p/2tail|line 13 <link> title=Two|line 13 <title>")
        #expect(whole.records[4].contains("description=" + String(repeating: "long text ", count: 200) + "|line 16 <description>"))
        for size in [1, 2, 3, 5] {
            #expect(records(batchSize: size) == whole, "batches of \(size)")
        }
    }

    @Test func streamingGivesWhatEachRecordInterpretedAloneGives() throws {
        let interpreter = RecordInterpreter(channel: "feed", defaultCurrency: "EUR")
        let streamed = StreamingFeedExtractor(format: .merchantXML, interpreter: interpreter).extract(Data(Self.feed.utf8), source: "f.xml")
        var alone: [Observation] = []
        var problems: [Problem] = []
        _ = MerchantXMLReader().read(FeedInput(data: Data(Self.feed.utf8)), source: "f.xml") { record in
            if let observation = interpreter.observation(record, source: "f.xml", problems: &problems) { alone.append(observation) }
        }
        #expect(streamed.observations == alone)
        #expect(streamed.problems.map(\.description) == problems.map(\.description))
        #expect(streamed.observations.map(\.key.sku) == ["A-1", "B-2", "C-3", "D-4", "E-5", "F-6", nil])
        #expect(streamed.observations[0].shipping?.evidence.raw == "IT::Std:4.90 EUR")
        #expect(streamed.observations[0].title?.value == "Mug & saucer <b> blue")
        #expect(streamed.observations[3].price?.value == Money(amount: Decimal(string: "0.90")!, currency: "EUR"))
    }
}

/// `isBlank` settles most texts by their first ASCII byte that is not whitespace; it always agrees with trimming.
@Suite struct FeedBlankTests {
    @Test func blankIsWhatTrimsToNothing() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", "\u{2009}", "a", "é", "€", "0", "\u{FEFF}", "\u{200B}"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + third
                    #expect(text.isBlank == text.feedTrimmed.isEmpty, "\(text.debugDescription)")
                }
            }
        }
        #expect("\u{00A0} \u{3000}".isBlank)
        #expect(!" é ".isBlank)
    }
}

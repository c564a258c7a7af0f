import AuditModel
import Extract
import Foundation
import Testing

@Suite struct MerchantXMLTests {
    @Test func readsEveryMerchantFieldOfAnRSSItem() throws {
        let result = try FeedFixtures.read("merchant-rss.xml")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2", "SKU-3"])
        let mug = result.observations[0]
        #expect(mug.key.gtin == "04006381333931")
        #expect(mug.key.mpn == "MUG-B")
        #expect(mug.key.url == "https://shop.example/p/mug-blue")
        #expect(mug.title?.value == "Mug \"Blue\" & saucer")  // CDATA
        #expect(mug.price?.value == FeedFixtures.money("12.00", "USD"))  // sale_price is what is paid
        #expect(mug.price?.evidence.locator == "line 12 <g:sale_price>")
        #expect(mug.listPrice?.value == FeedFixtures.money("15.00", "USD"))
        #expect(mug.saleWindow?.evidence.raw == "2026-11-20T00:00-05:00/2026-11-30T23:59-05:00")
        #expect(mug.saleWindow?.value.end != nil)
        #expect(mug.availability?.value == .inStock)
        #expect(mug.stockCount?.value == 7)
        #expect(mug.brand?.value == "Acme")
        #expect(mug.group == "MUG")
        #expect(mug.shipping?.value.cost == FeedFixtures.money("4.95", "USD"))  // the first g:shipping
        #expect(mug.origin?.locator == "item 1 (line 7)")
        let teapot = result.observations[1]
        #expect(teapot.availability?.value == .inStock)  // legacy "available for order"
        #expect(teapot.price?.value == FeedFixtures.money("30", "EUR"))  // mixed currencies kept per item
        #expect(teapot.listPrice == nil)
        #expect(teapot.key.url == "https://shop.example/p/teapot")
        #expect(result.observations[2].availability?.value == .outOfStock)
    }

    @Test func readsAtomWithTheOtherNamespaceAndPrefersGoogleIdsOverAtomIds() throws {
        let result = try FeedFixtures.read("merchant-atom.xml")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-9"])
        #expect(result.observations[0].key.url == "https://shop.example/p/mug-blue")  // <link href>
        #expect(result.observations.map(\.availability?.value) == [.preorder, .backorder])
    }

    @Test func gzipFeedsReadLikeTheirPlainBytes() throws {
        let plain = try FeedFixtures.read("merchant-rss.xml")
        let zipped = try FeedFixtures.read("merchant-rss.xml.gz")
        #expect(zipped.observations == plain.observations.map { observation in
            observation.mappingSources { _ in "merchant-rss.xml.gz" }
        })
        let inMemory = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: nil))
            .extract(try Data(contentsOf: URL(fileURLWithPath: FeedFixtures.path("merchant-rss.xml.gz"))), source: "merchant-rss.xml.gz")
        #expect(inMemory.observations == zipped.observations)
    }

    @Test func refusesDoctypesSoNoEntityIsExpandedOrLoaded() throws {
        for name in ["hostile/xxe.xml", "hostile/billion-laughs.xml"] {
            let result = try FeedFixtures.read(name)
            #expect(result.observations.isEmpty, "\(name)")
            let problem = try #require(result.problems.first)
            #expect(problem.position.hasPrefix("line "))
            #expect(problem.message.contains("DOCTYPE refused") || problem.message.contains("entity"), "\(problem)")
            #expect(!result.problems.description.contains("root:"))  // /etc/passwd never read
        }
    }

    @Test func truncatedFeedKeepsTheItemsBeforeTheErrorAndReportsTheRest() throws {
        let result = try FeedFixtures.read("hostile/truncated.xml")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2"])
        #expect(result.problems.count == 2)
        #expect(result.problems[0].position == "line 6, column 1")
        #expect(result.problems[0].message.contains("after 2 items"))
        #expect(result.problems[1].position == "item 3 (line 5)")
    }

    @Test func bytesThatContradictTheDeclaredEncodingAreReportedWithTheirPosition() throws {
        let result = try FeedFixtures.read("hostile/wrong-encoding.xml")
        #expect(result.observations.isEmpty)
        #expect(result.problems.first?.position == "line 3, column 36")
        #expect(result.problems.first?.message.contains("UTF-8") == true)
    }

    @Test func truncatedGzipIsReportedAsSuch() throws {
        let result = try FeedFixtures.read("hostile/truncated.xml.gz")
        #expect(result.observations.isEmpty)
        #expect(result.problems.first?.message.contains("unexpected end of file") == true)
    }

    @Test func aDocumentWithoutItemsSaysWhatItsRootIs() {
        let extractor = StreamingFeedExtractor(format: .merchantXML, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data("<urlset><url/></urlset>".utf8), source: "sitemap.xml")
        #expect(result.problems.map(\.message) == ["no <item> or <entry> elements: the root element is <urlset>, not an RSS or Atom feed"])
    }
}

/// Repeated `g:shipping` and `g:tax` are all kept in the record; the shipping compared is the shop country's.
@Suite struct MerchantShippingTests {
    @Test func everyShippingAndTaxIsKeptAndTheShopCountryIsCompared() throws {
        let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: nil))
        var records: [FeedRecord] = []
        _ = extractor.records(try FeedInput(path: FeedFixtures.path("merchant-rss.xml")), source: "f") { records.append($0) }
        let mug = try #require(records.first)
        #expect(mug.all("shipping").map(\.text) == ["US::Standard:4.95 USD", "CA:::9.95 USD"])
        #expect(mug.all("tax").map(\.text) == ["US::5.00:"])
        for (country, cost, raw) in [("CA", "9.95", "CA:::9.95 USD"), ("US", "4.95", "US::Standard:4.95 USD"),
                                     ("IT", "4.95", "US::Standard:4.95 USD")] {
            var interpreter = RecordInterpreter(channel: "feed", defaultCurrency: nil)
            interpreter.country = country
            var problems: [Problem] = []
            let observation = try #require(interpreter.observation(mug, source: "f", problems: &problems))
            #expect(observation.shipping?.value.cost == FeedFixtures.money(cost, "USD"), "\(country)")
            #expect(observation.shipping?.evidence.raw == raw)
        }
    }

    @Test func aListInOneCellIsSearchedForTheShopCountry() throws {
        var interpreter = RecordInterpreter(channel: "feed", defaultCurrency: nil)
        interpreter.country = "CA"
        let record = FeedRecord(locator: "line 2", values: [
            .init(name: "id", text: "A", locator: "line 2, column id"),
            .init(name: "shipping", text: "US::Standard:4.95 USD,CA::Standard:9.95 USD", locator: "line 2, column shipping"),
        ])
        var problems: [Problem] = []
        let observation = try #require(interpreter.observation(record, source: "f", problems: &problems))
        #expect(observation.shipping?.value.cost == FeedFixtures.money("9.95", "USD"))
    }
}

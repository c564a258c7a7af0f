import AuditModel
import Foundation
import OmniAudit
import Report
import Testing

/// Feed channels of every format, key transforms, titles as the last-resort key and store lists, audited in-process.
@Suite struct FeedChannelTests {
    func write(_ shop: ShopFolder, _ name: String, _ text: String) throws {
        try text.write(toFile: "\(shop.path)/\(name)", atomically: true, encoding: .utf8)
    }

    /// The app feed of the issue: its own ids (`item_27`), names as the web shows them.
    func appFeed(_ shop: ShopFolder) throws {
        try write(shop, "app.jsonl", """
            {"id": "item_27", "title": "Tazzina «Caffè» Faenza", "price": "12.00 EUR", "availability": "in stock"}
            {"id": "item_28", "title": "Brocca Caltagirone", "price": "30.00 EUR", "availability": "in stock"}
            {"id": "item_29", "title": "Mug", "price": "5.00 EUR"}
            {"id": "item_30", "title": "Mug", "price": "6.00 EUR"}

            """)
    }

    @Test func titlesMatchFeedsThatShareNoIdAndSaySo() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try appFeed(shop)
        try write(shop, "merchant.csv", "title,price,availability\n\"tazzina caffe, faenza\",10.00 EUR,in stock\nBrocca Caltagirone,30.00 EUR,in stock\nMug,5.00 EUR,in stock\n")
        let channels = """
              app: { kind: feed, source: app.jsonl }
              merchant: { kind: feed, source: merchant.csv, catalog: partial }
            """
        let report = try shop.audit(channels: channels, match: "[sku, gtin, url, title]")
        let price = try #require(report.findings.first { $0.rule == "price-mismatch" })
        #expect(price.product == "sku:item_27")
        #expect(price.message.hasSuffix("(Matched by title.)"))
        #expect(report.comparisons.multiChannel == 2)  // the mug is two products in the app: never joined by title
        #expect(report.findings.filter { $0.rule == "price-mismatch" }.count == 1)
        let withoutTitles = try shop.audit(channels: channels)
        #expect(withoutTitles.comparisons.multiChannel == 0)
        // Title-only items cannot be matched (one problem each), and the channel is then empty (one more).
        #expect(withoutTitles.coverage["merchant"]?.problems.count == 4)
        #expect(withoutTitles.gate.exitCode == 2)
    }

    @Test func keyTransformsDeriveTheWebSkusFromFeedIds() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try write(shop, "app.csv", "id,price\nBA-1,10.00 EUR\nBA-2,20.00 EUR\nBA-3,30.00 EUR\n")
        try write(shop, "merchant.xml", """
            <?xml version="1.0"?>
            <rss xmlns:g="http://base.google.com/ns/1.0"><channel>
            <item><g:id>IT-BA-1</g:id><g:price>10.00 EUR</g:price></item>
            <item><g:id>IT-BA-2</g:id><g:price>21.00 EUR</g:price></item>
            <item><g:id>XX-3</g:id><g:price>30.00 EUR</g:price></item>
            </channel></rss>
            """)
        try write(shop, "ids.csv", "id,sku\n3-IT,BA-3\n")
        try write(shop, "third.tsv", "id\tprice\n3-IT\t30.00 EUR\n")
        let report = try shop.audit(channels: """
              app: { kind: feed, source: app.csv }
              merchant: { kind: feed, format: merchant-xml, source: merchant.xml, catalog: partial, keys: { sku: { from: id, pattern: "^IT-(.*)$" } } }
              third: { kind: feed, source: third.tsv, catalog: partial, keys: { sku: { from: id, mapping: ids.csv } } }
            """)
        #expect(report.findings.filter { $0.rule == "price-mismatch" }.map(\.product) == ["sku:BA-2"])
        #expect(report.products["sku:BA-3"]?.keys.sorted() == ["app", "third"])
        let problem = try #require(report.coverage["merchant"]?.problems.first)
        #expect(problem.position == "item 3 (line 5)")
        #expect(problem.message.contains("\"XX-3\" does not fit keys.sku"))
    }

    @Test func everyUnmatchedProductIsListedWithItsKeys() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try write(shop, "app.csv", "id,price\nBA-1,10.00 EUR\n")
        try write(shop, "merchant.csv", "id,title,price\nIT-BA-1,Mug,10.00 EUR\n")
        let report = try shop.audit(channels: """
              app: { kind: feed, source: app.csv }
              merchant: { kind: feed, source: merchant.csv }
            """)
        #expect(report.coverage["merchant"]?.unmatched?.map(\.reason) == ["sku:IT-BA-1 matched no other channel; its keys: sku IT-BA-1, title \"Mug\""])
        #expect(report.coverage["merchant"]?.unmatched?.first?.input == "merchant.csv line 2")
        #expect(report.coverage["app"]?.unmatched?.count == 1)
        #expect(report.gate.reasons.contains { $0.contains("share no product") })
    }

    @Test func storesAreComparedOnePerFile() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try write(shop, "app.csv", "id,price,availability\nBA-1,10.00 EUR,in stock\nBA-2,20.00 EUR,in stock\n")
        try FileManager.default.createDirectory(atPath: shop.path + "/negozi", withIntermediateDirectories: true)
        try write(shop, "negozi/milano.csv", "codice;prezzo;giacenza\nBA-1;\"10,00\";0\nBA-2;\"20,00\";3\n")
        try write(shop, "negozi/roma.csv", "codice;prezzo;giacenza\nBA-1;\"10,00\";2\nBA-2;\"22,00\";1\n")
        let report = try shop.audit(channels: """
              app: { kind: feed, source: app.csv }
              negozi: { kind: store, source: negozi, fields: { sku: codice, price: prezzo, stock: giacenza } }
            """)
        let findings = report.findings.map { "\($0.rule) \($0.product)" }
        #expect(findings.sorted() == ["availability-mismatch sku:BA-1", "price-mismatch sku:BA-2"])
        #expect(report.findings.first { $0.rule == "price-mismatch" }?.message.contains("negozi@roma shows 22.00 EUR") == true)
        #expect(report.coverage["negozi"]?.read == 2)
        #expect(!report.findings.contains { $0.rule == "missing-in-channel" })  // a store list is a partial catalogue
    }

    @Test func aMalformedFeedIsReadUpToTheErrorAndReported() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try write(shop, "app.csv", "id,price\nBA-1,10.00 EUR\nBA-2,20.00 EUR\n")
        let truncated = "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel><item><g:id>BA-1</g:id><g:price>10.00 EUR</g:price></item><item><g:id>BA-2</g"
        try write(shop, "merchant.xml", truncated)
        let report = try shop.audit(channels: """
              app: { kind: feed, source: app.csv }
              merchant: { kind: feed, source: merchant.xml }
            """)
        let problems = try #require(report.coverage["merchant"]?.problems)
        #expect(problems.map(\.position) == ["line 1, column \(truncated.count + 1)", "item 2 (line 1)"])  // where the bytes end
        #expect(report.coverage["merchant"]?.products == 1)
        #expect(problems.map(\.stopsReading) == [true, false])
        // BA-2 comes after the break: not called missing from the feed (a truncated download would make every later
        // product a false alarm); the audit is incomplete and says where reading stopped. BA-1 is still compared.
        #expect(!report.findings.contains { $0.rule == "missing-in-channel" })
        #expect(report.gate.exitCode == 2)
        #expect(report.gate.reasons.contains { $0.hasPrefix("merchant: reading merchant.xml stopped at line 1, column \(truncated.count + 1) (") })
        #expect(report.comparisons.multiChannel == 1)
    }

    @Test func aJSONFeedCutShortIsIncompleteNotMissing() throws {
        // The app's JSON feed breaks after its first item: the products after it are not missing from the app, the
        // audit is incomplete, and the item read is compared (a planted price mismatch is still found).
        let shop = try ShopFolder()
        defer { shop.remove() }
        try write(shop, "merchant.csv", "id,price\nBA-1,10.00 EUR\nBA-2,20.00 EUR\nBA-3,30.00 EUR\n")
        try write(shop, "app.json", #"{"products": [{"id": "BA-1", "price": "11.00 EUR"}, {"id": "BA-2", "price": "20.00 EUR",, ]}"#)
        let report = try shop.audit(channels: """
              merchant: { kind: feed, source: merchant.csv }
              app: { kind: feed, source: app.json }
            """)
        #expect(report.coverage["app"]?.products == 1)
        #expect(report.findings.map(\.rule) == ["price-mismatch"])
        #expect(report.gate.exitCode == 2)
        #expect(report.gate.reasons.contains { $0.contains("app: reading app.json stopped at line 1, column ") && $0.contains("malformed JSON") })
    }
}

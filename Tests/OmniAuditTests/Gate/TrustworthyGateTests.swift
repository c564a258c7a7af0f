import AuditModel
import Foundation
import OmniAudit
import Report
import Testing

/// The reproductions of a gate that could not be trusted: each failed on the earlier main.
@Suite struct TrustworthyGateTests {
    func item(_ id: String?, price: String?, gtin: String? = nil, url: String? = nil, currency: String? = nil,
              status: String? = nil) -> [String: String?] {
        ["id": id, "price": price, "gtin": gtin, "url": url, "currency": currency, "status": status]
    }

    @Test("two saved pages without any identifier: no crash, problems named, the web channel is incomplete")
    func keylessPagesAreProblemsNotACrash() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        for name in ["a", "b"] {
            try shop.page("\(name).html", """
                <html><head><title>Lamp \(name)</title><script type="application/ld+json">{"@type": "Product",
                "name": "Lamp \(name)", "offers": {"price": "49.90", "priceCurrency": "EUR"}}</script></head>
                <body><h1>Lamp \(name)</h1><div class="price">49,90 €</div></body></html>
                """)
        }
        try shop.feed("app", [item("L-1", price: "49.90")])
        let report = try shop.audit(channels: """
              web:
                kind: web
                urls: [pages]
            """ + "\n" + ShopFolder.feedChannel("app"))
        #expect(report.coverage["web"]?.products == 0)
        #expect(report.gate.exitCode == 2 && !report.gate.passed)
        #expect(report.gate.reasons.contains { $0.hasPrefix("web: read 2 inputs but found no product") })
        #expect(!report.products.keys.contains { $0.contains("unidentified") })
        let problems = report.coverage["web"]?.problems.filter { $0.message.contains("cannot be matched") } ?? []
        #expect(problems.map(\.source) == ["pages/a.html", "pages/b.html"])
    }

    @Test("10.00 / 10.01 / 10.02 with tolerance 0.01: every channel agrees with 10.01, no finding")
    func valuesWithinToleranceOfTheExpectedAreNeverFindings() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        for (name, price) in [("a", "10.00"), ("b", "10.01"), ("c", "10.02")] { try shop.feed(name, [item("S-1", price: price)]) }
        let report = try shop.audit(channels: ["a", "b", "c"].map { ShopFolder.feedChannel($0) }.joined(separator: "\n"),
                                    extra: "rules: { price-mismatch: { tolerance: \"0.01\" } }")
        #expect(report.findings.isEmpty)
        #expect(report.gate.exitCode == 0 && report.gate.passed, "\(report.gate.reasons)")
    }

    @Test("tolerance \"20%\" is a percentage of the expected price")
    func percentToleranceIsRelative() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("S-1", price: "100.00"), item("S-2", price: "100.00")])
        try shop.feed("app", [item("S-1", price: "115.00"), item("S-2", price: "125.00")])
        let report = try shop.audit(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"),
                                    extra: "reference: web\nrules: { price-mismatch: { tolerance: \"20%\" } }")
        #expect(report.findings.map(\.product) == ["sku:S-2"])
        #expect(report.findings.first?.message == "Price differs: app shows 125.00 EUR (+25.00 EUR, +25.0 %) where the reference channel web shows 100.00 EUR.")
    }

    @Test("two items of one SKU in one channel are one vote and their own finding")
    func aChannelThatDisagreesWithItselfIsReportedAndDoesNotOutvote() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("S-1", price: "100.00"), item("S-1", price: "120.00")])
        let alone = try shop.audit(channels: ShopFolder.feedChannel("web"))
        #expect(alone.findings.map(\.rule) == ["channel-internal-conflict"])
        #expect(alone.findings.first?.message == "web shows different price values for the same product: "
            + "100.00 EUR at web.json; 120.00 EUR at web.json.")
        try shop.feed("app", [item("S-1", price: "100.00")])
        try shop.feed("web", [item("S-1", price: "100.00"), item("S-1", price: "120.00"), item("S-1", price: "100.00")])
        let withApp = try shop.audit(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"))
        // web votes 100.00 (two of its three items): it agrees with the app; the 120.00 item is web's own conflict.
        #expect(withApp.findings.map(\.rule) == ["channel-internal-conflict"])
        #expect(!withApp.findings.contains { $0.message.contains("where web shows") })
    }

    @Test("a page bridging SKU-1 (by GTIN) and SKU-2 (by URL) does not merge them")
    func refusedBridgeIsAmbiguousIdentity() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("app", [item("SKU-1", price: "10.00", gtin: "4006381333931"),
                              item("SKU-2", price: "20.00", url: "https://shop.example/p/2")])
        try shop.feed("web", [item(nil, price: "10.00", gtin: "4006381333931", url: "https://www.shop.example/p/2/")])
        let report = try shop.audit(channels: ShopFolder.feedChannel("app") + "\n" + ShopFolder.feedChannel("web"))
        #expect(Set(report.findings.map(\.rule)) == ["ambiguous-identity", "missing-in-channel"])
        #expect(!report.findings.contains { $0.rule == "price-mismatch" })
        let missing = try #require(report.findings.first { $0.rule == "missing-in-channel" })
        #expect(missing.product == "sku:SKU-2" && missing.message == "Listed in app but missing from web.")
        let ambiguous = try #require(report.findings.first { $0.rule == "ambiguous-identity" })
        #expect(ambiguous.product == "sku:SKU-1" && ambiguous.observations.map(\.value) == ["sku:SKU-1", "sku:SKU-2"])
    }

    @Test("a channel in another currency is a currency-mismatch, unless declared; prices still compared per currency")
    func otherCurrencyIsNeverASilentSkip() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("S-1", price: "10.00")])
        try shop.feed("app", [item("S-1", price: "12.00")])
        try shop.feed("us", [item("S-1", price: "11.00", currency: "USD")])
        let channels = ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app") + "\n"
        let undeclared = try shop.audit(channels: channels + ShopFolder.feedChannel("us"))
        #expect(Set(undeclared.findings.map(\.rule)) == ["currency-mismatch", "price-mismatch"])
        #expect(undeclared.findings.first { $0.rule == "currency-mismatch" }?.observations.filter { !$0.expected }.map(\.channel) == ["us"])
        let declared = try shop.audit(channels: channels + ShopFolder.feedChannel("us", extra: "currency: USD"))
        #expect(declared.findings.map(\.rule) == ["price-mismatch"])
    }

    @Test("a typo in the price mapping makes the audit incomplete, naming the mapping")
    func mappingTypoIsIncomplete() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("S-1", price: "10.00")])
        try shop.feed("app", [item("S-1", price: "12.00")])
        let report = try shop.audit(channels: ShopFolder.feedChannel("web") + "\n"
            + ShopFolder.feedChannel("app", fields: "{ sku: id, price: prize }"))
        #expect(report.findings.filter { $0.rule == "price-mismatch" }.isEmpty)
        #expect(report.gate.exitCode == 2 && !report.complete)
        #expect(report.gate.reasons == ["app: only 0 of 1 products carry price (gate.min-field-coverage 0.50); fields.price is \"prize\""])
    }

    @Test("two channels with products but none in common: incomplete, pointing at match")
    func disjointChannelsAreIncomplete() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("W-1", price: "10.00"), item("W-2", price: "10.00")])
        try shop.feed("app", [item("item_1", price: "10.00"), item("item_2", price: "10.00")])
        let report = try shop.audit(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"))
        #expect(report.comparisons.multiChannel == 0 && report.comparisons.singleChannel == 4)
        #expect(report.gate.exitCode == 2 && !report.gate.passed)
        #expect(report.gate.reasons.first?.hasPrefix("web and app share no product: nothing could be compared; check `match`") == true, "\(report.gate.reasons)")
    }

    @Test("fingerprints survive moved prices, a duplicate item and a reordered match")
    func fingerprintsAreStable() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        let fields = "{ sku: id, gtin: gtin, url: url, price: price, availability: status }"
        let channels = ShopFolder.feedChannel("web", fields: fields) + "\n" + ShopFolder.feedChannel("app", fields: fields)
        try shop.feed("web", [item("S-1", price: "10.00", gtin: "4006381333931"), item("S-2", price: "5.00", status: "in stock")])
        try shop.feed("app", [item("S-1", price: "12.00", gtin: "4006381333931"), item("S-2", price: "5.00", status: "out of stock")])
        let before = try shop.audit(channels: channels)
        try shop.feed("web", [item("S-1", price: "10.50", gtin: "4006381333931"), item("S-2", price: "5.00", status: "in stock"),
                              item("S-2", price: "5.00", status: "in stock")])
        try shop.feed("app", [item("S-1", price: "13.00", gtin: "4006381333931"), item("S-2", price: "5.00", status: "out of stock")])
        let after = try shop.audit(channels: channels, match: "[gtin, url, sku]")
        #expect(before.findings.count == 2)
        #expect(Set(before.findings.map(\.fingerprint)) == Set(after.findings.map(\.fingerprint)))
        #expect(Set(before.findings.map(\.product)) == ["sku:S-1", "sku:S-2"])
    }

    @Test("a suppression by fingerprint suppresses exactly that finding")
    func suppressionByFingerprint() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [item("S-1", price: "10.00"), item("S-2", price: "10.00")])
        try shop.feed("app", [item("S-1", price: "12.00"), item("S-2", price: "12.00")])
        let channels = ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app")
        let first = try shop.audit(channels: channels)
        let target = try #require(first.findings.first { $0.product == "sku:S-2" })
        let second = try shop.audit(channels: channels, extra: """
            suppressions:
              - { fingerprint: "\(target.fingerprint)", reason: "price change scheduled" }
            """)
        #expect(second.findings.map(\.status) == [.new, .suppressed])
        #expect(second.findings.first { $0.status == .suppressed }?.product == "sku:S-2")
    }

    @Test("a page missing from a saved copy of the site names the local file tried")
    func mirrorMissNamesTheFile() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.page("a.html", """
            <html><head><script type="application/ld+json">{"@type": "Product", "sku": "S-1",
            "offers": {"price": "10.00", "priceCurrency": "EUR"}}</script></head><body></body></html>
            """)
        try """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://shop.example/a.html</loc></url>
            <url><loc>https://shop.example/missing.html</loc></url></urlset>
            """.write(toFile: shop.path + "/sitemap.xml", atomically: true, encoding: .utf8)
        try shop.feed("app", [item("S-1", price: "10.00")])
        let report = try shop.audit(channels: """
              web:
                kind: web
                sitemaps: [sitemap.xml]
                mirror: { "https://shop.example/": pages }
            """ + "\n" + ShopFolder.feedChannel("app"))
        let failed = try #require(report.coverage["web"]?.failed.first)
        #expect(failed.input == "https://shop.example/missing.html")
        #expect(failed.reason.hasSuffix("(mirror file tried: pages/missing.html)"), "\(failed.reason)")
    }

    @Test("without items:, a JSON feed's items are found where they are (here the top-level array)")
    func topLevelArrayFound() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try Data(#"[{"id": "S-1", "price": "10.00"}]"#.utf8).write(to: URL(fileURLWithPath: shop.path + "/app.json"))
        let report = try shop.audit(channels: """
              app:
                kind: feed
                source: app.json
                fields: { sku: id, price: price }
            """)
        #expect(report.coverage["app"]?.failed == [])
        #expect(report.coverage["app"]?.products == 1)
        #expect(report.products.keys.contains("sku:S-1"))
    }
}

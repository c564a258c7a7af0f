import AuditModel
import Reconcile
import Testing

@Suite struct MatcherTests {
    func observation(_ channel: String, sku: String? = nil, gtin: String? = nil, url: String? = nil) -> Observation {
        Observation(channel: channel, key: ProductKey(sku: sku, gtin: gtin, url: url))
    }

    @Test func linksBySkuThenGtinThenURL() {
        let products = Matcher(fields: [.sku, .gtin, .url]).match([
            observation("web", sku: "A", gtin: "1"),
            observation("web", gtin: "2", url: "https://s/b"),
            observation("web", url: "https://s/c"),
            observation("app", sku: "A"),
            observation("app", sku: "B", gtin: "2"),
            observation("app", url: "https://s/c"),
            observation("app", sku: "Z"),
        ])
        #expect(products.map(\.id) == ["sku:A", "sku:B", "url:https://s/c", "sku:Z"])
        #expect(products.map { $0.observations.count } == [2, 2, 2, 1])
    }

    @Test func onlyConfiguredFieldsLink() {
        let products = Matcher(fields: [.sku]).match([observation("web", sku: "A", gtin: "1"), observation("app", sku: "B", gtin: "1")])
        #expect(products.count == 2)
    }

    @Test func variantsSharingAPageURLStaySeparate() {
        let products = Matcher(fields: [.sku, .gtin, .url]).match([
            observation("web", sku: "M-S", url: "https://s/maglia"), observation("web", sku: "M-L", url: "https://s/maglia"),
            observation("app", sku: "M-S"), observation("app", url: "https://s/maglia"),
        ])
        #expect(products.map(\.id) == ["sku:M-S", "sku:M-L"])
        #expect(products.map { $0.observations.count } == [3, 1])
    }

    @Test func aPageShowingOneVariantMatchesThatVariantOnly() {
        func variant(_ channel: String, sku: String? = nil, size: String) -> Observation {
            var observation = observation(channel, sku: sku, url: "https://s/maglia")
            observation.variant = ["size": size, "color": "Blu"]
            return observation
        }
        for order in [["S", "L", "page"], ["page", "S", "L"], ["L", "page", "S"]] {
            let observations = order.map { name in
                name == "page" ? variant("web", size: " l ") : variant("merchant", sku: "M-\(name)", size: name)
            }
            let products = Matcher(fields: [.sku, .gtin, .url]).match(observations)
            let withPage = products.first { $0.observations.contains { $0.channel == "web" } }
            #expect(withPage?.id == "sku:M-L", "\(order)")
            #expect(withPage?.observations.count == 2)
            #expect(products.allSatisfy { $0.refusedLinks.isEmpty })
        }
        // Without a stated size the page still never joins the whole group: the second variant is refused.
        let plain = Matcher(fields: [.sku, .url]).match([
            observation("web", url: "https://s/maglia"), variant("merchant", sku: "M-S", size: "S"), variant("merchant", sku: "M-L", size: "L"),
        ])
        #expect(plain.map { $0.observations.count } == [2, 1])
    }

    @Test func transitiveLinksFormOneProduct() {
        let products = Matcher(fields: [.sku, .gtin]).match([
            observation("web", sku: "A"), observation("app", sku: "A", gtin: "9"), observation("merchant", gtin: "9"),
        ])
        #expect(products.count == 1)
        #expect(products[0].channels == ["web", "app", "merchant"])
    }

    @Test func urlsMatchAcrossSchemeWwwTrailingSlashAndQueryOrder() {
        let products = Matcher(fields: [.url]).match([
            observation("web", url: "https://www.shop.example/p/lamp/?colour=red&size=m"),
            observation("app", url: "http://shop.example/p/lamp?size=m&colour=red&utm_source=app"),
            observation("feed", url: "https://SHOP.example:443/p/lamp?colour=red&size=m#reviews"),
        ])
        #expect(products.count == 1)
    }

    @Test func refIdentifiesAProductUnlessConfiguredAsTracking() {
        let observations = [observation("web", url: "https://s/p?ref=1"), observation("app", url: "https://s/p?ref=2")]
        #expect(Matcher(fields: [.url]).match(observations).count == 2)
        #expect(Matcher(fields: [.url], urls: IdentityURL(trackingParameters: ["ref"])).match(observations).count == 1)
    }

    @Test func aGroupNeverGetsTwoSkusEvenThroughABridge() {
        let products = Matcher(fields: [.sku, .gtin, .url]).match([
            observation("app", sku: "S1", gtin: "1"),
            observation("web", gtin: "1", url: "https://s/two"),
            observation("app", sku: "S2", url: "https://s/two"),
        ])
        #expect(products.map(\.id) == ["sku:S1", "sku:S2"])
        #expect(products[0].refusedLinks.map(\.other) == ["sku:S2"])
        #expect(products[0].refusedLinks.first?.conflict == .sku)
    }

    @Test func idsAreUniqueAndIndependentOfMatchOrder() {
        let observations = [
            observation("web", sku: "A", gtin: "1"), observation("app", gtin: "1"),
            observation("web", sku: "A", gtin: "2"),  // sku not matched on below: two products would share "sku:A"
        ]
        let byGtin = Matcher(fields: [.gtin]).match(observations)
        #expect(byGtin.map(\.id) == ["sku:A", "sku:A#2"])
        #expect(Matcher(fields: [.gtin, .sku]).match([observations[0], observations[1]]).map(\.id)
            == Matcher(fields: [.sku, .gtin]).match([observations[0], observations[1]]).map(\.id))
    }
}

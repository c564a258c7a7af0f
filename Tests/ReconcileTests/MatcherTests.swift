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

    @Test func transitiveLinksFormOneProduct() {
        let products = Matcher(fields: [.sku, .gtin]).match([
            observation("web", sku: "A"), observation("app", sku: "A", gtin: "9"), observation("merchant", gtin: "9"),
        ])
        #expect(products.count == 1)
        #expect(products[0].channels == ["web", "app", "merchant"])
    }
}

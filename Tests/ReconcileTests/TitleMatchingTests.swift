import AuditModel
import Foundation
import Reconcile
import Testing

@Suite struct TitleMatchingTests {
    func observation(_ channel: String, sku: String? = nil, title: String, price: String? = nil) -> Observation {
        var observation = Observation(channel: channel, key: ProductKey(sku: sku))
        let evidence = Evidence(source: channel, locator: "x", raw: title)
        observation.title = Observed(title, evidence)
        if let price { observation.price = Observed(Money(amount: Decimal(string: price)!, currency: "EUR"), evidence) }
        return observation
    }

    @Test(arguments: [
        ("Tazzina «Caffè» — 6 pz.", "tazzina caffe 6 pz"),
        ("ＴＡＺＺＩＮＡ  caffè", "tazzina caffe"),  // full-width letters (NFKC)
        ("Set ٦ tazzine", "set 6 tazzine"),  // Arabic-Indic digit
        ("Set ۶ tazzine", "set 6 tazzine"),  // Extended Arabic-Indic digit
        ("Olio d'oliva   500ml!", "olio d oliva 500ml"),
        ("Crème brûlée", "creme brulee"),
        ("!!!", ""),
    ])
    func normalizes(title: String, key: String) {
        #expect(TitleKey.normalize(title) == key)
    }

    @Test func joinsChannelsWhoseOnlySharedFactIsTheName() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("web", title: "Tazzina «Caffè»"),
            observation("app", sku: "item_27", title: "tazzina caffe"),
        ])
        #expect(products.count == 1)
        #expect(products.first?.id == "sku:item_27")
        #expect(products.first?.matchedByTitle == true)
    }

    @Test func titlesAreNotUsedUnlessConfigured() {
        let products = Matcher(fields: [.sku]).match([observation("web", title: "Mug"), observation("app", sku: "A", title: "Mug")])
        #expect(products.count == 2)
        #expect(products.allSatisfy { !$0.matchedByTitle })
    }

    @Test func lookAlikesInOneChannelAreNeverJoinedByTitle() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("app", sku: "A", title: "Mug"),
            observation("app", sku: "B", title: "Mug"),
            observation("web", title: "Mug"),
        ])
        #expect(products.count == 3)
        #expect(products.allSatisfy { !$0.matchedByTitle })
    }

    @Test func aTitleNeverJoinsTwoDifferentSkus() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("web", sku: "A", title: "Mug"), observation("app", sku: "B", title: "Mug"),
        ])
        #expect(products.count == 2)
    }

    @Test func similarButDifferentNamesStayApart() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("web", title: "Mug blue"), observation("app", sku: "A", title: "Mug blue XL"),
        ])
        #expect(products.map(\.id) == ["title:mug blue", "sku:A"])
    }

    @Test func productsAlreadyMatchedByIdAreNotMarkedAsMatchedByTitle() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("web", sku: "A", title: "Mug"), observation("app", sku: "A", title: "Mug"),
        ])
        #expect(products.count == 1)
        #expect(products.first?.matchedByTitle == false)
    }

    @Test func findingsOfATitleMatchSaySo() {
        let products = Matcher(fields: [.sku], matchTitles: true).match([
            observation("web", title: "Mug", price: "10.00"), observation("app", sku: "A", title: "MUG", price: "12.00"),
        ])
        let context = RuleContext(channels: ["web", "app"], reference: nil, fullCatalogChannels: [], unreadableChannels: [],
                                  failedInputs: [:], settings: [:], asOf: nil, declaredCurrencies: [:])
        let findings = Reconciler(context: context, day: "2026-11-23").findings(products: products, coverage: [])
        #expect(findings.map(\.rule) == ["price-mismatch"])
        #expect(findings.first?.message.hasSuffix("(Matched by title.)") == true)
    }
}

@Suite struct VariantMatchingTests {
    func variant(_ channel: String, sku: String?, group: String?, title: String) -> Observation {
        var observation = Observation(channel: channel, key: ProductKey(sku: sku))
        observation.title = Observed(title, Evidence(source: channel, locator: "x", raw: title))
        observation.group = group
        return observation
    }

    @Test func aPageShowingOneVariantMatchesThatVariantNeverTheGroup() {
        let products = Matcher(fields: [.sku, .gtin, .url], matchTitles: true).match([
            variant("merchant", sku: "CUS-M", group: "CUS", title: "Cuscino in velluto"),
            variant("merchant", sku: "CUS-L", group: "CUS", title: "Cuscino in velluto"),
            variant("web", sku: "CUS-L", group: "CUS", title: "Cuscino in velluto"),
            variant("app", sku: nil, group: "CUS", title: "Cuscino in velluto"),  // one title for two variants: never joined
        ])
        #expect(products.map(\.id) == ["sku:CUS-M", "sku:CUS-L", "title:cuscino in velluto"])
        #expect(products[1].channels == ["merchant", "web"])
        #expect(products.allSatisfy { !$0.matchedByTitle })
    }
}

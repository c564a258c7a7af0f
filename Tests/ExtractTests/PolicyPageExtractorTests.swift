import AuditModel
import Extract
import Foundation
import Testing

/// The demo shop's policy pages read into the shop's terms, line by line, as the `terms` channel reads them.
@Suite struct PolicyPageExtractorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/demo-shop/web")

    @Test func theDemoPolicyPagesStateTheShopsTerms() throws {
        let extractor = PolicyPageExtractor(channel: "policy", defaultCurrency: "EUR", locale: "it-IT")
        var terms = ShopTerms(channel: "policy")
        for page in ["spedizioni.html", "resi.html"] {
            let problems = extractor.extract(try Data(contentsOf: Self.folder.appendingPathComponent(page)), source: page, into: &terms)
            #expect(problems.isEmpty, "\(page): \(problems)")
        }
        let shipping = try #require(terms.shipping?.value)
        #expect(shipping.cost == Money(amount: Decimal(string: "4.90")!, currency: "EUR"))
        #expect(shipping.freeOver == Money(amount: 49, currency: "EUR"))
        #expect(shipping.minDays == 2 && shipping.maxDays == 4 && shipping.isFree == false)
        #expect(terms.returns?.value == ReturnTerms(days: 30, isFree: true))
        #expect(terms.paymentMethods?.value == ["bank_transfer", "mastercard", "paypal", "satispay", "visa"])
        #expect(terms.shipping?.evidence.source == "spedizioni.html")
    }

    @Test func aPageWithoutTermsIsAProblem() {
        var terms = ShopTerms(channel: "policy")
        let html = Data("<html><body><main><h1>Chi siamo</h1><p>Una bottega fiorentina dal 1962.</p></main></body></html>".utf8)
        let problems = PolicyPageExtractor(channel: "policy", defaultCurrency: "EUR", locale: "it-IT")
            .extract(html, source: "chi-siamo.html", into: &terms)
        #expect(problems.map(\.message) == ["no shipping, returns or payment terms found on the policy page"])
        #expect(terms.shipping == nil && terms.returns == nil && terms.paymentMethods == nil)
    }

    @Test func aProductPageTermsBoxStatesStorePickup() throws {
        let html = Data("""
            <html><head><script type="application/ld+json">{"@type":"Product","sku":"P-1","offers":{"price":"9.90","priceCurrency":"EUR"}}</script>
            </head><body><h1>P</h1><aside class="shipping-box"><ul><li>Spedizione in 2-4 giorni</li>
            <li>Ritiro in negozio disponibile</li></ul></aside></body></html>
            """.utf8)
        let page = PageExtractor(channel: "web").extract(html, source: "p.html")
        let pickup = try #require(page.observations.first?.pickup)
        #expect(pickup.value && pickup.evidence.raw == "Ritiro in negozio disponibile")
    }
}

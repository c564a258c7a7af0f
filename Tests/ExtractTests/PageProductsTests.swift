import AuditModel
import Extract
import Foundation
import Testing

/// Which products of a page take the page's URL, and prices that themes split over several elements.
@Suite struct PageProductsTests {
    func extract(_ body: String, head: String = "") -> PageExtraction {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
        return PageExtractor(channel: "web", defaultCurrency: "EUR").extract(Data(html.utf8), source: "https://shop.it/p/tazza.html")
    }

    static func tile(_ name: String, price: String, url: String? = nil) -> String {
        """
        <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">\(name)</span>\
        \(url.map { "<link itemprop=\"url\" href=\"\($0)\">" } ?? "")\
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="\(price)">\
        <meta itemprop="priceCurrency" content="EUR"></div></div>
        """
    }

    @Test func relatedProductsKeepTheirOwnURLAndATileWithoutIdentifiersIsNoProductOfThePage() throws {
        // The page's product, then a carousel: one tile with its own URL, one with none. Given the page's URL, the
        // tiles were joined with the product, and their prices called a conflict of the page.
        let result = extract("""
            <h1>Tazza blu</h1>
            <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Tazza blu</span><meta itemprop="sku" content="BA-1">
            <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="49.90">
            <meta itemprop="priceCurrency" content="EUR"></div><div class="product-price"><span class="price">49,90 €</span></div></div>
            <div class="also-bought">\(Self.tile("Piatto", price: "19.90"))\(Self.tile("Ciotola", price: "9.90", url: "https://shop.it/p/ciotola.html"))</div>
            """, head: "<link rel=\"canonical\" href=\"https://shop.it/p/tazza.html\">")
        #expect(result.observations.map(\.key) == [ProductKey(sku: "BA-1", url: "https://shop.it/p/tazza.html"),
                                                   ProductKey(url: "https://shop.it/p/ciotola.html")])
        #expect(result.observations.map(\.title?.value) == ["Tazza blu", "Ciotola"])
    }

    @Test func whenThePageCannotTellWhichProductItIsAboutEveryProductTakesItsURL() {
        // Two products and nothing naming either as the page's: as before, both are at the page's URL.
        let result = extract(Self.tile("Piatto", price: "19.90") + Self.tile("Ciotola", price: "9.90"))
        #expect(result.observations.map(\.key.url) == ["https://shop.it/p/tazza.html", "https://shop.it/p/tazza.html"])
    }

    @Test(arguments: [
        ("<div class=\"price\">$229<span class=\"cents\">99</span></div>", "229.99"),
        ("<span class=\"a-price\"><span aria-hidden=\"true\"><span class=\"a-price-symbol\">$</span><span class=\"a-price-whole\">87"
            + "<span class=\"a-price-decimal\">.</span></span><span class=\"a-price-fraction\">11</span></span></span>", "87.11"),
        ("<span class=\"price\">1.229<sup>99</sup> $</span>", "1229.99"),
        ("<span class=\"price\">$ 229 <small>incl. tax</small></span>", "229.00"),
    ])
    func aPriceSplitOverElementsIsReadAsTheCustomerSeesIt(block: String, amount: String) throws {
        let result = extract("<h1>Tazza</h1>" + block, head: """
            <script type="application/ld+json">{"@type":"Product","name":"Tazza","sku":"BA-1",
            "offers":{"price":"\(amount)","priceCurrency":"USD"}}</script>
            """)
        let observation = try #require(result.observations.first)
        let visible = (observation.claims ?? []).filter { $0.syntax == .visible }.map(\.price.value)
        #expect(visible == [Money(amount: Decimal(string: amount)!, currency: "USD")])
    }

    @Test func amongSeveralOffersThePriceIsTheOneThePageShows() throws {
        // A store-card price and an online price, in that order in the markup; the page sells at the online one.
        let result = extract("<h1>Cama</h1><div class=\"item-price offer-price\">$229.990</div>", head: """
            <script type="application/ld+json">{"@type":"Product","name":"Cama","sku":"579695999",
            "offers":[{"price":"249990","priceCurrency":"CLP"},{"price":"229990","priceCurrency":"CLP"}]}</script>
            """)
        let observation = try #require(result.observations.first)
        #expect(observation.price?.value == Money(amount: 229990, currency: "CLP"))
        #expect(observation.price?.evidence.locator == "json-ld[0].offers[1].price")
    }

    @Test func whatARelatedProductsMarkupLacksIsNotThisPagesProblem() {
        // A carousel tile without offers: its own page reports that; the page's own product without offers is reported.
        let tile = "<div class=\"related\"><div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">Piatto</span>"
            + "<link itemprop=\"url\" href=\"https://shop.it/p/piatto.html\"></div></div>"
        let related = extract("<h1>Tazza blu</h1>" + Self.tile("Tazza blu", price: "49.90") + tile)
        #expect(related.observations.map(\.title?.value) == ["Tazza blu", "Piatto"])
        #expect(!related.problems.contains { $0.message == "Product has no offers" })
        let own = extract("<h1>Tazza blu</h1><div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">Tazza blu</span></div>")
        #expect(own.problems.map(\.description) == ["https://shop.it/p/tazza.html: microdata[0]: Product has no offers"])
    }

    @Test func onAnAuctionTheMarkupsPriceIsTheStartingPriceNotComparedWithTheBid() throws {
        let result = extract("""
            <h1>Pillows, pair</h1><div class="price">$200</div><span>2 bids</span>
            """, head: """
            <script type="application/ld+json">{"@type":"Product","name":"Pillows, pair","sku":"93133869",
            "offers":{"price":150,"priceCurrency":"USD"}}</script>
            """)
        let observation = try #require(result.observations.first)
        #expect(observation.price?.value == Money(amount: 200, currency: "USD"))
        let roles = (observation.claims ?? []).map { "\($0.syntax.rawValue) \($0.role.rawValue) \($0.price.value.amount)" }
        #expect(roles == ["json-ld starting 150", "visible current 200"])
    }

    @Test func anHTMLEscapedNameInJSONLDIsReadAsThePageShowsIt() throws {
        let result = extract("<h1>Cama Eloísa</h1>", head: """
            <script type="application/ld+json">{"@type":"Product","name":"Cama Elo&iacute;sa &amp; Co &#8211; 1&#x2F;2 &bogus; A&B",
            "sku":"579695999","offers":{"price":"229990","priceCurrency":"CLP"}}</script>
            """)
        let title = try #require(result.observations.first?.title)
        #expect(title.value == "Cama Eloísa & Co – 1/2 &bogus; A&B")
        #expect(title.evidence.raw == "Cama Elo&iacute;sa &amp; Co &#8211; 1&#x2F;2 &bogus; A&B")
    }
}

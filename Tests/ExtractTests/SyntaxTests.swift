import AuditModel
import Extract
import Foundation
import Testing

/// Each markup syntax on its own, and together on one page.
@Suite struct SyntaxTests {
    func extract(_ html: String, selectors: PageSelectors? = nil) -> PageExtraction {
        PageExtractor(channel: "web", defaultCurrency: "EUR", decimalSeparator: ",", selectors: selectors)
            .extract(Data(html.utf8), source: "https://shop.it/p/x.html")
    }

    @Test func microdataWithNestedOffersItemrefAndContentAttributes() throws {
        let result = extract("""
            <html><body><div itemscope itemtype="https://schema.org/Product" itemref="extra">
              <h1 itemprop="name">Lampada Vietri</h1><meta itemprop="sku" content="BA-9">
              <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                <span itemprop="price" content="129.00">129,00 €</span><meta itemprop="priceCurrency" content="EUR">
                <link itemprop="availability" href="https://schema.org/OutOfStock">
              </div></div>
            <p id="extra"><span itemprop="gtin13">8054321010035</span></p></body></html>
            """)
        let observation = try #require(result.observations.first)
        #expect(result.observations.count == 1)
        #expect(observation.key.sku == "BA-9" && observation.key.gtin == "08054321010035")
        #expect(observation.price?.value.amountString == "129.00")
        #expect(observation.price?.evidence.locator == "microdata[0].offers.price")
        #expect(observation.availability?.value == .outOfStock)
    }

    @Test func rdfaLite() throws {
        let result = extract("""
            <html><body><div vocab="https://schema.org/" typeof="Product">
              <h1 property="name">Candela</h1><span property="sku">BA-7</span>
              <div property="offers" typeof="Offer"><span property="price" content="19.90">19,90 €</span>
              <meta property="priceCurrency" content="EUR"><link property="availability" href="https://schema.org/InStock"></div>
            </div></body></html>
            """)
        let observation = try #require(result.observations.first)
        #expect(observation.key.sku == "BA-7")
        #expect(observation.price?.value.amountString == "19.90")
        #expect(observation.price?.evidence.locator == "rdfa[0].offers.price")
        #expect(observation.availability?.value == .inStock)
    }

    @Test func openGraphProductMetasAlone() throws {
        let result = extract("""
            <html><head><meta property="og:type" content="product"><meta property="og:title" content="Sciarpa">
            <meta property="product:price:amount" content="35.00"><meta property="product:price:currency" content="EUR">
            <meta property="product:retailer_item_id" content="BA-5"><meta property="product:availability" content="in stock">
            </head><body><h1>Sciarpa</h1></body></html>
            """)
        let observation = try #require(result.observations.first)
        #expect(observation.key.sku == "BA-5")
        #expect(observation.price?.evidence.locator == "meta[property=product:price:amount]")
        #expect(observation.availability?.value == .inStock)
    }

    @Test func allSyntaxesOnOnePageMergeIntoOneProductWithEveryClaim() throws {
        let result = extract("""
            <html><head><meta property="og:type" content="product"><meta property="og:price:amount" content="0">
            <meta property="og:price:currency" content="EUR">
            <script type="application/ld+json">{"@type":"Product","name":"Tazza","sku":"BA-1","offers":{"price":"49.90","priceCurrency":"EUR"}}</script>
            </head><body><div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Tazza</span>
            <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="49.90"><meta itemprop="priceCurrency" content="EUR"></div></div>
            <h1>Tazza</h1><div class="product-price"><span class="price price--sale">44,90 €</span><s class="price price--regular">59,90 €</s></div>
            <div class="related"><span class="price">9,90 €</span></div></body></html>
            """)
        #expect(result.observations.count == 1)
        let observation = try #require(result.observations.first)
        let claims = (observation.claims ?? []).map { "\($0.syntax.rawValue)/\($0.role.rawValue)/\($0.price.value.amountString)" }
        #expect(claims == ["json-ld/current/49.90", "microdata/current/49.90", "opengraph/current/0.00",
                           "visible/current/44.90", "visible/list/59.90"])
        #expect(observation.price?.value.amountString == "49.90")
        #expect(observation.listPrice?.value.amountString == "59.90")
    }

    @Test func configuredSelectorsWinOverHeuristics() throws {
        let html = """
            <html><body><script type="application/ld+json">{"@type":"Product","sku":"A","offers":{"price":"10.00","priceCurrency":"EUR"}}</script>
            <h1>A</h1><div class="price"><b class="now">12,00 €</b></div><div id="real"><span class="amount">11,00 €</span></div></body></html>
            """
        let selectors = PageSelectors(price: try CSSSelector.xpath("#real .amount"))
        let observation = try #require(extract(html, selectors: selectors).observations.first)
        #expect(observation.price?.value.amountString == "11.00")
        #expect(observation.price?.evidence.locator.hasPrefix("span.amount") == true)
    }

    @Test func productGroupsYieldOneObservationPerVariant() throws {
        let result = extract("""
            <script type="application/ld+json">{"@type":"ProductGroup","name":"Maglia","productGroupID":"M1","variesBy":"size",
            "hasVariant":[{"@type":"Product","sku":"M1-S","offers":{"price":"29.00","priceCurrency":"EUR"}},
                          {"@type":"Product","sku":"M1-L","offers":{"price":"31.00","priceCurrency":"EUR","availability":"OutOfStock"}}]}</script>
            """)
        #expect(result.observations.map(\.key.sku) == ["M1-S", "M1-L"])
        #expect(result.observations.map(\.group) == ["M1", "M1"])
        #expect(result.observations.map(\.title?.value) == ["Maglia", "Maglia"])
        #expect(result.observations[1].availability?.value == .outOfStock)
    }

    @Test func offerVariantsAndSpecifications() throws {
        let result = extract("""
            <script type="application/ld+json">{"@type":"Product","sku":"P","gtin13":"8054321010036","offers":{"@type":"Offer","price":"49.90","priceCurrency":"EUR",
              "priceSpecification":[{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":"59.90","priceCurrency":"EUR"}]}}</script>
            <script type="application/ld+json">{"@type":"Product","sku":"R","offers":{"@type":"AggregateOffer","lowPrice":"9.90","highPrice":"19.90","priceCurrency":"EUR"}}</script>
            """)
        let first = try #require(result.observations.first)
        #expect(first.listPrice?.value.amountString == "59.90")
        #expect(first.key.gtin == nil)
        #expect(result.problems.contains { $0.message.contains("invalid check digit") })
        // An AggregateOffer is read as its lowest price ("as low as"), as Google Shopping reads it.
        #expect(result.observations[1].price?.value.amountString == "9.90")
        #expect(result.observations[1].price?.evidence.locator == "json-ld[1].offers.lowPrice")
    }

    @Test func concatenatedObjectsAndEscapedKeys() throws {
        let result = extract(#"<script type="application/ld+json">{"\u0040type":"Organization"}{"\u0040type":"Product","sku":"Q","offers":{"price":"1.00","priceCurrency":"EUR"}}</script>"#)
        #expect(result.observations.map(\.key.sku) == ["Q"])
        #expect(result.problems.map(\.message) == ["2 JSON values concatenated in one script: read anyway, but it is not valid JSON"])
        #expect(result.observations.first?.price?.evidence.locator == "json-ld[0]{1}.offers.price")
    }

    @Test func windows1252PagesAreDecoded() throws {
        var bytes = Data("<html><head><meta charset=\"windows-1252\"></head><body><h1>Caff".utf8)
        bytes.append(0xE8)
        bytes.append(contentsOf: Data("</h1><div class=\"price\">12,90 ".utf8))
        bytes.append(0x80)
        bytes.append(contentsOf: Data("</div></body></html>".utf8))
        let observation = try #require(PageExtractor(channel: "web", decimalSeparator: ",").extract(bytes, source: "p.html").observations.first)
        #expect(observation.title?.value == "Caffè")
        #expect(observation.price?.value == Money(amount: Decimal(string: "12.90")!, currency: "EUR"))
    }

    @Test func undeclaredLatin1FallsBackToWindows1252() throws {
        var bytes = Data("<html><body><h1>Perch".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("</h1><p class=\"price\">5,00 EUR</p></body></html>".utf8))
        let observation = try #require(PageExtractor(channel: "web").extract(bytes, source: "p.html").observations.first)
        #expect(observation.title?.value == "Perché")
    }
}

@Suite struct CSSSelectorTests {
    @Test(arguments: [
        (".price--current", "//*[contains(concat(' ', normalize-space(@class), ' '), ' price--current ')]"),
        ("div#buy > span.a", "//div[@id='buy']/span[contains(concat(' ', normalize-space(@class), ' '), ' a ')]"),
        ("[data-price-type=finalPrice]", "//*[@data-price-type='finalPrice']"),
        ("del, s", "//del | //s"),
        ("//span[@itemprop='price']", "//span[@itemprop='price']"),
    ])
    func compilesToXPath(css: String, xpath: String) throws {
        #expect(try CSSSelector.xpath(css) == xpath)
    }

    @Test(arguments: ["", "a:hover", ".", "> a", "[x"])
    func rejectsWhatItCannotCompile(css: String) {
        #expect(throws: CSSSelector.SyntaxError.self) { try CSSSelector.xpath(css) }
    }
}

import AuditModel
import Extract
import Foundation
import Testing

@Suite struct PageExtractorTests {
    func page(_ head: String, body: String = "<h1>Prodotto</h1>") -> Data {
        Data("<!doctype html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>".utf8)
    }

    func extract(_ data: Data) -> PageExtraction {
        PageExtractor(channel: "web", defaultCurrency: "EUR").extract(data, source: "https://shop.it/p/x.html")
    }

    @Test func readsAProductWithOneOffer() throws {
        let result = extract(page("""
            <link rel="canonical" href="https://shop.it/p/x.html?utm_source=a">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Tazza",
            "sku":"BA-1","gtin13":"8054321010035","offers":{"@type":"Offer","price":"49.90","priceCurrency":"EUR",
            "availability":"https://schema.org/InStock"}}</script>
            """))
        let observation = try #require(result.observations.first)
        #expect(result.observations.count == 1 && result.problems.isEmpty)
        #expect(observation.key == ProductKey(sku: "BA-1", gtin: "08054321010035", url: "https://shop.it/p/x.html"))
        #expect(observation.price?.value == Money(amount: Decimal(string: "49.90")!, currency: "EUR"))
        #expect(observation.price?.evidence.locator == "json-ld[0].offers.price")
        #expect(observation.price?.evidence.raw == "49.90")
        #expect(observation.availability?.value == .inStock)
        #expect(result.canonicalURL == "https://shop.it/p/x.html")
    }

    @Test func readsGraphsArraysAndOfferLists() throws {
        let result = extract(page("""
            <script type="application/ld+json">{"@type":"Organization","name":"Shop"}</script>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"BreadcrumbList","itemListElement":[]},
              {"@type":["Product"],"name":"Olio &amp; Aceto","sku":"BA-2","offers":[{"@type":"Offer","price":12.9,
               "priceCurrency":"EUR","availability":"LimitedAvailability"}]}]}</script>
            """))
        let observation = try #require(result.observations.first)
        #expect(observation.key.sku == "BA-2")
        #expect(observation.price?.value.amountString == "12.90")
        #expect(observation.price?.evidence.locator == "json-ld[1].@graph[1].offers[0].price")
        #expect(observation.availability?.value == .limited)
        #expect(observation.key.url == "https://shop.it/p/x.html")
    }

    @Test func aMalformedBlockIsAProblemWithItsPositionAndTheRestIsStillRead() throws {
        let result = extract(page("""
            <script type="application/ld+json">{"@type":"Product", "name": "Broken" "sku": "X"}</script>
            <script type="application/ld+json"><!-- {"@type":"Product","sku":"BA-3",
              "offers":{"price":"5,00 €"}} --></script>
            """))
        #expect(result.observations.map(\.key.sku) == ["BA-3"])
        #expect(result.observations.first?.price?.value.amountString == "5.00")
        let problem = try #require(result.problems.first)
        #expect(problem.position.hasPrefix("json-ld[0] line 1, column"))
        #expect(problem.message.contains("malformed JSON-LD"))
        #expect(result.problems.map(\.position).last == "json-ld[1]")
        #expect(result.problems.last?.message.contains("wrapped in <!-- -->") == true)
    }

    @Test func aPageWithoutProductSaysSo() {
        let result = extract(page("<title>Chi siamo</title>"))
        #expect(result.observations.isEmpty)
        #expect(result.problems.map(\.message) == ["no schema.org Product found on the page"])
    }

    @Test func garbageNeverCrashes() {
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        let result = extract(bytes)
        #expect(result.observations.isEmpty)
        #expect(!result.problems.isEmpty)
        #expect(extract(Data()).problems.first?.message == "empty page")
    }
}

/// The page-level accuracy rules of issue 16, on small pages written for the purpose.
@Suite struct PageAccuracyTests {
    func extract(_ html: String, source: String = "https://shop.example/p/kettle-123") -> PageExtraction {
        PageExtractor(channel: "web").extract(Data(html.utf8), source: source)
    }

    @Test func anyThingWithOffersIsAProduct() {
        let page = extract("""
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,
             "item":{"@type":"Book","name":"A Book","isbn":"9780306406157","offers":{"@type":"Offer","price":"12.50","priceCurrency":"EUR"}}}]}
            </script><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"Event","name":"Concert","offers":{"@type":"Offer","price":"30","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}
            </script></head><body></body></html>
            """)
        #expect(page.observations.compactMap { $0.price?.value.description }.sorted() == ["12.50 EUR", "30.00 EUR"])
    }

    @Test func theMainProductIsTheOneOfThePageNotTheFirstTile() {
        let page = extract("""
            <html><head><link rel="canonical" href="https://shop.example/p/kettle-123">
            <script type="application/ld+json">[
             {"@type":"Product","name":"Toaster","sku":"TOAST-9","url":"https://shop.example/p/toaster-9","offers":{"@type":"Offer","price":"19.00","priceCurrency":"EUR"}},
             {"@type":"Product","name":"Kettle","sku":"KETTLE-123","url":"https://shop.example/p/kettle-123","offers":{"@type":"Offer","price":"39.00","priceCurrency":"EUR"}}
            ]</script></head><body><h1>Kettle</h1></body></html>
            """)
        #expect(page.observations.first?.key.sku == "KETTLE-123")
    }

    @Test func aProductIsBuyableWhenAnyOfItsOffersIs() {
        let page = extract("""
            <script type="application/ld+json">{"@type":"Product","name":"Shoe","offers":[
             {"@type":"Offer","price":"50","priceCurrency":"EUR","availability":"https://schema.org/OutOfStock"},
             {"@type":"Offer","price":"50","priceCurrency":"EUR","availability":"https://schema.org/InStock"}]}</script>
            """)
        #expect(page.observations.first?.availability?.value == .inStock)
    }

    @Test func aPageWithoutMarkupIsReadFromWhatTheCustomerSees() {
        let page = extract("""
            <html lang="nl-NL"><head><title>Waterkoker 1,7 l | Shop</title></head><body>
            <h1>Waterkoker 1,7 l</h1><div class="product-price"><span class="price">€ 24,95</span></div>
            <p class="stock-status">Momenteel niet leverbaar</p><table><tr><th>Artikelnummer</th><td>WK-1700-RVS</td></tr></table>
            </body></html>
            """)
        let product = page.observations.first
        #expect(product?.key.sku == "WK-1700-RVS")
        #expect(product?.title?.value == "Waterkoker 1,7 l")
        #expect(product?.price?.value.description == "24.95 EUR")
        #expect(product?.availability?.value == .outOfStock)
        #expect(page.problems.contains { $0.message == "no structured data: read from the visible page" })
    }

    @Test func everyOpenGraphPriceIsAClaim() {
        let page = extract("""
            <meta property="og:type" content="product"><meta property="product:price:amount" content="30,000원~">
            <meta property="product:price:amount" content="25000"><meta property="product:price:currency" content="KRW">
            """)
        let claims = page.observations.first?.claims?.map { $0.price.value.description } ?? []
        #expect(claims == ["30000.00 KRW", "25000.00 KRW"])
    }

    @Test func aBareOpenGraphPriceWithItsCurrencyIsRead() {
        let page = extract("""
            <meta property="og:title" content="Deal"><meta property="og:price" content="2,900원~">
            """)
        #expect(page.observations.first?.price?.value.description == "2900.00 KRW")
    }

    @Test func twoHostsForOnePageAreAProblem() {
        let page = extract("""
            <link rel="canonical" href="https://www.shop.example/p/kettle-123"><meta property="og:url" content="https://m.shop.example/p/kettle-123">
            <script type="application/ld+json">{"@type":"Product","name":"Kettle","offers":{"price":"1","priceCurrency":"EUR"}}</script>
            """)
        #expect(page.problems.contains { $0.message.hasPrefix("the page declares two hosts") })
    }
}

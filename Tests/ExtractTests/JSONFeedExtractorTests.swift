import AuditModel
import Extract
import Foundation
import Testing

@Suite struct JSONFeedExtractorTests {
    let extractor = JSONFeedExtractor(
        channel: "app", items: JSONPath("data.products[]")!,
        fields: [.sku: JSONPath("id")!, .price: JSONPath("pricing.sale")!, .currency: JSONPath("pricing.currency")!,
                 .availability: JSONPath("stock.status")!, .stock: JSONPath("stock.qty")!, .url: JSONPath("links.web")!,
                 .listPrice: JSONPath("pricing.list")!],
        defaultCurrency: "EUR", decimalSeparator: ",")

    @Test func readsNestedItemsThroughTheMapping() throws {
        let json = """
            {"data": {"products": [
              {"id": "BA-1", "pricing": {"sale": 1299.0, "list": null}, "stock": {"status": "in_stock", "qty": 3}},
              {"id": "BA-2", "pricing": {"sale": " 1.299,00 ", "currency": "EUR"}, "stock": {"status": "out_of_stock"},
               "links": {"web": "https://shop.it/p/b.html?utm_source=app"}}
            ]}}
            """
        let result = extractor.extract(Data(json.utf8), source: "products.json")
        #expect(result.problems.isEmpty)
        #expect(result.observations.count == 2)
        let first = result.observations[0]
        #expect(first.price?.value == Money(amount: 1299, currency: "EUR"))
        #expect(first.price?.evidence.locator == "data.products[0].pricing.sale")
        #expect(first.stockCount?.value == 3)
        #expect(first.listPrice == nil)
        #expect(result.observations[1].price?.value.amountString == "1299.00")
        #expect(result.observations[1].availability?.value == .outOfStock)
        #expect(result.observations[1].key.url == "https://shop.it/p/b.html")
    }

    @Test func itemsWithoutIdentifiersOrPriceAreProblemsNotSilence() {
        let json = #"{"data": {"products": [{"name": "x"}, {"id": "BA-3", "pricing": {}}]}}"#
        let result = extractor.extract(Data(json.utf8), source: "p.json")
        #expect(result.observations.map(\.key.sku) == ["BA-3"])
        #expect(result.problems.map(\.position) == ["data.products[0]", "data.products[1]"])
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let result = extractor.extract(Data("{\"data\": [1, 2,\n ]}".utf8), source: "p.json")
        #expect(result.observations.isEmpty)
        #expect(result.problems.first?.position == "line 2, column 2")
    }

    @Test func wrongItemsPathSaysWhereItLooked() {
        let result = extractor.extract(Data(#"{"items": []}"#.utf8), source: "p.json")
        #expect(result.problems.first?.message == "no items at \"data.products[]\": the items path selects nothing")
    }

    @Test(arguments: ["a..b", "a[x]", "[-1]", ".a"])
    func malformedPathsAreRejected(path: String) {
        #expect(JSONPath(path) == nil)
    }
}

import Foundation
import Normalize
import OmniAudit
import Testing

/// The page corpus in `fixtures/pages/`: realistic pages imitating the major shop platforms and one page per
/// markup syntax and malformed form. Each page has hand-written expectations (`*.expected.json`) and a recorded
/// golden observation file (`*.observations.json`, re-recorded with `OMNIAUDIT_RECORD=1`).
@Suite struct PageCorpusTests {
    struct Expected: Decodable {
        struct Price: Decodable, Equatable {
            var amount: String
            var currency: String
        }
        struct Product: Decodable {
            var sku: String?
            var gtin: String?
            var name: String?
            var price: Price?
            var list_price: Price?
            var visible_price: Price?
            var availability: String?
            var stock_count: Int?
        }
        var products: [Product]
        var conflicts: [String]
        var problems: Bool
    }

    static let folder = Paths.repo("fixtures/pages")

    static let pages: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var pages: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".expected.json") { pages.append(String(path.dropLast(".expected.json".count))) }
        }
        return pages.sorted()
    }()

    func page(_ name: String) throws -> String {
        let base = Self.folder + "/" + name
        for suffix in ["", ".html", ".htm", ".html.gz"] where FileManager.default.fileExists(atPath: base + suffix) {
            if suffix.isEmpty, !name.contains(".") { continue }
            return base + suffix
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: base])
    }

    func price(_ price: Expected.Price?) -> String? { price.map { "\($0.amount) \($0.currency)" } }

    @Test func theCorpusIsThere() {
        #expect(Self.pages.filter { $0.hasPrefix("platforms/") }.count >= 20)
    }

    @Test(arguments: pages)
    func pageMatchesItsExpectations(name: String) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name + ".expected.json")))
        let result = Inspector(kind: .page).inspect([try page(name)])
        #expect(result.observations.count == expected.products.count, "\(name): products")
        for (index, product) in expected.products.enumerated() {
            let observation = result.observations.first { $0.key.sku != nil && $0.key.sku == product.sku }
                ?? (index < result.observations.count ? result.observations[index] : nil)
            guard let observation else { continue }
            #expect(observation.key.sku == product.sku, "\(name)[\(index)]: sku")
            #expect(observation.key.gtin == product.gtin.flatMap { Identifiers.gtin($0) }, "\(name)[\(index)]: gtin")
            #expect(observation.price?.value.description == price(product.price), "\(name)[\(index)]: price")
            #expect(observation.listPrice?.value.description == price(product.list_price), "\(name)[\(index)]: list price")
            if let visible = product.visible_price {
                let shown = observation.claims?.first { $0.syntax == .visible && $0.role == .current }?.price.value ?? observation.price?.value
                #expect(shown?.description == price(visible), "\(name)[\(index)]: visible price")
            }
            #expect(observation.availability?.value.rawValue == product.availability, "\(name)[\(index)]: availability")
            if let count = product.stock_count { #expect(observation.stockCount?.value == count, "\(name)[\(index)]: stock count") }
        }
        let context = RuleContext(channels: ["inspect"])
        let rules: [any Rule] = [StructuredVsVisible(), StructuredDataConflict(), AmbiguousPrice()]
        let conflicts = Set(result.observations.flatMap { observation in
            rules.flatMap { $0.check(MatchedProduct(id: "page", observations: [observation]), context: context) }.map(\.rule)
        })
        #expect(conflicts == Set(expected.conflicts), "\(name): conflicts")
        #expect(!result.problems.isEmpty == expected.problems, "\(name): problems \(result.problems)")
        try golden(name, result)
    }

    private func golden(_ name: String, _ result: Inspector.Result) throws {
        let path = Self.folder + "/" + name + ".observations.json"
        let json = result.json().replacingOccurrences(of: Self.folder + "/", with: "")
        if ProcessInfo.processInfo.environment["OMNIAUDIT_RECORD"] == "1" {
            try json.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let recorded = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(recorded == json, "\(name): golden observations differ (OMNIAUDIT_RECORD=1 re-records)")
    }
}

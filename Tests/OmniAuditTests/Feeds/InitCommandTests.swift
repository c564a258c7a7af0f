import Foundation
import TestSupport
import Testing

/// `omniaudit init` on the demo shop's inputs writes a config that audits on the first try and finds exactly the
/// planted mismatches; it never overwrites a file.
@Suite struct InitCommandTests {
    struct Expected: Decodable, Hashable {
        var rule: String
        var product: String
        var field: String
    }

    @Test func theStarterConfigAuditsTheDemoShopOnTheFirstTry() throws {
        let folder = try Paths.temporaryFolder()
        let config = folder + "/omniaudit.yml"
        let demo = Paths.repo("fixtures/demo-shop")
        let result = try Paths.run([
            "init", "--out", config, "--name", "Bottega Aurora", "--locale", "it-IT", "--timezone", "Europe/Rome",
            "--web", demo + "/web/prodotti", "--feed", demo + "/app/products.json", "--feed", demo + "/feeds/google.xml",
            "--feed", demo + "/feeds/marketplace.csv",
            "--store", demo + "/negozi/listino.csv",
        ])
        #expect(result.status == 0, "\(result.err)")
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        #expect(yaml.contains("keys: { sku: { from: id, remove-prefix: \"IT-\" } }"), "\(yaml)")
        #expect(yaml.contains("fields: { sku: codice, price: prezzo, stock: giacenza, store: negozio }"), "\(yaml)")
        #expect(yaml.contains("price: pricing.sale"), "\(yaml)")
        #expect(yaml.contains("format: merchant-xml"))
        #expect(yaml.contains("match: [sku, gtin, url]\n"), "\(yaml)")
        #expect(yaml.contains("format: csv              # detected from the content\n    source: \(demo)/feeds/marketplace.csv\n    # lists 9 products where another channel lists 39: a selection, not the catalogue\n    catalog: partial\n"), "\(yaml)")  // every pair of channels shares ids: no title needed

        let audit = try Paths.run(["audit", "--config", config, "--out", folder + "/reports", "--as-of", "2026-11-23", "--format", "json"])
        #expect(audit.status == 1, "\(audit.out)\(audit.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/reports/omniaudit.json"))) as? [String: Any])
        let findings = (report["findings"] as? [[String: Any]] ?? []).map {
            Expected(rule: $0["rule"] as? String ?? "", product: $0["product"] as? String ?? "", field: $0["field"] as? String ?? "")
        }
        // init knows nothing of the policy pages, so the findings that need a terms channel are not expected here.
        let termsRules: Set<String> = ["shipping-cost-mismatch", "free-shipping-threshold-mismatch", "delivery-time-mismatch",
                                       "returns-window-mismatch", "returns-cost-mismatch", "payment-methods-mismatch"]
        // Nor of the promo e-mails and SMS.
        let promoRules: Set<String> = ["promo-price-not-honoured", "promo-discount-mismatch", "promo-expired-when-sent", "promo-code-unknown"]
        let expected = try JSONDecoder().decode([Expected].self, from: Data(contentsOf: URL(fileURLWithPath: demo + "/expected-findings.json")))
            .filter { !termsRules.contains($0.rule) && !promoRules.contains($0.rule) }
        #expect(Set(findings) == Set(expected))
    }

    @Test func remoteFeedsAreSampledAndAFeedThatCannotBeFetchedSaysWhy() throws {
        let server = try FaultServer(products: 6)
        defer { server.stop() }
        let folder = try Paths.temporaryFolder()
        let config = folder + "/omniaudit.yml"
        let result = try Paths.run(["init", "--out", config, "--feed", server.url("/feed.json"), "--feed", server.url("/500")])
        #expect(result.status == 0, "\(result.err)")
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        #expect(yaml.contains("# sampled: 6 items, 6 products, 0 problems\n    kind: feed\n    format: json"), "\(yaml)")
        #expect(yaml.contains("# not sampled: HTTP 500"), "\(yaml)")
        #expect(!yaml.contains("catalog: partial"), "\(yaml)")  // a feed not sampled is not called a selection
        let downloads = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("omniaudit-init-") }
        #expect(downloads.isEmpty)
    }

    @Test func initNeverOverwrites() throws {
        let folder = try Paths.temporaryFolder()
        let config = folder + "/omniaudit.yml"
        try "keep me\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try Paths.run(["init", "--out", config, "--feed", Paths.repo("fixtures/feeds/merchant.csv")])
        #expect(result.status == 64)
        #expect(result.err.contains("never overwrites"))
        #expect(try String(contentsOfFile: config, encoding: .utf8) == "keep me\n")
    }
}

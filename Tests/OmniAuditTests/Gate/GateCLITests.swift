import Foundation
import Testing

/// What the CLI says about the gate: the day it audits, the verdict line even with --quiet, and a JSON gate that
/// never contradicts the exit code.
@Suite struct GateCLITests {
    @Test("--as-of 2026-11-23 for a shop in Pacific/Auckland audits 2026-11-23")
    func asOfIsTheShopsDay() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("app", [["id": "S-1", "price": "10.00"]])
        let config = try shop.config(channels: ShopFolder.feedChannel("app"))
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "Europe/Rome", with: "Pacific/Auckland")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let result = try Paths.run(["audit", "--config", config, "--out", shop.path + "/out", "--as-of", "2026-11-23"])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shop.path + "/out/omniaudit.json"))) as? [String: Any]
        #expect((report?["run"] as? [String: Any])?["as_of"] as? String == "2026-11-23")
        #expect(result.status == 0)
    }

    @Test("--quiet keeps the one-line verdict; an incomplete run says why and its gate did not pass")
    func quietKeepsTheVerdict() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [["id": "W-1", "price": "10.00"]])
        try shop.feed("app", [["id": "item_1", "price": "10.00"]])
        let config = try shop.config(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"))
        let result = try Paths.run(["audit", "--config", config, "--out", shop.path + "/out", "--quiet"])
        #expect(result.status == 2)
        #expect(result.out.hasPrefix("INCOMPLETE: 2 findings"))
        #expect(result.out.contains("  incomplete: web and app share no product"))
        #expect(result.err.isEmpty)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shop.path + "/out/omniaudit.json"))) as? [String: Any]
        let gate = try #require(report?["gate"] as? [String: Any])
        #expect(gate["exit_code"] as? Int == 2 && gate["passed"] as? Bool == false)
    }

    @Test("inspect --as page --config reads pages with the shop's currency as the audit does")
    func inspectWithConfigUsesTheShop() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.page("p.html", """
            <html><head><script type="application/ld+json">{"@type":"Product","sku":"L-1","offers":{"price":"12.90"}}</script>
            </head><body><h1>Lamp</h1></body></html>
            """)
        let config = try shop.config(channels: """
              web:
                kind: web
                urls: [pages]
            """)
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "currency: EUR", with: "currency: CHF")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let page = shop.path + "/pages/p.html"
        let plain = try Paths.run(["inspect", "--as", "page", page])
        #expect(plain.out.contains("no currency in \\\"12.90\\\""))
        let configured = try Paths.run(["inspect", "--as", "page", page, "--config", config])
        #expect(configured.status == 0)
        #expect(configured.out.contains("\"currency\" : \"CHF\""))
        #expect(!configured.out.contains("no currency"))
    }
}

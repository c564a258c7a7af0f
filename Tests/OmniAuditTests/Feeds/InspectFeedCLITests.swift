import Foundation
import Testing

/// `omniaudit inspect FEED --as feed` without a config: the format is detected, the standard names are read.
@Suite struct InspectFeedCLITests {
    @Test(arguments: ["merchant-rss.xml", "merchant-atom.xml", "merchant.csv", "merchant.tsv", "merchant.jsonl", "nested.json", "merchant-rss.xml.gz"])
    func readsAnyFeedWithoutAConfig(name: String) throws {
        let folder = try Paths.temporaryFolder()
        let result = try Paths.run(["inspect", "--as", "feed", Paths.repo("fixtures/feeds/" + name)], in: folder)
        #expect(result.status == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let observations = try #require(json["observations"] as? [[String: Any]])
        let skus = observations.compactMap { ($0["key"] as? [String: Any])?["sku"] as? String }
        #expect(skus.first == "SKU-1")
        #expect(skus.count == observations.count)
    }

    @Test func aHostileFeedExitsNonZeroWithItsProblem() throws {
        let result = try Paths.run(["inspect", "--as", "feed", "--format", "text", Paths.repo("fixtures/feeds/hostile/xxe.xml")])
        #expect(result.status == 1)
        #expect(result.out.contains("DOCTYPE refused"))
    }
}

/// `omniaudit inspect --explain-match`: which keys joined a product, and a hint for those nothing joined.
@Suite struct ExplainMatchCLITests {
    @Test func saysWhatJoinedAndWhatMightJoin() throws {
        let folder = try Paths.temporaryFolder()
        try "id,title,price,gtin\nBA-1,Tazza blu,10.00 EUR,4006381333931\nBA-2,Piatto,5.00 EUR,\n".write(toFile: folder + "/app.csv", atomically: true, encoding: .utf8)
        try "id,title,price,gtin\n,Tazza blu,10.00 EUR,4006381333931\nIT-2,Piatto,5.00 EUR,\n".write(toFile: folder + "/merchant.csv", atomically: true, encoding: .utf8)
        try """
            version: 1
            shop: { name: Test, currency: EUR, locale: en-US, timezone: UTC }
            match: [sku, gtin]
            channels:
              app: { kind: feed, source: app.csv }
              merchant: { kind: feed, source: merchant.csv }
            """.write(toFile: folder + "/omniaudit.yml", atomically: true, encoding: .utf8)
        let result = try Paths.run(["inspect", "--explain-match", "--config", folder + "/omniaudit.yml"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("sku:BA-1  (app, merchant)\n"), "\(result.out)")
        #expect(result.out.contains("  joined by: gtin 04006381333931 (app, merchant)\n"))
        #expect(result.out.contains("sku:BA-2  (app)\n"))
        #expect(result.out.contains("  matched no other channel: sku:IT-2 in merchant has the same title; add title to match"))
    }
}

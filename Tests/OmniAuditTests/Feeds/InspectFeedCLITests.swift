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

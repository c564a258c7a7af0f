import Foundation
import Testing

/// The 90 real product pages of `fixtures/real-pages/` (Zyte's extraction benchmark, MIT) audited as one web channel:
/// every finding the page-internal rules raise on shops no one here wrote, each read and judged against the page.
/// A false alarm costs a QA team's trust, so a new finding fails this test until it has been read, and so does a
/// finding that disappears.
@Suite struct RealPageAuditTests {
    /// The findings, as `rule product`, with what each page shows (read by hand).
    static let reviewed: [String: String] = [
        "structured-vs-visible sku:520501927": "the markup keeps the regular 219.99 while the page sells at 110.00",
        "ambiguous-price sku:579695999": "internet, store-card and regular prices shown side by side",
        "structured-data-conflict sku:9789724084985": "microdata 71.91, og:price 67.84",
        // Two auctions (sku:93133869, sku:94037710) are not here: their JSON-LD keeps the starting price while the
        // page and og:price show the current bid, and a starting price is no price to compare with a bid.
    ]

    @Test func everyFindingOnRealPagesIsOneReadAndJudged() throws {
        let folder = try Paths.temporaryFolder()
        // The pages were saved in late 2020: the audit day is theirs, so sale windows are read as on that day.
        let config = """
            version: 1
            shop: { name: Real pages, currency: EUR }
            channels:
              web: { kind: web, urls: [\(Paths.repo("fixtures/real-pages"))] }
            as-of: 2020-12-01
            report: { out: \(folder), formats: [json] }
            """
        try config.write(toFile: folder + "/omniaudit.yml", atomically: true, encoding: .utf8)
        let result = try Paths.run(["audit", "--config", folder + "/omniaudit.yml", "--quiet"])
        #expect(result.status == 1, "\(result.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/omniaudit.json"))) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let found = findings.map { "\($0["rule"] as? String ?? "") \($0["product"] as? String ?? "")" }
        if ProcessInfo.processInfo.environment["OMNIAUDIT_CORPUS_REPORT"] != nil {
            for finding in findings { print("\(finding["rule"] ?? "") \(finding["product"] ?? ""): \(finding["message"] ?? "")") }
        }
        #expect(Set(found) == Set(Self.reviewed.keys), "new: \(Set(found).subtracting(Self.reviewed.keys).sorted()), gone: \(Set(Self.reviewed.keys).subtracting(found).sorted())")
        #expect(found.count == Set(found).count)
    }
}

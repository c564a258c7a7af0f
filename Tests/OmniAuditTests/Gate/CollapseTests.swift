import Foundation
import OmniAudit
import Testing

/// With a run history, a channel whose product count collapses against the previous run makes the audit
/// incomplete (`gate.min-products-ratio`, default 0.5).
@Suite struct CollapseTests {
    @Test func aChannelThatLostMostOfItsProductsIsIncomplete() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        let items = (1...10).map { ["id": "S-\($0)", "price": "10.00"] as [String: String?] }
        try shop.feed("web", items)
        try shop.feed("app", items)
        let channels = ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app")
        let config = try ConfigLoader.load(path: try shop.config(channels: channels, extra: "history: history.sqlite"))
        let first = Audit(config: config, version: "t", day: "2026-11-22").run()
        #expect(first.gate.exitCode == 0)
        try shop.feed("web", Array(items.prefix(4)))
        let second = Audit(config: config, version: "t", day: "2026-11-23").run()
        #expect(second.gate.exitCode == 2)
        #expect(second.gate.reasons == ["web: 4 products, down from 10 in the run of 2026-11-22 (below gate.min-products-ratio 0.50)"])
        try shop.feed("web", Array(items.prefix(6)))
        // Compared with the run of 11-23 (4 products): 6 is no collapse.
        #expect(Audit(config: config, version: "t", day: "2026-11-24").run().gate.reasons.isEmpty)
    }
}

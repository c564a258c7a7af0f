import AuditModel
import Reconcile
import Testing

/// Matching the compact rows of a `MatchTable` (what a spilling audit keeps in memory) groups exactly as
/// matching the observations themselves: same products, ids, members, refused links and title joins.
@Suite struct MatchTableTests {
    static func observation(_ channel: String, sku: String? = nil, gtin: String? = nil, url: String? = nil, title: String? = nil,
                            variant: [String: String]? = nil) -> Observation {
        var observation = Observation(channel: channel, key: ProductKey(sku: sku, gtin: gtin, url: url))
        if let title { observation.title = Observed(title, Evidence(source: channel, locator: "x", raw: title)) }
        observation.variant = variant
        return observation
    }

    /// Bridges, conflicting SKUs, variants sharing a URL, titles only, several stores, nothing but a title.
    static let sets: [[Observation]] = [
        [observation("web", sku: "A", url: "https://shop.example/a"), observation("app", gtin: "1", url: "https://www.shop.example/a/"),
         observation("feed", sku: "A", gtin: "1"), observation("feed", sku: "B", gtin: "1")],
        [observation("web", sku: "A", gtin: "1"), observation("app", sku: "B", gtin: "1"), observation("feed", gtin: "1", url: "u")],
        [observation("web", url: "https://s.example/p", variant: ["size": "M"]), observation("feed", sku: "P-M", url: "https://s.example/p", variant: ["size": "M"]),
         observation("feed", sku: "P-L", url: "https://s.example/p", variant: ["size": "L"])],
        [observation("web", title: "Tazzina «Caffè»"), observation("app", sku: "T", title: "tazzina caffe"), observation("negozi@MI", sku: "T"),
         observation("negozi@RM", sku: "T"), observation("feed", title: "Piatto"), observation("app", title: "Piatto")],
        [observation("web", sku: "A"), observation("web", sku: "A"), observation("app", title: "Only a title"), observation("app", url: "x")],
    ]

    @Test(arguments: [false, true], [[IdentityField.sku, .gtin, .url], [.url], [.gtin, .sku]])
    func sameGroups(titles: Bool, fields: [IdentityField]) {
        let matcher = Matcher(fields: fields, matchTitles: titles)
        for observations in Self.sets {
            var table = MatchTable(fields: fields, matchTitles: titles)
            for observation in observations { table.append(observation) }
            let expected = matcher.groups(observations)
            let actual = matcher.groups(table)
            #expect(actual.count == expected.count)
            #expect(actual.ids == expected.ids)
            #expect((0..<actual.count).map(actual.members(of:)) == (0..<expected.count).map(expected.members(of:)))
            #expect(actual.matchedByTitle == expected.matchedByTitle)
            let refusals = { (groups: MatchGroups) in groups.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.map { "\($0.bridge) \($0.field) \($0.value) \($0.other) \($0.conflict)" })" } }
            #expect(refusals(actual) == refusals(expected))
        }
        // The products are the ones `match` gives, in order.
        #expect(Self.sets.map { matcher.match($0).map(\.id) } == Self.sets.map { matcher.groups($0).ids })
    }

    @Test func theRefusedBridgeIsKept() {
        let groups = Matcher(fields: [.sku, .gtin, .url]).groups(Self.sets[0])
        #expect(!groups.refusals.isEmpty)
        #expect(groups.ids.contains("sku:B"))
    }
}

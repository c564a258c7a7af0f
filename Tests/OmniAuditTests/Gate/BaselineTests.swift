import Foundation
import Testing

/// Findings across nights: a baseline makes them new, persisting or fixed; `gate.fail-on-new` lets a shop adopt
/// omniaudit with legacy problems; `omniaudit suppress` accepts one finding in one command.
@Suite struct BaselineTests {
    func report(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func statuses(_ report: [String: Any]) -> [String: String] {
        var result: [String: String] = [:]
        for finding in report["findings"] as? [[String: Any]] ?? [] {
            result["\(finding["product"] ?? "")"] = finding["status"] as? String
        }
        return result
    }

    @Test("day 1 new; day 2 persisting (the price moved) and fixed; fail-on-new passes on legacy findings")
    func findingsAcrossDays() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [["id": "S-1", "price": "10.00"], ["id": "S-2", "price": "20.00"]])
        try shop.feed("app", [["id": "S-1", "price": "12.00"], ["id": "S-2", "price": "21.00"]])
        let config = try shop.config(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"))
        let day1 = try Paths.run(["audit", "--config", config, "--out", shop.path + "/day1", "--as-of", "2026-11-23", "-q"])
        #expect(day1.status == 1)
        #expect(statuses(try report(shop.path + "/day1/omniaudit.json")) == ["sku:S-1": "new", "sku:S-2": "new"])

        // Day 2: S-1's prices moved (same finding), S-2 was fixed.
        try shop.feed("app", [["id": "S-1", "price": "12.50"], ["id": "S-2", "price": "20.00"]])
        let day2 = try Paths.run(["audit", "--config", config, "--out", shop.path + "/day2", "--as-of", "2026-11-24", "-q",
                                  "--baseline", shop.path + "/day1/omniaudit.json"])
        let second = try report(shop.path + "/day2/omniaudit.json")
        #expect(statuses(second) == ["sku:S-1": "persisting", "sku:S-2": "fixed"])
        #expect((second["summary"] as? [String: Any])?["active"] as? Int == 1)
        #expect(day2.status == 1)

        // The same with gate.fail-on-new: the legacy finding does not stop the release; a new one does.
        try String(contentsOfFile: config, encoding: .utf8).appending("\ngate: { fail-on: error, fail-on-new: true }\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let legacy = try Paths.run(["audit", "--config", config, "--out", shop.path + "/day2b", "--as-of", "2026-11-24", "-q",
                                    "--baseline", shop.path + "/day1/omniaudit.json"])
        #expect(legacy.status == 0)
        try shop.feed("app", [["id": "S-1", "price": "12.50"], ["id": "S-2", "price": "25.00"]])
        let fresh = try Paths.run(["audit", "--config", config, "--out", shop.path + "/day3", "--as-of", "2026-11-25", "-q",
                                   "--baseline", shop.path + "/day2/omniaudit.json"])
        #expect(fresh.status == 1)
        #expect(statuses(try report(shop.path + "/day3/omniaudit.json")) == ["sku:S-1": "persisting", "sku:S-2": "new"])
        let bad = try Paths.run(["audit", "--config", config, "--out", shop.path + "/x", "--baseline", config])
        #expect(bad.status == 64 && bad.err.contains("not an omniaudit JSON report"))
    }

    @Test("omniaudit suppress adds a suppression by fingerprint, keeping the config's comments")
    func suppressCommand() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try shop.feed("web", [["id": "S-1", "price": "10.00"]])
        try shop.feed("app", [["id": "S-1", "price": "12.00"]])
        let config = try shop.config(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"),
                                     extra: "# triage decisions below\nsuppressions:\n  # the first one\n  - { rule: missing-in-channel, reason: \"new channel\" }\n")
        _ = try Paths.run(["audit", "--config", config, "--out", shop.path + "/a", "-q"])
        let finding = try #require((try report(shop.path + "/a/omniaudit.json")["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "price-mismatch" })
        let fingerprint = try #require(finding["fingerprint"] as? String)
        let added = try Paths.run(["suppress", fingerprint, "--reason", "app price \"rounded\"", "--until", "2026-12-31", "--config", config])
        #expect(added.status == 0, "\(added.err)")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("# triage decisions below\nsuppressions:\n  # the first one\n  - { rule: missing-in-channel, reason: \"new channel\" }\n"
            + "  - { fingerprint: \"\(fingerprint)\", reason: \"app price \\\"rounded\\\"\", expires: 2026-12-31 }"))
        let after = try Paths.run(["audit", "--config", config, "--out", shop.path + "/b", "--as-of", "2026-11-23", "-q"])
        #expect(after.status == 0)
        #expect(statuses(try report(shop.path + "/b/omniaudit.json"))["sku:S-1"] == "suppressed")
        #expect(try Paths.run(["suppress", "xyz", "--reason", "r", "--config", config]).status == 64)
    }
}

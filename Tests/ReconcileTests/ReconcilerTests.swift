import AuditModel
import Foundation
import Reconcile
import Testing

@Suite struct ReconcilerTests {
    func product(_ pairs: [(String, String)]) -> MatchedProduct {
        MatchedProduct(id: "sku:EX-1", observations: pairs.map { channel, price in
            var observation = Observation(channel: channel, key: ProductKey(sku: "EX-1"))
            observation.price = Observed(Money(amount: Decimal(string: price)!, currency: "EUR"),
                                         Evidence(source: channel, locator: "p", raw: price))
            return observation
        })
    }

    @Test func theReferenceChannelDecidesWhatIsExpected() throws {
        let context = RuleContext(channels: ["web", "app", "merchant"], reference: "app")
        let findings = Reconciler(context: context, day: "2026-11-23")
            .findings(products: [product([("web", "10.00"), ("app", "12.00"), ("merchant", "10.00")])], coverage: [])
        let finding = try #require(findings.first)
        #expect(finding.observations.filter(\.expected).map(\.channel) == ["app"])
        #expect(finding.message == "Price differs: web shows 10.00 EUR (−2.00 EUR, −16.7 %), merchant shows 10.00 EUR "
            + "(−2.00 EUR, −16.7 %) where the reference channel app shows 12.00 EUR.")
    }

    @Test func theMajorityDecidesWithoutAReference() throws {
        let findings = Reconciler(context: RuleContext(channels: ["web", "app", "merchant"]), day: "2026-11-23")
            .findings(products: [product([("web", "10.00"), ("app", "12.00"), ("merchant", "10.00")])], coverage: [])
        #expect(try #require(findings.first).message == "Price differs: app shows 12.00 EUR (+2.00 EUR, +20.0 %) where web and merchant show 10.00 EUR.")
    }

    @Test func toleranceAndSeverityComeFromSettings() {
        let settings = ["price-mismatch": RuleSettings(severity: .warning, absoluteTolerance: Decimal(string: "0.05")!)]
        let reconciler = Reconciler(context: RuleContext(channels: ["web", "app"], settings: settings), day: "2026-11-23")
        #expect(reconciler.findings(products: [product([("web", "10.00"), ("app", "10.05")])], coverage: []).isEmpty)
        #expect(reconciler.findings(products: [product([("web", "10.00"), ("app", "10.06")])], coverage: []).map(\.severity) == [.warning])
        let off = Reconciler(context: RuleContext(channels: ["web", "app"], settings: ["price-mismatch": RuleSettings(enabled: false)]), day: "x")
        #expect(off.findings(products: [product([("web", "1.00"), ("app", "2.00")])], coverage: []).isEmpty)
    }

    @Test func suppressionsApplyUntilTheyExpire() {
        let suppression = Suppression(rule: "price-mismatch", product: "sku:EX-1", reason: "known", expires: "2026-12-31")
        let context = RuleContext(channels: ["web", "app"])
        let products = [product([("web", "1.00"), ("app", "2.00")])]
        let before = Reconciler(context: context, suppressions: [suppression], day: "2026-12-31").findings(products: products, coverage: [])
        let after = Reconciler(context: context, suppressions: [suppression], day: "2027-01-01").findings(products: products, coverage: [])
        #expect(before.map(\.status) == [.suppressed] && before.first?.suppression == "known")
        // Once expired, the finding counts again and the expired suppression is itself a notice.
        #expect(after.map(\.status) == [.new, .new])
        #expect(after.map(\.rule) == ["price-mismatch", "stale-suppression"])
    }

    @Test func failedInputsAreUnverifiableNotMissing() {
        var coverage = ChannelCoverage(channel: "web")
        coverage.failed = [.init(input: "https://s/p/x.html", reason: "not found")]
        let appOnly = MatchedProduct(id: "sku:X", observations: [Observation(channel: "app", key: ProductKey(sku: "X", url: "https://s/p/x.html"))])
        let context = RuleContext(channels: ["web", "app"], failedInputs: ["web": ["https://s/p/x.html"]])
        let findings = Reconciler(context: context, day: "d").findings(products: [appOnly], coverage: [coverage])
        #expect(findings.map(\.rule) == ["unverifiable"])
        #expect(findings.first?.message == "web could not be checked: not found")
        let unreadable = RuleContext(channels: ["web", "app"], unreadableChannels: ["web"])
        #expect(Reconciler(context: unreadable, day: "d").findings(products: [appOnly], coverage: []).isEmpty)
    }

    @Test func findingsAreSortedBySeverityRuleProduct() {
        let context = RuleContext(channels: ["web", "app"])
        let products = [
            MatchedProduct(id: "sku:B", observations: [Observation(channel: "app", key: ProductKey(sku: "B"))]),
            product([("web", "1.00"), ("app", "2.00")]),
            MatchedProduct(id: "sku:A", observations: [Observation(channel: "web", key: ProductKey(sku: "A"))]),
        ]
        let findings = Reconciler(context: context, day: "d").findings(products: products, coverage: [])
        #expect(findings.map(\.product) == ["sku:EX-1", "sku:A", "sku:B"])
    }
}

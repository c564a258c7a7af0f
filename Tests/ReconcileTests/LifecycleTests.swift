import AuditModel
import Foundation
import Reconcile
import Testing

@Suite struct LifecycleTests {
    func finding(_ product: String, rule: String = "price-mismatch", channels: [String] = ["web", "app"],
                 status: Finding.Status = .new) -> Finding {
        Finding(rule: rule, severity: .error, product: product, field: "price",
                observations: channels.map { .init(channel: $0, value: "1.00 EUR", evidence: nil, expected: false) },
                message: "m", status: status)
    }

    @Test func newPersistingAndFixed() {
        let baseline = [finding("sku:A"), finding("sku:B"), finding("sku:C", status: .fixed)]
        let result = Lifecycle(baseline: baseline).apply(to: [finding("sku:A"), finding("sku:D")])
        #expect(result.map(\.product) == ["sku:A", "sku:D", "sku:B"])
        #expect(result.map(\.status) == [.persisting, .new, .fixed])
    }

    @Test func aFindingInAnUnreadableChannelIsNotCalledFixed() {
        let result = Lifecycle(baseline: [finding("sku:A")], unreadableChannels: ["app"]).apply(to: [])
        #expect(result.isEmpty)
    }

    @Test func suppressionsMatchByGlobChannelAndFingerprint() {
        let a = finding("sku:BA-1042"), b = finding("sku:BA-2000", channels: ["web", "store"])
        #expect(Suppression(rule: nil, product: "sku:BA-10*", reason: "r", expires: nil).matches(a))
        #expect(!Suppression(rule: nil, product: "sku:BA-10*", reason: "r", expires: nil).matches(b))
        #expect(Suppression(rule: "price-mismatch", product: nil, reason: "r", expires: nil, channel: "store").matches(b))
        #expect(!Suppression(rule: "price-mismatch", product: nil, reason: "r", expires: nil, channel: "store").matches(a))
        #expect(Suppression(rule: nil, product: nil, reason: "r", expires: nil, fingerprint: a.fingerprint).matches(a))
        #expect(Suppression(rule: nil, product: "sku:BA-104?", reason: "r", expires: nil).matches(a))
    }

    @Test func expiredAndUnusedSuppressionsAreNotices() {
        let products = [MatchedProduct(id: "sku:A", observations: ["web", "app"].enumerated().map { index, channel in
            var observation = Observation(channel: channel, key: ProductKey(sku: "A"))
            observation.price = Observed(Money(amount: Decimal(index + 1), currency: "EUR"), Evidence(source: channel, locator: "", raw: ""))
            return observation
        })]
        let expired = Suppression(rule: "price-mismatch", product: "sku:A", reason: "promo", expires: "2026-11-01")
        let unused = Suppression(rule: "availability-mismatch", product: nil, reason: "old", expires: nil)
        let findings = Reconciler(context: RuleContext(channels: ["web", "app"]), suppressions: [expired, unused], day: "2026-11-23")
            .findings(products: products, coverage: [])
        #expect(findings.map(\.rule) == ["price-mismatch", "stale-suppression", "stale-suppression"])
        #expect(findings[0].status == .new)
        #expect(findings.filter { $0.rule == "stale-suppression" }.map(\.message) == [
            "The suppression of rule availability-mismatch (old) matches no finding: remove it.",
            "The suppression of rule price-mismatch, product sku:A (promo) expired on 2026-11-01; the 1 finding it covered count again.",
        ])
        #expect(findings.filter { $0.rule == "stale-suppression" }.allSatisfy { $0.severity == .notice })
    }
}

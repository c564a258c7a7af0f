import AuditModel

/// Runs the rules over matched products and coverage, applies the configured severities and suppressions,
/// and returns findings in a stable order.
public struct Reconciler: Sendable {
    /// The context shared by all rules.
    public var context: RuleContext
    /// Accepted findings.
    public var suppressions: [Suppression]
    /// The audit day (`yyyy-MM-dd`, shop timezone) for suppression expiry.
    public var day: String
    /// A previous report's findings: when given, findings are new, persisting or fixed against it.
    public var baseline: [Finding]?

    /// Creates a reconciler.
    public init(context: RuleContext, suppressions: [Suppression] = [], day: String, baseline: [Finding]? = nil) {
        self.context = context
        self.suppressions = suppressions
        self.day = day
        self.baseline = baseline
    }

    /// All findings for the products and coverage (stale suppressions included; with a baseline, the fixed ones
    /// too), sorted by severity (highest first), rule, product, field.
    public func findings(products: [MatchedProduct], coverage: [ChannelCoverage]) -> [Finding] {
        var checks = ProductChecks()
        for product in products { check(product, into: &checks) }
        return findings(checks, coverage: coverage)
    }

    /// What the product rules found so far, product by product.
    public struct ProductChecks: Sendable {
        var findings: [Finding] = []
        /// Per channel, the products whose reduction the history cannot confirm yet (`omnibus-reference-price`).
        var unconfirmed: [String: [String]] = [:]
        public init() {}
    }

    /// Runs every enabled rule on one product (the findings are sorted at the end, so the products may come
    /// one at a time, in any order).
    public func check(_ product: MatchedProduct, into checks: inout ProductChecks) {
        for rule in RuleRegistry.all where context.settings(for: rule.id).enabled {
            var product = product
            if !rule.readsPromos, product.observations.contains(where: { $0.promo != nil }) {
                product.observations.removeAll { $0.promo != nil }
                if product.observations.isEmpty { continue }
            }
            let found = rule.check(product, context: context)
            checks.findings += product.matchedByTitle ? found.map { finding in
                var finding = finding
                finding.message += " (Matched by title.)"
                return finding
            } : found
        }
        if context.settings(for: OmnibusReferencePrice().id).enabled {
            var sold = product  // without promo messages' observations: a promise is not a price sold at
            sold.observations.removeAll { $0.promo != nil }
            OmnibusReferencePrice().collectUnconfirmed(sold, context: context, into: &checks.unconfirmed)
        }
    }

    /// The findings of the products checked, with those of messages and coverage, configured, suppressed and
    /// sorted by severity (highest first), rule, product, field.
    public func findings(_ checks: ProductChecks, coverage: [ChannelCoverage]) -> [Finding] {
        var findings = checks.findings
        if !context.messagePromises.isEmpty {
            for rule in RuleRegistry.all where context.settings(for: rule.id).enabled {
                findings += rule.checkMessages(context.messagePromises, context: context)
            }
        }
        if context.settings(for: OmnibusReferencePrice().id).enabled {
            findings += OmnibusReferencePrice().shortHistoryFindings(unconfirmed: checks.unconfirmed, context: context)
        }
        if context.settings(for: Unverifiable().id).enabled {
            findings += coverage.flatMap(Unverifiable().findings(for:))
        }
        findings = findings.map(configure)
        if context.settings(for: StaleSuppression().id).enabled {
            findings += StaleSuppression().findings(for: suppressions, findings: findings, day: day).map(configure)
        }
        if let baseline {
            findings = Lifecycle(baseline: baseline, unreadableChannels: context.unreadableChannels).apply(to: findings)
        }
        return findings.sorted(by: order)
    }

    private func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.product != b.product { return a.product < b.product }
        if a.field != b.field { return a.field < b.field }
        return a.fingerprint < b.fingerprint
    }

    private func configure(_ finding: Finding) -> Finding {
        var finding = finding
        if let severity = context.settings(for: finding.rule).severity { finding.severity = severity }
        if let suppression = suppressions.first(where: { $0.covers(finding, on: day) }) {
            finding.status = .suppressed
            finding.suppression = suppression.reason
        }
        return finding
    }
}

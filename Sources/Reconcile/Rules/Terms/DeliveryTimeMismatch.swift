import AuditModel

/// The delivery time a product page promises does not overlap the shipping policy's.
public struct DeliveryTimeMismatch: Rule {
    public init() {}
    public let id = "delivery-time-mismatch"
    public let title = "Delivery time differs from the shipping policy"
    public let rationale = """
        "Consegna in 24h" on a product page while the policy says "2-4 giorni lavorativi" promises what the \
        carrier does not deliver (or the other way round, loses a sale). Day ranges are compared: a statement \
        whose range overlaps the policy's agrees with it. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.shipping,
            let low = terms.value.minDays ?? terms.value.maxDays, let high = terms.value.maxDays ?? terms.value.minDays
        else { return [] }
        return TermsComparison.statements(product, \.shipping).compactMap { observation, shown -> Finding? in
            guard let min = shown.value.minDays ?? shown.value.maxDays, let max = shown.value.maxDays ?? shown.value.minDays,
                max < low || min > high
            else { return nil }
            let stated = TermsComparison.days(min, max), expected = TermsComparison.days(low, high)
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "delivery_days",
                shown: stated, shownEvidence: shown.evidence, policy: expected, policyEvidence: terms.evidence,
                policyChannel: policy.channel,
                message: "On \(observation.channel) delivery takes \(stated), but the shipping policy (\(policy.channel)) says \(expected).")
        }
    }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(shipping: ShippingTerms(minDays: 2, maxDays: 4, businessDays: true))
        var fast = RuleExample("\"consegna in 24h\" on the page, 2-4 working days in the policy", triggers: true,
                               finding: .init(field: "delivery_days", expected: ["policy"],
                                              message: "On web delivery takes 1 day, but the shipping policy (policy) says 2–4 days."),
                               [TermsComparison.page(shipping: ShippingTerms(minDays: 1, maxDays: 1))])
        fast.shopTerms = policy
        var overlap = RuleExample("\"3-5 giorni\" overlaps 2-4", triggers: false,
                                  [TermsComparison.page(shipping: ShippingTerms(minDays: 3, maxDays: 5))])
        overlap.shopTerms = policy
        return [fast, overlap]
    }
}

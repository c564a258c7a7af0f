import AuditModel

/// A product page says returns are free where the policy charges for them, or the other way round.
public struct ReturnsCostMismatch: Rule {
    public init() {}
    public let id = "returns-cost-mismatch"
    public let title = "Return cost differs from the returns policy"
    public let rationale = """
        "Reso gratuito" on the product page while the policy leaves the return shipping to the customer (or the \
        other way round) is a condition of sale stated two ways. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.returns, let expected = terms.value.isFree else { return [] }
        return TermsComparison.statements(product, \.returns).compactMap { observation, shown -> Finding? in
            guard let stated = shown.value.isFree, stated != expected else { return nil }
            let words = { (free: Bool) in free ? "free" : "at the customer's expense" }
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "return_cost",
                shown: stated ? "free" : "paid", shownEvidence: shown.evidence, policy: expected ? "free" : "paid",
                policyEvidence: terms.evidence, policyChannel: policy.channel,
                message: "On \(observation.channel) returns are \(words(stated)), but the returns policy (\(policy.channel)) "
                    + "says they are \(words(expected)).")
        }
    }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(returns: ReturnTerms(days: 30, isFree: true))
        var paid = RuleExample("returns at the customer's expense on the page, free in the policy", triggers: true,
                               finding: .init(field: "return_cost", expected: ["policy"],
                                              message: "On web returns are at the customer's expense, but the returns policy "
                                                  + "(policy) says they are free."),
                               [TermsComparison.page(returns: ReturnTerms(days: 30, isFree: false))])
        paid.shopTerms = policy
        var same = RuleExample("free in both", triggers: false, [TermsComparison.page(returns: ReturnTerms(isFree: true))])
        same.shopTerms = policy
        return [paid, same]
    }
}

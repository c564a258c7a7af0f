import AuditModel

/// The return window a product page states differs from the returns policy's.
public struct ReturnsWindowMismatch: Rule {
    public init() {}
    public let id = "returns-window-mismatch"
    public let title = "Return window differs from the returns policy"
    public let rationale = """
        "Reso entro 14 giorni" on a product page and 30 days in the returns policy: either customers are told less \
        than they are entitled to, or the page promises what customer service will refuse. Windows are compared in \
        days. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.returns, let expected = terms.value.days else { return [] }
        return TermsComparison.statements(product, \.returns).compactMap { observation, shown -> Finding? in
            guard let stated = shown.value.days, stated != expected else { return nil }
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "return_days",
                shown: "\(stated) days", shownEvidence: shown.evidence, policy: "\(expected) days",
                policyEvidence: terms.evidence, policyChannel: policy.channel,
                message: "On \(observation.channel) returns are accepted within \(stated) days, but the returns policy "
                    + "(\(policy.channel)) gives \(expected) days.")
        }
    }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(returns: ReturnTerms(days: 30, isFree: true))
        var short = RuleExample("14 days on the page, 30 in the policy", triggers: true,
                                finding: .init(field: "return_days", expected: ["policy"],
                                               message: "On web returns are accepted within 14 days, but the returns policy "
                                                   + "(policy) gives 30 days."),
                                [TermsComparison.page(returns: ReturnTerms(days: 14, isFree: true))])
        short.shopTerms = policy
        var same = RuleExample("30 days in both", triggers: false, [TermsComparison.page(returns: ReturnTerms(days: 30))])
        same.shopTerms = policy
        return [short, same]
    }
}

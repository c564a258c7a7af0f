import AuditModel

/// A product page shows a payment method the checkout does not accept, according to the payment policy.
public struct PaymentMethodsMismatch: Rule {
    public init() {}
    public let id = "payment-methods-mismatch"
    public let title = "Payment method shown but not accepted"
    public let rationale = """
        A Klarna or PayPal badge on a product page, while the payment policy does not list that method, leaves the \
        customer stranded at checkout. Methods are compared as sets of canonical names; a page may show fewer \
        methods than the policy accepts. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.paymentMethods, !terms.value.isEmpty else { return [] }
        let accepted = Set(terms.value)
        return TermsComparison.statements(product, \.paymentMethods).compactMap { observation, shown -> Finding? in
            let extra = shown.value.filter { !accepted.contains($0) }
            guard !extra.isEmpty else { return nil }
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "payment_methods",
                shown: shown.value.joined(separator: ", "), shownEvidence: shown.evidence,
                policy: terms.value.joined(separator: ", "), policyEvidence: terms.evidence, policyChannel: policy.channel,
                message: "On \(observation.channel) the page shows \(extra.joined(separator: ", ")), which the payment policy "
                    + "(\(policy.channel)) does not accept (it accepts \(terms.value.joined(separator: ", "))).")
        }
    }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(payment: ["mastercard", "paypal", "visa"])
        var klarna = RuleExample("Klarna shown on the page, not accepted per the policy", triggers: true,
                                 finding: .init(field: "payment_methods", expected: ["policy"],
                                                message: "On web the page shows klarna, which the payment policy (policy) does "
                                                    + "not accept (it accepts mastercard, paypal, visa)."),
                                 [TermsComparison.page(payment: ["klarna", "paypal", "visa"])])
        klarna.shopTerms = policy
        var fewer = RuleExample("the page shows fewer methods than accepted", triggers: false,
                                [TermsComparison.page(payment: ["paypal"])])
        fewer.shopTerms = policy
        return [klarna, fewer]
    }
}

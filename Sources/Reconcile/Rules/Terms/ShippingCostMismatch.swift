import AuditModel

/// What a product's page says shipping costs differs from what the shipping policy charges for that product.
public struct ShippingCostMismatch: Rule {
    public init() {}
    public let id = "shipping-cost-mismatch"
    public let title = "Shipping cost differs from the shipping policy"
    public let rationale = """
        "Spedizione gratuita" on a product page while the shipping policy charges 4,90 € below 49 € is an \
        advertised condition the checkout does not honour. The cost each side implies for the product's own \
        price is compared: a page saying "free shipping" on a 60 € product agrees with a policy that is free over \
        49 €. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.shipping else { return [] }
        return TermsComparison.statements(product, \.shipping).compactMap { observation, shown -> Finding? in
            guard let price = observation.price?.value ?? product.observations.lazy.compactMap(\.price).first?.value,
                let expected = Self.cost(terms.value, price: price), let stated = Self.cost(shown.value, price: price),
                expected.currency == stated.currency, expected.amount != stated.amount
            else { return nil }
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "shipping_cost",
                shown: stated.description, shownEvidence: shown.evidence, policy: expected.description,
                policyEvidence: terms.evidence, policyChannel: policy.channel,
                message: "On \(observation.channel) shipping for this \(price) product costs \(Self.words(stated)), "
                    + "but the shipping policy (\(policy.channel)) charges \(Self.words(expected)).")
        }
    }

    /// The shipping cost terms imply for an order of one product at `price`; nil when they do not say.
    static func cost(_ terms: ShippingTerms, price: Money) -> Money? {
        let zero = Money(amount: 0, currency: price.currency)
        if let over = terms.freeOver, over.currency == price.currency, price.amount >= over.amount { return zero }
        if terms.isFree == true { return zero }
        return terms.cost
    }

    static func words(_ money: Money) -> String { money.amount == 0 ? "nothing (free shipping)" : money.description }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(shipping: ShippingTerms(cost: TermsComparison.euro("4.90"), isFree: false,
                                                                    freeOver: TermsComparison.euro("49.00")))
        var free = RuleExample("\"Spedizione gratuita\" on a 4.20 € product; the policy charges 4.90 € below 49 €", triggers: true,
                               finding: .init(field: "shipping_cost", expected: ["policy"],
                                              message: "On web shipping for this 4.20 EUR product costs nothing (free shipping), "
                                                  + "but the shipping policy (policy) charges 4.90 EUR."),
                               [TermsComparison.page(price: "4.20", shipping: ShippingTerms(isFree: true))])
        free.shopTerms = policy
        var over = RuleExample("\"Spedizione gratuita\" on a 60 € product; the policy is free over 49 €", triggers: false,
                               [TermsComparison.page(price: "60.00", shipping: ShippingTerms(isFree: true))])
        over.shopTerms = policy
        return [free, over]
    }
}

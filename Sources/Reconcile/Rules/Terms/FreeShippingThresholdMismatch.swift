import AuditModel

/// The free-shipping threshold a product page states differs from the shipping policy's.
public struct FreeShippingThresholdMismatch: Rule {
    public init() {}
    public let id = "free-shipping-threshold-mismatch"
    public let title = "Free-shipping threshold differs from the shipping policy"
    public let rationale = """
        "Spedizione gratuita sopra i 39 €" on a product page or in a promo e-mail or SMS and "free over 49 €" in the policy cannot both be \
        honoured: customers who fill their cart to 39 € pay shipping at checkout. Thresholds are compared as \
        amounts, so "sopra i 49 €" and "free over €49.00" agree. Needs a `terms` channel.
        """
    public let defaultSeverity = Severity.error
    /// Promo e-mails and SMS state thresholds too ("spedizione gratuita sopra i 39 €").
    public var readsPromos: Bool { true }

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.shipping, let expected = terms.value.freeOver else { return [] }
        return TermsComparison.statements(product, \.shipping).compactMap { observation, shown -> Finding? in
            guard let stated = shown.value.freeOver, stated.currency == expected.currency, stated.amount != expected.amount
            else { return nil }
            return TermsComparison.finding(
                rule: self, product: product, observation: observation, field: "free_shipping_threshold",
                shown: "free over \(stated)", shownEvidence: shown.evidence, policy: "free over \(expected)",
                policyEvidence: terms.evidence, policyChannel: policy.channel,
                message: "On \(observation.channel) shipping is free over \(stated), but the shipping policy "
                    + "(\(policy.channel)) makes it free over \(expected).")
        }
    }

    /// A message that names no product ("spedizione gratuita sopra i 39 € su tutto il sito") is checked as a whole.
    public func checkMessages(_ messages: [MessagePromise], context: RuleContext) -> [Finding] {
        guard let policy = context.shopTerms, let terms = policy.shipping, let expected = terms.value.freeOver else { return [] }
        return messages.compactMap { message -> Finding? in
            guard !message.hasProducts, let stated = message.freeShippingOver, stated.value.currency == expected.currency,
                stated.value.amount != expected.amount else { return nil }
            return Finding(
                rule: id, severity: defaultSeverity, product: PromoCodeUnknown.product(message), field: "free_shipping_threshold",
                observations: [
                    .init(channel: message.channel, value: "free over \(stated.value)", evidence: stated.evidence, expected: false),
                    .init(channel: policy.channel, value: "free over \(expected)", evidence: terms.evidence, expected: true),
                ],
                message: "The \(message.channel) message \(PromoCodeUnknown.describe(message)) makes shipping free over \(stated.value), "
                    + "but the shipping policy (\(policy.channel)) makes it free over \(expected).")
        }
    }

    public var examples: [RuleExample] {
        let policy = TermsComparison.policy(shipping: ShippingTerms(isFree: false, freeOver: TermsComparison.euro("49.00")))
        var low = RuleExample("free over 39 € on the page, over 49 € in the policy", triggers: true,
                              finding: .init(field: "free_shipping_threshold", expected: ["policy"],
                                             message: "On web shipping is free over 39.00 EUR, but the shipping policy (policy) "
                                                 + "makes it free over 49.00 EUR."),
                              [TermsComparison.page(shipping: ShippingTerms(isFree: false, freeOver: TermsComparison.euro("39.00")))])
        low.shopTerms = policy
        var same = RuleExample("\"sopra i 49 €\" and \"free over €49.00\"", triggers: false,
                               [TermsComparison.page(shipping: ShippingTerms(isFree: false, freeOver: TermsComparison.euro("49")))])
        same.shopTerms = policy
        var message = RuleExample("an SMS promises free shipping over 39 € on everything; the policy says over 49 €", triggers: true,
                                  finding: .init(field: "free_shipping_threshold", expected: ["policy"], message:
                                    "The mail message \"Natale\" (example.mbox message 1) makes shipping free over 39.00 EUR, "
                                    + "but the shipping policy (policy) makes it free over 49.00 EUR."), [])
        message.messages = [PromoComparison.message(freeOver: "39.00")]
        message.shopTerms = policy
        var counted = RuleExample("the same threshold in a newsletter that lists products is checked on its products", triggers: false, [])
        counted.messages = [PromoComparison.message(freeOver: "39.00", hasProducts: true)]
        counted.shopTerms = policy
        return [low, same, message, counted]
    }
}

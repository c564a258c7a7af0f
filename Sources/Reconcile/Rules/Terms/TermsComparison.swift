import AuditModel
import Foundation

/// Shared by the terms rules: a product's statement of a term (its page's shipping box, a feed's shipping field)
/// against the shop's policy page, which is the expected value; compared on parsed values, never on wording.
enum TermsComparison {
    /// One finding: the channel's statement deviates from the policy.
    static func finding(rule: any Rule, product: MatchedProduct, observation: Observation, field: String,
                        shown: String, shownEvidence: Evidence, policy: String, policyEvidence: Evidence,
                        policyChannel: String, message: String) -> Finding {
        Finding(rule: rule.id, severity: rule.defaultSeverity, product: product.id, field: field,
                page: observation.origin?.source,
                observations: [
                    .init(channel: observation.channel, value: shown, evidence: shownEvidence, expected: false),
                    .init(channel: policyChannel, value: policy, evidence: policyEvidence, expected: true),
                ],
                message: message)
    }

    /// Each observation's own statement of a term, once per channel and statement (pages of one shop usually
    /// repeat the same box; the first place it appears is the evidence).
    static func statements<T: Hashable>(_ product: MatchedProduct, _ value: (Observation) -> Observed<T>?)
        -> [(observation: Observation, statement: Observed<T>)]
    {
        var seen: Set<String> = []
        return product.observations.compactMap { observation in
            guard let statement = value(observation) else { return nil }
            guard seen.insert(observation.channel + "\u{0}" + String(describing: statement.value)).inserted else { return nil }
            return (observation, statement)
        }
    }

    /// A term for the examples: a policy page of the `policy` channel.
    static func policy(shipping: ShippingTerms? = nil, returns: ReturnTerms? = nil, payment: [String]? = nil) -> ShopTerms {
        let evidence = Evidence(source: "example:policy", locator: "p", raw: "policy")
        return ShopTerms(channel: "policy", shipping: shipping.map { Observed($0, evidence) },
                         returns: returns.map { Observed($0, evidence) }, paymentMethods: payment.map { Observed($0, evidence) })
    }

    /// An example product page with terms.
    static func page(price: String = "29.90", shipping: ShippingTerms? = nil, returns: ReturnTerms? = nil,
                     payment: [String]? = nil) -> Observation {
        var observation = Observation.example("web", price: price)
        let evidence = Evidence(source: "example:web", locator: "aside li", raw: "terms box")
        observation.shipping = shipping.map { Observed($0, evidence) }
        observation.returns = returns.map { Observed($0, evidence) }
        observation.paymentMethods = payment.map { Observed($0, evidence) }
        return observation
    }

    static func euro(_ amount: String) -> Money {
        Money(amount: Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) ?? 0, currency: "EUR")
    }

    /// `2–4 days` / `1 day`.
    static func days(_ min: Int?, _ max: Int?) -> String {
        let low = min ?? max ?? 0, high = max ?? min ?? 0
        return low == high ? "\(low) day\(low == 1 ? "" : "s")" : "\(low)–\(high) days"
    }
}

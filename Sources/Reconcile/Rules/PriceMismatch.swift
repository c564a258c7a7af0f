import AuditModel
import Foundation

/// The current price differs between channels (same currency, beyond the configured tolerance).
public struct PriceMismatch: Rule {
    public init() {}
    public let id = "price-mismatch"
    public let title = "Price differs between channels"
    public let rationale = """
        A customer who sees one price in the app and another on the web loses trust, and advertising a price \
        that is not charged can break consumer-protection law. Amounts are compared as decimals, so \
        `1.299,00 €` and `1299.0` are the same price; a tolerance can be configured.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let settings = context.settings(for: id)
        let entries = product.observations.compactMap { observation in
            observation.price.map {
                FieldComparison<Money>.Entry(channel: observation.channel, value: $0.value,
                                             display: $0.value.description, evidence: $0.evidence)
            }
        }
        // Different currencies are currency-mismatch's business, not a price difference.
        let currencies = Set(entries.map(\.value.currency))
        guard currencies.count == 1 else { return [] }
        let comparison = FieldComparison<Money>(rule: self, field: "price", noun: "price") { a, b in
            let difference = abs(a.amount - b.amount)
            let scale = max(abs(a.amount), abs(b.amount))
            return difference <= settings.absoluteTolerance || difference <= scale * settings.relativeTolerance
        }
        return comparison.finding(for: entries, product: product, context: context).map { [$0] } ?? []
    }

    public var examples: [RuleExample] {
        [
            RuleExample("web 49.90 EUR, app 54.90 EUR", triggers: true, [
                .example("web", price: "49.90"), .example("app", price: "54.90"),
            ]),
            RuleExample("1.299,00 € on the web and 1299.0 in the app are the same price", triggers: false, [
                .example("web", price: "1299.00"), .example("app", price: "1299.0"),
            ]),
            RuleExample("different currencies are not compared here", triggers: false, [
                .example("web", price: "49.90", currency: "EUR"), .example("us", price: "54.90", currency: "USD"),
            ]),
        ]
    }
}

import AuditModel

/// A product is priced in different currencies across channels, so its prices cannot be compared.
public struct CurrencyMismatch: Rule {
    public init() {}
    public let id = "currency-mismatch"
    public let title = "Price in a different currency in one channel"
    public let rationale = """
        A price in another currency is either a wrong feed setting (a USD feed for a EUR shop) or a misread \
        currency sign, and either way the price comparison for that channel cannot be made: omniaudit says so \
        instead of skipping it quietly. A channel that really sells in another currency declares it in the \
        config (`currency: USD` on the channel), and is then not reported.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let entries = product.observations.compactMap { observation -> FieldComparison<Money>.Entry? in
            guard let price = observation.price else { return nil }
            // The channel's declared currency is intended, whatever the others show.
            if context.declaredCurrencies[observation.channel] == price.value.currency { return nil }
            return FieldComparison<Money>.Entry(channel: observation.channel, value: price.value, evidence: price.evidence)
        }
        let comparison = FieldComparison<Money>(rule: self, field: "currency", noun: "currency",
                                                same: { $0.currency == $1.currency }, describe: { "\($0) (\($0.currency))" })
        return comparison.finding(for: entries, product: product, context: context).map { [$0] } ?? []
    }

    public var examples: [RuleExample] {
        [
            RuleExample("the app feed says USD where web and merchant say EUR", triggers: true, finding: .init(
                field: "currency", expected: ["web", "merchant"],
                message: "Currency differs: app shows 49.90 USD (USD) where web and merchant show 49.90 EUR (EUR)."), [
                .example("web", price: "49.90"), .example("app", price: "49.90", currency: "USD"),
                .example("merchant", price: "49.90"),
            ]),
            RuleExample("a US store channel declared as USD", triggers: false, declaredCurrencies: ["us": "USD"], [
                .example("web", price: "49.90", currency: "EUR"), .example("us", price: "54.90", currency: "USD"),
            ]),
            RuleExample("the same currency everywhere", triggers: false, [
                .example("web", price: "49.90"), .example("app", price: "54.90"),
            ]),
        ]
    }
}

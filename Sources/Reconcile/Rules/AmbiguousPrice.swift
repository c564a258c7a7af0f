import AuditModel

/// The main price block of a page shows more than two different prices for one product.
public struct AmbiguousPrice: Rule {
    public init() {}
    public let id = "ambiguous-price"
    public let title = "More than two prices shown for one product"
    public let rationale = """
        A price block normally shows the price to pay and, during a sale, the struck-through regular price. A \
        third amount (an old promotion left in the template, a member price, a price per variant) leaves the \
        customer guessing what they will pay, and omniaudit cannot tell which one to compare either.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        product.observations.compactMap { observation -> Finding? in
            let shown = PageClaims.distinct((observation.claims ?? []).filter { $0.syntax == .visible })
            guard shown.count > 2 else { return nil }
            let amounts = shown.map(\.price.value.description).joined(separator: ", ")
            return Finding(rule: id, severity: defaultSeverity, product: product.id, field: "price", page: observation.origin?.source,
                           observations: shown.map { PageClaims.value($0, channel: observation.channel, expected: false) },
                           message: "The price block on \(observation.channel) shows \(shown.count) different prices: \(amounts).")
        }
    }

    public var examples: [RuleExample] {
        [
            RuleExample("sale price, regular price and a third amount", triggers: true, finding: .init(field: "price", expected: [], message: "The price block on web shows 3 different prices: 49.90 EUR, 59.90 EUR, 44.90 EUR."),
                        [PageClaims.example([(.visible, .current, "49.90"), (.visible, .list, "59.90"), (.visible, .current, "44.90")])]),
            RuleExample("sale price and struck-through regular price", triggers: false,
                        [PageClaims.example([(.visible, .current, "49.90"), (.visible, .list, "59.90")])]),
        ]
    }
}

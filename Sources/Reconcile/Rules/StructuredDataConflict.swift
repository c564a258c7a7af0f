import AuditModel

/// Two markup statements on one page disagree about the current price (e.g. `og:price:amount` 0 beside a
/// JSON-LD price, or two JSON-LD blocks from two plugins).
public struct StructuredDataConflict: Rule {
    public init() {}
    public let id = "structured-data-conflict"
    public let title = "Markup blocks on one page disagree"
    public let rationale = """
        Shops often print the price several times in markup: a JSON-LD block from the theme, another from an SEO \
        plugin, microdata, OpenGraph tags for social previews. When they disagree, each consumer (Google, \
        Facebook catalogs, comparators) picks a different one — a social preview advertising 0,00 € is a classic.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let settings = context.settings(for: id)
        return product.observations.compactMap { observation -> Finding? in
            // The offers of one product node are one statement: they may price sizes or sellers differently. Two
            // statements conflict when they have no price in common.
            let statements = PageClaims.statements((observation.claims ?? []).filter { $0.syntax.isMarkup && $0.role == .current })
            guard let first = statements.first,
                statements.dropFirst().contains(where: { other in !other.contains { PageClaims.states(first, $0.price.value, settings) } })
            else { return nil }
            let markup = PageClaims.distinct(statements.flatMap { $0 })
            let values = markup.map { PageClaims.value($0, channel: observation.channel, expected: PageClaims.states(first, $0.price.value, settings)) }
            let stated = markup.map { "\($0.syntax.rawValue) \($0.price.value)" }.joined(separator: ", ")
            return Finding(rule: id, severity: defaultSeverity, product: product.id, field: "price", page: observation.origin?.source,
                           observations: values,
                           message: "The page's markup states different prices: \(stated).")
        }
    }

    public var examples: [RuleExample] {
        [
            RuleExample("og:price:amount 0 beside a JSON-LD price of 49.90", triggers: true, finding: .init(field: "price", expected: ["web"], message: "The page's markup states different prices: json-ld 49.90 EUR, opengraph 0.00 EUR."),
                        [PageClaims.example([(.jsonLD, .current, "49.90"), (.openGraph, .current, "0")])]),
            RuleExample("JSON-LD and microdata agree", triggers: false,
                        [PageClaims.example([(.jsonLD, .current, "49.90"), (.microdata, .current, "49.9")])]),
            RuleExample("one product's offers price two sizes differently", triggers: false,
                        [PageClaims.example([(.jsonLD, .current, "70.50"), (.jsonLD, .current, "62.95")],
                                            locators: ["json-ld[0].offers[0].price", "json-ld[0].offers[1].price"])]),
            RuleExample("two JSON-LD blocks from two plugins disagree", triggers: true, finding: .init(field: "price", expected: ["web"], message: "The page's markup states different prices: json-ld 49.90 EUR, json-ld 54.90 EUR."),
                        [PageClaims.example([(.jsonLD, .current, "49.90"), (.jsonLD, .current, "54.90")],
                                            locators: ["json-ld[0].offers.price", "json-ld[1].offers.price"])]),
        ]
    }
}

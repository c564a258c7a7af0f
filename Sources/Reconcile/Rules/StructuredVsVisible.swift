import AuditModel

/// The price in the page's markup (JSON-LD, microdata, RDFa, OpenGraph) differs from the price a customer sees.
public struct StructuredVsVisible: Rule {
    public init() {}
    public let id = "structured-vs-visible"
    public let title = "Markup price differs from the visible price"
    public let rationale = """
        Search engines, Google Shopping and price comparators read the page's structured data; customers read the \
        page. When they differ (often a stale cache or a theme that forgot the sale price), Merchant Center \
        disapproves the product and the shop advertises a price it does not charge. The visible price is taken as \
        the expected one. Availability is compared the same way: markup "InStock" on a page that shows "Esaurito".
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        priceFindings(product, context: context) + availabilityFindings(product)
    }

    /// The markup says buyable, the page says sold out (or the other way round).
    private func availabilityFindings(_ product: MatchedProduct) -> [Finding] {
        product.observations.compactMap { observation -> Finding? in
            // Only a page that positively shows "sold out" is compared: reading "available" out of free text is
            // too weak to contradict the markup.
            guard let markup = observation.availability, let shown = observation.visibleAvailability,
                shown.value.buyability == .notBuyable, markup.value.buyability == .buyable
            else { return nil }
            let values = [
                Finding.ChannelValue(channel: observation.channel, value: "\(shown.value.rawValue) (visible)", evidence: shown.evidence, expected: true),
                Finding.ChannelValue(channel: observation.channel, value: "\(markup.value.rawValue) (markup)", evidence: markup.evidence, expected: false),
            ]
            return Finding(rule: id, severity: defaultSeverity, product: product.id, field: "availability", page: observation.origin?.source,
                           observations: values,
                           message: "On \(observation.channel) the page shows \(shown.value.rawValue) but its markup says \(markup.value.rawValue).")
        }
    }

    private func priceFindings(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let settings = context.settings(for: id)
        return product.observations.compactMap { observation -> Finding? in
            let claims = observation.claims ?? []
            guard let shown = claims.first(where: { $0.syntax == .visible && $0.role == .current }) else { return nil }
            // schema.org markup only: OpenGraph tags feed social previews, and their disagreements are
            // structured-data-conflict's business.
            // A statement whose offers include the shown price agrees (its other offers are other sizes or sellers).
            let markup = claims.filter { $0.syntax.isMarkup && $0.syntax != .openGraph && $0.role == .current && $0.price.value.currency == shown.price.value.currency }
            let deviating = PageClaims.distinct(PageClaims.statements(markup).filter { !PageClaims.states($0, shown.price.value, settings) }.flatMap { $0 })
            guard !deviating.isEmpty else { return nil }
            let values = [PageClaims.value(shown, channel: observation.channel, expected: true)]
                + deviating.map { PageClaims.value($0, channel: observation.channel, expected: false) }
            let stated = deviating.map { "\($0.syntax.rawValue) says \($0.price.value)" }.joined(separator: ", ")
            return Finding(rule: id, severity: defaultSeverity, product: product.id, field: "price", page: observation.origin?.source,
                           observations: values,
                           message: "On \(observation.channel) the page shows \(shown.price.value) but its \(stated).")
        }
    }

    public var examples: [RuleExample] {
        [
            RuleExample("JSON-LD says 54.90, the page shows 49.90", triggers: true, finding: .init(field: "price", expected: ["web"], message: "On web the page shows 49.90 EUR but its json-ld says 54.90 EUR."),
                        [PageClaims.example([(.jsonLD, .current, "54.90"), (.visible, .current, "49.90")])]),
            RuleExample("JSON-LD says in stock, the page shows sold out", triggers: true, finding: .init(field: "availability", expected: ["web"], message: "On web the page shows out_of_stock but its markup says in_stock."), [{
                var observation = PageClaims.example([])
                observation.availability = Observed(.inStock, Evidence(source: "example:web", locator: "json-ld", raw: "InStock"))
                observation.visibleAvailability = Observed(.outOfStock, Evidence(source: "example:web", locator: "button", raw: "Esaurito"))
                return observation
            }()]),
            RuleExample("JSON-LD and the page agree; the struck-through price is not compared", triggers: false,
                        [PageClaims.example([(.jsonLD, .current, "49.90"), (.visible, .current, "49.9"), (.visible, .list, "59.90")])]),
            RuleExample("one product's offers price two sizes, the page shows one of them", triggers: false,
                        [PageClaims.example([(.jsonLD, .current, "54.90"), (.jsonLD, .current, "49.90"), (.visible, .current, "49.90")],
                                            locators: ["json-ld[0].offers[0].price", "json-ld[0].offers[1].price", "span.price"])]),
        ]
    }
}

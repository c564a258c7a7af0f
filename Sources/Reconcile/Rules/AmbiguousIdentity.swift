import AuditModel

/// An observation would join two products that have different SKUs or GTINs; the matcher refused the link.
public struct AmbiguousIdentity: Rule {
    public init() {}
    public let id = "ambiguous-identity"
    public let title = "An observation could belong to two products"
    public let rationale = """
        A page without a SKU whose GTIN names one product and whose canonical URL names another would, if \
        followed, merge two products into one: a false price alarm for one and a missed absence for the other. \
        omniaudit refuses such a link, keeps the products apart and reports the observation that bridged them, \
        with both candidates, so the wrong identifier can be fixed at its source.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        product.refusedLinks.map { link in
            let bridge = link.bridge
            let evidence = bridge.origin ?? Evidence(source: bridge.channel, locator: "", raw: "")
            return Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "identity",
                observations: [
                    .init(channel: bridge.channel, value: product.id, evidence: evidence, expected: true),
                    .init(channel: bridge.channel, value: link.other, evidence: evidence, expected: false),
                ],
                message: "A \(bridge.channel) observation at \(evidence.source) belongs to \(product.id) but its "
                    + "\(link.field.rawValue) \(link.value) is also \(link.other)'s; they have different "
                    + "\(link.conflict.rawValue)s, so they were kept apart.")
        }
    }

    public var examples: [RuleExample] {
        var bridge = Observation(channel: "web", key: ProductKey(gtin: "8001234567890", url: "https://s/p/2"),
                                 origin: Evidence(source: "https://s/p/x", locator: "json-ld[0]", raw: ""))
        bridge.title = nil
        return [
            RuleExample("a web page with SKU-1's GTIN and SKU-2's URL", triggers: true, finding: .init(
                field: "identity", expected: ["web"],
                message: "A web observation at https://s/p/x belongs to sku:SKU-1 but its url https://s/p/2 is also "
                    + "sku:SKU-2's; they have different skus, so they were kept apart."), [
                Observation(channel: "app", key: ProductKey(sku: "SKU-1", gtin: "8001234567890")),
                Observation(channel: "app", key: ProductKey(sku: "SKU-2", url: "https://s/p/2")),
                bridge,
            ]),
            RuleExample("a web page with the GTIN and URL of one product", triggers: false, [
                Observation(channel: "app", key: ProductKey(sku: "SKU-1", gtin: "8001234567890", url: "https://s/p/1")),
                Observation(channel: "web", key: ProductKey(gtin: "8001234567890", url: "https://s/p/1")),
            ]),
        ]
    }
}

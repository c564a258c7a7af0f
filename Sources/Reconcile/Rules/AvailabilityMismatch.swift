import AuditModel

/// Availability differs between channels in a way a customer notices (buyable vs not buyable, pre-order …).
public struct AvailabilityMismatch: Rule {
    public init() {}
    public let id = "availability-mismatch"
    public let title = "Availability differs between channels"
    public let rationale = """
        A product sold out in the app but "disponibile" on the web sends customers to a dead end, or sells \
        what cannot be delivered. Values are compared by what a customer can do: `in_stock` and `limited` \
        ("solo 3 pezzi") are both buyable and do not differ; `unknown` is never compared.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let entries = product.observations.compactMap { observation in
            observation.availability.flatMap { observed in
                observed.value == .unknown ? nil : FieldComparison<Availability>.Entry(
                    channel: observation.channel, value: observed.value, evidence: observed.evidence)
            }
        }
        let comparison = FieldComparison<Availability>(rule: self, field: "availability", noun: "availability",
                                                       same: { $0.buyability == $1.buyability }, describe: \.rawValue)
        return comparison.finding(for: entries, product: product, context: context).map { [$0] } ?? []
    }

    public var examples: [RuleExample] {
        [
            RuleExample("in stock on the web, sold out in the app", triggers: true, finding: .init(
                field: "availability", expected: [],
                message: "Availability differs: web shows in_stock, app shows out_of_stock."), [
                .example("web", availability: .inStock), .example("app", availability: .outOfStock),
            ]),
            RuleExample("pre-order in the app, in stock on the web and in the store feed", triggers: true, finding: .init(
                field: "availability", expected: ["web", "store"],
                message: "Availability differs: app shows preorder where web and store show in_stock."), [
                .example("web", availability: .inStock), .example("app", availability: .preorder),
                .example("store", availability: .inStock),
            ]),
            RuleExample("\"solo 3 pezzi\" (limited) and in_stock are both buyable", triggers: false, [
                .example("web", availability: .limited), .example("app", availability: .inStock),
            ]),
            RuleExample("unknown is not compared", triggers: false, [
                .example("web", availability: .unknown), .example("app", availability: .outOfStock),
            ]),
        ]
    }
}

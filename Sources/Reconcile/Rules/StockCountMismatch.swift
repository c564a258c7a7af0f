import AuditModel
import Foundation

/// The stated stock count differs between channels ("ultimi 8 pezzi" on the web, 0 in the store feed).
public struct StockCountMismatch: Rule {
    public init() {}
    public let id = "stock-count-mismatch"
    public let title = "Stock count differs between channels"
    public let rationale = """
        "Only 8 left" on the product page while the store or app feed holds 0 is a false scarcity claim or an \
        order that cannot be fulfilled. Counts are compared only where channels state one; `tolerance: "2"` \
        allows small differences between feeds refreshed at different times.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let settings = context.settings(for: id)
        let entries = product.observations.compactMap { observation in
            observation.stockCount.map {
                FieldComparison<Int>.Entry(channel: observation.channel, value: $0.value, evidence: $0.evidence)
            }
        }
        let comparison = FieldComparison<Int>(
            rule: self, field: "stock_count", noun: "stock count", 
            same: { expected, value in
                let difference = Decimal(abs(value - expected))
                // Zero against a positive count is always a difference: one channel can sell, the other cannot.
                return (expected == 0) == (value == 0)
                    && (difference <= settings.absoluteTolerance || difference <= Decimal(abs(expected)) * settings.relativeTolerance)
            },
            describe: { "\($0) in stock" },
            delta: { value, expected in value >= expected ? "+\(value - expected)" : "−\(expected - value)" },
            less: <)
        return comparison.finding(for: entries, product: product, context: context).map { [$0] } ?? []
    }

    public var examples: [RuleExample] {
        [
            RuleExample("\"ultimi 8 pezzi\" on the web, 0 in the store feed (the reference)", triggers: true, reference: "store",
                        finding: .init(field: "stock_count", expected: ["store"],
                                       message: "Stock count differs: web shows 8 in stock (+8) where the reference channel store shows 0 in stock."), [
                .example("web", stock: 8), .example("store", stock: 0),
            ]),
            RuleExample("8 on the web and 9 in the app with tolerance 2", triggers: false,
                        settings: ["stock-count-mismatch": RuleSettings(absoluteTolerance: 2)], [
                .example("web", stock: 8), .example("app", stock: 9),
            ]),
        ]
    }
}

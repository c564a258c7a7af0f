import AuditModel
import Foundation

/// The regular (struck-through, "was") price differs between channels.
public struct ListPriceMismatch: Rule {
    public init() {}
    public let id = "list-price-mismatch"
    public let title = "Regular (struck-through) price differs between channels"
    public let rationale = """
        The struck-through price is what a discount is measured against: "-20 % on 59,90 €" in the app and \
        "-20 % on 64,90 €" on the web cannot both be true, and an inflated reference price breaks the EU rules \
        on price reductions. Compared like `price-mismatch`: one vote per channel, per currency, with its own \
        tolerance.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        MoneyDelta.findings(rule: self, field: "list_price", noun: "regular price", of: \.listPrice, product: product, context: context)
    }

    public var examples: [RuleExample] {
        [
            RuleExample("struck-through 64.90 in the app, 59.90 on web and merchant", triggers: true, finding: .init(
                field: "list_price", expected: ["web", "merchant"],
                message: "Regular price differs: app shows 64.90 EUR (+5.00 EUR, +8.3 %) where web and merchant show 59.90 EUR."), [
                .example("web", listPrice: "59.90"), .example("app", listPrice: "64.90"), .example("merchant", listPrice: "59.90"),
            ]),
            RuleExample("the same regular price everywhere", triggers: false, [
                .example("web", listPrice: "59.90"), .example("app", listPrice: "59.9"),
            ]),
        ]
    }
}

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
        `1.299,00 €` and `1299.0` are the same price. Each channel has one vote; the expected price is the \
        reference channel's, else the one most channels agree with, and channels within the tolerance of it \
        (`tolerance: "0.01"` or `tolerance: "2%"` of the expected amount; default exact) are never reported. \
        Prices in different currencies are compared per currency; the difference itself is `currency-mismatch`.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        MoneyDelta.findings(rule: self, field: "price", noun: "price", of: \.price, product: product, context: context)
    }

    public var examples: [RuleExample] {
        let tolerance = ["price-mismatch": RuleSettings(absoluteTolerance: Decimal(string: "0.01")!)]
        return [
            RuleExample("web 49.90 EUR, app 54.90 EUR: no majority, nobody blamed", triggers: true, finding: .init(
                field: "price", expected: [],
                message: "Price differs: web shows 49.90 EUR, app shows 54.90 EUR (+5.00 EUR, +10.0 %)."), [
                .example("web", price: "49.90"), .example("app", price: "54.90"),
            ]),
            RuleExample("the app deviates from web and merchant", triggers: true, finding: .init(
                field: "price", expected: ["web", "merchant"],
                message: "Price differs: app shows 12.00 EUR (+2.00 EUR, +20.0 %) where web and merchant show 10.00 EUR."), [
                .example("web", price: "10.00"), .example("app", price: "12.00"), .example("merchant", price: "10.00"),
            ]),
            RuleExample("two web pages are one vote: they do not outvote the app", triggers: true, finding: .init(
                field: "price", expected: [],
                message: "Price differs: web shows 100.00 EUR, app shows 120.00 EUR (+20.00 EUR, +20.0 %)."), [
                .example("web", price: "100.00"), .example("web", price: "100.00"), .example("app", price: "120.00"),
            ]),
            RuleExample("three channels, three prices: no majority, nobody blamed", triggers: true, finding: .init(
                field: "price", expected: [],
                message: "Price differs with no majority: web shows 10.00 EUR, app shows 12.00 EUR, merchant shows 11.00 EUR; "
                    + "name a reference channel to decide which is right."), [
                .example("web", price: "10.00"), .example("app", price: "12.00"), .example("merchant", price: "11.00"),
            ]),
            RuleExample("the reference channel decides", triggers: true, reference: "app", finding: .init(
                field: "price", expected: ["app"],
                message: "Price differs: web shows 10.00 EUR (−2.00 EUR, −16.7 %), merchant shows 10.00 EUR (−2.00 EUR, "
                    + "−16.7 %) where the reference channel app shows 12.00 EUR."), [
                .example("web", price: "10.00"), .example("app", price: "12.00"), .example("merchant", price: "10.00"),
            ]),
            RuleExample("1.299,00 € on the web and 1299.0 in the app are the same price", triggers: false, [
                .example("web", price: "1299.00"), .example("app", price: "1299.0"),
            ]),
            RuleExample("10.00, 10.01 and 10.02 with tolerance 0.01 all agree with 10.01", triggers: false, settings: tolerance, [
                .example("a", price: "10.00"), .example("b", price: "10.01"), .example("c", price: "10.02"),
            ]),
            RuleExample("prices in two currencies are not compared with each other", triggers: false, [
                .example("web", price: "49.90", currency: "EUR"), .example("us", price: "54.90", currency: "USD"),
            ]),
        ]
    }
}

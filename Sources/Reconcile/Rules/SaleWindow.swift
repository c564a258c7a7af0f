import AuditModel
import Foundation

/// A price is shown outside the window its own markup gives it (`priceValidUntil` in the past, `validFrom` in
/// the future).
public struct SaleWindow: Rule {
    public init() {}
    public let id = "sale-window"
    public let title = "Price shown outside its validity window"
    public let rationale = """
        A sale price whose `priceValidUntil` has passed is either a sale that should have ended or markup nobody \
        updates; Google flags expired dates and may drop the offer. A window that has not started yet means the \
        sale price went live early. The audit day comes from the clock (or `--as-of`) in the shop's timezone.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        guard let day = context.asOf else { return [] }
        return product.observations.compactMap { observation -> Finding? in
            guard let window = observation.saleWindow, let price = observation.price, !window.value.contains(day) else { return nil }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            let when: String
            if let end = window.value.end, end < day {
                when = "valid until \(formatter.string(from: end)), which has passed"
            } else if let start = window.value.start {
                when = "valid from \(formatter.string(from: start)), which has not come yet"
            } else {
                when = "outside its validity window"
            }
            return Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "price", page: observation.origin?.source,
                           observations: [
                    .init(channel: observation.channel, value: price.value.description, evidence: price.evidence, expected: false),
                    .init(channel: observation.channel, value: when, evidence: window.evidence, expected: false),
                ],
                message: "On \(observation.channel) the price \(price.value) is marked \(when) (audit day \(formatter.string(from: day))).")
        }
    }

    public var examples: [RuleExample] {
        func observation(until end: String) -> Observation {
            var observation = Observation.example("web", price: "49.90")
            let date = ISO8601DateFormatter().date(from: end + "T23:59:59Z")
            observation.saleWindow = Observed(DateWindow(end: date), Evidence(source: "example:web", locator: "priceValidUntil", raw: end))
            return observation
        }
        return [
            RuleExample("priceValidUntil 2025-12-31 on 2026-11-23", triggers: true, finding: .init(field: "price", expected: [], message: "On web the price 49.90 EUR is marked valid until 2025-12-31, which has passed (audit day 2026-11-23)."), [observation(until: "2025-12-31")]),
            RuleExample("priceValidUntil 2026-12-31 on 2026-11-23", triggers: false, [observation(until: "2026-12-31")]),
        ]
    }
}

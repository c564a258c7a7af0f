import AuditModel
import Foundation

/// An announced reduction whose reference (struck-through) price is higher than the lowest price of the
/// previous 30 days (EU Price Indication Directive, art. 6a, as amended by Directive 2019/2161).
public struct OmnibusReferencePrice: Rule {
    public init() {}
    public let id = "omnibus-reference-price"
    public let title = "Reduction measured from a price higher than the 30-day low"
    public let rationale = """
        Under the EU Price Indication Directive as amended by the Omnibus Directive 2019/2161 (in Italy \
        D.Lgs. 26/2023, art. 17-bis of the Codice del Consumo), an announced price reduction must use as its \
        reference the lowest price applied in the 30 days before it. A struck-through price above that low \
        (raise the price, then "sale") misleads customers and is fined. Needs the run history (`history:`): \
        the lowest price seen by earlier runs in the same channel is compared; while the history covers fewer \
        than 30 days, one notice per channel lists the reductions that could not be confirmed yet.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        reductions(product, context: context).compactMap { reduction -> Finding? in
            guard let low = reduction.low, low.price.amount < reduction.list.value.amount else { return nil }
            let observation = reduction.observation
            return Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "list_price", page: observation.origin?.source,
                observations: [
                    .init(channel: observation.channel, value: reduction.list.value.description, evidence: reduction.list.evidence,
                          expected: false),
                    .init(channel: observation.channel, value: "\(low.price) on \(low.day)", evidence: nil, expected: true),
                ],
                message: "\(observation.channel) announces \(reduction.list.value) → \(reduction.price.value), but the lowest "
                    + "price in the 30 days before it started was \(low.price) on \(low.day): the reduction must be measured from it.")
        }
    }

    /// While the history does not reach 30 days before a reduction started, one notice per channel with the
    /// reductions that could not be confirmed yet (a violation already visible is reported by `check` all the same).
    public func shortHistoryFindings(_ products: [MatchedProduct], context: RuleContext) -> [Finding] {
        var unconfirmed: [String: [String]] = [:]
        for product in products { collectUnconfirmed(product, context: context, into: &unconfirmed) }
        return shortHistoryFindings(unconfirmed: unconfirmed, context: context)
    }

    /// Adds the product's id under each channel whose reduction the history cannot confirm yet (one product at a
    /// time, so the products never need to be in memory together).
    public func collectUnconfirmed(_ product: MatchedProduct, context: RuleContext, into unconfirmed: inout [String: [String]]) {
        guard let history = context.history else { return }
        for reduction in reductions(product, context: context)
        where !(reduction.low.map { $0.price.amount < reduction.list.value.amount } ?? false)
            && (history.firstDay ?? "9999") > reduction.windowStart {
            unconfirmed[reduction.observation.channel, default: []].append(product.id)
        }
    }

    /// The notices for the product ids `collectUnconfirmed` gathered, one per channel.
    public func shortHistoryFindings(unconfirmed: [String: [String]], context: RuleContext) -> [Finding] {
        guard let history = context.history else { return [] }
        let covered = history.firstDay.map { "runs since \($0)" } ?? "no earlier run"
        return context.channels.compactMap { channel -> Finding? in
            guard let ids = unconfirmed[channel], !ids.isEmpty else { return nil }
            let unique = Array(Set(ids)).sorted()
            let shown = unique.prefix(5).joined(separator: ", ") + (unique.count > 5 ? " and \(unique.count - 5) more" : "")
            return Finding(
                rule: id, severity: .notice, product: "history:\(channel)", field: "list_price",
                observations: [.init(channel: channel, value: "\(unique.count) reductions", evidence: nil, expected: false)],
                message: "The history has \(covered), not the 30 days before each reduction started: the reference price of \(unique.count) "
                    + "announced reduction\(unique.count == 1 ? "" : "s") in \(channel) could not be confirmed yet (\(shown)).")
        }
    }

    /// The product's announced reductions (a list price above the price, same currency) with the lowest price of
    /// their channel in the 30 days before the reduction started, and where that window starts.
    private func reductions(_ product: MatchedProduct, context: RuleContext)
        -> [(observation: Observation, price: Observed<Money>, list: Observed<Money>, low: PriceHistory.Point?, windowStart: String)]
    {
        guard let history = context.history, let today = context.asOf else { return [] }
        let day = PriceHistory.day(today)
        return product.observations.compactMap { observation in
            guard let price = observation.price, let list = observation.listPrice,
                list.value.currency == price.value.currency, list.value.amount > price.value.amount
            else { return nil }
            let start = history.reductionStart(product: product.id, channel: observation.channel, list: list.value, before: day)
            let startDate = PriceHistory.noon(start) ?? today
            let first = PriceHistory.day(startDate, offset: -30), last = PriceHistory.day(startDate, offset: -1)
            let low = history.lowest(product: product.id, channel: observation.channel, currency: list.value.currency,
                                     from: first, through: last)
            return (observation, price, list, low, first)
        }
    }

    public var examples: [RuleExample] {
        let raised = PriceHistory(points: [
            ("sku:EX-1", "web", .init(day: "2026-11-01", price: Self.euro("39.90"))),
            ("sku:EX-1", "web", .init(day: "2026-11-15", price: Self.euro("49.90"))),
        ], firstDay: "2026-10-01")
        let steady = PriceHistory(points: [
            ("sku:EX-1", "web", .init(day: "2026-11-01", price: Self.euro("49.90"))),
        ], firstDay: "2026-10-01")
        var sale = RuleExample("raised to 49.90 on 11-15 after 39.90 on 11-01, then 'sale' 49.90 → 44.90", triggers: true, finding: .init(
            field: "list_price", expected: ["web"],
            message: "web announces 49.90 EUR → 44.90 EUR, but the lowest price in the 30 days before it started was 39.90 EUR on "
                + "2026-11-01: the reduction must be measured from it."), [.example("web", price: "44.90", listPrice: "49.90")])
        sale.history = raised
        let ongoing = PriceHistory(points: [
            ("sku:EX-1", "web", .init(day: "2026-10-20", price: Self.euro("49.90"))),
            ("sku:EX-1", "web", .init(day: "2026-11-10", price: Self.euro("44.90"), list: Self.euro("49.90"))),
            ("sku:EX-1", "web", .init(day: "2026-11-20", price: Self.euro("44.90"), list: Self.euro("49.90"))),
        ], firstDay: "2026-10-01")
        var running = RuleExample("a sale running since 11-10 is measured from the 30 days before 11-10 (49.90)", triggers: false,
                                  [.example("web", price: "44.90", listPrice: "49.90")])
        running.history = ongoing
        var fair = RuleExample("49.90 for the whole month, then 49.90 → 44.90", triggers: false, [.example("web", price: "44.90", listPrice: "49.90")])
        fair.history = steady
        return [sale, fair, running]
    }

    private static func euro(_ amount: String) -> Money {
        Money(amount: Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) ?? 0, currency: "EUR")
    }
}


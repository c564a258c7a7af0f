import AuditModel
import Foundation

/// What the promo rules share: telling a promo message's observations from the site's, whether a promotion is
/// running on the audit day, and building findings and examples.
enum PromoComparison {
    /// Observations from promo messages (`kind: email` / `kind: sms`).
    static func promos(_ product: MatchedProduct) -> [(Observation, Observed<Promo>)] {
        product.observations.compactMap { observation in observation.promo.map { (observation, $0) } }
    }

    /// The site's own observations with a price (web, app, feeds, stores), one per channel (the first).
    static func site(_ product: MatchedProduct) -> [Observation] {
        var seen: Set<String> = []
        return product.observations.filter { $0.promo == nil && $0.price != nil && seen.insert($0.channel).inserted }
    }

    /// Whether the promotion applies on `day`: inside its window; without a window, within a week of sending.
    static func running(_ promo: Promo, on day: Date?) -> Bool {
        guard let day else { return false }
        if let window = promo.valid, window.start != nil || window.end != nil {
            // The audit day is noon UTC of the shop's day: a window ending that evening still counts.
            return DateWindow(start: window.start.map { $0.addingTimeInterval(-43_200) }, end: window.end.map { $0.addingTimeInterval(43_200) })
                .contains(day)
        }
        guard let sent = promo.sent else { return true }
        return day >= sent.addingTimeInterval(-43_200) && day.timeIntervalSince(sent) <= 7 * 86_400
    }

    static func day(_ date: Date?) -> String {
        guard let date else { return "?" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    static func percent(_ value: Decimal) -> String {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 1, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// An example promo observation: channel `mail`, sent 2026-11-16, valid through 2026-11-29 unless given.
    static func mail(price: String, list: String? = nil, percent: String? = nil, code: String? = nil,
                     sent: String = "2026-11-16T08:00:00Z", validUntil: String? = "2026-11-29T22:59:59Z",
                     freeOver: String? = nil) -> Observation {
        var observation = Observation.example("mail", price: price, listPrice: list)
        let iso = ISO8601DateFormatter()
        let promo = Promo(code: code, percentOff: percent.flatMap { Decimal(string: $0) },
                          valid: validUntil.map { DateWindow(end: iso.date(from: $0)) }, sent: iso.date(from: sent))
        let evidence = Evidence(source: "example:mail", locator: "part 2 line 5", raw: percent.map { "-\($0)%" } ?? price)
        observation.promo = Observed(promo, evidence)
        if let freeOver, let amount = Decimal(string: freeOver) {
            observation.shipping = Observed(ShippingTerms(isFree: false, freeOver: Money(amount: amount, currency: "EUR")), evidence)
        }
        return observation
    }

    /// An example promo message as a whole: channel `mail`, `example.mbox message 1`, subject "Natale".
    static func message(code: String? = nil, sent: String = "2026-11-16T08:00:00Z", validUntil: String? = nil,
                        freeOver: String? = nil, hasProducts: Bool = false) -> MessagePromise {
        let iso = ISO8601DateFormatter()
        let evidence = Evidence(source: "example.mbox", locator: "message 1 line 4", raw: code ?? "offerta")
        let promo = Promo(code: code, valid: validUntil.map { DateWindow(end: iso.date(from: $0)) }, sent: iso.date(from: sent))
        return MessagePromise(
            channel: "mail", message: Evidence(source: "example.mbox", locator: "message 1", raw: "Natale"),
            promo: Observed(promo, evidence), code: code.map { Observed($0, evidence) },
            freeShippingOver: freeOver.flatMap { Decimal(string: $0) }.map {
                Observed(Money(amount: $0, currency: "EUR"), Evidence(source: "example.mbox", locator: "message 1 line 6", raw: "sopra i \($0) €"))
            },
            hasProducts: hasProducts)
    }
}

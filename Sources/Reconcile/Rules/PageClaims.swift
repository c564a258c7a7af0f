import AuditModel
import Foundation

/// Helpers shared by the rules that compare the price statements of one page.
enum PageClaims {
    /// True when two amounts in the same currency differ beyond the rule's tolerance.
    static func differ(_ a: Money, _ b: Money, _ settings: RuleSettings) -> Bool {
        guard a.currency == b.currency else { return true }
        let difference = abs(a.amount - b.amount)
        return difference > settings.absoluteTolerance && difference > max(abs(a.amount), abs(b.amount)) * settings.relativeTolerance
    }

    /// A finding value for one claim: `49.90 EUR (json-ld)` with its evidence.
    static func value(_ claim: PriceClaim, channel: String, expected: Bool) -> Finding.ChannelValue {
        let role = claim.role == .list ? " list" : ""
        return Finding.ChannelValue(channel: channel, value: "\(claim.price.value) (\(claim.syntax.rawValue)\(role))",
                                    evidence: claim.price.evidence, expected: expected)
    }

    /// The distinct claims by amount and currency, first occurrence kept.
    static func distinct(_ claims: [PriceClaim]) -> [PriceClaim] {
        var seen: Set<Money> = []
        return claims.filter { seen.insert($0.price.value).inserted }
    }

    /// An example observation on a page with claims.
    static func example(_ claims: [(PageSyntax, PriceClaim.Role, String)]) -> Observation {
        var observation = Observation.example("web")
        observation.claims = claims.map { syntax, role, amount in
            PriceClaim(syntax: syntax, role: role, price: Observed(
                Money(amount: Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) ?? 0, currency: "EUR"),
                Evidence(source: "example:web", locator: syntax.rawValue, raw: amount)))
        }
        return observation
    }
}

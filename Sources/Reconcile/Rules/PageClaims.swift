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
        let role = claim.role == .current ? "" : " " + claim.role.rawValue
        return Finding.ChannelValue(channel: channel, value: "\(claim.price.value) (\(claim.syntax.rawValue)\(role))",
                                    evidence: claim.price.evidence, expected: expected)
    }

    /// The distinct claims by amount and currency, first occurrence kept.
    static func distinct(_ claims: [PriceClaim]) -> [PriceClaim] {
        var seen: Set<Money> = []
        return claims.filter { seen.insert($0.price.value).inserted }
    }

    /// The markup statement a claim belongs to: the product node whose offers state it (`json-ld[0]` for
    /// `json-ld[0].offers[2].price`, `microdata[1]`), or the tag itself (OpenGraph). The offers of one product may
    /// price sizes, sellers or payment plans differently; two statements disagree only when no price of one is a
    /// price of the other.
    static func statement(of claim: PriceClaim) -> String {
        let locator = claim.price.evidence.locator
        guard let offers = locator.range(of: ".offers") else { return locator }
        return String(locator[..<offers.lowerBound])
    }

    /// The claims grouped by statement, in order of first appearance.
    static func statements(_ claims: [PriceClaim]) -> [[PriceClaim]] {
        var order: [String] = []
        var groups: [String: [PriceClaim]] = [:]
        for claim in claims {
            let key = statement(of: claim)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(claim)
        }
        return order.map { groups[$0]! }
    }

    /// True when some claim of `statement` states `price` (within the tolerance).
    static func states(_ statement: [PriceClaim], _ price: Money, _ settings: RuleSettings) -> Bool {
        statement.contains { !differ($0.price.value, price, settings) }
    }

    /// An example observation on a page with claims.
    /// `locators` place each claim (by default its syntax's name, one statement per syntax).
    static func example(_ claims: [(PageSyntax, PriceClaim.Role, String)], locators: [String]? = nil) -> Observation {
        var observation = Observation.example("web")
        observation.claims = claims.enumerated().map { index, claim in
            let (syntax, role, amount) = claim
            return PriceClaim(syntax: syntax, role: role, price: Observed(
                Money(amount: Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) ?? 0, currency: "EUR"),
                Evidence(source: "example:web", locator: locators?[index] ?? syntax.rawValue, raw: amount)))
        }
        return observation
    }
}

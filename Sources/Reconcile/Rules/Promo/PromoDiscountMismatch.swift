import AuditModel
import Foundation

/// A promo message promises a percent off a product that the site's prices do not give.
public struct PromoDiscountMismatch: Rule {
    public init() {}
    public let id = "promo-discount-mismatch"
    public let title = "Advertised discount differs from the site's"
    public let rationale = """
        "-30%" in an e-mail while the product page shows only 10 % off its list price is a promise not kept. \
        The site's discount is its price against its list price (else against the list price the message \
        shows); it must be within 1 percentage point of the promised one (setting `tolerance: "2"` widens \
        that) while the promotion is valid. Needs an `email` or `sms` channel that states a percent beside the \
        product.
        """
    public let defaultSeverity = Severity.error
    public var readsPromos: Bool { true }

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let configured = context.settings(for: id).absoluteTolerance
        let tolerance = configured > 0 ? configured : 1
        var findings: [Finding] = []
        for (mail, promo) in PromoComparison.promos(product) {
            guard let promised = promo.value.percentOff, PromoComparison.running(promo.value, on: context.asOf) else { continue }
            var short: [(Observation, Decimal)] = []
            for site in PromoComparison.site(product) {
                guard let price = site.price?.value,
                    let list = site.listPrice?.value ?? mail.listPrice?.value, list.currency == price.currency, list.amount > 0
                else { continue }
                let given = (1 - price.amount / list.amount) * 100
                if given + tolerance < promised { short.append((site, given)) }
            }
            guard !short.isEmpty else { continue }
            let shown = short.map { "\($0.0.channel) gives \(PromoComparison.percent($0.1)) % (\($0.0.price!.value))" }
                .joined(separator: ", ")
            findings.append(Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "discount", page: promo.evidence.source,
                observations: [.init(channel: mail.channel, value: "-\(PromoComparison.percent(promised)) %", evidence: promo.evidence, expected: true)]
                    + short.map { .init(channel: $0.0.channel, value: "-\(PromoComparison.percent($0.1)) %", evidence: $0.0.price?.evidence, expected: false) },
                message: "The \(mail.channel) message promises \(PromoComparison.percent(promised)) % off, but \(shown)."))
        }
        return findings
    }

    public var examples: [RuleExample] {
        [
            RuleExample("-30% in the mail, the web only 10 % below its list price", triggers: true, finding: .init(
                field: "discount", expected: ["mail"],
                message: "The mail message promises 30 % off, but web gives 10 % (90.00 EUR)."), [
                PromoComparison.mail(price: "70.00", percent: "30"), .example("web", price: "90.00", listPrice: "100.00"),
            ]),
            RuleExample("-30% and the web shows 70.00 instead of 100.00", triggers: false, [
                PromoComparison.mail(price: "70.00", percent: "30"), .example("web", price: "70.00", listPrice: "100.00"),
            ]),
            RuleExample("the site has no list price: the mail's own list price is the base", triggers: true, finding: .init(
                field: "discount", expected: ["mail"],
                message: "The mail message promises 25 % off, but app gives 0 % (64.00 EUR)."), [
                PromoComparison.mail(price: "48.00", list: "64.00", percent: "25"), .example("app", price: "64.00"),
            ]),
            RuleExample("29.6 % given for a promised 30 % is within a point", triggers: false, [
                PromoComparison.mail(price: "35.20", percent: "30"), .example("web", price: "35.20", listPrice: "50.00"),
            ]),
        ]
    }
}

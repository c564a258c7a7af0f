import AuditModel
import Foundation

/// A promo e-mail or SMS advertises a price the site does not charge while the promotion runs.
public struct PromoPriceNotHonoured: Rule {
    public init() {}
    public let id = "promo-price-not-honoured"
    public let title = "Advertised promo price not charged on the site"
    public let rationale = """
        A newsletter that says "39,90 €" sends customers to a product page that asks 49,90 €: they feel tricked, \
        and advertising a price that is not honoured is misleading advertising. The price in the message is \
        compared with the price every other channel charges on the audit day, while the promotion is valid \
        (its stated window, else the week after sending); a site price at or below the promised one is fine. \
        Needs an `email` or `sms` channel.
        """
    public let defaultSeverity = Severity.error
    public var readsPromos: Bool { true }

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let tolerance = context.settings(for: id).absoluteTolerance
        var findings: [Finding] = []
        for (mail, promo) in PromoComparison.promos(product) {
            guard let promised = mail.price, PromoComparison.running(promo.value, on: context.asOf) else { continue }
            let dearer = PromoComparison.site(product).filter { site in
                guard let charged = site.price?.value, charged.currency == promised.value.currency else { return false }
                return charged.amount > promised.value.amount + tolerance
            }
            guard !dearer.isEmpty else { continue }
            let shown = dearer.map { "\($0.channel) charges \($0.price!.value)" }.joined(separator: ", ")
            let until = promo.value.valid?.end.map { ", valid until \(PromoComparison.day($0))" } ?? ""
            findings.append(Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "price", page: mail.price?.evidence.source,
                observations: [.init(channel: mail.channel, value: promised.value.description, evidence: promised.evidence, expected: true)]
                    + dearer.map { .init(channel: $0.channel, value: $0.price?.value.description, evidence: $0.price?.evidence, expected: false) },
                message: "The \(mail.channel) message of \(PromoComparison.day(promo.value.sent)) promises "
                    + "\(promised.value)\(until), but \(shown)."))
        }
        return findings
    }

    public var examples: [RuleExample] {
        [
            RuleExample("mail 39.90 EUR during its window, web 49.90 EUR", triggers: true, finding: .init(
                field: "price", expected: ["mail"],
                message: "The mail message of 2026-11-16 promises 39.90 EUR, valid until 2026-11-29, but web charges 49.90 EUR."), [
                PromoComparison.mail(price: "39.90"), .example("web", price: "49.90"),
            ]),
            RuleExample("the site charges the promised price", triggers: false, [
                PromoComparison.mail(price: "39.90"), .example("web", price: "39.90"), .example("app", price: "39.90"),
            ]),
            RuleExample("the site is even cheaper than the mail", triggers: false, [
                PromoComparison.mail(price: "39.90"), .example("web", price: "35.00"),
            ]),
            RuleExample("the promotion ended before the audit day (2026-11-23)", triggers: false, [
                PromoComparison.mail(price: "39.90", validUntil: "2026-11-20T22:59:59Z"), .example("web", price: "49.90"),
            ]),
        ]
    }
}

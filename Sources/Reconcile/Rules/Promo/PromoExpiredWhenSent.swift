import AuditModel
import Foundation

/// A promo message was sent after the promotion it announces had ended.
public struct PromoExpiredWhenSent: Rule {
    public init() {}
    public let id = "promo-expired-when-sent"
    public let title = "Promotion already over when the message was sent"
    public let rationale = """
        An SMS sent on Monday that says "valid until Sunday" of the week before, or a reminder scheduled after \
        the code expired, sends customers to a checkout that refuses the code. The message's send date is \
        compared with the end of the validity window it states. Needs an `email` or `sms` channel.
        """
    public let defaultSeverity = Severity.warning
    public var readsPromos: Bool { true }

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        var seen: Set<String> = []
        return PromoComparison.promos(product).compactMap { mail, promo -> Finding? in
            guard let sent = promo.value.sent, let end = promo.value.valid?.end, sent > end,
                seen.insert(promo.evidence.source + promo.evidence.locator).inserted
            else { return nil }
            return Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "valid_until", page: promo.evidence.source,
                observations: [.init(channel: mail.channel, value: "valid until \(PromoComparison.day(end)), sent \(PromoComparison.day(sent))",
                                     evidence: promo.evidence, expected: false)],
                message: "The \(mail.channel) message was sent on \(PromoComparison.day(sent)), after its promotion "
                    + "ended on \(PromoComparison.day(end))" + (promo.value.code.map { " (code \($0))" } ?? "") + ".")
        }
    }

    /// A message that names no product is checked as a whole (one that does is checked through its products).
    public func checkMessages(_ messages: [MessagePromise], context: RuleContext) -> [Finding] {
        messages.compactMap { message -> Finding? in
            let promo = message.promo
            guard !message.hasProducts, let sent = promo.value.sent, let end = promo.value.valid?.end, sent > end else { return nil }
            return Finding(
                rule: id, severity: defaultSeverity, product: PromoCodeUnknown.product(message), field: "valid_until",
                observations: [.init(channel: message.channel, value: "valid until \(PromoComparison.day(end)), sent \(PromoComparison.day(sent))",
                                     evidence: promo.evidence, expected: false)],
                message: "The \(message.channel) message \(PromoCodeUnknown.describe(message)) was sent on \(PromoComparison.day(sent)), "
                    + "after its promotion ended on \(PromoComparison.day(end))" + (promo.value.code.map { " (code \($0))" } ?? "") + ".")
        }
    }

    public var examples: [RuleExample] {
        var wholeMessage = RuleExample("an SMS with only a code, sent 2026-11-16 for a promotion that ended 2026-11-15", triggers: true,
                                       finding: .init(field: "valid_until", expected: [], message:
                                        "The mail message \"Natale\" (example.mbox message 1) was sent on 2026-11-16, after its "
                                        + "promotion ended on 2026-11-15 (code AUTUNNO10)."), [])
        wholeMessage.messages = [PromoComparison.message(code: "AUTUNNO10", validUntil: "2026-11-15T22:59:59Z")]
        return productExamples + [wholeMessage]
    }

    private var productExamples: [RuleExample] {
        [
            RuleExample("sent 2026-11-16 for a promotion that ended 2026-11-15", triggers: true, finding: .init(
                field: "valid_until", expected: [],
                message: "The mail message was sent on 2026-11-16, after its promotion ended on 2026-11-15 (code AUTUNNO10)."), [
                PromoComparison.mail(price: "39.90", code: "AUTUNNO10", validUntil: "2026-11-15T22:59:59Z"),
                .example("web", price: "39.90"),
            ]),
            RuleExample("sent inside the window", triggers: false, [
                PromoComparison.mail(price: "39.90", validUntil: "2026-11-22T22:59:59Z"), .example("web", price: "39.90"),
            ]),
            RuleExample("no validity stated", triggers: false, [
                PromoComparison.mail(price: "39.90", validUntil: nil), .example("web", price: "39.90"),
            ]),
        ]
    }
}

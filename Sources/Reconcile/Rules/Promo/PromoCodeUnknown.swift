import AuditModel
import Foundation

/// A promo message gives a code the shop does not publish as active.
public struct PromoCodeUnknown: Rule {
    public init() {}
    public let id = "promo-code-unknown"
    public let title = "Promo code not among the shop's active codes"
    public let rationale = """
        A newsletter that says "usa il codice NATALE25" when checkout only knows NATALE20 — a typo, a code not yet \
        created, or one already deleted — makes every customer who types it fail at the last step. Each code a \
        message states is looked up, in any letter case, in the list the shop publishes (`codes:` on the `email` \
        or `sms` channel: a text file with one code per line, or a CSV with a `code` column). Without that list \
        the rule checks nothing.
        """
    public let defaultSeverity = Severity.error
    public var readsPromos: Bool { true }

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] { [] }  // per message, below

    public func checkMessages(_ messages: [MessagePromise], context: RuleContext) -> [Finding] {
        guard let published = context.publishedCodes else { return [] }
        var seen: Set<String> = []
        return messages.compactMap { message -> Finding? in
            guard let code = message.code, !published.contains(code.value),
                seen.insert(message.message.source + "\u{0}" + message.message.locator + "\u{0}" + code.value.uppercased()).inserted
            else { return nil }
            return Finding(
                rule: id, severity: defaultSeverity, product: Self.product(message), field: "code",
                observations: [
                    .init(channel: message.channel, value: code.value, evidence: code.evidence, expected: false),
                    .init(channel: "published codes", value: "\(published.codes.count) active codes",
                          evidence: Evidence(source: published.source, locator: "", raw: ""), expected: true),
                ],
                message: "The \(message.channel) message \(Self.describe(message)) gives the code \(code.value), "
                    + "which is not among the \(published.codes.count) active codes the shop publishes (\(published.source)).")
        }
    }

    /// The id findings about a message use in place of a product: `message:FILE MESSAGE`.
    static func product(_ message: MessagePromise) -> String {
        "message:" + message.message.source + (message.message.locator.isEmpty ? "" : " " + message.message.locator)
    }

    /// `"Black Friday" (promo.mbox message 3)`.
    static func describe(_ message: MessagePromise) -> String {
        let place = message.message.locator.isEmpty ? message.message.source : "\(message.message.source) \(message.message.locator)"
        return message.message.raw.isEmpty ? "(\(place))" : "\"\(message.message.raw)\" (\(place))"
    }

    public var examples: [RuleExample] {
        let codes = PublishedCodes(codes: ["NATALE20", "SPEDIZIONE0"], source: "promo/codici.csv")
        var unknown = RuleExample("the newsletter gives NATALE25, the shop publishes NATALE20 and SPEDIZIONE0", triggers: true,
                                  finding: .init(field: "code", expected: ["published codes"], message:
                                    "The mail message \"Natale\" (example.mbox message 1) gives the code NATALE25, which is not "
                                    + "among the 2 active codes the shop publishes (promo/codici.csv)."), [])
        unknown.messages = [PromoComparison.message(code: "NATALE25")]
        unknown.publishedCodes = codes
        var known = RuleExample("natale20 written in lower case is the published NATALE20", triggers: false, [])
        known.messages = [PromoComparison.message(code: "natale20")]
        known.publishedCodes = codes
        var unlisted = RuleExample("no published list: nothing to check", triggers: false, [])
        unlisted.messages = [PromoComparison.message(code: "NATALE25")]
        return [unknown, known, unlisted]
    }
}

import AuditModel
import Foundation

/// A check that describes itself: its id, title, why a shop cares, its default severity and examples that
/// must or must not trigger it. The examples become tests and the rule reference in `docs/rules.md`.
public protocol Rule: Sendable {
    /// The stable id used in configs, reports and suppressions, e.g. `price-mismatch`.
    var id: String { get }
    /// A short title.
    var title: String { get }
    /// Why a shop cares, in one paragraph.
    var rationale: String { get }
    /// The severity unless the config says otherwise.
    var defaultSeverity: Severity { get }
    /// Observations that must trigger the rule, and ones that must not.
    var examples: [RuleExample] { get }
    /// The findings for one matched product (severity is the default; the reconciler applies the config).
    func check(_ product: MatchedProduct, context: RuleContext) -> [Finding]
    /// True when the rule reads the observations of promo messages (`email`, `sms` channels); the other rules
    /// never see them, so an advertised promo price is no `price-mismatch`.
    var readsPromos: Bool { get }
    /// The findings about promo messages as a whole (a code, a threshold or a validity without a product); most
    /// rules have none.
    func checkMessages(_ messages: [MessagePromise], context: RuleContext) -> [Finding]
}

extension Rule {
    public var readsPromos: Bool { false }
    public func checkMessages(_ messages: [MessagePromise], context: RuleContext) -> [Finding] { [] }
}

/// A documented example of a rule: the observations of one product and whether the rule must fire.
public struct RuleExample: Sendable {
    /// One line saying what the example shows.
    public var summary: String
    /// The observations of one product across channels.
    public var observations: [Observation]
    /// True when the rule must report a finding for these observations.
    public var triggers: Bool
    /// The reference channel for the example, if any.
    public var reference: String?
    /// The audit day for date rules (default 2026-11-23).
    public var asOf = Date(timeIntervalSince1970: 1_795_435_200)
    /// Rule settings for the example (tolerances), by rule id.
    public var settings: [String: RuleSettings] = [:]
    /// Channels whose currency is declared in the config, for the example.
    public var declaredCurrencies: [String: String] = [:]
    /// For an example that triggers: the finding it must produce (field, expected channels, message).
    public var finding: ExpectedFinding?
    /// Prices of earlier runs, for rules that look back in time.
    public var history: PriceHistory?
    /// The shop's policy terms, for the terms rules.
    public var shopTerms: ShopTerms?
    /// Promo messages as a whole, for the rules that check messages.
    public var messages: [MessagePromise] = []
    /// The codes the shop publishes, for `promo-code-unknown`.
    public var publishedCodes: PublishedCodes?

    /// Creates an example.
    public init(_ summary: String, triggers: Bool, reference: String? = nil, settings: [String: RuleSettings] = [:],
                declaredCurrencies: [String: String] = [:], finding: ExpectedFinding? = nil, _ observations: [Observation]) {
        self.summary = summary
        self.triggers = triggers
        self.reference = reference
        self.settings = settings
        self.declaredCurrencies = declaredCurrencies
        self.finding = finding
        self.observations = observations
    }

    /// The context the example is evaluated in: its channels, all full catalogues.
    public var context: RuleContext {
        var channels: [String] = []
        for observation in observations where !channels.contains(observation.channel) {
            channels.append(observation.channel)
        }
        if let terms = shopTerms?.channel, !channels.contains(terms) { channels.append(terms) }
        for message in messages where !channels.contains(message.channel) { channels.append(message.channel) }
        var context = RuleContext(channels: channels, reference: reference, settings: settings, asOf: asOf,
                                  declaredCurrencies: declaredCurrencies, history: history, shopTerms: shopTerms)
        context.messagePromises = messages
        context.publishedCodes = publishedCodes
        return context
    }
}

/// The finding a triggering rule example must produce: what the report says, checked by the example tests.
public struct ExpectedFinding: Sendable {
    /// The field compared, e.g. `price`.
    public var field: String
    /// The channels whose values are marked expected, in report order (duplicates kept).
    public var expected: [String]
    /// The message, word for word.
    public var message: String

    /// Creates an expected finding.
    public init(field: String, expected: [String], message: String) {
        self.field = field
        self.expected = expected
        self.message = message
    }
}

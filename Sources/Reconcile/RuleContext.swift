import AuditModel
import Foundation

/// What rules need to know about the audit beyond the observations of one product.
public struct RuleContext: Sendable {
    /// Configured channel names, in config order.
    public var channels: [String]
    /// The channel whose values are expected, when one is named.
    public var reference: String?
    /// Channels expected to list every product (catalogues); `missing-in-channel` applies to them only.
    public var fullCatalogChannels: Set<String>
    /// Channels that could not be read at all: nothing is reported as missing there.
    public var unreadableChannels: Set<String>
    /// Per channel, the normalised URLs of inputs that failed: their products are unverifiable, not missing.
    public var failedInputs: [String: Set<String>]
    /// Per rule id, the configured settings.
    public var settings: [String: RuleSettings]
    /// The audit day (noon UTC of the day in the shop's timezone), for date rules; nil skips them.
    public var asOf: Date?
    /// Per channel, the currency the config declares it prices in (`currency:`): a product shown in that
    /// currency there is not a `currency-mismatch`.
    public var declaredCurrencies: [String: String]
    /// Prices earlier runs saw (`history:`), for rules that look back in time; nil without a history.
    public var history: PriceHistory?
    /// The shop's own terms from its policy pages (a `terms` channel), the reference for the terms rules.
    public var shopTerms: ShopTerms?

    /// Creates a context.
    public init(channels: [String], reference: String? = nil, fullCatalogChannels: Set<String>? = nil,
                unreadableChannels: Set<String> = [], failedInputs: [String: Set<String>] = [:],
                settings: [String: RuleSettings] = [:], asOf: Date? = nil, declaredCurrencies: [String: String] = [:],
                history: PriceHistory? = nil, shopTerms: ShopTerms? = nil) {
        self.history = history
        self.shopTerms = shopTerms
        self.asOf = asOf
        self.declaredCurrencies = declaredCurrencies
        self.channels = channels
        self.reference = reference
        self.fullCatalogChannels = fullCatalogChannels ?? Set(channels)
        self.unreadableChannels = unreadableChannels
        self.failedInputs = failedInputs
        self.settings = settings
    }

    /// What each promo message promises as a whole, for the rules that check messages (`checkMessages`).
    public var messagePromises: [MessagePromise] = []
    /// The promo codes the shop publishes as active, when configured (`codes:` on a message channel).
    public var publishedCodes: PublishedCodes?

    /// Channels of physical stores (`kind: store`): each store is observed as `name@STORE`.
    public var storeChannels: Set<String> = []

    /// True when observations of a channel come from a store list (`stores@MI01` for a store channel `stores`).
    public func isStore(_ channel: String) -> Bool {
        guard let at = channel.firstIndex(of: "@") else { return storeChannels.contains(channel) }
        return storeChannels.isEmpty || storeChannels.contains(String(channel[..<at]))
    }

    /// The settings of a rule (defaults when not configured).
    public func settings(for rule: String) -> RuleSettings { settings[rule] ?? RuleSettings() }
}

/// Per-rule configuration: severity (or off) and tolerances.
public struct RuleSettings: Hashable, Sendable {
    /// The severity to report with; nil keeps the rule's default.
    public var severity: Severity?
    /// False turns the rule off.
    public var enabled: Bool
    /// Money differences up to this amount are equal (default 0: exact).
    public var absoluteTolerance: Decimal
    /// Money differences up to this fraction of the expected amount are equal (default 0).
    public var relativeTolerance: Decimal

    /// Creates settings.
    public init(severity: Severity? = nil, enabled: Bool = true, absoluteTolerance: Decimal = 0,
                relativeTolerance: Decimal = 0) {
        self.severity = severity
        self.enabled = enabled
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }
}

import Foundation
import AuditModel
import Fetch

/// The settings of one channel kind (`kind: web`, `kind: feed` …) and how that kind is read: each kind is one
/// type conforming to this protocol plus one line in `ChannelKinds.all`; the audit pipeline knows no kind.
public protocol ChannelSource: Sendable {
    /// Reads the channel: every input ends up read, skipped or failed, with the observations found.
    func read(_ environment: SourceEnvironment) -> ChannelRead
    /// The fields the channel is configured to deliver for comparison, with how the config obtains each
    /// (`fields.price: pricing.sale`); the gate checks that the channel's products carry them.
    var deliveredFields: [DeliveredField] { get }
}

/// A compared field a channel is expected to carry, and where the config says it comes from.
public struct DeliveredField: Sendable, Hashable {
    /// `price`, `list_price`, `availability` or `stock_count`.
    public var field: String
    /// What to check when it is missing, e.g. `fields.price is pricing.sale`.
    public var hint: String
    /// True when most products must carry it (the price); false when at least one must.
    public var essential: Bool

    /// Creates a delivered field.
    public init(field: String, hint: String, essential: Bool) {
        self.field = field
        self.hint = hint
        self.essential = essential
    }
}

/// What a channel source needs from the audit: its name, the shop, and the shared services.
public struct SourceEnvironment: Sendable {
    /// The channel name.
    public var name: String
    /// The shop settings (currency, locale).
    public var shop: AuditConfig.Shop
    /// The currency declared for the channel, else the shop's.
    public var currency: String
    let fetcher: FileFetcher
    /// How local paths are shown in reports.
    let paths: PathResolver
    /// Where progress lines go; nil for silence.
    var progress: (@Sendable (String) -> Void)?
    /// Set by SIGINT/SIGTERM.
    var cancellation: CrawlCancellation?
    /// The audit day (noon UTC): "now" for what is read relative to it, so `--as-of` gives the same report any day.
    var asOf: Date?
    /// When the audit spills observations to disk: where a source that streams its products puts them (it then
    /// returns none in its read, sets keyless ones aside itself, and counts the rest in `coverage.products`).
    var spill: ObservationSpill? = nil
}

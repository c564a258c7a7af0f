import AuditModel
import Extract
import Fetch
import Reconcile

/// A validated `omniaudit.yml`: every path resolved against the config file's folder.
public struct AuditConfig: Sendable {
    /// The shop audited.
    public struct Shop: Sendable {
        public var name: String
        /// The default ISO 4217 currency.
        public var currency: String
        /// A BCP 47 locale such as `it-IT`: decides the decimal separator of prices written as text.
        public var locale: String
        /// An IANA timezone such as `Europe/Rome`: decides the audit day.
        public var timezone: String

        /// Creates shop settings.
        public init(name: String, currency: String, locale: String, timezone: String) {
            self.name = name
            self.currency = currency
            self.locale = locale
            self.timezone = timezone
        }
    }

    /// The release gate.
    public struct Gate: Sendable {
        /// The lowest severity that fails the audit (exit 1); nil never fails.
        public var failOn: Severity?
        /// The minimum share of a channel's inputs that must be read (exit 2 below it).
        public var minCoverage: Double
        /// The minimum share of a channel's products that must carry a price (exit 2 below it): a mapping typo
        /// that leaves every item without a price must not pass as "no price mismatch".
        public var minFieldCoverage: Double = 0.5
        /// With a baseline, only new findings fail the gate (`gate.fail-on-new: true`): a shop can adopt omniaudit
        /// with legacy problems and still stop every new one.
        public var failOnNew = false
        /// With a history, a channel showing fewer than this share of the products it showed in the previous run
        /// makes the audit incomplete (`gate.min-products-ratio`): a collapsed channel never passes.
        public var minProductsRatio: Double = 0.5
    }

    /// Where and how reports are written.
    public struct ReportSettings: Sendable {
        /// The output folder (absolute).
        public var out: String
        /// Format names (`json`, `html`).
        public var formats: [String]
    }

    /// The config file's absolute path.
    public var path: String
    /// The folder relative paths are resolved against (the config file's folder).
    public var baseDirectory: String
    /// A digest of the file's bytes, written into the report.
    public var digest: String
    public var shop: Shop
    /// Identity fields, in the order they are tried.
    public var match: [IdentityField]
    /// The channel whose values are expected.
    public var reference: String?
    /// The channels, in file order.
    public var channels: [ChannelConfig]
    /// Per rule id, its settings.
    public var rules: [String: RuleSettings]
    public var suppressions: [Suppression]
    public var gate: Gate
    public var report: ReportSettings
    /// The run history file (`history:`), absolute; nil keeps no history.
    public var history: String? = nil
    /// Query parameters that never identify a product when URLs are matched (`tracking-parameters:`), besides `utm_*`.
    public var trackingParameters: [String] = []
    /// True when `match` lists `title`: normalised titles join products no identifier joins, as a last resort.
    public var matchTitles = false
    /// The audit day the config pins (`as-of:`, `yyyy-MM-dd`): inputs that are a snapshot of one day, such as the
    /// demo shop, whose sale windows and promo validities are read against that day. Nil: today in the shop's
    /// timezone. `omniaudit audit --as-of` overrides it.
    public var asOf: String? = nil

    /// How a local path is shown in reports and messages: relative to the config folder when inside it.
    public func display(_ location: String) -> String { PathResolver(baseDirectory: baseDirectory).display(location) }

    /// Turns the HTTP cache off for every web channel (`omniaudit audit --no-cache`).
    public mutating func disableCache() {
        for index in channels.indices {
            if var web = channels[index].web {
                web.cache = nil
                channels[index].source = web
            }
        }
    }
}

/// One channel of the shop.
public struct ChannelConfig: Sendable {
    /// The channel name (the key under `channels:`).
    public var name: String
    /// The kind's name (`web`, `feed`).
    public var kind: String
    /// The kind's settings, which also know how to read the channel.
    public var source: any ChannelSource
    /// True when the channel should list every product (`catalog: full`; the default depends on the kind).
    public var fullCatalog: Bool
    /// The currency the channel prices in, when the config declares one (`currency: USD`): the default for prices
    /// that state none, and a declared difference that `currency-mismatch` does not report.
    public var currency: String?

    /// The web settings, for a web channel.
    public var web: WebChannel? { source as? WebChannel }
    /// The feed settings, for a feed channel.
    public var feed: FeedChannel? { source as? FeedChannel }
}

/// A web channel: pages listed by sitemaps, seed URLs and folders of saved pages.
public struct WebChannel: Sendable {
    /// Sitemap locations (absolute paths or URLs).
    public var sitemaps: [String]
    /// Extra page locations: files, folders of saved pages, or URLs.
    public var urls: [String]
    /// Substrings a page URL must contain (any of them), when not empty.
    public var include: [String]
    /// Substrings that exclude a page URL.
    public var exclude: [String]
    /// URL prefixes served from local folders (a saved copy of the site), longest prefix first.
    public var mirror: [(prefix: String, folder: String)]
    /// Configured selectors for the visible price, list price and availability (compiled to XPath).
    public var selectors: PageSelectors?

    /// How pages are fetched: identity, limits, politeness, robots.txt (`fetch:` and `robots:` keys).
    public var fetch: FetchSettings = FetchSettings()
    /// Same-host link following depth from the listed pages (`follow:`); 0 follows nothing.
    public var follow = 0
    /// The conditional-GET cache folder (absolute), or nil for no cache (`cache: false`, `--no-cache`).
    public var cache: String?
    /// The channel's wall-clock budget for fetching, in seconds (`timeout:`), or nil for none.
    public var timeBudget: Double?
    /// The most pages read from the channel (`max-pages:`); the rest are skipped with the reason.
    public var maxPages = 100_000
    /// The cache's size bound in bytes (`cache-max-size:`); older entries are evicted first.
    public var cacheMaxBytes = ResponseCache.defaultMaxBytes
    /// The cache's age bound in seconds (`cache-max-age:`, given in days).
    public var cacheMaxAge = ResponseCache.defaultMaxAge
}

/// A feed channel: one product feed file or URL read through a field mapping.
public struct FeedChannel: Sendable {
    /// `auto` (detected from content), `json`, `jsonl`, `merchant-xml`, `csv` or `tsv`.
    public var format: String
    /// The feed's location (absolute path or URL).
    public var source: String
    /// Where the items are.
    public var items: JSONPath
    /// The field mapping.
    public var fields: [JSONFeedExtractor.Field: JSONPath]
    /// The currency of items that state none.
    public var currency: String?
    /// Per identity field, how to derive it from the feed's own ids (`keys: { sku: { from: id, pattern: … } }`).
    public var keys: [KeyTransform] = []
    /// True for a store price list: items with a store are observed per store (`channel@store`).
    public var perStore = false
    /// The encoding a CSV/TSV feed is written in (`encoding: windows-1250`), when it is not UTF-8.
    public var encoding: String? = nil
    /// How an http(s) source is fetched (the channel's `fetch:` keys: user agent, headers, timeouts, retries);
    /// nil for the defaults.
    public var fetch: FetchSettings? = nil
}

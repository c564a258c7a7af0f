/// What happened to each input of a channel: every input read is counted, nothing is silently dropped.
public struct ChannelCoverage: Hashable, Sendable, Codable {
    /// An input that was skipped or failed, with the reason.
    public struct Note: Hashable, Sendable, Codable {
        /// The URL or path.
        public var input: String
        /// Why, in one sentence (with the position when there is one).
        public var reason: String

        /// Creates a note.
        public init(input: String, reason: String) {
            self.input = input
            self.reason = reason
        }
    }

    /// The channel name.
    public var channel: String
    /// Inputs read successfully (they may still have carried problems).
    public var read: Int
    /// Inputs deliberately not read (excluded by a pattern, duplicates), with the reason.
    public var skipped: [Note]
    /// Inputs that could not be read, with the reason.
    public var failed: [Note]
    /// Problems found inside inputs that were read (a malformed JSON-LD block, a feed item without price).
    public var problems: [Problem]
    /// Products observed in this channel.
    public var products: Int
    /// Pages not fetched because robots.txt disallows them (also listed under `skipped`): they count against
    /// the coverage, since their products were never checked.
    public var blocked: Int
    /// Pages read that showed no product (also listed under `problems`): they count against the coverage.
    public var productless: Int
    /// For a `terms` channel: how many of shipping, returns and payment terms its policy pages state (0–3).
    public var terms: Int
    /// For a web channel read through the crawler: what fetching did (absent for other channels).
    public var crawl: CrawlSummary?
    /// Products this channel alone shows, when other channels were read: each with where it is and the keys it
    /// had, so that a wrong `match` or a missing key transform shows (absent when there is none).
    public var unmatched: [Note]?

    /// Creates an empty coverage record.
    public init(channel: String) {
        self.channel = channel
        read = 0
        skipped = []
        failed = []
        problems = []
        products = 0
        blocked = 0
        productless = 0
        terms = 0
        crawl = nil
    }

    /// Inputs attempted: read plus failed plus robots-blocked.
    public var attempted: Int { read + failed.count + blocked }

    /// Share of attempted inputs that were read and, for pages, showed a product; 1 when nothing was attempted.
    public var ratio: Double { attempted == 0 ? 1 : Double(max(0, read - productless)) / Double(attempted) }

    /// True when the channel could not be read at all.
    public var unreadable: Bool { read == 0 && !failed.isEmpty }
}

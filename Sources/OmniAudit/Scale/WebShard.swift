import AuditModel
import Fetch

/// One shard's part of a web channel: the pages it read, as records, and what fetching them did. Shard 1 also
/// carries the sitemap discovery, which every shard runs (to agree on the page list) but only shard 1 reports.
struct WebShard: Sendable, Codable {
    /// Sitemap reads, the notes they gave, and what fetching the sitemaps did.
    struct Discovery: Sendable, Codable {
        var read = 0
        var skipped: [ChannelCoverage.Note] = []
        var failed: [ChannelCoverage.Note] = []
        var crawl = CrawlSummary.zero
    }

    /// Present in shard 1 only.
    var discovery: Discovery?
    /// The records of the pages this shard owns, in order.
    var pages: [PageRecord]
    /// What fetching this shard's pages did (sitemaps excluded).
    var crawl: CrawlSummary
}

extension CrawlSummary {
    /// Nothing fetched.
    static let zero = CrawlSummary(fetched: 0, notModified: 0, failed: [:], robotsBlocked: 0, bytes: 0, retries: 0, redirects: 0)

    /// The counts of a crawler's statistics.
    init(_ stats: CrawlStats) {
        self.init(fetched: stats.fetched, notModified: stats.notModified, failed: stats.failed,
                  robotsBlocked: stats.robotsBlocked, bytes: stats.bytes, retries: stats.retries, redirects: stats.redirects)
    }

    /// Counts of two crawls added up (failure kinds that never occurred stay absent).
    static func + (a: CrawlSummary, b: CrawlSummary) -> CrawlSummary { a.combined(with: b, sign: 1) }

    /// Counts of a crawl after a part of it is taken away.
    static func - (a: CrawlSummary, b: CrawlSummary) -> CrawlSummary { a.combined(with: b, sign: -1) }

    private func combined(with other: CrawlSummary, sign: Int) -> CrawlSummary {
        var failed = self.failed
        for (kind, count) in other.failed { failed[kind, default: 0] += sign * count }
        return CrawlSummary(
            fetched: fetched + sign * other.fetched, notModified: notModified + sign * other.notModified,
            failed: failed.filter { $0.value != 0 }, robotsBlocked: robotsBlocked + sign * other.robotsBlocked,
            bytes: bytes + sign * other.bytes, retries: retries + sign * other.retries, redirects: redirects + sign * other.redirects)
    }
}

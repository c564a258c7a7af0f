/// What fetching a web channel did, as counts (no durations, so identical inputs give an identical report).
public struct CrawlSummary: Hashable, Sendable, Codable {
    /// Responses with a body (2xx, or a local file read).
    public var fetched: Int
    /// 304 Not Modified responses served from the cache.
    public var notModified: Int
    /// Failed requests by kind (`http-5xx`, `timeout`, `network`, `too-large`, `redirect`, `robots` …).
    public var failed: [String: Int]
    /// URLs not fetched because robots.txt disallows them.
    public var robotsBlocked: Int
    /// Body bytes received (decompressed).
    public var bytes: Int
    /// Retries made after 429/5xx/timeouts/resets.
    public var retries: Int
    /// Redirects followed.
    public var redirects: Int

    /// Creates a summary.
    public init(fetched: Int, notModified: Int, failed: [String: Int], robotsBlocked: Int, bytes: Int, retries: Int,
                redirects: Int) {
        self.fetched = fetched
        self.notModified = notModified
        self.failed = failed
        self.robotsBlocked = robotsBlocked
        self.bytes = bytes
        self.retries = retries
        self.redirects = redirects
    }

    enum CodingKeys: String, CodingKey {
        case fetched, notModified = "not_modified", failed, robotsBlocked = "robots_blocked", bytes, retries, redirects
    }
}

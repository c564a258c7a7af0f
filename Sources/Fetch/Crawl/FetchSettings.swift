import Foundation

/// How the crawler fetches: identity, limits, timeouts and politeness. Defaults suit a nightly audit of a shop.
public struct FetchSettings: Sendable {
    /// The default `User-Agent`.
    public static func defaultUserAgent(version: String) -> String {
        "omniaudit/\(version) (+https://github.com/omniaudit/omniaudit)"
    }

    /// The `User-Agent` header; its first product token is also the name matched in robots.txt groups.
    public var userAgent = FetchSettings.defaultUserAgent(version: "0")
    /// Extra request headers (name, value). Values are secrets: never logged, redacted from messages.
    public var headers: [(name: String, value: String)] = []
    /// A `Cookie` header value, or nil. Secret.
    public var cookies: String?
    /// Transfers running at once, over all hosts.
    public var concurrency = 16
    /// Transfers running at once against one host.
    public var perHost = 4
    /// Minimum seconds between the starts of two requests to the same host (raised by robots.txt Crawl-delay).
    public var minInterval = 0.0
    /// Retries after a 5xx, 429, timeout or connection reset (so at most `retries + 1` attempts).
    public var retries = 2
    /// Base of the exponential backoff between retries, in seconds (jittered ±50 %).
    public var retryBase = 0.5
    /// The longest wait honoured from a `Retry-After` header, in seconds.
    public var maxRetryAfter = 60.0
    /// Connect timeout in seconds.
    public var connectTimeout = 10.0
    /// Total timeout per attempt, in seconds.
    public var timeout = 60.0
    /// Abort when fewer than `lowSpeedLimit` bytes/s arrive for `lowSpeedTime` seconds.
    public var lowSpeedTime = 15
    /// See `lowSpeedTime`.
    public var lowSpeedLimit = 512
    /// The largest body accepted, after decompression, in bytes.
    public var maxBodyBytes = 16 << 20
    /// The largest sitemap accepted, after decompression, in bytes (the protocol allows 50 MB).
    public var maxSitemapBytes = 64 << 20
    /// Redirects followed at most.
    public var maxRedirects = 10
    /// Obey robots.txt (on by default).
    public var obeyRobots = true
    /// Highest Crawl-delay honoured, in seconds.
    public var maxCrawlDelay = 30.0
    /// Where URLs from remote content may lead and which origins get the secrets.
    public var targets = TargetPolicy()

    /// Creates the default settings.
    public init() {}

    /// Replaces every secret header or cookie value in a message by `[REDACTED]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in headers.map(\.value) + [cookies].compactMap({ $0 }) where secret.count >= 3 {
            result = result.replacingOccurrences(of: secret, with: "[REDACTED]")
        }
        return result
    }

    /// The robots.txt product token: the `User-Agent` up to the first `/` or space, e.g. `omniaudit`.
    public var robotsToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " }).lowercased()
    }
}

import Foundation

/// One URL the caller wants: where to fetch it and a tag the caller uses to recognise the result.
public struct CrawlRequest: Sendable {
    /// What the URL is expected to hold; sitemaps get a larger size cap and no link following.
    public enum Purpose: Sendable, Hashable {
        case page, sitemap, robots
    }

    /// The location as the caller knows it (an http(s) URL, or the URL a mirror file stands for).
    public var location: String
    /// The URL actually fetched (`http(s)://` or `file://`); usually the same as `location`.
    public var url: String
    /// The caller's tag (an index, a depth …), handed back in the result.
    public var tag: Int
    /// What the URL is expected to hold.
    public var purpose: Purpose
    /// True when `location` was taken from remote content (a sitemap entry, a link): the crawler refuses it
    /// unless `FetchSettings.targets` allows it, and never sends the secrets to its origin unless that origin
    /// is one the caller named itself or `targets.secretOrigins` lists it. `url` is the caller's mapping of
    /// `location` (e.g. a mirror file) and is trusted.
    public var fromRemoteContent: Bool
    /// A file the body is written to as it arrives, instead of memory (a feed of hundreds of megabytes); the
    /// result's `body` is then empty. Each attempt starts the file again.
    public var bodyFile: String?

    /// Creates a request; `url` defaults to `location`.
    public init(location: String, url: String? = nil, tag: Int = 0, purpose: Purpose = .page,
                fromRemoteContent: Bool = false, bodyFile: String? = nil) {
        self.location = location
        self.url = url ?? location
        self.tag = tag
        self.purpose = purpose
        self.fromRemoteContent = fromRemoteContent
        self.bodyFile = bodyFile
    }
}

/// The outcome of one request, after redirects and retries.
public struct CrawlResult: Sendable {
    /// The request as made by the caller.
    public var request: CrawlRequest
    /// The URL that answered, after redirects.
    public var finalURL: String
    /// The redirect chain, first URL first (empty without redirects).
    public var redirects: [String]
    /// The final HTTP status (0 for `file://`).
    public var status: Int
    /// The body (decompressed); empty on failure.
    public var body: Data
    /// True when the server answered 304 and the body came from the cache.
    public var notModified: Bool
    /// Attempts made for the final URL.
    public var attempts: Int
    /// Why the URL could not be read, or nil on success.
    public var error: FetchError?
    /// The response's `Content-Type` header (its charset decides how a page is decoded); nil for files and
    /// cached copies.
    public var contentType: String?

    /// Creates a result.
    public init(request: CrawlRequest, finalURL: String, redirects: [String], status: Int, body: Data,
                notModified: Bool, attempts: Int, error: FetchError?, contentType: String? = nil) {
        self.contentType = contentType
        self.request = request
        self.finalURL = finalURL
        self.redirects = redirects
        self.status = status
        self.body = body
        self.notModified = notModified
        self.attempts = attempts
        self.error = error
    }
}

/// Counts of what a crawl did; deterministic for identical inputs (no durations).
public struct CrawlStats: Sendable, Equatable {
    /// Requests answered with a body (2xx or a `file://` read).
    public var fetched = 0
    /// Requests answered 304 Not Modified (body from the cache).
    public var notModified = 0
    /// Requests that failed, by `FetchError.kind`.
    public var failed: [String: Int] = [:]
    /// URLs not fetched because robots.txt disallows them.
    public var robotsBlocked = 0
    /// Body bytes received (decompressed).
    public var bytes = 0
    /// Retries made.
    public var retries = 0
    /// Redirects followed.
    public var redirects = 0
    /// robots.txt files requested.
    public var robotsFetched = 0
    /// Requests still waiting or running (for progress lines).
    public var pending = 0

    /// Creates empty counts.
    public init() {}

    /// Requests that ended, successfully or not.
    public var done: Int { fetched + notModified + failed.values.reduce(0, +) + robotsBlocked }
}

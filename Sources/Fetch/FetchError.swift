/// Why an input could not be fetched. The description names the input.
public enum FetchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or resource does not exist.
    case notFound(String)
    /// The input exists but could not be read (permissions, a folder where a file was expected …).
    case unreadable(String, reason: String)
    /// The body is larger than the configured cap.
    case tooLarge(String, limit: Int)
    /// The decompressed body (`Content-Encoding` or a `.gz` sitemap) is larger than the cap: a possible gzip bomb.
    case decompressedTooLarge(String, limit: Int)
    /// The URL scheme is not supported by this fetcher.
    case unsupportedScheme(String)
    /// The server answered with an HTTP error status (after the allowed retries).
    case http(String, status: Int, attempts: Int)
    /// The transfer timed out (connect, total or low-speed timeout).
    case timeout(String, detail: String)
    /// A network error: refused, reset, DNS, TLS, a body shorter than its `Content-Length` …
    case network(String, detail: String)
    /// The redirects came back to a URL already visited.
    case redirectLoop(String, chain: [String])
    /// More redirects than allowed.
    case tooManyRedirects(String, limit: Int)
    /// robots.txt disallows the URL for our user agent.
    case robotsDisallowed(String, rule: String)
    /// robots.txt could not be fetched (5xx or network error): the host is treated as fully disallowed.
    case robotsUnavailable(String, reason: String)
    /// The crawl was stopped (SIGINT/SIGTERM) before this URL was fetched.
    case interrupted(String)
    /// The target policy refused the URL (a scheme other than http(s) from remote content, a host the channel
    /// does not allow, a private address): never fetched.
    case refused(String, reason: String)
    /// The channel's wall-clock budget ran out before this URL was fetched.
    case outOfTime(String, budget: Double)

    /// What went wrong, without the input's name.
    public var reason: String {
        switch self {
        case .notFound: "not found"
        case .unreadable(_, let reason): "cannot be read: \(reason)"
        case .tooLarge(_, let limit): "larger than the \(limit)-byte limit"
        case .decompressedTooLarge(_, let limit): "decompressed body larger than the \(limit)-byte limit (possible gzip bomb)"
        case .unsupportedScheme: "unsupported URL scheme (supported: file paths, file://, http://, https://)"
        case .http(_, let status, let attempts): "HTTP \(status)" + (attempts > 1 ? " after \(attempts) attempts" : "")
        case .timeout(_, let detail): "timed out (\(detail))"
        case .network(_, let detail): "network error (\(detail))"
        case .redirectLoop(_, let chain): "redirect loop (\(chain.joined(separator: " → ")))"
        case .tooManyRedirects(_, let limit): "more than \(limit) redirects"
        case .robotsDisallowed(_, let rule): "disallowed by robots.txt (\(rule))"
        case .robotsUnavailable(_, let reason): "robots.txt unavailable, host treated as disallowed (\(reason))"
        case .interrupted: "not fetched: the audit was interrupted"
        case .refused(_, let reason): "refused: \(reason)"
        case .outOfTime(_, let budget): "not fetched: the channel's time budget (\(Int(budget)) s) ran out"
        }
    }

    /// The input (path or URL).
    public var input: String {
        switch self {
        case .notFound(let input), .unreadable(let input, _), .tooLarge(let input, _), .decompressedTooLarge(let input, _),
            .unsupportedScheme(let input), .http(let input, _, _), .timeout(let input, _), .network(let input, _),
            .redirectLoop(let input, _), .tooManyRedirects(let input, _), .robotsDisallowed(let input, _),
            .robotsUnavailable(let input, _), .interrupted(let input), .refused(let input, _), .outOfTime(let input, _):
            input
        }
    }

    public var description: String { "\(input): \(reason)" }

    /// A short stable category for the crawl summary (`http-5xx`, `timeout`, `network`, `too-large` …).
    public var kind: String {
        switch self {
        case .notFound: "not-found"
        case .unreadable, .unsupportedScheme: "unreadable"
        case .tooLarge, .decompressedTooLarge: "too-large"
        case .http(_, let status, _): status == 404 || status == 410 ? "not-found" : (status >= 500 ? "http-5xx" : "http-4xx")
        case .timeout: "timeout"
        case .network: "network"
        case .redirectLoop, .tooManyRedirects: "redirect"
        case .robotsDisallowed, .robotsUnavailable: "robots"
        case .interrupted: "interrupted"
        case .refused: "refused"
        case .outOfTime: "time-budget"
        }
    }
}

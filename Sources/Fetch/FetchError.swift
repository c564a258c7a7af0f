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

    public var description: String {
        switch self {
        case .notFound(let input): "\(input): not found"
        case .unreadable(let input, let reason): "\(input): cannot be read: \(reason)"
        case .tooLarge(let input, let limit): "\(input): larger than the \(limit)-byte limit"
        case .decompressedTooLarge(let input, let limit):
            "\(input): decompressed body larger than the \(limit)-byte limit (possible gzip bomb)"
        case .unsupportedScheme(let input): "\(input): unsupported URL scheme (supported: file paths, file://, http://, https://)"
        case .http(let input, let status, let attempts):
            "\(input): HTTP \(status)" + (attempts > 1 ? " after \(attempts) attempts" : "")
        case .timeout(let input, let detail): "\(input): timed out (\(detail))"
        case .network(let input, let detail): "\(input): network error (\(detail))"
        case .redirectLoop(let input, let chain): "\(input): redirect loop (\(chain.joined(separator: " → ")))"
        case .tooManyRedirects(let input, let limit): "\(input): more than \(limit) redirects"
        case .robotsDisallowed(let input, let rule): "\(input): disallowed by robots.txt (\(rule))"
        case .robotsUnavailable(let input, let reason): "\(input): robots.txt unavailable, host treated as disallowed (\(reason))"
        case .interrupted(let input): "\(input): not fetched: the audit was interrupted"
        }
    }

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
        }
    }
}

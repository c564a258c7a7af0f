import Fetch
import Foundation

/// Test helpers: run a crawler over a few URLs and collect the results by URL.
enum Crawl {
    /// Settings tuned for fast tests: short backoff, short timeouts.
    static var fast: FetchSettings {
        var settings = FetchSettings()
        settings.retryBase = 0.05
        settings.connectTimeout = 2
        settings.timeout = 10
        settings.lowSpeedTime = 2
        settings.lowSpeedLimit = 100
        return settings
    }

    /// Fetches the URLs; returns the results by requested URL, and the crawler for its stats.
    @discardableResult
    static func run(_ urls: [String], settings: FetchSettings, cache: ResponseCache? = nil)
        -> (results: [String: CrawlResult], crawler: Crawler)
    {
        let crawler = Crawler(settings: settings, cache: cache)
        var results: [String: CrawlResult] = [:]
        crawler.run(urls.map { CrawlRequest(location: $0) }) { result in
            results[result.request.location] = result
            return []
        }
        return (results, crawler)
    }

    /// Fetches one URL.
    static func one(_ url: String, settings: FetchSettings) -> CrawlResult {
        var settings = settings
        settings.obeyRobots = false
        let (results, _) = run([url], settings: settings)
        return results[url] ?? CrawlResult(request: CrawlRequest(location: url), finalURL: url, redirects: [], status: 0,
                                           body: Data(), notModified: false, attempts: 0, error: .notFound(url))
    }
}

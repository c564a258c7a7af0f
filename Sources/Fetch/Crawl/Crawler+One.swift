import Foundation

extension Crawler {
    /// Fetches one URL (`http(s)://` or `file://`) with the crawler's politeness, retries and caps, for
    /// one-off reads such as `omniaudit inspect URL`.
    public static func fetchOne(_ location: String, settings: FetchSettings) throws(FetchError) -> Fetched {
        var outcome: CrawlResult?
        Crawler(settings: settings).run([CrawlRequest(location: location)]) { result in
            outcome = result
            return []
        }
        guard let outcome else { throw .network(location, detail: "no response") }
        if let error = outcome.error { throw error }
        return Fetched(location: location, body: outcome.body)
    }
}

import Foundation

extension Crawler {
    /// Fetches one URL (`http(s)://` or `file://`) with the crawler's politeness, retries and caps, for
    /// one-off reads such as `omniaudit inspect URL`.
    ///
    /// With `file`, the body is written there as it arrives (the result's body is then empty): a feed of any size
    /// is never held in memory.
    public static func fetchOne(_ location: String, settings: FetchSettings, to file: String? = nil) throws(FetchError) -> Fetched {
        var outcome: CrawlResult?
        Crawler(settings: settings).run([CrawlRequest(location: location, bodyFile: file)]) { result in
            outcome = result
            return []
        }
        guard let outcome else { throw .network(location, detail: "no response") }
        if let error = outcome.error { throw error }
        return Fetched(location: location, body: outcome.body)
    }

    /// Downloads one URL to a new temporary file as it arrives (a feed of any size is never held in memory) and
    /// returns the file's path (`prefix` and a UUID), which the caller removes; nothing is left behind when it fails.
    public static func download(_ location: String, settings: FetchSettings, prefix: String = "omniaudit-download-") throws(FetchError) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(UUID().uuidString)").path
        do {
            _ = try fetchOne(location, settings: settings, to: path)
        } catch {
            unlink(path)
            throw error
        }
        return path
    }
}

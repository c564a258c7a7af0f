import AuditModel
import Extract
import Fetch
import Foundation

/// Fetches the candidate pages of a web channel and extracts them, keeping the outcome in a stable order
/// (listed pages in list order, then followed links by URL) whatever order the responses arrive in.
struct PageCrawl {
    let name: String
    let web: WebChannel
    let locator: PageLocator
    let extractor: PageExtractor
    /// Stops extraction as well as fetching (SIGINT/SIGTERM): pages not yet extracted are reported as interrupted.
    var cancellation: CrawlCancellation?

    /// The slice of the pages this run reads (`--shard I/N`); the whole channel by default.
    var shard: ShardSpec = .whole

    /// Where page extractions go when the audit spills to disk; records then name them by number.
    var pageSpill: SpilledValues<PageExtraction>?
    /// What is done to an extraction before it is spilled.
    var preparePage: @Sendable (PageExtraction) -> PageExtraction = { $0 }

    /// What became of each candidate this run owns, in order; filled by `run`.
    private(set) var records: [PageRecord] = []

    private struct Candidate {
        var location: String
        var depth: Int
        /// Listed pages sort by position, followed links by URL.
        var order: String
        /// False for a followed page that does not match `include`: fetched only for its links.
        var extract = true
        var outcome: PageRecord.Outcome = .pending
        /// False when another shard reads the page.
        var owned = true
    }

    init(name: String, web: WebChannel, locator: PageLocator, extractor: PageExtractor, cancellation: CrawlCancellation? = nil) {
        self.name = name
        self.web = web
        self.locator = locator
        self.extractor = extractor
        self.cancellation = cancellation
    }

    /// Reads the pages; the first `remoteCount` locations came from sitemaps (remote content, checked by the
    /// crawler's target policy), the rest from the config.
    mutating func run(_ locations: [String], remoteCount: Int = 0, crawler: Crawler, progress: ((CrawlStats) -> Void)?) {
        var candidates: [Candidate] = []
        var seen: [String: String] = [:]
        var requests: [CrawlRequest] = []
        var listed = 0  // pages every shard would request: max-pages counts them all
        for (position, location) in locations.enumerated() {
            var candidate = Candidate(location: location, depth: 0, order: String(format: "0-%010d", candidates.count))
            candidate.owned = shard.owns(locator.identity(of: location))
            let followOnly = web.follow > 0 && !web.exclude.contains(where: location.contains)
            if let reason = locator.mirrorRefusal(of: location) {
                candidate.outcome = .skipped(reason)
            } else if let reason = locator.exclusion(of: location), !followOnly {
                candidate.outcome = .skipped(reason)
            } else if let first = seen[locator.identity(of: location)] {
                candidate.outcome = .skipped("same page as \(first) once tracking parameters are removed")
            } else if listed >= web.maxPages {
                candidate.outcome = .skipped("beyond max-pages (\(web.maxPages)): not read")
            } else {
                seen[locator.identity(of: location)] = location
                listed += 1
                candidate.extract = locator.exclusion(of: location) == nil
                if candidate.owned {
                    requests.append(CrawlRequest(location: location, url: locator.requestURL(for: location), tag: candidates.count,
                                                 fromRemoteContent: position < remoteCount))
                }
            }
            candidates.append(candidate)
        }
        let pool = ExtractionPool(extractor: extractor, cancellation: cancellation, spill: pageSpill, prepare: preparePage)
        var scheduled = listed
        let settings = web.fetch
        crawler.run(requests, progress: progress) { result in
            let index = result.request.tag
            guard candidates.indices.contains(index) else { return [] }
            if let error = result.error {
                switch error {
                case .robotsDisallowed, .refused:
                    candidates[index].outcome = .skipped(settings.redact(error.description))
                default:
                    // A miss in a saved copy of the site names the local file that was tried.
                    let tried = locator.localFile(for: candidates[index].location).map { " (mirror file tried: \($0))" } ?? ""
                    candidates[index].outcome = .failed(settings.redact(error.description) + tried)
                }
                return []
            }
            candidates[index].outcome = .read
            // After redirects the page is what the final URL shows (relative links and canonicals resolve there).
            let source = result.redirects.isEmpty ? result.request.location : result.finalURL
            if candidates[index].extract,
                !pool.extract(result.body, source: source, contentType: result.contentType, index: index) {
                candidates[index].outcome = .failed(Self.notExtracted(result.request.location))
                return []
            }
            guard candidates[index].depth < web.follow else { return [] }
            var more: [CrawlRequest] = []
            for link in LinkScanner.links(in: result.body, base: result.finalURL) {
                let identity = locator.identity(of: link)
                guard seen[identity] == nil else { continue }
                seen[identity] = link
                var candidate = Candidate(location: link, depth: candidates[index].depth + 1, order: "1-" + link)
                if let pattern = web.exclude.first(where: link.contains) {
                    candidate.outcome = .skipped("matches exclude pattern '\(pattern)'")
                } else if scheduled >= web.maxPages {
                    candidate.outcome = .skipped("beyond max-pages (\(web.maxPages)): not read")
                } else {
                    scheduled += 1
                    candidate.extract = locator.exclusion(of: link) == nil
                    more.append(CrawlRequest(location: link, url: locator.requestURL(for: link), tag: candidates.count,
                                             fromRemoteContent: true))
                }
                candidates.append(candidate)
            }
            return more
        }
        let (pages, spilled) = pool.finish()
        records = candidates.indices.filter { candidates[$0].owned }.map { index in
            let candidate = candidates[index]
            var record = PageRecord(order: candidate.order, location: candidate.location, identity: locator.identity(of: candidate.location),
                                    extract: candidate.extract, outcome: candidate.outcome, page: pages[index])
            record.spilledPage = spilled[index]
            record.pageSpill = pageSpill
            return record
        }
    }

    static func notExtracted(_ location: String) -> String { "\(location): not extracted: the audit was interrupted" }
}

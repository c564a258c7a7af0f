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

    private(set) var read = 0
    private(set) var skipped: [ChannelCoverage.Note] = []
    private(set) var failed: [ChannelCoverage.Note] = []
    private(set) var problems: [Problem] = []
    private(set) var observations: [Observation] = []
    private(set) var failedURLs: Set<String> = []
    /// Pages read that showed no product (they count against the coverage).
    private(set) var productless = 0

    private struct Candidate {
        var location: String
        var depth: Int
        /// Listed pages sort by position, followed links by URL.
        var order: String
        /// False for a followed page that does not match `include`: fetched only for its links.
        var extract = true
        var outcome: Outcome = .pending
    }

    private enum Outcome {
        case pending, skipped(String), failed(String), read
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
        for (position, location) in locations.enumerated() {
            var candidate = Candidate(location: location, depth: 0, order: String(format: "0-%010d", candidates.count))
            let followOnly = web.follow > 0 && !web.exclude.contains(where: location.contains)
            if let reason = locator.mirrorRefusal(of: location) {
                candidate.outcome = .skipped(reason)
            } else if let reason = locator.exclusion(of: location), !followOnly {
                candidate.outcome = .skipped(reason)
            } else if let first = seen[locator.identity(of: location)] {
                candidate.outcome = .skipped("same page as \(first) once tracking parameters are removed")
            } else if requests.count >= web.maxPages {
                candidate.outcome = .skipped("beyond max-pages (\(web.maxPages)): not read")
            } else {
                seen[locator.identity(of: location)] = location
                candidate.extract = locator.exclusion(of: location) == nil
                requests.append(CrawlRequest(location: location, url: locator.requestURL(for: location), tag: candidates.count,
                                             fromRemoteContent: position < remoteCount))
            }
            candidates.append(candidate)
        }
        let pool = ExtractionPool(extractor: extractor, cancellation: cancellation)
        var scheduled = requests.count
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
        let pages = pool.finish()
        collect(candidates.indices.sorted { candidates[$0].order < candidates[$1].order }.map { (candidates[$0], pages[$0]) })
    }

    static func notExtracted(_ location: String) -> String { "\(location): not extracted: the audit was interrupted" }

    private mutating func collect(_ ordered: [(Candidate, PageExtraction?)]) {
        var canonicals: [String: String] = [:]
        for (candidate, page) in ordered {
            let location = candidate.location
            switch candidate.outcome {
            case .pending: failed.append(.init(input: location, reason: FetchError.interrupted(location).description))
            case .skipped(let reason): skipped.append(.init(input: location, reason: reason))
            case .failed(let reason):
                failed.append(.init(input: location, reason: reason))
                failedURLs.insert(locator.identity(of: location))
            case .read:
                guard candidate.extract else {
                    skipped.append(.init(input: location, reason: "followed for its links only: does not match include patterns"))
                    continue
                }
                guard let page else {  // fetched, but the audit was interrupted before extraction
                    failed.append(.init(input: location, reason: Self.notExtracted(location)))
                    continue
                }
                read += 1
                problems += page.problems
                if let canonical = page.canonicalURL {
                    if let first = canonicals[canonical] {
                        skipped.append(.init(input: location, reason: "duplicate of \(first) (same rel=canonical)"))
                        continue
                    }
                    canonicals[canonical] = location
                }
                if page.observations.isEmpty {
                    productless += 1
                    if !page.problems.contains(where: { $0.message.contains("no product") }) {
                        problems.append(Problem(source: location, message: "no product found on the page"))
                    }
                }
                observations += page.observations
            }
        }
    }
}

import AuditModel
import Extract
import Fetch
import Foundation

/// Reads sitemaps, sitemap indexes (also gzipped) and robots.txt `Sitemap:` lines through the crawler, and
/// returns the page URLs in a stable order: configured sitemaps in file order, children depth-first.
struct SitemapDiscovery {
    static let maxDepth = 3
    let locator: PageLocator
    let settings: FetchSettings

    private struct Node {
        var location: String
        var depth: Int
        var pages: [String] = []
        var children: [String] = []
    }

    /// The page URLs of the sitemaps; sitemap reads and failures go into `skipped`/`failed`/`read`.
    func pages(of sitemaps: [String], crawler: Crawler, read: inout Int, skipped: inout [ChannelCoverage.Note],
               failed: inout [ChannelCoverage.Note], progress: ((CrawlStats) -> Void)?) -> [String] {
        var nodes: [String: Node] = [:]
        var requests: [CrawlRequest] = []
        for location in sitemaps where nodes[location] == nil {
            nodes[location] = Node(location: location, depth: 0)
            requests.append(CrawlRequest(location: location, url: locator.requestURL(for: location), purpose: .sitemap))
        }
        crawler.run(requests, progress: progress) { result in
            let location = result.request.location
            guard var node = nodes[location] else { return [] }
            if let error = result.error {
                if case .refused = error {
                    skipped.append(.init(input: location, reason: settings.redact(error.description)))
                } else {
                    failed.append(.init(input: location, reason: settings.redact(error.description)))
                }
                return []
            }
            let entries: SitemapReader.Entries
            do {
                entries = try self.entries(result.body, location: location)
            } catch {
                failed.append(.init(input: location, reason: settings.redact(String(describing: error))))
                return []
            }
            read += 1
            // Entries are remote content: http(s) only, on the channel's hosts; refused ones are skipped.
            node.pages = entries.pages.filter { page in
                guard let reason = settings.targets.refusal(of: page) else { return true }
                skipped.append(.init(input: page, reason: "listed in \(location): refused: \(reason)"))
                return false
            }
            for problem in entries.problems {
                skipped.append(.init(input: location, reason: problem.reason))
            }
            if entries.cut > 0 {
                skipped.append(.init(input: location, reason: "\(entries.cut) entries beyond the \(SitemapReader.maxEntries) a sitemap may list were not read"))
            }
            var more: [CrawlRequest] = []
            for child in entries.sitemaps {
                if let reason = settings.targets.refusal(of: child) {
                    skipped.append(.init(input: child, reason: "listed in \(location): refused: \(reason)"))
                } else if let reason = locator.mirrorRefusal(of: child) {
                    skipped.append(.init(input: child, reason: "listed in \(location): \(reason)"))
                } else if node.depth >= Self.maxDepth {
                    skipped.append(.init(input: child, reason: "sitemap index nested deeper than \(Self.maxDepth) levels"))
                } else if nodes[child] == nil {
                    node.children.append(child)
                    nodes[child] = Node(location: child, depth: node.depth + 1)
                    more.append(CrawlRequest(location: child, url: locator.requestURL(for: child), purpose: .sitemap,
                                             fromRemoteContent: true))
                }
            }
            nodes[location] = node
            return more
        }
        var pages: [String] = []
        var visited: Set<String> = []
        func walk(_ location: String) {
            guard visited.insert(location).inserted, let node = nodes[location] else { return }
            pages += node.pages
            node.children.forEach(walk)
        }
        sitemaps.forEach(walk)
        return pages
    }

    /// Parses a sitemap (gunzipped when it is gzip data) or the `Sitemap:` lines of a robots.txt.
    private func entries(_ body: Data, location: String) throws -> SitemapReader.Entries {
        var body = body
        if Gunzip.isGzip(body) { body = try Gunzip.inflate(body, limit: settings.maxSitemapBytes, source: location) }
        if URLComponents(string: location)?.path.hasSuffix("/robots.txt") == true || location.hasSuffix("/robots.txt") {
            let rules = RobotsRules.parse(String(decoding: body, as: UTF8.self), token: settings.robotsToken)
            return SitemapReader.Entries(pages: [], sitemaps: rules.sitemaps)
        }
        return try SitemapReader.read(body, source: location)
    }
}

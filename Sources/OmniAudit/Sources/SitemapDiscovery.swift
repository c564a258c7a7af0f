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
                failed.append(.init(input: location, reason: settings.redact(error.description)))
                return []
            }
            let entries: (pages: [String], sitemaps: [String])
            do {
                entries = try self.entries(result.body, location: location)
            } catch {
                failed.append(.init(input: location, reason: settings.redact(String(describing: error))))
                return []
            }
            read += 1
            node.pages = entries.pages
            var more: [CrawlRequest] = []
            for child in entries.sitemaps {
                if node.depth >= Self.maxDepth {
                    skipped.append(.init(input: child, reason: "sitemap index nested deeper than \(Self.maxDepth) levels"))
                } else if nodes[child] == nil {
                    node.children.append(child)
                    nodes[child] = Node(location: child, depth: node.depth + 1)
                    more.append(CrawlRequest(location: child, url: locator.requestURL(for: child), purpose: .sitemap))
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
    private func entries(_ body: Data, location: String) throws -> (pages: [String], sitemaps: [String]) {
        var body = body
        if Gunzip.isGzip(body) { body = try Gunzip.inflate(body, limit: settings.maxSitemapBytes, source: location) }
        if URLComponents(string: location)?.path.hasSuffix("/robots.txt") == true || location.hasSuffix("/robots.txt") {
            let rules = RobotsRules.parse(String(decoding: body, as: UTF8.self), token: settings.robotsToken)
            return ([], rules.sitemaps)
        }
        let entries = try SitemapReader.read(body, source: location)
        return (entries.pages, entries.sitemaps)
    }
}

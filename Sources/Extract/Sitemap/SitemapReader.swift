import AuditModel
import Foundation

/// Reads the page URLs of a sitemap (`<urlset>`) or the child sitemaps of a sitemap index (`<sitemapindex>`).
public enum SitemapReader {
    /// The `<loc>` entries of a sitemap file.
    public struct Entries: Sendable, Equatable {
        /// Page URLs from a `<urlset>`.
        public var pages: [String]
        /// Child sitemap URLs from a `<sitemapindex>`.
        public var sitemaps: [String]
        /// Entries beyond `maxEntries`, not returned.
        public var cut = 0
        /// Entries refused (a `<loc>` over `maxLocLength`), each naming the entry.
        public var problems: [Problem] = []

        /// Creates entries.
        public init(pages: [String], sitemaps: [String]) {
            self.pages = pages
            self.sitemaps = sitemaps
        }
    }

    /// The most `<loc>` entries one sitemap may list (sitemaps.org: 50,000).
    public static let maxEntries = 50_000
    /// The longest `<loc>` accepted, in characters (sitemaps.org: 2,048).
    public static let maxLocLength = 2_048

    /// Parses sitemap XML; malformed XML throws a `Problem` with line and column.
    /// Refuses a DOCTYPE (entity expansion), elements with too many attributes, and UTF-16 (sitemaps are
    /// UTF-8); caps `<loc>` at `maxLocLength` (longer ones are problems) and the entries at `maxEntries`.
    public static func read(_ data: Data, source: String) throws(Problem) -> Entries {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.prefix(4).contains(0) {
            throw Problem(source: source, position: "line 1", message: "not UTF-8: a sitemap must be UTF-8 encoded")
        }
        try MarkupLimits.xmlData.check(data, source: source)
        let tree = try MarkupTree(xml: data, url: source)
        let pages = tree.strings("/*[local-name()='urlset']/*[local-name()='url']/*[local-name()='loc']")
        let children = tree.strings("/*[local-name()='sitemapindex']/*[local-name()='sitemap']/*[local-name()='loc']")
        if pages.isEmpty && children.isEmpty && tree.strings("/*[local-name()='urlset' or local-name()='sitemapindex']").isEmpty {
            throw Problem(source: source, position: "line 1", message: "not a sitemap: the root element is neither <urlset> nor <sitemapindex>")
        }
        var problems: [Problem] = []
        let keep = { (text: String) -> String? in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.utf8.count <= maxLocLength else {
                problems.append(Problem(source: source, position: "<loc> \(trimmed.prefix(80))…",
                                        message: "longer than \(maxLocLength) characters (sitemaps.org limit), ignored"))
                return nil
            }
            return trimmed.isEmpty ? nil : trimmed
        }
        var entries = Entries(pages: pages.compactMap(keep), sitemaps: children.compactMap(keep))
        entries.problems = problems
        let total = entries.pages.count + entries.sitemaps.count
        if total > maxEntries {
            entries.cut = total - maxEntries
            entries.pages = Array(entries.pages.prefix(maxEntries))
            entries.sitemaps = Array(entries.sitemaps.prefix(max(0, maxEntries - entries.pages.count)))
        }
        return entries
    }
}

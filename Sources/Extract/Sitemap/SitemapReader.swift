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
    }

    /// Parses sitemap XML; malformed XML throws a `Problem` with line and column.
    public static func read(_ data: Data, source: String) throws(Problem) -> Entries {
        let tree = try MarkupTree(xml: data, url: source)
        let pages = tree.strings("/*[local-name()='urlset']/*[local-name()='url']/*[local-name()='loc']")
        let children = tree.strings("/*[local-name()='sitemapindex']/*[local-name()='sitemap']/*[local-name()='loc']")
        if pages.isEmpty && children.isEmpty && tree.strings("/*[local-name()='urlset' or local-name()='sitemapindex']").isEmpty {
            throw Problem(source: source, position: "line 1", message: "not a sitemap: the root element is neither <urlset> nor <sitemapindex>")
        }
        let trim = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Entries(pages: pages.map(trim).filter { !$0.isEmpty }, sitemaps: children.map(trim).filter { !$0.isEmpty })
    }
}

import Foundation
import Normalize

/// Turns the web channel's sitemaps, seed URLs and folders into the list of page locations to read, and maps
/// URLs under a `mirror` prefix to files of a saved copy of the site.
struct PageLocator {
    let web: WebChannel

    /// The local file for a URL under a mirror prefix (query and fragment ignored; `/` → `index.html`).
    func localFile(for location: String) -> String? {
        for (prefix, folder) in web.mirror where location.hasPrefix(prefix) {
            var rest = String(location.dropFirst(prefix.count))
            if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = String(rest[..<cut]) }
            rest = rest.removingPercentEncoding ?? rest
            if rest.isEmpty || rest.hasSuffix("/") { rest += "index.html" }
            let path = (folder as NSString).appendingPathComponent(rest)
            // A mirror never reads outside its folder: whole path components are compared after resolving
            // `..` and symbolic links (`/x/mirror` does not admit `/x/mirror-other/…`).
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            let resolved = URL(fileURLWithPath: standardized).resolvingSymlinksInPath().pathComponents
            let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().pathComponents
            return resolved.count > root.count && Array(resolved.prefix(root.count)) == root ? standardized : nil
        }
        return nil
    }

    /// Why a URL under a mirror prefix is refused (it resolves outside the mirror folder), or nil.
    func mirrorRefusal(of location: String) -> String? {
        guard web.mirror.contains(where: { location.hasPrefix($0.prefix) }), localFile(for: location) == nil else { return nil }
        return "refused: resolves outside the mirror folder"
    }

    /// The location to fetch for a page or sitemap: its mirror file, or the location itself.
    func fetchable(_ location: String) -> String { localFile(for: location) ?? location }

    /// The URL the crawler fetches for a location: a `file://` URL for mirror files and plain paths,
    /// the location itself for URLs.
    func requestURL(for location: String) -> String {
        let target = fetchable(location)
        if target.contains("://") { return target }
        return URL(fileURLWithPath: target).absoluteString
    }

    /// Why a page location is skipped by the include/exclude patterns, or nil when it is kept.
    func exclusion(of location: String) -> String? {
        if !web.include.isEmpty, !web.include.contains(where: location.contains) {
            return "does not match include patterns (\(web.include.joined(separator: ", ")))"
        }
        if let pattern = web.exclude.first(where: location.contains) { return "matches exclude pattern '\(pattern)'" }
        return nil
    }

    /// A key identifying the same page: the normalised URL (tracking parameters dropped) or the path.
    func identity(of location: String) -> String { URLNormalizer.normalize(location) ?? location }
}

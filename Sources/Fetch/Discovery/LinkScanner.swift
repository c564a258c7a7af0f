import Foundation

/// Finds the `<a href>` links of an HTML page without parsing it: a byte scan, resolved against the page URL,
/// fragments dropped, same scheme and host only, assets (images, scripts, styles, documents) left out.
public enum LinkScanner {
    static let assetExtensions: Set<String> = [
        "css", "js", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "pdf", "zip", "mp4", "webm", "woff", "woff2",
    ]

    /// The same-host page links of `html`, absolute, in document order, without duplicates.
    public static func links(in html: Data, base: String) -> [String] {
        guard let baseURL = URL(string: base), let host = baseURL.host?.lowercased() else { return [] }
        let text = String(decoding: html, as: UTF8.self)
        var found: [String] = []
        var seen: Set<String> = []
        var cursor = text.startIndex
        while let tag = text.range(of: "<a", options: .caseInsensitive, range: cursor..<text.endIndex) {
            cursor = tag.upperBound
            guard let end = text[cursor...].firstIndex(of: ">") else { break }
            let attributes = text[cursor..<end]
            cursor = end
            guard let first = attributes.first, first.isWhitespace,
                let href = value(of: "href", in: attributes),
                let url = URL(string: href.trimmingCharacters(in: .whitespaces), relativeTo: baseURL)?.absoluteURL,
                let scheme = url.scheme?.lowercased(), scheme == baseURL.scheme?.lowercased(),
                url.host?.lowercased() == host, !assetExtensions.contains(url.pathExtension.lowercased()),
                var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            else { continue }
            components.fragment = nil
            guard let absolute = components.string, seen.insert(absolute).inserted else { continue }
            found.append(absolute)
        }
        return found
    }

    private static func value(of name: String, in attributes: Substring) -> String? {
        guard let range = attributes.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var rest = attributes[range.upperBound...]
        guard let quote = rest.first else { return nil }
        if quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { return nil }
            return decodeEntities(String(rest[..<close]))
        }
        return String(rest.prefix { !$0.isWhitespace })
    }

    private static func decodeEntities(_ text: String) -> String {
        text.contains("&") ? text.replacingOccurrences(of: "&amp;", with: "&") : text
    }
}

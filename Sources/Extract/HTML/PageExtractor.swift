import AuditModel
import Foundation
import Normalize

/// What one page yields: its products and whatever was wrong with it.
public struct PageExtraction: Sendable {
    /// One observation per product found on the page.
    public var observations: [Observation]
    /// Problems with the page (malformed JSON-LD, no product found …), each naming the position.
    public var problems: [Problem]
    /// The page's `rel=canonical` URL, normalised, when it has one.
    public var canonicalURL: String?
}

/// Reads a product page: the JSON-LD `Product`/`Offer` blocks and the canonical URL, through libxml2's
/// forgiving HTML parser.
public struct PageExtractor: Sendable {
    /// The channel the observations belong to.
    public var channel: String
    /// The currency assumed when an offer states none.
    public var defaultCurrency: String?

    /// Creates an extractor for a channel.
    public init(channel: String, defaultCurrency: String? = nil) {
        self.channel = channel
        self.defaultCurrency = defaultCurrency
    }

    /// Extracts the products of one page. `source` is the URL or path the bytes came from.
    public func extract(_ data: Data, source: String) -> PageExtraction {
        guard let tree = MarkupTree(html: data, url: source) else {
            return PageExtraction(observations: [], problems: [Problem(source: source, message: "empty page")],
                                  canonicalURL: nil)
        }
        let canonical = tree.attributes("//link[translate(@rel, 'CANONIL', 'canonil')='canonical']", name: "href")
            .first.flatMap { resolve($0, against: source) }
        var problems: [Problem] = []
        var observations: [Observation] = []
        let reader = JSONLDProducts(source: source, channel: channel, defaultCurrency: defaultCurrency)
        let scripts = tree.strings("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
        for (index, script) in scripts.enumerated() {
            let text = Self.unwrap(script)
            if text.isEmpty || text == "null" { continue }
            do {
                let value = try JSONParser.parse(text)
                observations += reader.observations(blockIndex: index, value: value, problems: &problems)
            } catch {
                problems.append(Problem(source: source, position: "json-ld[\(index)] \(error.description)",
                                        message: "malformed JSON-LD: \(error.message)"))
            }
        }
        for index in observations.indices {
            observations[index].key.url = canonical ?? observations[index].key.url ?? URLNormalizer.normalize(source)
        }
        if observations.isEmpty {
            problems.append(Problem(source: source, message: "no schema.org Product found on the page"))
        }
        return PageExtraction(observations: observations, problems: problems, canonicalURL: canonical)
    }

    /// Strips the `<!-- … -->` and CDATA wrappers some themes put around JSON-LD.
    static func unwrap(_ script: String) -> String {
        var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] where text.hasPrefix(open) {
            text.removeFirst(open.count)
            if text.hasSuffix(close) { text.removeLast(close.count) }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    private func resolve(_ href: String, against source: String) -> String? {
        if let absolute = URLNormalizer.normalize(href) { return absolute }
        guard let base = URL(string: source), base.scheme != nil,
            let resolved = URL(string: href, relativeTo: base)?.absoluteString
        else { return nil }
        return URLNormalizer.normalize(resolved)
    }
}

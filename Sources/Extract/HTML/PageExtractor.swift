import AuditModel
import Foundation
import Normalize

/// What one page yields: its products and whatever was wrong with it.
public struct PageExtraction: Sendable {
    /// One observation per product (or variant) found on the page.
    public var observations: [Observation]
    /// Problems with the page (malformed JSON-LD, no product found …), each naming the position.
    public var problems: [Problem]
    /// The page's `rel=canonical` URL, normalised, when it has one.
    public var canonicalURL: String?
}

/// Reads a product page through libxml2's forgiving HTML parser: JSON-LD, microdata, RDFa Lite, OpenGraph
/// `product:*` metas and the visible price block and availability text, merged into one observation per
/// product or variant. Every statement keeps its evidence; disagreeing statements stay in `claims`.
public struct PageExtractor: Sendable {
    /// The channel the observations belong to.
    public var channel: String
    /// The currency assumed when a price states none.
    public var defaultCurrency: String?
    /// The decimal separator of visible prices when the text alone is ambiguous (from the shop's locale).
    public var decimalSeparator: Character?
    /// Configured selectors for the visible facts; nil uses the heuristics.
    public var selectors: PageSelectors?
    /// The shop's locale (`it-IT`), for terms written as text.
    public var locale: String?

    /// Creates an extractor for a channel.
    public init(channel: String, defaultCurrency: String? = nil, decimalSeparator: Character? = nil,
                selectors: PageSelectors? = nil, locale: String? = nil) {
        self.locale = locale
        self.channel = channel
        self.defaultCurrency = defaultCurrency
        self.decimalSeparator = decimalSeparator
        self.selectors = selectors
    }

    /// Extracts the products of one page. `source` is the URL or path the bytes came from; `contentType` is the
    /// HTTP header when there is one (its charset wins over the page's own declaration).
    public func extract(_ data: Data, source: String, contentType: String? = nil) -> PageExtraction {
        let encoding = Charset.encoding(for: data, contentType: contentType)
        guard let tree = MarkupTree(html: data, url: source, encoding: encoding) else {
            return PageExtraction(observations: [], problems: [Problem(source: source, message: "empty page")], canonicalURL: nil)
        }
        let scan = PageScan(tree)
        let canonical = scan.canonical.flatMap { resolve($0, against: source) }
        var problems: [Problem] = []
        var structured: [Observation] = []
        let jsonLD = SchemaOrgProducts(source: source, channel: channel, syntax: .jsonLD, defaultCurrency: defaultCurrency)
        for (index, script) in scan.jsonLD.enumerated() {
            let text = Self.unwrap(script)
            if text.isEmpty || text == "null" { continue }
            do {
                let values = try JSONParser.parseAll(text)
                for (offset, value) in values.enumerated() {
                    let prefix = values.count > 1 ? "json-ld[\(index)]{\(offset)}" : "json-ld[\(index)]"
                    structured += jsonLD.observations(prefix: prefix, value: value, problems: &problems)
                }
            } catch {
                problems.append(Problem(source: source, position: "json-ld[\(index)] \(error.description)",
                                        message: "malformed JSON-LD: \(error.message)"))
            }
        }
        let microdata = SchemaOrgProducts(source: source, channel: channel, syntax: .microdata, defaultCurrency: defaultCurrency)
        let microdataReader = MicrodataReader(ids: scan.ids)
        for (index, root) in scan.microdataRoots.enumerated() {
            structured += microdata.observations(prefix: "microdata[\(index)]", value: microdataReader.item(root), problems: &problems)
        }
        let rdfa = SchemaOrgProducts(source: source, channel: channel, syntax: .rdfa, defaultCurrency: defaultCurrency)
        for (index, root) in scan.rdfaRoots.enumerated() {
            structured += rdfa.observations(prefix: "rdfa[\(index)]", value: RDFaReader().item(root), problems: &problems)
        }
        let openGraph = OpenGraphReader(source: source, channel: channel, defaultCurrency: defaultCurrency)
            .observation(scan, problems: &problems)
        let parser = PriceParser(decimalSeparatorHint: decimalSeparator, defaultCurrency: defaultCurrency)
        let visible = VisibleFacts(tree: tree, scan: scan, source: source, selectors: selectors, parser: parser)
        var observations = PageMerger(channel: channel, source: source, visibleFirst: selectors?.price != nil)
            .merge(structured: structured, openGraph: openGraph, visible: visible,
                   terms: TermsBlocks(scan: scan, source: source, currency: defaultCurrency, locale: locale))
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
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] where text.hasPrefix(open) {
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

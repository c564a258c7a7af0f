import AuditModel
import Foundation
import Normalize

/// What one page yields: its products and whatever was wrong with it.
public struct PageExtraction: Sendable, Codable {
    /// One observation per product (or variant) found on the page.
    public var observations: [Observation]
    /// Problems with the page (malformed JSON-LD, no product found …), each naming the position.
    public var problems: [Problem]
    /// The page's `rel=canonical` URL, normalised, when it has one.
    public var canonicalURL: String?

    /// Creates an extraction result.
    public init(observations: [Observation], problems: [Problem], canonicalURL: String?) {
        self.observations = observations
        self.problems = problems
        self.canonicalURL = canonicalURL
    }
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

    /// The most product statements (JSON-LD, microdata, RDFa, variants included) read from one page.
    public static let maxProductsPerPage = 1_000

    /// Extracts the products of one page. `source` is the URL or path the bytes came from; `contentType` is the
    /// HTTP header when there is one (its charset wins over the page's own declaration). Markup that libxml2
    /// would choke on (see `MarkupLimits.page`) is a problem, and statements beyond `maxProductsPerPage` are cut.
    public func extract(_ data: Data, source: String, contentType: String? = nil) -> PageExtraction {
        MarkupArena.session { read(data, source: source, contentType: contentType) }
    }

    /// `extract`, inside an arena session: the tree and every `Node` stay in here.
    private func read(_ data: Data, source: String, contentType: String?) -> PageExtraction {
        do {
            try MarkupLimits.page.check(data, source: source)
        } catch {
            return PageExtraction(observations: [], problems: [error], canonicalURL: nil)
        }
        let encoding = Charset.encoding(for: data, contentType: contentType)
        guard let tree = MarkupTree(html: data, url: source, encoding: encoding) else {
            return PageExtraction(observations: [], problems: [Problem(source: source, message: "empty page")], canonicalURL: nil)
        }
        let scan = PageScan(tree)
        let canonical = scan.canonical.flatMap { resolve($0, against: source) }
        var problems: [Problem] = []
        if let canonical, let ogURL = scan.meta("og:url").flatMap({ resolve($0.content, against: source) }),
            let canonicalHost = URL(string: canonical)?.host?.lowercased(), let ogHost = URL(string: ogURL)?.host?.lowercased(),
            canonicalHost != ogHost {
            problems.append(Problem(source: source, position: "link[rel=canonical], meta[property=og:url]",
                                    message: "the page declares two hosts (canonical \(canonicalHost), og:url \(ogHost)): product URLs may switch host from page to page"))
        }
        var structured: [Observation] = []
        let jsonLD = SchemaOrgProducts(source: source, channel: channel, syntax: .jsonLD, defaultCurrency: defaultCurrency)
        for (index, script) in scan.jsonLD.enumerated() {
            for value in jsonLDValues(script, index: index, source: source, problems: &problems) {
                structured += jsonLD.observations(prefix: value.prefix, value: value.value, problems: &problems)
            }
        }
        let microdata = SchemaOrgProducts(source: source, channel: channel, syntax: .microdata, defaultCurrency: defaultCurrency)
        let microdataReader = MicrodataReader { id in
            scan.usesItemref && !id.contains("'") ? tree.elements("//*[@id='\(id)']").first : nil
        }
        for (index, root) in scan.microdataRoots.enumerated() {
            structured += microdata.observations(prefix: "microdata[\(index)]", value: microdataReader.item(root), problems: &problems)
        }
        let rdfa = SchemaOrgProducts(source: source, channel: channel, syntax: .rdfa, defaultCurrency: defaultCurrency)
        for (index, root) in scan.rdfaRoots.enumerated() {
            structured += rdfa.observations(prefix: "rdfa[\(index)]", value: RDFaReader().item(root), problems: &problems)
        }
        if structured.count > Self.maxProductsPerPage {
            problems.append(Problem(source: source, message: "the page states \(structured.count) products; only the first "
                + "\(Self.maxProductsPerPage) are read (a product page never needs more)"))
            structured.removeSubrange(Self.maxProductsPerPage...)
        }
        let openGraph = OpenGraphReader(source: source, channel: channel, defaultCurrency: defaultCurrency)
            .observation(scan, problems: &problems)
        // Visible prices written with `$` or `kr` are read in the currency the page's markup states.
        let markupCurrency = (structured + [openGraph].compactMap { $0 }).lazy.compactMap { $0.claims?.first?.price.value.currency }.first
        // Without a configured locale, the page's own language and region (or its domain's) read `$` and `1.299`.
        let pageLocale = locale ?? PageLocale.guess(language: scan.language, ogLocale: scan.meta("og:locale")?.content,
                                                    urls: [canonical, source].compactMap { $0 })
        let parser = PriceParser(decimalSeparatorHint: decimalSeparator, defaultCurrency: defaultCurrency,
                                 currencyHint: markupCurrency ?? defaultCurrency, locale: pageLocale)
        let visible = VisibleFacts(tree: tree, scan: scan, source: source, selectors: selectors, parser: parser)
        let pageURLs = [source, canonical, scan.meta("og:url")?.content].compactMap { $0 }
        let headings = [scan.meta("og:title")?.content].compactMap { $0 }
        // The variant chosen in the page's size or colour list (values and labels, a few at most).
        let selectedOptions = scan.selectedOptions.flatMap { option in
            [option.attribute("value"), option.attribute("data-sku"), option.collapsedText].compactMap { $0 }.filter { !$0.isEmpty }
        }
        let merged = PageMerger(channel: channel, source: source, visibleFirst: selectors?.price != nil,
                                pageURLs: pageURLs, headings: headings, selectedOptions: Array(selectedOptions))
            .merge(structured: structured, openGraph: openGraph, visible: visible,
                   terms: TermsBlocks(scan: scan, source: source, currency: defaultCurrency, locale: locale))
        // The products the page is about are at its URL; the others (related products, carousel tiles) keep their own
        // identifiers, and a tile with none is no product of this page (it could never be matched).
        // What the markup of a related product lacks (a carousel tile "has no offers") is that product's, reported on
        // its own page, not this page's.
        let others = merged.products.indices.filter { !merged.pageOwns[$0] }.compactMap { merged.products[$0].origin?.locator }
        if !others.isEmpty {
            problems.removeAll { problem in
                others.contains { problem.position == $0 || problem.position.hasPrefix($0 + ".") }
            }
        }
        var observations: [Observation] = []
        for (index, var observation) in merged.products.enumerated() {
            if merged.pageOwns[index] {
                observation.key.url = canonical ?? observation.key.url ?? URLNormalizer.normalize(source)
            } else if observation.key.isEmpty {
                continue
            }
            observations.append(observation)
        }
        if observations.isEmpty {
            problems.append(Problem(source: source, message: "no schema.org Product found on the page"))
        } else if structured.isEmpty, openGraph == nil {
            problems.append(Problem(source: source, message: "no structured data: read from the visible page"))
            // The item number the page shows beside its label is the product's sku.
            if observations.count == 1, observations[0].key.sku == nil, let sku = VisibleIdentifier.find(in: tree, source: source) {
                observations[0].key.sku = sku.value
            }
        }
        return PageExtraction(observations: observations, problems: problems, canonicalURL: canonical)
    }

    /// The JSON values of one ld+json script. What search engines would reject but omniaudit can still read
    /// (comments, trailing commas, raw control characters, `<!-- -->` wrappers, concatenated objects, an empty
    /// script) is read and reported as a problem, since Google and other consumers may ignore the block.
    func jsonLDValues(_ script: String, index: Int, source: String, problems: inout [Problem]) -> [(prefix: String, value: JSONValue)] {
        let (text, wrapper) = Self.unwrap(script)
        let position = "json-ld[\(index)]"
        if text.isEmpty {
            problems.append(Problem(source: source, position: position, message: "empty JSON-LD script"))
            return []
        }
        if let wrapper {
            problems.append(Problem(source: source, position: position,
                                    message: "JSON-LD wrapped in \(wrapper): read anyway, but it is not valid JSON-LD"))
        }
        let values: [JSONValue]
        do {
            values = try JSONParser.parseAll(text, lenient: false)
            if values.count > 1 {
                problems.append(Problem(source: source, position: position,
                                        message: "\(values.count) JSON values concatenated in one script: read anyway, but it is not valid JSON"))
            }
        } catch let strict {
            do {
                values = try JSONParser.parseAll(text, lenient: true)
                problems.append(Problem(source: source, position: "\(position) \(strict.description)",
                                        message: "invalid JSON (\(strict.message)): read leniently, but search engines may ignore this block"))
            } catch {
                problems.append(Problem(source: source, position: "\(position) \(error.description)",
                                        message: "malformed JSON-LD: \(error.message)"))
                return []
            }
        }
        return values.enumerated().compactMap { offset, value in
            if case .null = value { return nil }
            return (values.count > 1 ? "\(position){\(offset)}" : position, value)
        }
    }

    /// Strips the `<!-- … -->` and CDATA wrappers some themes put around JSON-LD; returns the wrapper found.
    static func unwrap(_ script: String) -> (text: String, wrapper: String?) {
        var text = ByteSearch.trimmingWhitespaceAndNewlines(script)
        var wrapper: String?
        for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] where text.hasPrefix(open) {
            text.removeFirst(open.count)
            if text.hasSuffix(close) { text.removeLast(close.count) }
            text = ByteSearch.trimmingWhitespaceAndNewlines(text)
            if open == "<!--" { wrapper = "<!-- -->" }
        }
        return (text, wrapper)
    }

    private func resolve(_ href: String, against source: String) -> String? {
        if let absolute = URLNormalizer.normalize(href) { return absolute }
        guard let base = URL(string: source), base.scheme != nil,
            let resolved = URL(string: href, relativeTo: base)?.absoluteString
        else { return nil }
        return URLNormalizer.normalize(resolved)
    }
}

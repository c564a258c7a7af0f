import AuditModel
import Foundation

/// Picks the main product of a page among several (the product itself, not the recommendation carousel or the
/// "related deals" tiles): the one whose URL is the page's, whose identifier is in the page's URL, whose name
/// is the page's heading, or whose price is the one the price block shows; among variants, the one whose URL
/// carries the page's query (`?variant=…`) or whose price is shown. Document order only breaks ties.
enum MainProduct {
    /// What the page says about itself.
    struct Page {
        /// The page's URL, its canonical and `og:url`.
        var urls: [String]
        /// The page's `h1` and `og:title`.
        var headings: [String]
        /// The current price the page's price block shows.
        var visiblePrice: Money?
        /// The values and labels of the page's `<option selected>` (the variant chosen in a size or colour list).
        var selectedOptions: [String] = []
    }

    /// The index of the main product and its score; the score is 0 when nothing points at any product.
    static func pick(_ observations: [Observation], page: Page) -> (index: Int, score: Int)? {
        guard !observations.isEmpty else { return nil }
        let paths = Set(page.urls.compactMap(path))
        let queries = Set(page.urls.compactMap { URLComponents(string: $0)?.query }.filter { !$0.isEmpty })
        let urlText = page.urls.joined(separator: " ").lowercased()
        let headings = page.headings.map(fold).filter { $0.count >= 4 }
        var best = (index: 0, score: 0)
        for (index, observation) in observations.enumerated() {
            var score = 0
            if let url = observation.key.url, let own = path(url), paths.contains(own) {
                score += 8
                // A variant's own URL with the page's query (`?variant=45000000000002`) is the selected one.
                if let query = URLComponents(string: url)?.query, !query.isEmpty, queries.contains(query) { score += 8 }
            }
            if let sku = observation.key.sku, sku.count >= 4, urlText.contains(sku.lowercased()) { score += 4 }
            if let title = observation.title.map({ fold($0.value) }), title.count >= 4,
                headings.contains(where: { $0 == title || $0.contains(title) || title.contains($0) }) {
                score += 2
            }
            if let shown = page.visiblePrice, observation.price?.value == shown { score += 1 }
            if selected(observation, options: page.selectedOptions) { score += 4 }
            if score > best.score { best = (index, score) }
        }
        return best
    }

    /// True when a selected option names the variant: its value is the variant's sku or gtin, or its label is
    /// one of the words the variant's name adds (`Shirt - M` for the option `M`).
    static func selected(_ observation: Observation, options: [String]) -> Bool {
        guard observation.group != nil, !options.isEmpty else { return false }
        let keys = [observation.key.sku, observation.key.gtin].compactMap { $0?.lowercased() }
        let words = Set((observation.title?.value ?? "").lowercased().split(whereSeparator: { " -/,()|:".contains($0) }).map(String.init))
        return options.contains { option in
            let folded = fold(option)
            return keys.contains(folded) || (!folded.isEmpty && words.contains(folded))
        }
    }

    /// The path of a URL without trailing slash, lower-cased; nil for a bare host.
    private static func path(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path.lowercased() else { return nil }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Lower-cased text with runs of spaces collapsed, for comparing names.
    private static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

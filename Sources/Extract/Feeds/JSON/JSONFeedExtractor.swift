import AuditModel
import Foundation
import Normalize

/// What a feed yields: one observation per item and the problems found.
public struct FeedExtraction: Sendable {
    /// One observation per readable item, in feed order.
    public var observations: [Observation]
    /// Problems (malformed JSON, items without identifiers or price), each with its position.
    public var problems: [Problem]

    /// Creates an extraction.
    public init(observations: [Observation], problems: [Problem]) {
        self.observations = observations
        self.problems = problems
    }
}

/// Reads the bytes of one feed format into observations; one type per format, chosen by the feed's `format:`.
public protocol FeedExtractor: Sendable {
    /// Extracts every item of a feed document; never throws: what cannot be read is a problem with its position.
    func extract(_ data: Data, source: String) -> FeedExtraction
}

/// Reads a JSON product feed (an app API export) through a field mapping such as
/// `{ sku: id, price: pricing.sale, availability: stock.status }`.
public struct JSONFeedExtractor: FeedExtractor {
    /// The observation fields a mapping may name.
    public enum Field: String, CaseIterable, Sendable {
        case sku, gtin, mpn, url, title, price, listPrice = "list_price", currency, availability, stock
        /// Merchant fields, read from XML, CSV/TSV, JSON Lines and standard-name JSON feeds.
        case salePrice = "sale_price", saleDates = "sale_price_effective_date", brand, group = "item_group_id",
            shipping, store
    }

    /// The channel the observations belong to.
    public var channel: String
    /// Where the items are, e.g. `data.products[]`.
    public var items: JSONPath
    /// For each field, the path inside an item.
    public var fields: [Field: JSONPath]
    /// The currency of items that state none.
    public var defaultCurrency: String?
    /// The decimal separator of prices written as strings (`"1.299,00"`), from the shop's locale.
    public var decimalSeparator: Character?

    /// Creates an extractor.
    public init(channel: String, items: JSONPath, fields: [Field: JSONPath], defaultCurrency: String?,
                decimalSeparator: Character?) {
        self.channel = channel
        self.items = items
        self.fields = fields
        self.defaultCurrency = defaultCurrency
        self.decimalSeparator = decimalSeparator
    }

    /// Extracts every item of a feed document.
    public func extract(_ data: Data, source: String) -> FeedExtraction {
        var observations: [Observation] = []
        let problems = stream(FeedInput(data: data), source: source) { observations.append($0) }
        return FeedExtraction(observations: observations, problems: problems)
    }

    /// Reads the items of a feed one at a time as they stream, handing each observation to `each`; returns the
    /// problems, each with its position.
    public func stream(_ input: FeedInput, source: String, each: (Observation) -> Void) -> [Problem] {
        var problems: [Problem] = []
        let outcome = JSONItemStream.read(input, source: source, items: items.steps) { item, locator in
            if case .array = item {
                let path = items.description.isEmpty ? "[]" : "\(items)[]"
                problems.append(Problem(source: source, position: locator.isEmpty ? "top level" : locator,
                                        message: "the items path \"\(items)\" selects an array, not items: write items: \"\(path)\""))
                return
            }
            let reader = ItemReader(extractor: self, item: item, locator: locator, source: source)
            if let observation = reader.observation(problems: &problems) { each(observation) }
        }
        problems += outcome.problems
        if outcome.items == 0 && outcome.problems.isEmpty {
            problems.append(Problem(source: source, message: "no items at \"\(items)\": the items path selects nothing"))
        }
        return problems
    }
}

import AuditModel
import Foundation

/// Reads availability as schema.org, Merchant feeds, app APIs and visible text state it, plus a stock count
/// when one is stated ("Ultimi 3 pezzi", "Only 2 left in stock", "Nur noch 2 auf Lager"). "Only N left"
/// phrasing gives `limited`; plain availability stays `in_stock`.
public enum AvailabilityParser {
    /// The outcome: the availability (nil when the text says nothing recognisable) and a stock count.
    public struct Result: Hashable, Sendable, Encodable {
        /// The availability, nil when unrecognised.
        public var availability: Availability?
        /// The stated count of pieces left, when there is one.
        public var stockCount: Int?

        /// Creates a result.
        public init(availability: Availability? = nil, stockCount: Int? = nil) {
            self.availability = availability
            self.stockCount = stockCount
        }

        private enum CodingKeys: String, CodingKey {
            case availability
            case stockCount = "stock_count"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(availability, forKey: .availability)
            try container.encode(stockCount, forKey: .stockCount)
        }
    }

    /// Parses a machine value (`https://schema.org/InStock`, `InStock`, `in stock`, `out_of_stock`,
    /// `available for order`) or a visible phrase.
    public static func parse(_ text: String) -> Result {
        let folded = fold(String(text.prefix(1024)))
        if let value = AvailabilityWords.machineValues[String(folded.filter { $0 != " " })] {
            return Result(availability: value, stockCount: nil)
        }
        let padded = " " + folded + " "
        let count = AvailabilityCount.find(in: padded)
        let bytes = Array(padded.utf8)
        for (index, (_, value)) in AvailabilityWords.phrases.enumerated()
        where ByteSearch.contains(bytes, AvailabilityWords.phraseBytes[index]) {
            if value == .outOfStock || value == .preorder || value == .backorder || value == .discontinued {
                return Result(availability: value, stockCount: value == .outOfStock ? (count ?? 0 == 0 ? count : nil) : count)
            }
            guard let count else { return Result(availability: value, stockCount: nil) }
            if count == 0 { return Result(availability: .outOfStock, stockCount: 0) }
            return Result(availability: AvailabilityCount.isFewLeft(padded) ? .limited : value, stockCount: count)
        }
        if let count {
            if count == 0 { return Result(availability: .outOfStock, stockCount: 0) }
            return Result(availability: AvailabilityCount.isFewLeft(padded) ? .limited : .inStock, stockCount: count)
        }
        return Result(availability: nil, stockCount: nil)
    }

    /// Lower-cased, accents removed, schema.org prefixes dropped, `_`/`-`/punctuation as spaces:
    /// `https://schema.org/InStock` → `instock`, `Out_of_stock` → `out of stock`.
    static func fold(_ text: String) -> String {
        var value = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["https://schema.org/", "http://schema.org/", "schema:", "schema.org/"] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        let spaced = value.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) ? Character(scalar) : " "
        }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }
}

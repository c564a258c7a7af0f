import AuditModel
import Foundation

/// Reads availability as schema.org, Merchant feeds, app APIs and visible text state it, plus a stock count
/// when one is stated ("Disponibilità: solo 3 pezzi").
public enum AvailabilityParser {
    /// The outcome: the availability (nil when the text says nothing recognisable) and a stock count.
    public struct Result: Hashable, Sendable {
        /// The availability, nil when unrecognised.
        public var availability: Availability?
        /// The stated count of pieces left, when there is one.
        public var stockCount: Int?
    }

    /// Parses a machine value (`https://schema.org/InStock`, `InStock`, `in stock`, `out_of_stock`) or a phrase.
    public static func parse(_ text: String) -> Result {
        let folded = fold(text)
        if let value = machineValues[folded.replacingOccurrences(of: " ", with: "")] {
            return Result(availability: value, stockCount: nil)
        }
        let count = stockCount(in: folded)
        for (phrase, value) in phrases where folded.contains(phrase) {
            return Result(availability: count.map { $0 == 0 ? .outOfStock : value } ?? value, stockCount: count)
        }
        if let count { return Result(availability: count == 0 ? .outOfStock : .inStock, stockCount: count) }
        return Result(availability: nil, stockCount: nil)
    }

    /// Lower-cased, accents removed, schema.org prefixes and `_`/`-` dropped: `https://schema.org/InStock` → `instock`.
    static func fold(_ text: String) -> String {
        var value = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["https://schema.org/", "http://schema.org/", "schema:"] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        return value.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
    }

    private static let machineValues: [String: Availability] = [
        "instock": .inStock, "outofstock": .outOfStock, "soldout": .outOfStock, "preorder": .preorder,
        "presale": .preorder, "backorder": .backorder, "limitedavailability": .limited,
        "discontinued": .discontinued, "instoreonly": .inStock, "onlineonly": .inStock,
        "availablefororder": .preorder, "available": .inStock, "unavailable": .outOfStock,
    ]

    /// Visible phrases, most specific first ("non disponibile" before "disponibile").
    private static let phrases: [(String, Availability)] = [
        ("non disponibile", .outOfStock), ("esaurit", .outOfStock), ("out of stock", .outOfStock),
        ("sold out", .outOfStock), ("preordine", .preorder), ("pre order", .preorder),
        ("ultimi", .limited), ("ultimo pezzo", .limited), ("solo", .limited), ("only", .limited),
        ("disponibil", .inStock), ("in stock", .inStock),
    ]

    /// "solo 3 pezzi", "ultimi 8", "only 2 left": the first integer after a count word.
    private static func stockCount(in folded: String) -> Int? {
        guard folded.contains(where: \.isNumber) else { return nil }
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for (index, word) in words.enumerated() where ["solo", "ultimi", "only", "rimasti", "pezzi"].contains(word) {
            for candidate in words[max(0, index - 1)...min(words.count - 1, index + 2)] {
                if let value = Int(candidate) { return value }
            }
        }
        return nil
    }
}

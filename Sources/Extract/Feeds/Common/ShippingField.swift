import AuditModel
import Normalize

/// The Merchant `shipping` attribute, `country:region:service:price` (`IT::Standard:4.95 EUR`), as terms.
enum ShippingField {
    /// The terms of the first shipping value: its price as the cost (0 is free shipping); nil when it has no price.
    static func parse(_ text: String, parser: PriceParser? = nil, currency: String?) -> ShippingTerms? {
        // A cell may list several (`US::Standard:4.95 USD,CA::Standard:9.95 USD`): the first is read; its price is
        // after the last colon (searched on bytes).
        let bytes = text.utf8
        let first = bytes[..<(bytes.firstIndex(of: UInt8(ascii: ",")) ?? bytes.endIndex)]
        let start = first.lastIndex(of: UInt8(ascii: ":")).map { first.index(after: $0) } ?? first.startIndex
        let last = String(Substring(first[start...])).feedTrimmed
        guard !last.isEmpty else { return nil }
        guard let cost = (parser ?? PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency)).money(last) else { return nil }
        return ShippingTerms(cost: cost, isFree: cost.amount == 0 ? true : nil)
    }

    /// The entries of a shipping value: `US::Standard:4.95 USD,CA::Standard:9.95 USD` has two.
    static func entries(_ text: String) -> [Substring] {
        text.split(separator: ",", omittingEmptySubsequences: true)
    }

    /// The country of one entry (`IT::Standard:4.90 EUR` → `IT`), upper-cased; nil when it names none.
    static func country(of entry: Substring) -> String? {
        let country = entry.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces).uppercased()
        return country.isEmpty || entry.firstIndex(of: ":") == nil ? nil : country
    }

    /// True for `15.00 USD` or `USD 15.00`: Merchant prices with an ISO code always use `.` as the decimal point.
    static func hasCurrencyCode(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return words.count == 2 && words.contains { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isUppercase } }
    }
}

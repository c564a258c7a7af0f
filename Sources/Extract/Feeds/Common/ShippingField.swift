import AuditModel
import Normalize

/// The Merchant `shipping` attribute, `country:region:service:price` (`IT::Standard:4.95 EUR`), as terms.
enum ShippingField {
    /// The terms of the first shipping value: its price as the cost (0 is free shipping); nil when it has no price.
    static func parse(_ text: String, currency: String?) -> ShippingTerms? {
        // A cell may list several (`US::Standard:4.95 USD,CA::Standard:9.95 USD`): the first is read.
        let first = text.split(separator: ",", maxSplits: 1).first ?? ""
        let parts = first.split(separator: ":", omittingEmptySubsequences: false)
        guard let last = parts.last?.trimmingCharacters(in: .whitespaces), !last.isEmpty else { return nil }
        guard let cost = PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency).money(last) else { return nil }
        return ShippingTerms(cost: cost, isFree: cost.amount == 0 ? true : nil)
    }

    /// True for `15.00 USD` or `USD 15.00`: Merchant prices with an ISO code always use `.` as the decimal point.
    static func hasCurrencyCode(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return words.count == 2 && words.contains { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isUppercase } }
    }
}

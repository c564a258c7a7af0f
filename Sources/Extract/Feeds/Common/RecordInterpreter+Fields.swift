import AuditModel
import Foundation
import Normalize

/// The per-field readers of `RecordInterpreter`: shipping for the shop's country, variant attributes,
/// availability, stock count and prices, each with its evidence and, when unreadable, a problem naming the position.
extension RecordInterpreter {
    /// The shipping value to compare: with `country` set and several values (repeated `g:shipping`, or a list in
    /// one cell), the first whose country is the shop's, else the first; the others stay in the record.
    func shippingValue(_ item: Item) -> FeedRecord.Value? {
        guard let first = value(.shipping, in: item) else { return nil }
        guard let country, let name = parsers?.lookup[JSONFeedExtractor.Field.shipping.ordinal].first ?? names[.shipping] else { return first }
        for candidate in item.record.all(name) {
            for entry in ShippingField.entries(candidate.text) where ShippingField.country(of: entry) == country {
                var chosen = candidate
                chosen.text = String(entry)
                return chosen
            }
        }
        return first
    }

    func memoShipping(_ text: String, currency: String?, memo: inout Memo) -> ShippingTerms? {
        if let last = memo.shipping, last.text == text, last.currency == currency { return last.terms }
        let terms = ShippingField.parse(text, parser: currency == defaultCurrency ? parsers?.dot : nil, currency: currency)
        memo.shipping = (text, currency, terms)
        return terms
    }

    /// The Merchant variant attributes `size` and `color` (or `colour`), when the item states them.
    func variant(_ item: Item) -> [String: String]? {
        let size: FeedRecord.Value?, color: FeedRecord.Value?
        if item.hasColumns {
            size = index(at: Self.sizeOrdinal, in: item).map { item.values[$0] }
            color = index(at: Self.sizeOrdinal + 1, in: item).map { item.values[$0] }
        } else {
            size = item.record.first("size")
            color = item.record.first("color") ?? item.record.first("colour")
        }
        guard size != nil || color != nil else { return nil }
        var variant: [String: String] = [:]
        if let size { variant["size"] = size.text.feedTrimmed }
        if let color { variant["color"] = color.text.feedTrimmed }
        return variant
    }

    func availability(_ item: Item, source: String, problems: inout [Problem], memo: inout Memo) -> Observed<Availability>? {
        guard let found = index(.availability, in: item) else { return nil }
        let text = item.values[found].text
        var read: Availability?
        var known = false
        for entry in memo.availabilities where entry.text == text {
            (read, known) = (entry.value, true)
            break
        }
        if !known {
            read = Self.availability(text)
            if memo.availabilities.count < 16 { memo.availabilities.append((text, read)) }
        }
        guard let read else {
            problems.append(Problem(source: source, position: item.values[found].locator, message: "unknown availability \"\(text)\""))
            return nil
        }
        return Observed(read, evidence(at: found, item, source: source))
    }

    /// An availability value, current or legacy Merchant, or as a page would say it.
    static func availability(_ text: String) -> Availability? {
        if let raw = StandardFields.availability[text.feedTrimmed.lowercased()], let value = Availability(rawValue: raw) { return value }
        return AvailabilityParser.parse(text).availability
    }

    func stockCount(_ item: Item, source: String, problems: inout [Problem]) -> Observed<Int>? {
        guard let found = index(.stock, in: item) else { return nil }
        if let count = Int(item.values[found].text.feedTrimmed), count >= 0 { return Observed(count, evidence(at: found, item, source: source)) }
        problems.append(Problem(source: source, position: item.values[found].locator, message: "stock \"\(item.values[found].text)\" is not a whole number"))
        return nil
    }

    func money(_ field: JSONFeedExtractor.Field, _ item: Item, currency: String?, source: String,
                       problems: inout [Problem], memo: inout Memo) -> Observed<Money>? {
        guard let index = index(field, in: item) else { return nil }
        let text = item.values[index].text.feedTrimmed
        // `15.00 USD`: a code in the text wins over any default, and `.` is its decimal mark, whatever the parser.
        if !item.values[index].isNumber,
            let money = memo.codes.money(text, parse: { PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency).money($0) }) {
            return Observed(money, evidence(at: index, item, source: source))
        }
        let found = item.values[index]
        let separator: Character? = found.isNumber || decimalSeparator == nil || ShippingField.hasCurrencyCode(text) ? "." : decimalSeparator
        // The prepared parsers are used in place: copying one out retains everything it holds.
        let read: Money?
        if currency == defaultCurrency, let parsers {
            read = separator == "." ? parsers.dot.money(text) : parsers.local.money(text)
        } else {
            read = PriceParser(decimalSeparatorHint: separator, defaultCurrency: currency).money(text)
        }
        guard let money = read else {
            let reason = PriceParser(decimalSeparatorHint: separator, defaultCurrency: currency).parse(text).reason ?? "unreadable"
            problems.append(Problem(source: source, position: found.locator, message: "\(field.rawValue) \"\(found.text)\" is not readable: \(reason)"))
            return nil
        }
        return Observed(money, evidence(found, source: source))
    }
}

extension JSONFeedExtractor.Field {
    /// The field's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .sku: 0
        case .gtin: 1
        case .mpn: 2
        case .url: 3
        case .title: 4
        case .price: 5
        case .listPrice: 6
        case .currency: 7
        case .availability: 8
        case .stock: 9
        case .salePrice: 10
        case .saleDates: 11
        case .brand: 12
        case .group: 13
        case .shipping: 14
        case .store: 15
        }
    }
}

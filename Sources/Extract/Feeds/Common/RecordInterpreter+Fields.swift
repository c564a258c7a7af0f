import AuditModel
import Foundation
import Normalize

/// The per-field readers of `RecordInterpreter`: shipping for the shop's country, variant attributes,
/// availability, stock count and prices, each with its evidence and, when unreadable, a problem naming the position.
extension RecordInterpreter {
    /// The shipping value to compare: with `country` set and several values (repeated `g:shipping`, or a list in
    /// one cell), the first whose country is the shop's, else the first; the others stay in the record.
    func shippingValue(_ item: Item<some ItemValues>) -> (text: String, place: Evidence.Place)? {
        guard let first = index(.shipping, in: item) else { return nil }
        let values = item.values
        let chosen = (text: values.text(first), place: values.place(first))
        guard let country, let name = parsers?.lookup[JSONFeedExtractor.Field.shipping.ordinal].first ?? names[.shipping] else { return chosen }
        for candidate in 0..<values.count where values.name(candidate) == name && !values.isBlank(candidate) {
            for entry in ShippingField.entries(values.text(candidate)) where ShippingField.country(of: entry) == country {
                return (String(entry), values.place(candidate))
            }
        }
        return chosen
    }

    /// The terms of a shipping text, parsed once for a run of items that repeat it.
    func memoShipping(_ text: String, currency: String?, memo: inout Memo) -> ShippingTerms? {
        if let last = memo.shipping, last.text == text, last.currency == currency { return last.terms }
        let terms = ShippingField.parse(text, parser: currency == defaultCurrency ? parsers?.dot : nil, currency: currency)
        memo.shipping = (text, currency, terms)
        return terms
    }

    /// The text of the shipping value at `index` and its terms, read once for a run of items that repeat it (the
    /// bytes are compared: no string is made for a repeated value).
    func memoShipping(_ values: some ItemValues, _ index: Int, currency: String?, memo: inout Memo) -> (text: String, terms: ShippingTerms?)? {
        if let last = memo.shipping, last.currency == currency, values.withBytes(index, { RepeatedTexts.equal(last.text, $0) }) {
            return (last.text, last.terms)
        }
        let text = values.text(index)
        return (text, memoShipping(text, currency: currency, memo: &memo))
    }

    /// The Merchant variant attributes `size` and `color` (or `colour`), when the item states them.
    func variant(_ item: Item<some ItemValues>) -> [String: String]? {
        let values = item.values
        let size: Int?, color: Int?
        if item.hasColumns {
            size = index(at: Self.sizeOrdinal, in: item)
            color = index(at: Self.sizeOrdinal + 1, in: item)
        } else {
            size = values.first(named: "size")
            color = values.first(named: "color") ?? values.first(named: "colour")
        }
        guard size != nil || color != nil else { return nil }
        var variant: [String: String] = [:]
        if let size { variant["size"] = values.trimmed(size) }
        if let color { variant["color"] = values.trimmed(color) }
        return variant
    }

    func availability(_ item: Item<some ItemValues>, source: String, problems: inout [Problem], memo: inout Memo) -> Observed<Availability>? {
        guard let found = index(.availability, in: item) else { return nil }
        let values = item.values
        // A feed repeats a handful of availability texts: each is read once, and its bytes found again after.
        let known = values.withBytes(found) { bytes in memo.availabilities.firstIndex { RepeatedTexts.equal($0.text, bytes) } }
        let text: String, read: Availability?
        if let known {
            (text, read) = memo.availabilities[known]
        } else {
            text = values.text(found)
            read = Self.availability(text)
            if memo.availabilities.count < 16 { memo.availabilities.append((text, read)) }
        }
        guard let read else {
            problems.append(Problem(source: source, position: values.locator(found), message: "unknown availability \"\(text)\""))
            return nil
        }
        return Observed(read, evidence(at: found, item, source: source, raw: text))
    }

    /// An availability value, current or legacy Merchant, or as a page would say it.
    static func availability(_ text: String) -> Availability? {
        if let raw = StandardFields.availability[text.feedTrimmed.lowercased()], let value = Availability(rawValue: raw) { return value }
        return AvailabilityParser.parse(text).availability
    }

    func stockCount(_ item: Item<some ItemValues>, source: String, problems: inout [Problem]) -> Observed<Int>? {
        guard let found = index(.stock, in: item) else { return nil }
        let raw = item.values.text(found)
        if let count = Int(raw.feedTrimmed), count >= 0 { return Observed(count, evidence(at: found, item, source: source, raw: raw)) }
        problems.append(Problem(source: source, position: item.values.locator(found), message: "stock \"\(raw)\" is not a whole number"))
        return nil
    }

    func money(_ field: JSONFeedExtractor.Field, _ item: Item<some ItemValues>, currency: String?, source: String,
                       problems: inout [Problem], memo: inout Memo) -> Observed<Money>? {
        guard let index = index(field, in: item) else { return nil }
        let values = item.values
        let isNumber = values.isNumber(index)
        // `15.00 USD`: a code in the text wins over any default, and `.` is its decimal mark, whatever the parser.
        if !isNumber, let money = values.withTrimmedBytes(index, { bytes in
            bytes.flatMap { memo.codes.money($0, parse: { PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency).money($0) }) }
        }) {
            return Observed(money, evidence(at: index, item, source: source))
        }
        let raw = values.text(index)
        let text = raw.feedTrimmed
        let found = (text: raw, locator: values.locator(index))
        let separator: Character? = isNumber || decimalSeparator == nil || ShippingField.hasCurrencyCode(text) ? "." : decimalSeparator
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
        return Observed(money, evidence(at: index, item, source: source, raw: raw))
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

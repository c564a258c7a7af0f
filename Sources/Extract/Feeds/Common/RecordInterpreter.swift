import AuditModel
import Foundation
import Normalize

/// Turns a feed record into an observation with Merchant semantics: `price` is the regular price and
/// `sale_price` (when present) the price paid, valid in `sale_price_effective_date`; availability values
/// current and legacy; `quantity` as the stock count; `item_group_id` as the variant's group.
public struct RecordInterpreter: Sendable {
    /// The channel the observations belong to.
    public var channel: String
    /// For each field, the record name it is read from.
    public var names: [JSONFeedExtractor.Field: String]
    /// The currency of prices that state none.
    public var defaultCurrency: String?
    /// The decimal separator of prices written without a currency code (`"12,90"` in an Italian store list);
    /// nil reads them the Merchant way, with `.`.
    public var decimalSeparator: Character?
    /// The time zone of sale dates written without one.
    public var timeZone: TimeZone
    /// When true, an item with a store (`store_code`, or the mapped `store`) is observed by the channel
    /// `channel@store`: each store of a store price list is compared on its own.
    public var perStore = false
    /// With `perStore`, the store of items that name none (a price list per store file).
    public var defaultStore: String?

    /// Price parsers for the default currency, made once by `prepared()` instead of once per price (a class, so
    /// that passing the interpreter around copies one reference).
    private final class Parsers: Sendable {
        let dot: PriceParser
        let local: PriceParser
        init(dot: PriceParser, local: PriceParser) {
            self.dot = dot
            self.local = local
        }
    }
    private var parsers: Parsers?

    /// The interpreter with its price parsers made, for reading many items.
    public func prepared() -> RecordInterpreter {
        var copy = self
        copy.parsers = Parsers(dot: PriceParser(decimalSeparatorHint: ".", defaultCurrency: defaultCurrency),
                               local: PriceParser(decimalSeparatorHint: decimalSeparator ?? ".", defaultCurrency: defaultCurrency))
        return copy
    }

    /// Creates an interpreter.
    public init(channel: String, names: [JSONFeedExtractor.Field: String] = StandardFields.names,
                defaultCurrency: String?, decimalSeparator: Character? = nil, timeZone: TimeZone = .gmt) {
        self.channel = channel
        self.names = names
        self.defaultCurrency = defaultCurrency
        self.decimalSeparator = decimalSeparator
        self.timeZone = timeZone
    }

    private func value(_ field: JSONFeedExtractor.Field, in record: FeedRecord) -> FeedRecord.Value? {
        if let found = names[field].flatMap(record.first) { return found }
        guard names[field] == StandardFields.names[field], let aliases = StandardFields.aliases[field] else { return nil }
        return aliases.lazy.compactMap(record.first).first
    }

    private func evidence(_ value: FeedRecord.Value, source: String) -> Evidence {
        Evidence(source: source, locator: value.locator, raw: value.text)
    }

    /// The observation of one record; nil (with a problem naming the position) when it has no identifier.
    public func observation(_ record: FeedRecord, source: String, problems: inout [Problem]) -> Observation? {
        var key = ProductKey()
        key.sku = value(.sku, in: record).map(\.text.feedTrimmed).flatMap { $0.isEmpty ? nil : $0 }
        if let found = value(.gtin, in: record) {
            if let gtin = Identifiers.gtin(found.text), GTIN.hasValidCheckDigit(gtin) {
                key.gtin = gtin
            } else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "GTIN \(found.text) is not a GTIN with a valid check digit; not used for matching"))
            }
        }
        key.mpn = value(.mpn, in: record).map(\.text.feedTrimmed).flatMap { $0.isEmpty ? nil : $0 }
        key.url = value(.url, in: record).flatMap { Self.url($0.text.feedTrimmed) }
        let title = value(.title, in: record)
        if key.isEmpty && title == nil {
            let looked = [JSONFeedExtractor.Field.sku, .gtin, .mpn, .url, .title].compactMap { names[$0] }
            problems.append(Problem(source: source, position: record.locator,
                                    message: "item has no identifier, so it cannot be matched (looked for \(looked.joined(separator: ", ")))"))
            return nil
        }
        var store = ""
        if perStore, let found = value(.store, in: record)?.text.feedTrimmed ?? defaultStore {
            store = "@" + found
        }
        var observation = Observation(
            channel: channel + store, key: key,
            origin: Evidence(source: source, locator: record.locator, raw: key.sku ?? key.gtin ?? key.mpn ?? key.url ?? title?.text ?? ""))
        if let title { observation.title = Observed(title.text.feedTrimmed, evidence(title, source: source)) }
        if let brand = value(.brand, in: record) { observation.brand = Observed(brand.text.feedTrimmed, evidence(brand, source: source)) }
        observation.group = value(.group, in: record)?.text.feedTrimmed
        let currency = value(.currency, in: record).map { $0.text.feedTrimmed.uppercased() } ?? defaultCurrency
        let regular = money(.price, record, currency: currency, source: source, problems: &problems)
        let sale = money(.salePrice, record, currency: currency, source: source, problems: &problems)
        observation.price = sale ?? regular
        observation.listPrice = money(.listPrice, record, currency: currency, source: source, problems: &problems)
            ?? (sale == nil ? nil : regular)
        if observation.price == nil, names[.price] != nil {
            problems.append(Problem(source: source, position: record.locator, message: "item has no price (\(names[.price] ?? ""))"))
        }
        if sale != nil, let dates = value(.saleDates, in: record) {
            let window = DateWindowParser(timeZone: timeZone, reference: Date()).parse(dates.text)
            if window.start == nil && window.end == nil {
                problems.append(Problem(source: source, position: dates.locator, message: "sale_price_effective_date \"\(dates.text)\" is not a date range"))
            } else {
                observation.saleWindow = Observed(window, evidence(dates, source: source))
            }
        }
        availability(record, into: &observation, source: source, problems: &problems)
        if perStore, let stock = observation.stockCount {
            // A store's own stock is not the online stock: it decides whether the store can sell, not a count to
            // compare with the app's.
            if observation.availability == nil { observation.availability = Observed(stock.value > 0 ? .inStock : .outOfStock, stock.evidence) }
            observation.stockCount = nil
        }
        if let shipping = record.all(names[.shipping] ?? "shipping").first,
            let terms = ShippingField.parse(shipping.text, parser: currency == defaultCurrency ? parsers?.dot : nil, currency: currency) {
            observation.shipping = Observed(terms, evidence(shipping, source: source))
        }
        return observation
    }

    /// A product URL in its normal form; URLs already normal (an http(s) scheme and host in lower case, no query,
    /// fragment or port) skip URLComponents, which is slow on Linux.
    static func url(_ text: String) -> String? {
        var text = text
        // Merchant links often carry only campaign parameters (`?utm_source=google&utm_medium=shopping`), which never
        // identify a product: dropped here without parsing the URL (all on bytes: Foundation's string search is slow).
        let bytes = text.utf8
        if let question = bytes.firstIndex(of: UInt8(ascii: "?")), !bytes.contains(UInt8(ascii: "#")),
            bytes[bytes.index(after: question)...].split(separator: UInt8(ascii: "&")).allSatisfy({ parameter in
                parameter.starts(with: "utm_".utf8) || parameter.starts(with: "UTM_".utf8)
            }) {
            text = String(Substring(bytes[..<question]))
        }
        let simple = (text.hasPrefix("https://") || text.hasPrefix("http://"))
            && !text.utf8.contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: " ") }
        if simple {
            let host = text.utf8.dropFirst(text.hasPrefix("https") ? 8 : 7).prefix { $0 != UInt8(ascii: "/") }
            if !host.isEmpty, host.count < text.utf8.count - 8, !host.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ":") }) {
                return text
            }
        }
        return URLNormalizer.normalize(text)
    }

    private func availability(_ record: FeedRecord, into observation: inout Observation, source: String, problems: inout [Problem]) {
        if let found = value(.availability, in: record) {
            let folded = found.text.feedTrimmed.lowercased()
            if let raw = StandardFields.availability[folded], let value = Availability(rawValue: raw) {
                observation.availability = Observed(value, evidence(found, source: source))
            } else if let value = AvailabilityParser.parse(found.text).availability {
                observation.availability = Observed(value, evidence(found, source: source))
            } else {
                problems.append(Problem(source: source, position: found.locator, message: "unknown availability \"\(found.text)\""))
            }
        }
        if let found = value(.stock, in: record) {
            if let count = Int(found.text.feedTrimmed), count >= 0 {
                observation.stockCount = Observed(count, evidence(found, source: source))
            } else {
                problems.append(Problem(source: source, position: found.locator, message: "stock \"\(found.text)\" is not a whole number"))
            }
        }
    }

    private func money(_ field: JSONFeedExtractor.Field, _ record: FeedRecord, currency: String?, source: String,
                       problems: inout [Problem]) -> Observed<Money>? {
        guard let found = value(field, in: record) else { return nil }
        let text = found.text.feedTrimmed
        let separator: Character? = found.isNumber || decimalSeparator == nil || ShippingField.hasCurrencyCode(text) ? "." : decimalSeparator
        let cached = currency == defaultCurrency ? (separator == "." ? parsers?.dot : parsers?.local) : nil
        let parser = cached ?? PriceParser(decimalSeparatorHint: separator, defaultCurrency: currency)
        guard let money = parser.money(text) else {
            let reason = parser.parse(text).reason ?? "unreadable"
            problems.append(Problem(source: source, position: found.locator, message: "\(field.rawValue) \"\(found.text)\" is not readable: \(reason)"))
            return nil
        }
        return Observed(money, evidence(found, source: source))
    }
}

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
    /// The shop's country (`IT`): of several shipping values, the one for this country is compared.
    public var country: String?

    /// Price parsers for the default currency, made once by `prepared()` instead of once per price (a class, so
    /// that passing the interpreter around copies one reference).
    final class Parsers: Sendable {
        let dot: PriceParser
        let local: PriceParser
        /// The names to read for each field (by `Field.ordinal`): its own name, then its aliases when it has the
        /// standard name; looked up in an array instead of hashing per item.
        let lookup: [[String]]
        init(dot: PriceParser, local: PriceParser, lookup: [[String]]) {
            self.dot = dot
            self.local = local
            self.lookup = lookup
        }
    }
    private(set) var parsers: Parsers?

    /// The interpreter with its price parsers made, for reading many items.
    public func prepared() -> RecordInterpreter {
        var copy = self
        copy.parsers = Parsers(dot: PriceParser(decimalSeparatorHint: ".", defaultCurrency: defaultCurrency),
                               local: PriceParser(decimalSeparatorHint: decimalSeparator ?? ".", defaultCurrency: defaultCurrency),
                               lookup: JSONFeedExtractor.Field.allCases.map(candidates))
        return copy
    }

    /// The record names a field is read from, in order of preference.
    private func candidates(_ field: JSONFeedExtractor.Field) -> [String] {
        guard let name = names[field] else { return [] }
        guard name == StandardFields.names[field], let aliases = StandardFields.aliases[field] else { return [name] }
        return [name] + aliases
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

    /// An item's values with, when known, the columns of each field (by `Field.ordinal`).
    /// The buffers are borrowed for one observation (no reference counting per field looked up).
    struct Item<Values: ItemValues> {
        let values: Values
        /// Where the item is.
        let place: Evidence.Place
        /// True for a row of a CSV/TSV header: its columns are the header's, whatever the row holds.
        let isRow: Bool
        let hasColumns: Bool
        let starts: UnsafeBufferPointer<Int>
        let flat: UnsafeBufferPointer<Int>

        /// True when the record's layout has a column for the field (false for records without columns).
        func hasColumn(_ field: JSONFeedExtractor.Field) -> Bool { hasColumns && starts[field.ordinal] < starts[field.ordinal + 1] }
    }

    /// The columns of each field (by `Field.ordinal`) in rows of this layout.
    /// After the fields come the variant attributes: `size` (at `sizeOrdinal`), then `color` or `colour`.
    func columns(_ layout: FeedRecord.Layout) -> ColumnTable {
        ColumnTable(JSONFeedExtractor.Field.allCases.map { layout.columns(of: parsers?.lookup[$0.ordinal] ?? candidates($0)) }
            + [layout.columns(of: ["size"]), layout.columns(of: ["color", "colour"])])
    }

    /// The columns of each field, in one flat array (looked up per field of every item without retaining an array).
    struct ColumnTable {
        /// Where each field's columns start in `flat`; one more entry than fields.
        let starts: [Int]
        let flat: [Int]

        init(_ nested: [[Int]]) {
            var starts = [0]
            for columns in nested { starts.append(starts.last! + columns.count) }
            self.starts = starts
            flat = nested.flatMap { $0 }
        }
    }

    /// What a CSV/TSV header lacks that every item needs, said once for the file: a column for the price (its
    /// name or, for the standard name, an alias) or the sale price. Without it no item has a price, which row by row
    /// would be a problem for each of perhaps a million rows.
    func headerProblems(_ header: [String]) -> [String] {
        guard names[.price] != nil else { return [] }
        let table = columns(FeedRecord.Layout(names: header))
        let priced = [JSONFeedExtractor.Field.price, .salePrice].contains { table.starts[$0.ordinal] < table.starts[$0.ordinal + 1] }
        guard !priced else { return [] }
        let wanted = candidates(.price) + candidates(.salePrice)
        return ["no price column in the header (looked for \(wanted.joined(separator: ", ")); its columns: "
                + "\(header.joined(separator: ", "))): no item has a price; map the price column with fields.price"]
    }

    /// Where the variant attributes' columns are in `columns(_:)`.
    static let sizeOrdinal = JSONFeedExtractor.Field.allCases.count

    /// Where in `item.values` the first non-blank value in the columns at `ordinal` is.
    @inline(__always)
    func index(at ordinal: Int, in item: Item<some ItemValues>) -> Int? {
        var index = item.starts[ordinal]
        let end = item.starts[ordinal + 1]
        while index < end {
            let column = item.flat[index]
            if column < item.values.count && !item.values.isBlank(column) { return column }
            index += 1
        }
        return nil
    }

    /// Where in `item.values` the field's first non-blank value is (the values are read in place, not copied).
    @inline(__always)
    func index(_ field: JSONFeedExtractor.Field, in item: Item<some ItemValues>) -> Int? {
        if item.hasColumns { return index(at: field.ordinal, in: item) }
        func first(_ name: String) -> Int? { item.values.first(named: name) }
        if let lookup = parsers?.lookup {
            for name in lookup[field.ordinal] {
                if let found = first(name) { return found }
            }
            return nil
        }
        if let found = names[field].flatMap(first) { return found }
        guard names[field] == StandardFields.names[field], let aliases = StandardFields.aliases[field] else { return nil }
        return aliases.lazy.compactMap(first).first
    }

    /// The evidence of the value at `index`; `raw` when its text is already made.
    @inline(__always)
    func evidence(at index: Int, _ item: Item<some ItemValues>, source: String, raw: String? = nil) -> Evidence {
        Evidence(source: source, place: item.values.place(index), raw: raw ?? item.values.text(index))
    }

    /// The observation of one record; nil (with a problem naming the position) when it has no identifier.
    public func observation(_ record: FeedRecord, source: String, problems: inout [Problem]) -> Observation? {
        var memo = Memo()
        return observation(record, source: source, problems: &problems, memo: &memo)
    }

    /// What one thread reading many records keeps from one record to the next: the columns of the last CSV/TSV
    /// layout, and the last shipping value read (most feeds repeat one for every item).
    struct Memo {
        var layout: FeedRecord.Layout?
        var columns = ColumnTable([])
        var shipping: (text: String, currency: String?, terms: ShippingTerms?)?
        /// The availability texts read so far (a feed repeats a handful) and what each means.
        var availabilities: [(text: String, value: Availability?)] = []
        /// The brands read so far (a feed repeats a few).
        var brands = RepeatedTexts()
        /// The currency codes of `15.00 USD` prices read without the parser.
        var codes = MerchantPrice.Codes()
        /// For records without a layout (XML, JSON Lines): the columns of the last few name sequences seen (the
        /// items of one feed mostly repeat one or two), so fields are found by index rather than by name.
        var sequences: [(names: [String], columns: ColumnTable)] = []

        mutating func columns(of record: FeedRecord, _ interpreter: RecordInterpreter) -> ColumnTable {
            let values = record.values
            for entry in sequences where entry.names.count == values.count {
                var same = true
                for index in values.indices where entry.names[index] != values[index].name {
                    same = false
                    break
                }
                if same { return entry.columns }
            }
            let names = values.map(\.name)
            let columns = interpreter.columns(FeedRecord.Layout(names: names))
            if sequences.count >= 8 { sequences.removeFirst() }
            sequences.append((names, columns))
            return columns
        }
    }

    /// The observation of one record, reusing what `memo` kept from the records before.
    func observation(_ record: FeedRecord, source: String, problems: inout [Problem],
                     memo: inout Memo) -> Observation? {
        var columns: ColumnTable?
        if let layout = record.layout {
            if memo.layout !== layout { (memo.layout, memo.columns) = (layout, self.columns(layout)) }
            columns = memo.columns
        } else if parsers != nil {
            columns = memo.columns(of: record, self)
        }
        let table = columns ?? ColumnTable([])
        return table.starts.withUnsafeBufferPointer { starts in
            table.flat.withUnsafeBufferPointer { flat in
                record.values.withUnsafeBufferPointer { values in
                    observation(Item(values: RecordValues(values: values), place: record.place, isRow: record.layout != nil,
                                     hasColumns: columns != nil, starts: starts, flat: flat),
                                source: source, problems: &problems, memo: &memo)
                }
            }
        }
    }

    /// The observation of one CSV/TSV row read in place, whose columns are `layout`'s.
    func observation(row: CSVRow, layout: FeedRecord.Layout, source: String, problems: inout [Problem], memo: inout Memo) -> Observation? {
        if memo.layout !== layout { (memo.layout, memo.columns) = (layout, self.columns(layout)) }
        let table = memo.columns
        return table.starts.withUnsafeBufferPointer { starts in
            table.flat.withUnsafeBufferPointer { flat in
                observation(Item(values: row, place: .line(row.line), isRow: true, hasColumns: true, starts: starts, flat: flat),
                            source: source, problems: &problems, memo: &memo)
            }
        }
    }

    /// The observation of one item whose fields are found through `item`.
    private func observation(_ item: Item<some ItemValues>, source: String, problems: inout [Problem], memo: inout Memo) -> Observation? {
        let values = item.values
        var key = ProductKey()
        key.sku = index(.sku, in: item).map { values.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if let found = index(.gtin, in: item) {
            let text = values.text(found)
            if let gtin = Identifiers.gtin(text), GTIN.hasValidCheckDigit(gtin) {
                key.gtin = gtin
            } else {
                problems.append(Problem(source: source, position: values.locator(found),
                                        message: "GTIN \(text) is not a GTIN with a valid check digit; not used for matching"))
            }
        }
        key.mpn = index(.mpn, in: item).map { values.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        key.url = index(.url, in: item).flatMap { Self.url(in: values, at: $0) }
        let title = index(.title, in: item)
        if key.isEmpty && title == nil {
            let looked = [JSONFeedExtractor.Field.sku, .gtin, .mpn, .url, .title].compactMap { names[$0] }
            problems.append(Problem(source: source, position: item.place.text,
                                    message: "item has no identifier, so it cannot be matched (looked for \(looked.joined(separator: ", ")))"))
            return nil
        }
        var store = ""
        if perStore, let found = index(.store, in: item).map({ values.trimmed($0) }) ?? defaultStore {
            store = "@" + found
        }
        // The first identifier, read field by field (`??` chains copy the whole key into each closure).
        let raw: String
        if let sku = key.sku { raw = sku }
        else if let gtin = key.gtin { raw = gtin }
        else if let mpn = key.mpn { raw = mpn }
        else if let url = key.url { raw = url }
        else { raw = title.map { values.text($0) } ?? "" }
        let origin = Evidence(source: source, place: item.place, raw: raw)
        let brand = index(.brand, in: item).map { found in
            let text = memo.brands.text(values, found)
            return Observed(text.feedTrimmed, evidence(at: found, item, source: source, raw: text))
        }
        let group = index(.group, in: item).map { values.trimmed($0) }
        let currency = index(.currency, in: item).map { values.trimmed($0).uppercased() } ?? defaultCurrency
        var regular = money(.price, item, currency: currency, source: source, problems: &problems, memo: &memo)
        var sale = money(.salePrice, item, currency: currency, source: source, problems: &problems, memo: &memo)
        let onSale: Bool
        if case .some = sale { onSale = true } else { onSale = false }
        let price = onSale ? sale.take() : regular.take()  // moved, not copied
        var listPrice = money(.listPrice, item, currency: currency, source: source, problems: &problems, memo: &memo)
        if case .none = listPrice, onSale { listPrice = regular.take() }
        // A CSV/TSV header without any price column is said once for the file (`headerProblems`), not once per row.
        if case .none = price, names[.price] != nil, !item.isRow || item.hasColumn(.price) || item.hasColumn(.salePrice) {
            problems.append(Problem(source: source, position: item.place.text, message: "item has no price (\(names[.price] ?? ""))"))
        }
        var saleWindow: Observed<DateWindow>?
        if onSale, let dates = index(.saleDates, in: item) {
            let text = values.text(dates)
            let window = DateWindowParser(timeZone: timeZone, reference: Date()).parse(text)
            if window.start == nil && window.end == nil {
                problems.append(Problem(source: source, position: values.locator(dates), message: "sale_price_effective_date \"\(text)\" is not a date range"))
            } else {
                saleWindow = Observed(window, evidence(at: dates, item, source: source, raw: text))
            }
        }
        var availability = availability(item, source: source, problems: &problems, memo: &memo)
        var stockCount = stockCount(item, source: source, problems: &problems)
        if perStore, let stock = stockCount {
            // A store's own stock is not the online stock: it decides whether the store can sell, not a count to
            // compare with the app's.
            if availability == nil { availability = Observed(stock.value > 0 ? .inStock : .outOfStock, stock.evidence) }
            stockCount = nil
        }
        var shipping: Observed<ShippingTerms>?
        if country == nil {
            if let found = index(.shipping, in: item), let (text, terms) = memoShipping(values, found, currency: currency, memo: &memo), let terms {
                shipping = Observed(terms, evidence(at: found, item, source: source, raw: text))
            }
        } else if let found = shippingValue(item), let terms = memoShipping(found.text, currency: currency, memo: &memo) {
            shipping = Observed(terms, Evidence(source: source, place: found.place, raw: found.text))
        }
        return Observation(
            channel: store.isEmpty ? channel : channel + store, key: key, origin: origin,
            title: title.map { found in
                let text = values.text(found)
                return Observed(text.feedTrimmed, evidence(at: found, item, source: source, raw: text))
            }, price: price, listPrice: listPrice,
            availability: availability, saleWindow: saleWindow, stockCount: stockCount, brand: brand, shipping: shipping,
            group: group, variant: variant(item))
    }
}

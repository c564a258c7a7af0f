import AuditModel

/// One feed item as a format reader found it: named values, each with its position, before any interpretation.
/// Names are lower-cased and without the `g:` prefix (`g:sale_price` → `sale_price`); a Merchant
/// `<g:shipping>` element becomes one `shipping` value `country:region:service:price`, as in CSV feeds.
public struct FeedRecord: Sendable {
    /// One value of the item.
    public struct Value: Sendable {
        /// Where a value is; its text form (`locator`) is only made when evidence needs it.
        public enum Place: Sendable {
            /// An XML element on a line, `g:` or plain.
            case element(line: Int, google: Bool)
            /// A CSV/TSV cell: the row's line and the column name.
            case column(line: Int)
            /// Anything else, already as text (`data.products[3].price`, `line 4, price`).
            case text(String)
        }

        /// The element, column or member name.
        public var name: String
        /// The text as written (CDATA and entities resolved, surrounding whitespace kept).
        public var text: String
        /// Where it is.
        public var place: Place
        /// True for a JSON number (its decimal separator is always `.`).
        public var isNumber = false

        /// Creates a value located by text.
        public init(name: String, text: String, locator: String, isNumber: Bool = false) {
            self.init(name: name, text: text, place: .text(locator), isNumber: isNumber)
        }

        /// Creates a value.
        public init(name: String, text: String, place: Place, isNumber: Bool = false) {
            self.name = name
            self.text = text
            self.place = place
            self.isNumber = isNumber
        }

        /// Where it is, e.g. `line 12 <g:price>` or `line 4, column price`.
        public var locator: String { evidencePlace.text }

        /// Where it is, in parts (its text is made only when a report shows it).
        public var evidencePlace: Evidence.Place {
            switch place {
            case .element(let line, let google): .element(line: line, name: name, google: google)
            case .column(let line): .column(line: line, name: name)
            case .text(let text): .text(text)
            }
        }
    }

    /// Where the item is: `item 3 (line 40)`, `line 12`.
    public var locator: String { place.text }
    /// Where the item is, in parts.
    public var place: Evidence.Place
    /// The values in document order; a name may repeat (`shipping`).
    public var values: [Value]
    /// For rows of one CSV/TSV header: the column names, shared by every row, whose `values` are then exactly the
    /// columns in order (empty cells included), so that fields are found by column index instead of by name.
    public var layout: Layout?

    /// The column names shared by the rows of one header (compared by identity).
    public final class Layout: Sendable {
        /// The column names, normalised.
        public let names: [String]

        /// Creates a layout.
        public init(names: [String]) { self.names = names }

        /// The columns of each name in `wanted`, in column order.
        func columns(of wanted: [String]) -> [Int] {
            wanted.flatMap { name in names.indices.filter { names[$0] == name } }
        }
    }

    /// Creates a record.
    public init(locator: String, values: [Value] = []) {
        self.init(place: .text(locator), values: values)
    }

    /// Creates a record whose place is kept in parts.
    public init(place: Evidence.Place, values: [Value] = []) {
        self.place = place
        self.values = values
    }

    /// The first non-blank value with this name.
    public func first(_ name: String) -> Value? {
        values.first { $0.name == name && !$0.text.isBlank }
    }

    /// Every non-blank value with this name, in order.
    public func all(_ name: String) -> [Value] {
        values.filter { $0.name == name && !$0.text.isBlank }
    }

    /// A feed name in its matching form: lower-cased, without a `g:` prefix or surrounding spaces.
    public static func normalizedName(_ raw: some StringProtocol) -> String {
        var name = String(raw).feedTrimmed.lowercased()
        if name.hasPrefix("g:") { name.removeFirst(2) }
        return name
    }
}

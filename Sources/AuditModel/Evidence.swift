/// Where an observed value came from: the input, the place inside it, and the text as shown.
public struct Evidence: Hashable, Sendable, Codable {
    /// The URL or path of the input.
    public var source: String
    /// The place inside the input, e.g. `json-ld[0].offers.price` or `data.products[3].pricing.sale`.
    public var locator: String {
        get { place.text }
        set { place = .text(newValue) }
    }
    /// The raw text as the channel shows it, before normalisation.
    public var raw: String
    /// The place in parts; its text (`locator`) is only made when read, which saves a string per value when a
    /// feed of a million items is read.
    public var place: Place

    /// A place inside an input.
    public enum Place: Sendable {
        /// Already as text.
        case text(String)
        /// A CSV/TSV cell: `line 4, column price`.
        case column(line: Int, name: String)
        /// An XML element: `line 12 <g:price>` (`google`: in the `g:` namespace).
        case element(line: Int, name: String, google: Bool)
        /// A feed item: `item 3 (line 40)`.
        case item(index: Int, line: Int)
        /// A line of the input, e.g. a CSV/TSV row: `line 4`.
        case line(Int)

        /// The text form.
        public var text: String {
            switch self {
            case .text(let text): text
            case .column(let line, let name): "line \(line), column \(name)"
            case .element(let line, let name, let google): "line \(line) <\(google ? "g:" : "")\(name)>"
            case .item(let index, let line): "item \(index) (line \(line))"
            case .line(let line): "line \(line)"
            }
        }
    }

    /// Creates evidence.
    public init(source: String, locator: String, raw: String) {
        self.init(source: source, place: .text(locator), raw: raw)
    }

    /// Creates evidence whose place is kept in parts.
    public init(source: String, place: Place, raw: String) {
        self.source = source
        self.place = place
        self.raw = raw
    }

    private enum CodingKeys: String, CodingKey { case source, locator, raw }

    /// Decodes `{source, locator, raw}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source),
                  locator: try container.decode(String.self, forKey: .locator),
                  raw: try container.decode(String.self, forKey: .raw))
    }

    /// Encodes `{source, locator, raw}`, the locator as text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(locator, forKey: .locator)
        try container.encode(raw, forKey: .raw)
    }

    /// Equal when source, locator text and raw text are.
    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.source == rhs.source && lhs.raw == rhs.raw && lhs.locator == rhs.locator
    }

    /// Hashes source, locator text and raw text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(locator)
        hasher.combine(raw)
    }
}

/// A value together with the evidence of where it was observed.
public struct Observed<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The normalised value.
    public var value: Value
    /// Where it came from.
    public var evidence: Evidence

    /// Creates an observed value.
    public init(_ value: Value, _ evidence: Evidence) {
        self.value = value
        self.evidence = evidence
    }
}

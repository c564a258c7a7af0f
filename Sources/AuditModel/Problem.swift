/// Something that went wrong reading an input: it names the input and the position, and is never dropped.
public struct Problem: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    /// The URL or path of the input.
    public var source: String
    /// Where in the input (`line 12, column 4`, `json-ld[1]`, `data.products[3]`), empty when it is the whole input.
    public var position: String
    /// What is wrong, in one sentence.
    public var message: String
    /// True when reading the input stopped here, before its end (a syntax error, a truncated or unreadable file):
    /// what came after was not checked. Written as `"stops_reading": true`, left out when false.
    public var stopsReading: Bool

    /// Creates a problem.
    public init(source: String, position: String = "", message: String, stopsReading: Bool = false) {
        self.source = source
        self.position = position
        self.message = message
        self.stopsReading = stopsReading
    }

    enum CodingKeys: String, CodingKey {
        case source, position, message
        case stopsReading = "stops_reading"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        position = try container.decode(String.self, forKey: .position)
        message = try container.decode(String.self, forKey: .message)
        stopsReading = try container.decodeIfPresent(Bool.self, forKey: .stopsReading) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(position, forKey: .position)
        try container.encode(message, forKey: .message)
        if stopsReading { try container.encode(true, forKey: .stopsReading) }
    }

    /// `position: message` without the source, for notes that already name the input.
    public var reason: String { position.isEmpty ? message : "\(position): \(message)" }

    /// `source:position: message`.
    public var description: String {
        position.isEmpty ? "\(source): \(message)" : "\(source): \(position): \(message)"
    }
}

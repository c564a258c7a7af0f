/// Where an observed value came from: the input, the place inside it, and the text as shown.
public struct Evidence: Hashable, Sendable, Codable {
    /// The URL or path of the input.
    public var source: String
    /// The place inside the input, e.g. `json-ld[0].offers.price` or `data.products[3].pricing.sale`.
    public var locator: String
    /// The raw text as the channel shows it, before normalisation.
    public var raw: String

    /// Creates evidence.
    public init(source: String, locator: String, raw: String) {
        self.source = source
        self.locator = locator
        self.raw = raw
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

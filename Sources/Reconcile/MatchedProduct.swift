import AuditModel

/// One product as matched across channels: every observation that shares an identifier with another.
public struct MatchedProduct: Hashable, Sendable {
    /// The label used in findings and reports, e.g. `sku:BA-1042`.
    public var label: String
    /// Every observation of the product, in channel order, then input order.
    public var observations: [Observation]

    /// Creates a matched product.
    public init(label: String, observations: [Observation]) {
        self.label = label
        self.observations = observations
    }

    /// The channels that show the product.
    public var channels: Set<String> { Set(observations.map(\.channel)) }
}

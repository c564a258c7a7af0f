import AuditModel

/// One product as matched across channels: every observation that shares an identifier with another.
public struct MatchedProduct: Hashable, Sendable {
    /// The product's unique, stable id, e.g. `sku:BA-1042`: the first identifier in the fixed order sku, gtin,
    /// mpn, url that the product has (whatever the order of `match`), made unique with `#2`, `#3` … when two
    /// products would share it. Findings, reports and suppressions use it.
    public var id: String
    /// Every observation of the product, in channel order, then input order.
    public var observations: [Observation]
    /// Links the matcher refused because they would have given the product two different SKUs or GTINs.
    public var refusedLinks: [RefusedLink]
    /// True when a normalised title joined observations no identifier joined (`match: [..., title]`): the
    /// findings say so ("matched by title").
    public var matchedByTitle = false

    /// Creates a matched product.
    public init(id: String, observations: [Observation], refusedLinks: [RefusedLink] = []) {
        self.id = id
        self.observations = observations
        self.refusedLinks = refusedLinks
    }

    /// The channels that show the product.
    public var channels: Set<String> { Set(observations.map(\.channel)) }
}

/// A link the matcher refused: an observation of this product shares an identifier with another product, but
/// joining the two would give one product two different values of a stronger identifier.
public struct RefusedLink: Hashable, Sendable {
    /// The observation that would have bridged the two products.
    public var bridge: Observation
    /// The identifier it shares with the other product, e.g. `url`.
    public var field: IdentityField
    /// The shared value.
    public var value: String
    /// The other product's id.
    public var other: String
    /// The identifier the two products disagree on, e.g. `sku`.
    public var conflict: IdentityField

    /// Creates a refused link.
    public init(bridge: Observation, field: IdentityField, value: String, other: String, conflict: IdentityField) {
        self.bridge = bridge
        self.field = field
        self.value = value
        self.other = other
        self.conflict = conflict
    }
}

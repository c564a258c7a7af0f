/// Whether a product can be bought, as a channel states it.
public enum Availability: String, Hashable, Sendable, Codable, CaseIterable {
    case inStock = "in_stock"
    case outOfStock = "out_of_stock"
    case preorder
    case backorder
    case limited
    case discontinued
    case unknown

    /// The class a customer cares about: two values in the same class are not a mismatch
    /// (`limited` — "solo 3 pezzi" — is as buyable as `in_stock`).
    public enum Buyability: String, Sendable {
        case buyable, notBuyable = "not_buyable", preorder, backorder, unknown
    }

    /// The customer-facing class of this value.
    public var buyability: Buyability {
        switch self {
        case .inStock, .limited: .buyable
        case .outOfStock, .discontinued: .notBuyable
        case .preorder: .preorder
        case .backorder: .backorder
        case .unknown: .unknown
        }
    }
}

/// Shipping terms as a channel states them: cost, a free-over threshold and delivery days.
///
/// JSON: `{"cost": Money?, "is_free": Bool?, "free_over": Money?, "min_days": Int?, "max_days": Int?,
/// "business_days": Bool?}`; a field nobody stated is omitted.
public struct ShippingTerms: Hashable, Sendable, Codable {
    /// The shipping cost; `0` for free shipping when the currency is known.
    public var cost: Money?
    /// Shipping is free for every order ("Spedizione gratuita").
    public var isFree: Bool?
    /// Shipping is free from this order value on ("gratuita sopra i 49 €").
    public var freeOver: Money?
    /// The fewest days to delivery ("2-4 giorni" → 2).
    public var minDays: Int?
    /// The most days to delivery ("2-4 giorni" → 4; "24/48h" → 2).
    public var maxDays: Int?
    /// The days are business days ("giorni lavorativi", "Werktage").
    public var businessDays: Bool?

    /// Creates shipping terms; every field is optional.
    public init(cost: Money? = nil, isFree: Bool? = nil, freeOver: Money? = nil, minDays: Int? = nil,
                maxDays: Int? = nil, businessDays: Bool? = nil) {
        self.cost = cost
        self.isFree = isFree
        self.freeOver = freeOver
        self.minDays = minDays
        self.maxDays = maxDays
        self.businessDays = businessDays
    }

    /// True when nothing was stated.
    public var isEmpty: Bool { self == ShippingTerms() }

    private enum CodingKeys: String, CodingKey {
        case cost
        case isFree = "is_free"
        case freeOver = "free_over"
        case minDays = "min_days"
        case maxDays = "max_days"
        case businessDays = "business_days"
    }
}

/// The catalogue of rules, in one explicit list (no runtime discovery).
public enum RuleRegistry {
    /// Every rule, in documentation order.
    public static let all: [any Rule] = [
        PriceMismatch(),
        ListPriceMismatch(),
        CurrencyMismatch(),
        AvailabilityMismatch(),
        StockCountMismatch(),
        ChannelInternalConflict(),
        MissingInChannel(),
        AmbiguousIdentity(),
        StructuredVsVisible(),
        StructuredDataConflict(),
        AmbiguousPrice(),
        SaleWindow(),
        OmnibusReferencePrice(),
        ShippingCostMismatch(),
        FreeShippingThresholdMismatch(),
        PromoPriceNotHonoured(),
        PromoDiscountMismatch(),
        PromoExpiredWhenSent(),
        PromoCodeUnknown(),
        DeliveryTimeMismatch(),
        ReturnsWindowMismatch(),
        ReturnsCostMismatch(),
        PaymentMethodsMismatch(),
        ClickAndCollectMismatch(),
        Unverifiable(),
        StaleSuppression(),
    ]

    /// The rule with an id, if any.
    public static func rule(id: String) -> (any Rule)? { all.first { $0.id == id } }

    /// All rule ids.
    public static var ids: [String] { all.map(\.id) }
}

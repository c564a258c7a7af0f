/// The shop's own terms as its policy pages state them (the `terms` channel): the reference that product pages,
/// feeds and messages are compared with.
public struct ShopTerms: Hashable, Sendable, Codable {
    /// The channel the terms come from.
    public var channel: String
    /// Shipping cost, free-over threshold and delivery days, each from the line that states it.
    public var shipping: Observed<ShippingTerms>?
    /// The return window and whether returns are free.
    public var returns: Observed<ReturnTerms>?
    /// The payment methods accepted at checkout, canonical identifiers, sorted.
    public var paymentMethods: Observed<[String]>?

    /// Creates terms.
    public init(channel: String, shipping: Observed<ShippingTerms>? = nil, returns: Observed<ReturnTerms>? = nil,
                paymentMethods: Observed<[String]>? = nil) {
        self.channel = channel
        self.shipping = shipping
        self.returns = returns
        self.paymentMethods = paymentMethods
    }

    private enum CodingKeys: String, CodingKey {
        case channel, shipping, returns
        case paymentMethods = "payment_methods"
    }
}

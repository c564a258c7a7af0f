/// What one promo message (e-mail or SMS) promises as a whole: its code, validity and free-shipping threshold,
/// whether or not it advertises products. Product prices become observations; these are checked per message
/// (`promo-code-unknown`, and the date and threshold rules for messages that name no product).
public struct MessagePromise: Hashable, Sendable, Codable {
    /// The channel of the message.
    public var channel: String
    /// The message: its file or mailbox (`source`), which message (`locator`, `message 3`, `uid 12`) and subject.
    public var message: Evidence
    /// The code, percent or amount off, validity window and send date, with the evidence of its main statement.
    public var promo: Observed<Promo>
    /// The code as written, with its own evidence, when the message states one.
    public var code: Observed<String>?
    /// "Spedizione gratuita sopra i 39 €".
    public var freeShippingOver: Observed<Money>?
    /// True when the message advertised prices of products (those are also checked as product observations).
    public var hasProducts: Bool

    /// Creates a message promise.
    public init(channel: String, message: Evidence, promo: Observed<Promo>, code: Observed<String>? = nil,
                freeShippingOver: Observed<Money>? = nil, hasProducts: Bool) {
        self.channel = channel
        self.message = message
        self.promo = promo
        self.code = code
        self.freeShippingOver = freeShippingOver
        self.hasProducts = hasProducts
    }

    private enum CodingKeys: String, CodingKey {
        case channel, message, promo, code
        case freeShippingOver = "free_shipping_over"
        case hasProducts = "has_products"
    }
}

/// The promo codes the shop publishes as active (`codes:` on an `email` or `sms` channel): a message's code that
/// is not among them is `promo-code-unknown`.
public struct PublishedCodes: Hashable, Sendable, Codable {
    /// The codes, upper-cased (codes are entered in any letter case at checkout).
    public var codes: Set<String>
    /// The file or page they come from.
    public var source: String

    /// Creates a list of published codes.
    public init(codes: Set<String>, source: String) {
        self.codes = Set(codes.map { $0.uppercased() })
        self.source = source
    }

    /// True when the code is published, whatever its letter case.
    public func contains(_ code: String) -> Bool { codes.contains(code.uppercased()) }

    private enum CodingKeys: String, CodingKey { case codes, source }

    public func encode(to encoder: any Encoder) throws {  // sorted: the same list gives the same bytes
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(codes.sorted(), forKey: .codes)
        try container.encode(source, forKey: .source)
    }
}

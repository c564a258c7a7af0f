import AuditModel
import Foundation

/// What one message promised: its headers and its promotions, every value with evidence (MIME part, line, raw
/// text). The JSON shape of `omniaudit inspect --as email|sms`.
public struct MessagePromos: Hashable, Sendable, Codable {
    /// The file or mailbox the message came from.
    public var source: String
    /// Where in the source: `message 3` in an mbox, `uid 42` over IMAP, `line 7` in an SMS export; empty for a
    /// single .eml file.
    public var message: String
    /// The subject (an SMS has none).
    public var subject: String?
    /// The sender.
    public var from: String?
    /// When it was sent.
    public var sent: Observed<Date>?
    /// The promotions it states (the first one holds what the message says as a whole; each further code its own).
    public var promos: [MessagePromo]

    /// Creates a message record.
    public init(source: String, message: String, subject: String? = nil, from: String? = nil,
                sent: Observed<Date>? = nil, promos: [MessagePromo] = []) {
        self.source = source
        self.message = message
        self.subject = subject
        self.from = from
        self.sent = sent
        self.promos = promos
    }
}

/// One promotion in a message.
public struct MessagePromo: Hashable, Sendable, Codable {
    /// The promo code as written.
    public var code: Observed<String>?
    /// Percent off, a decimal string (`"30"`).
    public var percentOff: Observed<String>?
    /// A fixed amount off.
    public var amountOff: Observed<Money>?
    /// The first instant the promotion is valid.
    public var validFrom: Observed<Date>?
    /// The last instant the promotion is valid.
    public var validUntil: Observed<Date>?
    /// Free shipping from this order value on.
    public var freeShippingOver: Observed<Money>?
    /// Product prices the message advertises.
    public var prices: [AdvertisedPrice]

    /// Creates a promotion.
    public init(code: Observed<String>? = nil, percentOff: Observed<String>? = nil, amountOff: Observed<Money>? = nil,
                validFrom: Observed<Date>? = nil, validUntil: Observed<Date>? = nil,
                freeShippingOver: Observed<Money>? = nil, prices: [AdvertisedPrice] = []) {
        self.code = code
        self.percentOff = percentOff
        self.amountOff = amountOff
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.freeShippingOver = freeShippingOver
        self.prices = prices
    }

    /// True when nothing was found.
    public var isEmpty: Bool {
        code == nil && percentOff == nil && amountOff == nil && validFrom == nil && validUntil == nil
            && freeShippingOver == nil && prices.isEmpty
    }

    /// The percentage as a decimal.
    public var percent: Decimal? {
        percentOff.flatMap { Decimal(string: $0.value, locale: Locale(identifier: "en_US_POSIX")) }
    }

    private enum CodingKeys: String, CodingKey {
        case code, prices
        case percentOff = "percent_off"
        case amountOff = "amount_off"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case freeShippingOver = "free_shipping_over"
    }
}

/// A price a message advertises for one product.
public struct AdvertisedPrice: Hashable, Sendable, Codable {
    /// The price the customer is promised.
    public var price: Observed<Money>
    /// The former / struck-through price beside it.
    public var listPrice: Observed<Money>?
    /// A percent off stated beside it ("-30%").
    public var percentOff: Observed<String>?
    /// The product it belongs to.
    public var product: AdvertisedProduct

    /// Creates an advertised price.
    public init(price: Observed<Money>, listPrice: Observed<Money>? = nil, percentOff: Observed<String>? = nil,
                product: AdvertisedProduct) {
        self.price = price
        self.listPrice = listPrice
        self.percentOff = percentOff
        self.product = product
    }

    private enum CodingKeys: String, CodingKey {
        case price, product
        case listPrice = "list_price"
        case percentOff = "percent_off"
    }
}

/// The product an advertised price belongs to: by link, SKU or name, each with evidence.
public struct AdvertisedProduct: Hashable, Sendable, Codable {
    /// The product page, unwrapped from its tracking link and normalised.
    public var url: Observed<String>?
    /// A SKU written beside the price.
    public var sku: Observed<String>?
    /// The product name shown beside the price.
    public var name: Observed<String>?
    /// The tracking link whose target could not be read without following it (never followed).
    public var opaqueLink: String?

    /// Creates a product reference.
    public init(url: Observed<String>? = nil, sku: Observed<String>? = nil, name: Observed<String>? = nil,
                opaqueLink: String? = nil) {
        self.url = url
        self.sku = sku
        self.name = name
        self.opaqueLink = opaqueLink
    }

    private enum CodingKeys: String, CodingKey {
        case url, sku, name
        case opaqueLink = "opaque_link"
    }
}

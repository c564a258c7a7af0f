/// One product as one channel shows it at one place (a page, a feed item).
public struct Observation: Hashable, Sendable, Codable {
    /// The channel name from the config (`web`, `app`, …).
    public var channel: String
    /// The product's identifiers.
    public var key: ProductKey
    /// Where the product itself was found: the page or feed, and e.g. `json-ld[0]` or `data.products[3]`.
    public var origin: Evidence?
    /// The product name as shown.
    public var title: Observed<String>?
    /// The current price a customer pays.
    public var price: Observed<Money>?
    /// The regular / struck-through price.
    public var listPrice: Observed<Money>?
    /// When the current price is valid (`priceValidUntil`, `validFrom`/`validThrough`, Merchant
    /// `sale_price_effective_date`).
    public var saleWindow: Observed<DateWindow>?
    /// Whether it can be bought.
    public var availability: Observed<Availability>?
    /// A stated stock count ("solo 3 pezzi").
    public var stockCount: Observed<Int>?
    /// The brand.
    public var brand: Observed<String>?
    /// Shipping cost, free-over threshold and delivery days.
    public var shipping: Observed<ShippingTerms>?
    /// The return window and whether returns are free.
    public var returns: Observed<ReturnTerms>?
    /// Accepted payment methods, canonical identifiers, sorted.
    public var paymentMethods: Observed<[String]>?
    /// What a promo message (e-mail, SMS) promised with this price: code, percent off, validity, send date; nil
    /// for every other channel.
    public var promo: Observed<Promo>?
    /// For a variant of a product group: the group's id (`productGroupID`, sku or url).
    public var group: String?
    /// What only a product page states (the statements of each syntax, the visible availability); nil for
    /// feeds and other channels.
    public var page: PageFacts?

    /// On a page, the availability the customer sees in the text, when the markup states its own
    /// (`structured-vs-visible` compares them). Stored in `page`.
    public var visibleAvailability: Observed<Availability>? {
        get { page?.visibleAvailability }
        set { updatePage { $0.visibleAvailability = newValue } }
    }

    /// Every price statement found for the product on a page (markup and visible), when there is more than the
    /// chosen `price`; nil for feeds. Stored in `page`.
    public var claims: [PriceClaim]? {
        get { page?.claims }
        set { updatePage { $0.claims = newValue } }
    }

    /// On a page, whether it offers store pick-up (click & collect). Stored in `page`.
    public var pickup: Observed<Bool>? {
        get { page?.pickup }
        set { updatePage { $0.pickup = newValue } }
    }

    private mutating func updatePage(_ change: (inout PageFacts) -> Void) {
        var facts = page ?? PageFacts()
        change(&facts)
        page = facts.isEmpty ? nil : facts
    }

    /// Creates an observation.
    public init(
        channel: String, key: ProductKey, origin: Evidence? = nil, title: Observed<String>? = nil, price: Observed<Money>? = nil,
        listPrice: Observed<Money>? = nil, availability: Observed<Availability>? = nil,
        stockCount: Observed<Int>? = nil
    ) {
        self.channel = channel
        self.key = key
        self.origin = origin
        self.title = title
        self.price = price
        self.listPrice = listPrice
        self.availability = availability
        self.stockCount = stockCount
    }

    private enum CodingKeys: String, CodingKey {
        case channel, key, origin, title, price, availability
        case listPrice = "list_price"
        case stockCount = "stock_count"
        case saleWindow = "sale_window"
        case brand, group, page, shipping, returns, promo
        case paymentMethods = "payment_methods"
    }
}

extension Observation {
    /// The observation with every evidence source rewritten, e.g. absolute paths made relative for reports.
    public func mappingSources(_ transform: (String) -> String) -> Observation {
        var copy = self
        func map<T>(_ observed: Observed<T>?) -> Observed<T>? {
            observed.map { Observed($0.value, Evidence(source: transform($0.evidence.source), locator: $0.evidence.locator, raw: $0.evidence.raw)) }
        }
        copy.origin = origin.map { Evidence(source: transform($0.source), locator: $0.locator, raw: $0.raw) }
        copy.title = map(title)
        copy.price = map(price)
        copy.listPrice = map(listPrice)
        copy.saleWindow = map(saleWindow)
        copy.availability = map(availability)
        copy.page?.visibleAvailability = map(visibleAvailability)
        copy.page?.pickup = map(pickup)
        copy.stockCount = map(stockCount)
        copy.brand = map(brand)
        copy.shipping = map(shipping)
        copy.returns = map(returns)
        copy.paymentMethods = map(paymentMethods)
        copy.promo = map(promo)
        copy.page?.claims = claims?.map { claim in
            var claim = claim
            claim.price = map(claim.price) ?? claim.price
            return claim
        }
        return copy
    }
}

/// The part of an observation only a product page gives: every price statement with its syntax, and the
/// availability the customer reads beside the markup's.
public struct PageFacts: Hashable, Sendable, Codable {
    /// Every price statement found for the product on the page (markup and visible).
    public var claims: [PriceClaim]?
    /// The availability the customer sees in the text, when the markup states its own.
    public var visibleAvailability: Observed<Availability>?
    /// Whether the page offers store pick-up (click & collect), when it says.
    public var pickup: Observed<Bool>?

    /// Creates empty page facts.
    public init(claims: [PriceClaim]? = nil, visibleAvailability: Observed<Availability>? = nil, pickup: Observed<Bool>? = nil) {
        self.claims = claims
        self.visibleAvailability = visibleAvailability
        self.pickup = pickup
    }

    /// True when the page stated nothing beyond the observation's own fields.
    public var isEmpty: Bool { claims == nil && visibleAvailability == nil && pickup == nil }

    private enum CodingKeys: String, CodingKey {
        case claims, pickup
        case visibleAvailability = "visible_availability"
    }
}

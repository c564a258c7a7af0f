import Foundation

/// One product as one channel shows it at one place (a page, a feed item).
public struct Observation: Hashable, Sendable, Codable {
    /// The channel name from the config (`web`, `app`, …).
    public var channel: String {
        get { box.fields.channel }
        set { update { $0.channel = newValue } }
    }

    /// The product's identifiers.
    public var key: ProductKey {
        get { box.fields.key }
        set { update { $0.key = newValue } }
    }

    /// Where the product itself was found: the page or feed, and e.g. `json-ld[0]` or `data.products[3]`.
    public var origin: Evidence? {
        get { box.fields.origin }
        set { update { $0.origin = newValue } }
    }

    /// The product name as shown.
    public var title: Observed<String>? {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }

    /// The current price a customer pays.
    public var price: Observed<Money>? {
        get { box.fields.price }
        set { update { $0.price = newValue } }
    }

    /// The regular / struck-through price.
    public var listPrice: Observed<Money>? {
        get { box.fields.listPrice }
        set { update { $0.listPrice = newValue } }
    }

    /// When the current price is valid (`priceValidUntil`, `validFrom`/`validThrough`, Merchant
    /// `sale_price_effective_date`).
    public var saleWindow: Observed<DateWindow>? {
        get { box.fields.rare?.value.saleWindow }
        set { update { $0.changeRare { $0.saleWindow = newValue } } }
    }

    /// Whether it can be bought.
    public var availability: Observed<Availability>? {
        get { box.fields.availability }
        set { update { $0.availability = newValue } }
    }

    /// A stated stock count ("solo 3 pezzi").
    public var stockCount: Observed<Int>? {
        get { box.fields.rare?.value.stockCount }
        set { update { $0.changeRare { $0.stockCount = newValue } } }
    }

    /// The brand.
    public var brand: Observed<String>? {
        get { box.fields.rare?.value.brand }
        set { update { $0.changeRare { $0.brand = newValue } } }
    }

    /// Shipping cost, free-over threshold and delivery days.
    public var shipping: Observed<ShippingTerms>? {
        get { box.fields.rare?.value.shipping }
        set { update { $0.changeRare { $0.shipping = newValue } } }
    }

    /// The return window and whether returns are free.
    public var returns: Observed<ReturnTerms>? {
        get { box.fields.rare?.value.returns }
        set { update { $0.changeRare { $0.returns = newValue } } }
    }

    /// Accepted payment methods, canonical identifiers, sorted.
    public var paymentMethods: Observed<[String]>? {
        get { box.fields.rare?.value.paymentMethods }
        set { update { $0.changeRare { $0.paymentMethods = newValue } } }
    }

    /// What a promo message (e-mail, SMS) promised with this price: code, percent off, validity, send date; nil
    /// for every other channel.
    public var promo: Observed<Promo>? {
        get { box.fields.rare?.value.promo }
        set { update { $0.changeRare { $0.promo = newValue } } }
    }

    /// For a variant of a product group: the group's id (`productGroupID`, sku or url).
    public var group: String? {
        get { box.fields.rare?.value.group }
        set { update { $0.changeRare { $0.group = newValue } } }
    }

    /// The variant attributes the channel states (`size`, `color`), as shown; two observations stating different
    /// values of one attribute are never joined by URL or title (a page showing one variant matches that variant).
    public var variant: [String: String]? {
        get { box.fields.rare?.value.variant }
        set { update { $0.changeRare { $0.variant = newValue } } }
    }

    /// What only a product page states (the statements of each syntax, the visible availability); nil for
    /// feeds and other channels.
    public var page: PageFacts? {
        get { box.fields.rare?.value.page }
        set { update { $0.changeRare { $0.page = newValue } } }
    }

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
        var fields = Fields(channel: channel, key: key)
        fields.origin = origin
        fields.title = title
        fields.price = price
        fields.listPrice = listPrice
        fields.availability = availability
        if let stockCount { fields.changeRare { $0.stockCount = stockCount } }
        box = Box(fields)
    }

    /// Creates an observation with every value a feed item can state, made at once (setting the rarer values one
    /// by one copies them each time, which shows when a feed of a million items is read).
    public init(
        channel: consuming String, key: consuming ProductKey, origin: consuming Evidence?, title: consuming Observed<String>?,
        price: consuming Observed<Money>?, listPrice: consuming Observed<Money>?, availability: consuming Observed<Availability>?,
        saleWindow: consuming Observed<DateWindow>?, stockCount: consuming Observed<Int>?, brand: consuming Observed<String>?,
        shipping: consuming Observed<ShippingTerms>?, group: consuming String?, variant: consuming [String: String]?
    ) {
        let rare = saleWindow == nil && stockCount == nil && brand == nil && shipping == nil && group == nil && variant == nil
            ? nil
            : Indirect(Fields.Rare(saleWindow: consume saleWindow, stockCount: consume stockCount, brand: consume brand,
                                   shipping: consume shipping, group: consume group, variant: consume variant))
        // Filled in place in the new box: each value moves in once (the parameters are consumed: no value is
        // retained again), with no copy of the whole.
        let box = Box(Fields(channel: consume channel, key: consume key))
        box.fields.origin = consume origin
        box.fields.title = consume title
        box.fields.price = consume price
        box.fields.listPrice = consume listPrice
        box.fields.availability = consume availability
        box.fields.rare = rare
        self.box = box
    }

    /// The stored values of an observation; copies of an observation share them until one of them changes.
    struct Fields: Hashable, Sendable, Codable {
        /// The channel name from the config (`web`, `app`, …).
        var channel: String
        /// The product's identifiers.
        var key: ProductKey
        /// Where the product itself was found: the page or feed, and e.g. `json-ld[0]` or `data.products[3]`.
        var origin: Evidence?
        /// The product name as shown.
        var title: Observed<String>?
        /// The current price a customer pays.
        var price: Observed<Money>?
        /// The regular / struck-through price.
        var listPrice: Observed<Money>?
        /// Whether it can be bought.
        var availability: Observed<Availability>?
        /// The values most channels never state, kept out of line so a feed item does not carry their space.
        var rare: Indirect<Rare>?

        /// The values most channels never state.
        struct Rare: Hashable, Sendable {
            /// When the current price is valid (`priceValidUntil`, `validFrom`/`validThrough`, Merchant
            /// `sale_price_effective_date`).
            var saleWindow: Observed<DateWindow>?
            /// A stated stock count ("solo 3 pezzi").
            var stockCount: Observed<Int>?
            /// The brand.
            var brand: Observed<String>?
            /// Shipping cost, free-over threshold and delivery days.
            var shipping: Observed<ShippingTerms>?
            /// The return window and whether returns are free.
            var returns: Observed<ReturnTerms>?
            /// Accepted payment methods, canonical identifiers, sorted.
            var paymentMethods: Observed<[String]>?
            /// What a promo message promised with this price.
            var promo: Observed<Promo>?
            /// For a variant of a product group: the group's id (`productGroupID`, sku or url).
            var group: String?
            /// The variant attributes the channel states (`size`, `color`), as shown.
            var variant: [String: String]?
            /// What only a product page states (the statements of each syntax, the visible availability); nil for
            /// feeds and other channels.
            var page: PageFacts?

            var isEmpty: Bool {
                saleWindow == nil && stockCount == nil && brand == nil && shipping == nil && returns == nil
                    && paymentMethods == nil && promo == nil && group == nil && variant == nil && page == nil
            }
        }

        /// Changes the rare values, creating them when missing and dropping them when none is left.
        mutating func changeRare(_ change: (inout Rare) -> Void) {
            var values = rare?.value ?? Rare()
            change(&values)
            rare = values.isEmpty ? nil : Indirect(values)
        }

        init(channel: String, key: ProductKey) {
            self.channel = channel
            self.key = key
        }

        init(channel: String, key: ProductKey, origin: Evidence?, title: Observed<String>?, price: Observed<Money>?,
             listPrice: Observed<Money>?, availability: Observed<Availability>?, rare: Indirect<Rare>?) {
            self.channel = channel
            self.key = key
            self.origin = origin
            self.title = title
            self.price = price
            self.listPrice = listPrice
            self.availability = availability
            self.rare = rare
        }
    }

    /// Shared storage (copy-on-write): an observation carries about a kilobyte of values and evidence, and
    /// matching, the rules and the report pass it around many times; a copy now costs a reference.
    final class Box: @unchecked Sendable {  // mutated only through `update`, when uniquely referenced
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public static func == (a: Observation, b: Observation) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }
}

extension Observation {
    /// True when both state a variant attribute (`size`, `color`) with different values (case and surrounding
    /// spaces ignored): two variants of one group, never one product.
    public func isOtherVariant(than other: Observation) -> Bool {
        guard let mine = variant, let theirs = other.variant else { return false }
        return Self.differ(mine, theirs)
    }

    /// True when two variant attribute sets state one attribute with different values (case and surrounding
    /// spaces ignored).
    public static func differ(_ mine: [String: String], _ theirs: [String: String]) -> Bool {
        mine.contains { name, value in
            theirs[name].map { $0.trimmingCharacters(in: .whitespaces).lowercased() != value.trimmingCharacters(in: .whitespaces).lowercased() } ?? false
        }
    }

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

/// A value stored out of line, shared between copies until one changes (copy-on-write).
struct Indirect<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: @unchecked Sendable {  // never mutated: a change makes a new box
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value { box.value }

    static func == (a: Indirect, b: Indirect) -> Bool { a.box === b.box || a.box.value == b.box.value }

    func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}

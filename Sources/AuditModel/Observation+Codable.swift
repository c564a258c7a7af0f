import Foundation

/// The JSON form of an observation's values: the same keys in the same order as before the rare values moved out
/// of line (shard files and reports depend on it).
extension Observation.Fields {
    enum CodingKeys: String, CodingKey {
        case channel, key, origin, title, price, availability
        case listPrice = "list_price"
        case stockCount = "stock_count"
        case saleWindow = "sale_window"
        case brand, group, variant, page, shipping, returns, promo
        case paymentMethods = "payment_methods"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decode(String.self, forKey: .channel)
        key = try container.decode(ProductKey.self, forKey: .key)
        origin = try container.decodeIfPresent(Evidence.self, forKey: .origin)
        title = try container.decodeIfPresent(Observed<String>.self, forKey: .title)
        price = try container.decodeIfPresent(Observed<Money>.self, forKey: .price)
        listPrice = try container.decodeIfPresent(Observed<Money>.self, forKey: .listPrice)
        if let value = try container.decodeIfPresent(Observed<DateWindow>.self, forKey: .saleWindow) { changeRare { $0.saleWindow = value } }
        availability = try container.decodeIfPresent(Observed<Availability>.self, forKey: .availability)
        if let value = try container.decodeIfPresent(Observed<Int>.self, forKey: .stockCount) { changeRare { $0.stockCount = value } }
        if let value = try container.decodeIfPresent(Observed<String>.self, forKey: .brand) { changeRare { $0.brand = value } }
        if let value = try container.decodeIfPresent(Observed<ShippingTerms>.self, forKey: .shipping) { changeRare { $0.shipping = value } }
        if let value = try container.decodeIfPresent(Observed<ReturnTerms>.self, forKey: .returns) { changeRare { $0.returns = value } }
        if let value = try container.decodeIfPresent(Observed<[String]>.self, forKey: .paymentMethods) { changeRare { $0.paymentMethods = value } }
        if let value = try container.decodeIfPresent(Observed<Promo>.self, forKey: .promo) { changeRare { $0.promo = value } }
        if let value = try container.decodeIfPresent(String.self, forKey: .group) { changeRare { $0.group = value } }
        if let value = try container.decodeIfPresent([String: String].self, forKey: .variant) { changeRare { $0.variant = value } }
        if let value = try container.decodeIfPresent(PageFacts.self, forKey: .page) { changeRare { $0.page = value } }
    }

    func encode(to encoder: any Encoder) throws {  // in declaration order, as the synthesized one did
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(key, forKey: .key)
        try container.encodeIfPresent(origin, forKey: .origin)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(price, forKey: .price)
        try container.encodeIfPresent(listPrice, forKey: .listPrice)
        try container.encodeIfPresent(rare?.value.saleWindow, forKey: .saleWindow)
        try container.encodeIfPresent(availability, forKey: .availability)
        try container.encodeIfPresent(rare?.value.stockCount, forKey: .stockCount)
        try container.encodeIfPresent(rare?.value.brand, forKey: .brand)
        try container.encodeIfPresent(rare?.value.shipping, forKey: .shipping)
        try container.encodeIfPresent(rare?.value.returns, forKey: .returns)
        try container.encodeIfPresent(rare?.value.paymentMethods, forKey: .paymentMethods)
        try container.encodeIfPresent(rare?.value.promo, forKey: .promo)
        try container.encodeIfPresent(rare?.value.group, forKey: .group)
        try container.encodeIfPresent(rare?.value.variant, forKey: .variant)
        try container.encodeIfPresent(rare?.value.page, forKey: .page)
    }
}

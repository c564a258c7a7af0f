import AuditModel
import Foundation

extension Observation {
    /// A small observation for rule examples: a product `sku:EX-1` in a channel.
    static func example(_ channel: String, sku: String = "EX-1", price: String? = nil, currency: String = "EUR",
                        listPrice: String? = nil, availability: Availability? = nil, stock: Int? = nil,
                        page: String? = nil) -> Observation {
        let evidence = Evidence(source: page ?? "example:\(channel)", locator: "example",
                                raw: price ?? listPrice ?? availability?.rawValue ?? stock.map(String.init) ?? sku)
        var observation = Observation(channel: channel, key: ProductKey(sku: sku), origin: evidence)
        func money(_ text: String) -> Money? {
            Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map { Money(amount: $0, currency: currency) }
        }
        if let price, let money = money(price) { observation.price = Observed(money, evidence) }
        if let listPrice, let money = money(listPrice) { observation.listPrice = Observed(money, evidence) }
        if let availability { observation.availability = Observed(availability, evidence) }
        if let stock { observation.stockCount = Observed(stock, evidence) }
        return observation
    }
}

import AuditModel
import Foundation

extension Observation {
    /// A small observation for rule examples: a product `sku:EX-1` in a channel.
    static func example(_ channel: String, sku: String = "EX-1", price: String? = nil, currency: String = "EUR",
                        availability: Availability? = nil) -> Observation {
        let evidence = Evidence(source: "example:\(channel)", locator: "example", raw: price ?? availability?.rawValue ?? sku)
        var observation = Observation(channel: channel, key: ProductKey(sku: sku), origin: evidence)
        if let price, let amount = Decimal(string: price, locale: Locale(identifier: "en_US_POSIX")) {
            observation.price = Observed(Money(amount: amount, currency: currency), evidence)
        }
        if let availability { observation.availability = Observed(availability, evidence) }
        return observation
    }
}

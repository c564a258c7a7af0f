import AuditModel
import Foundation
import Normalize

/// Reads one schema.org `Offer` or `AggregateOffer`: price, currency, availability, list price from
/// `priceSpecification` (`StrikethroughPrice`/`ListPrice`), and `priceValidUntil`.
struct OfferReader {
    let products: SchemaOrgProducts
    let path: String

    func read(_ offer: JSONValue, into observation: inout Observation, claims: inout [PriceClaim], problems: inout [Problem]) {
        let currency = offer["priceCurrency"]?.text.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let types = SchemaOrgProducts.types(of: offer)
        if let raw = offer["price"]?.text {
            if let money = money(raw, currency: currency, field: "price", problems: &problems) {
                claims.append(PriceClaim(syntax: products.syntax, role: .current, price: Observed(money, products.evidence("\(path).price", raw))))
            }
        } else if types.contains("AggregateOffer"), let low = offer["lowPrice"]?.text {
            let high = offer["highPrice"]?.text
            if high == nil || high == low || offer["offerCount"]?.text == "1" {
                if let money = money(low, currency: currency, field: "lowPrice", problems: &problems) {
                    claims.append(PriceClaim(syntax: products.syntax, role: .current, price: Observed(money, products.evidence("\(path).lowPrice", low))))
                }
            } else {
                problems.append(Problem(source: products.source, position: "\(path).lowPrice",
                                        message: "AggregateOffer price range \(low)–\(high ?? "?"): a range is not compared as one price"))
            }
        }
        for (index, specification) in (offer["priceSpecification"]?.list ?? []).enumerated() {
            let specPath = offer["priceSpecification"]?.list.count == 1 && !isArray(offer["priceSpecification"])
                ? "\(path).priceSpecification" : "\(path).priceSpecification[\(index)]"
            guard let raw = specification["price"]?.text else { continue }
            let priceType = specification["priceType"]?.text.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
            let role: PriceClaim.Role = ["StrikethroughPrice", "ListPrice", "SRP", "MSRP"].contains(priceType) ? .list : .current
            if role == .current, specification["referenceQuantity"] != nil || priceType == "UnitPrice" { continue }  // unit price
            let specCurrency = specification["priceCurrency"]?.text.map { $0.uppercased() } ?? currency
            if let money = money(raw, currency: specCurrency, field: "priceSpecification.price", problems: &problems) {
                claims.append(PriceClaim(syntax: products.syntax, role: role, price: Observed(money, products.evidence("\(specPath).price", raw))))
            }
        }
        if observation.availability == nil, let raw = offer["availability"]?.text {
            if let value = AvailabilityParser.parse(raw).availability {
                observation.availability = Observed(value, products.evidence("\(path).availability", raw))
            } else {
                problems.append(Problem(source: products.source, position: "\(path).availability", message: "unknown availability \"\(raw)\""))
            }
        }
        if observation.stockCount == nil, let raw = offer["inventoryLevel"]?["value"]?.text ?? offer["inventoryLevel"]?.text,
            let count = Int(raw) {
            observation.stockCount = Observed(count, products.evidence("\(path).inventoryLevel", raw))
        }
        if observation.key.sku == nil, let sku = offer["sku"]?.text.flatMap(Identifiers.sku) { observation.key.sku = sku }
    }

    private func isArray(_ value: JSONValue?) -> Bool {
        if case .array = value { return true }
        return false
    }

    private func money(_ raw: String, currency: String?, field: String, problems: inout [Problem]) -> Money? {
        let parsed = PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency ?? products.defaultCurrency).parse(raw)
        if let amount = parsed.amount, let code = currency ?? parsed.currency {
            return Money(amount: amount, currency: code)
        }
        problems.append(Problem(source: products.source, position: "\(path).\(field)",
                                message: "price \"\(raw)\" is not readable: \(parsed.reason ?? "no currency")"))
        return nil
    }
}

import AuditModel
import Extract
import Foundation
import Normalize

/// Gmail Promotions annotations: JSON-LD `DiscountOffer` (`discountCode`, `availabilityStarts`,
/// `availabilityEnds`, `discountValue`) and `PromotionCard` (`price`, `priceCurrency`, `url`, `headline`) in an
/// HTML part. What they state is taken where the text stated nothing.
enum GmailAnnotations {
    static func merge(_ blocks: [(part: String, text: String)], source: String, prefix: String,
                      defaultCurrency: String?, into promos: inout [MessagePromo]) {
        guard !blocks.isEmpty else { return }
        if promos.isEmpty { promos = [MessagePromo()] }
        for (blockIndex, block) in blocks.enumerated() {
            guard let values = try? JSONParser.parseAll(block.text) else { continue }
            var items: [JSONValue] = []
            for value in values { collect(value, into: &items, depth: 0) }
            for (itemIndex, item) in items.enumerated() {
                let type = item["@type"]?.text ?? ""
                let base = "\(prefix)part \(block.part) json-ld[\(blockIndex)]" + (items.count > 1 ? "[\(itemIndex)]" : "")
                func evidence(_ field: String, _ raw: String) -> Evidence {
                    Evidence(source: source, locator: "\(base).\(field)", raw: raw)
                }
                if type == "DiscountOffer" {
                    if promos[0].code == nil, let code = item["discountCode"]?.text, !code.isEmpty {
                        promos[0].code = Observed(code, evidence("discountCode", code))
                    }
                    if promos[0].validFrom == nil, let raw = item["availabilityStarts"]?.text, let date = isoDate(raw) {
                        promos[0].validFrom = Observed(date, evidence("availabilityStarts", raw))
                    }
                    if promos[0].validUntil == nil, let raw = item["availabilityEnds"]?.text, let date = isoDate(raw) {
                        promos[0].validUntil = Observed(date, evidence("availabilityEnds", raw))
                    }
                    if promos[0].percentOff == nil, let raw = item["discountValue"]?.text, raw.hasSuffix("%") {
                        let number = raw.dropLast().trimmingCharacters(in: .whitespaces)
                        if Decimal(string: number) != nil {
                            promos[0].percentOff = Observed(number, evidence("discountValue", raw))
                        }
                    }
                } else if type == "PromotionCard", let raw = item["price"]?.text,
                    let amount = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")),
                    let currency = item["priceCurrency"]?.text ?? defaultCurrency
                {
                    var product = AdvertisedProduct()
                    if let link = item["url"]?.text, case .url(let url) = LinkUnwrapper.unwrap(link) {
                        product.url = Observed(url, evidence("url", link))
                    }
                    if let headline = item["headline"]?.text { product.name = Observed(headline, evidence("headline", headline)) }
                    let price = Observed(Money(amount: amount, currency: currency), evidence("price", raw))
                    if !promos[0].prices.contains(where: { $0.price.value == price.value }) {
                        promos[0].prices.append(AdvertisedPrice(price: price, product: product))
                    }
                }
            }
        }
    }

    private static func collect(_ value: JSONValue, into items: inout [JSONValue], depth: Int) {
        guard depth < 8 else { return }
        switch value {
        case .array(let elements): for element in elements { collect(element, into: &items, depth: depth + 1) }
        case .object:
            if let type = value["@type"]?.text, type == "DiscountOffer" || type == "PromotionCard" { items.append(value) }
            if let graph = value["@graph"] { collect(graph, into: &items, depth: depth + 1) }
        default: break
        }
    }

    static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: String(text.prefix(10)))
    }
}

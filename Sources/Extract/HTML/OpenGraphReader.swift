import AuditModel
import Foundation
import Normalize

/// Reads OpenGraph and Facebook catalog metas (`og:price:amount`, `product:price:amount`,
/// `product:sale_price:amount`, `product:original_price:amount`, `product:availability`,
/// `product:retailer_item_id`) into one observation with `meta[property=…]` locators.
struct OpenGraphReader {
    let source: String
    let channel: String
    let defaultCurrency: String?

    func observation(_ scan: PageScan, problems: inout [Problem]) -> Observation? {
        let type = scan.meta("og:type")?.content.lowercased()
        let hasPrice = scan.meta("product:price:amount", "og:price:amount", "product:sale_price:amount", "og:price") != nil
        guard type == "product" || type == "og:product" || hasPrice else { return nil }
        func evidence(_ key: String, _ raw: String) -> Evidence { Evidence(source: source, locator: "meta[property=\(key)]", raw: raw) }
        var key = ProductKey()
        key.sku = scan.meta("product:retailer_item_id", "product:sku").flatMap { Identifiers.sku($0.content) }
        key.gtin = scan.meta("product:gtin", "product:ean", "product:upc").flatMap { Identifiers.gtin($0.content) }
            .flatMap { GTIN.hasValidCheckDigit($0) ? $0 : nil }
        key.url = scan.meta("og:url").flatMap { URLNormalizer.normalize($0.content) }
        var observation = Observation(channel: channel, key: key, origin: Evidence(source: source, locator: "meta[property=og:*]", raw: scan.meta("og:title")?.content ?? ""))
        if let title = scan.meta("og:title") { observation.title = Observed(title.content, evidence(title.key, title.content)) }
        if let brand = scan.meta("product:brand", "og:brand") { observation.brand = Observed(brand.content, evidence(brand.key, brand.content)) }
        var claims: [PriceClaim] = []
        let pairs: [(amount: [String], currency: [String], role: PriceClaim.Role)] = [
            (["product:sale_price:amount"], ["product:sale_price:currency"], .current),
            // `og:price` alone (`2,900원~`) is how some shops write it, currency included.
            (["product:price:amount", "og:price:amount", "og:price"], ["product:price:currency", "og:price:currency"], .current),
            (["product:original_price:amount"], ["product:original_price:currency"], .list),
        ]
        for pair in pairs {
            for amountKey in pair.amount {
                read(amountKey, currencyKeys: pair.currency, role: pair.role, scan, into: &claims, problems: &problems)
            }
        }
        observation.claims = claims.isEmpty ? nil : claims
        observation.price = claims.first { $0.role == .current }?.price
        observation.listPrice = claims.first { $0.role == .list }?.price
        if let availability = scan.meta("product:availability", "og:availability"),
            let value = AvailabilityParser.parse(availability.content).availability {
            observation.availability = Observed(value, evidence(availability.key, availability.content))
        }
        return observation
    }

    /// Every meta with the amount key is a claim (a page may repeat it with other amounts, in any form:
    /// `30,000원~`); the n-th amount goes with the n-th currency meta when there are as many, else the first.
    private func read(_ amountKey: String, currencyKeys: [String], role: PriceClaim.Role, _ scan: PageScan,
                      into claims: inout [PriceClaim], problems: inout [Problem]) {
        let amounts = scan.metas.filter { $0.key == amountKey }
        let currencies = currencyKeys.lazy.map { key in scan.metas.filter { $0.key == key }.map(\.content) }.first { !$0.isEmpty } ?? []
        var seen: Set<String> = []
        for (index, amount) in amounts.enumerated() where seen.insert(amount.content).inserted {
            let locator = index == 0 ? "meta[property=\(amountKey)]" : "meta[property=\(amountKey)][\(index + 1)]"
            let currency = (currencies.count == amounts.count ? currencies[index] : currencies.first)?.uppercased()
            let parsed = PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency ?? defaultCurrency).parse(amount.content)
            if let value = parsed.amount, let code = currency ?? parsed.currency ?? defaultCurrency {
                claims.append(PriceClaim(syntax: .openGraph, role: role,
                                         price: Observed(Money(amount: value, currency: code), Evidence(source: source, locator: locator, raw: amount.content))))
            } else {
                problems.append(Problem(source: source, position: locator,
                                        message: "price \"\(amount.content)\" is not readable: \(parsed.reason ?? "no currency")"))
            }
        }
    }
}

import AuditModel
import Foundation
import Normalize

/// Reads one schema.org `Offer` or `AggregateOffer`: price, currency, availability, list price from
/// `priceSpecification` (`StrikethroughPrice`/`ListPrice`), and `priceValidUntil`.
struct OfferReader {
    let products: SchemaOrgProducts
    let path: String

    func read(_ offer: JSONValue, into observation: inout Observation, claims: inout [PriceClaim], problems: inout [Problem]) {
        // Some plugins state the currency only in the priceSpecification.
        let currency = (offer["priceCurrency"]?.text ?? offer["priceSpecification"]?.list.lazy.compactMap { $0["priceCurrency"]?.text }.first)
            .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        if let raw = offer["price"]?.text {
            if let money = money(raw, currency: currency, field: "price", problems: &problems) {
                claims.append(PriceClaim(syntax: products.syntax, role: .current, price: Observed(money, products.evidence("\(path).price", raw))))
            }
        } else if let low = offer["lowPrice"]?.text {
            // An AggregateOffer's price is its lowest ("as low as"), as Google Shopping reads it.
            if let money = money(low, currency: currency, field: "lowPrice", problems: &problems) {
                claims.append(PriceClaim(syntax: products.syntax, role: .current, price: Observed(money, products.evidence("\(path).lowPrice", low))))
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
        if let raw = offer["availability"]?.text {
            // Several offers (sizes, sellers): the product can be bought when any of them can, so a buyable offer
            // replaces an earlier one that is not.
            if let value = AvailabilityParser.parse(raw).availability {
                let earlier = observation.availability?.value.buyability
                if earlier == nil || (earlier != .buyable && value.buyability == .buyable) {
                    observation.availability = Observed(value, products.evidence("\(path).availability", raw))
                }
            } else {
                problems.append(Problem(source: products.source, position: "\(path).availability", message: "unknown availability \"\(raw)\""))
            }
        }
        // An AggregateOffer that states no availability but counts its offers (a price-comparison page): some
        // seller offers the product when the count is above zero, none when it is zero.
        if offer["availability"] == nil, observation.availability == nil, let raw = offer["offerCount"]?.text,
            let count = Int(raw.trimmingCharacters(in: .whitespaces)), count >= 0 {
            observation.availability = Observed(count > 0 ? .inStock : .outOfStock, products.evidence("\(path).offerCount", raw))
        }
        if observation.stockCount == nil, let raw = offer["inventoryLevel"]?["value"]?.text ?? offer["inventoryLevel"]?.text,
            let count = Int(raw) {
            observation.stockCount = Observed(count, products.evidence("\(path).inventoryLevel", raw))
        }
        if observation.key.sku == nil, let sku = offer["sku"]?.text.flatMap(Identifiers.sku) { observation.key.sku = sku }
        if observation.saleWindow == nil {
            let specification = offer["priceSpecification"]?.list.first { $0["validThrough"] != nil || $0["validFrom"] != nil }
            let from = offer["validFrom"]?.text ?? specification?["validFrom"]?.text
            let through = offer["priceValidUntil"]?.text ?? offer["validThrough"]?.text ?? specification?["validThrough"]?.text
            if from != nil || through != nil {
                let parser = DateWindowParser(timeZone: TimeZone(identifier: "UTC") ?? .current, reference: Date(timeIntervalSince1970: 0))
                let window = DateWindow(start: from.flatMap { parser.parse($0).start ?? parser.parse($0).end },
                                        end: through.flatMap { parser.parse($0).end ?? parser.parse($0).start })
                if window.start != nil || window.end != nil {
                    let raw = [from.map { "from \($0)" }, through.map { "until \($0)" }].compactMap { $0 }.joined(separator: " ")
                    observation.saleWindow = Observed(window, products.evidence(offer["priceValidUntil"] != nil ? "\(path).priceValidUntil" : "\(path)", raw))
                }
            }
        }
        if observation.shipping == nil, let details = offer["shippingDetails"]?.list.first {
            let terms = Self.shipping(details, currency: currency)
            if !terms.isEmpty { observation.shipping = Observed(terms, products.evidence("\(path).shippingDetails", Self.summary(details))) }
        }
        if observation.returns == nil, let policy = offer["hasMerchantReturnPolicy"]?.list.first {
            let terms = Self.returns(policy)
            if terms.days != nil || terms.isFree != nil {
                observation.returns = Observed(terms, products.evidence("\(path).hasMerchantReturnPolicy", Self.summary(policy)))
            }
        }
    }

    /// `OfferShippingDetails`: `shippingRate` (cost) and `deliveryTime` (handling + transit days).
    static func shipping(_ details: JSONValue, currency: String?) -> ShippingTerms {
        var terms = ShippingTerms()
        if let rate = details["shippingRate"], let raw = rate["value"]?.text ?? rate.text,
            let amount = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")),
            let code = rate["currency"]?.text?.uppercased() ?? currency {
            terms.cost = Money(amount: amount, currency: code)
            terms.isFree = amount == 0
        }
        if let time = details["deliveryTime"] {
            func days(_ key: String, _ bound: String) -> Int? { time[key]?[bound].flatMap(\.text).flatMap { Int($0) } }
            let handling = (days("handlingTime", "minValue"), days("handlingTime", "maxValue"))
            let transit = (days("transitTime", "minValue"), days("transitTime", "maxValue"))
            if handling.0 != nil || transit.0 != nil { terms.minDays = (handling.0 ?? 0) + (transit.0 ?? 0) }
            if handling.1 != nil || transit.1 != nil { terms.maxDays = (handling.1 ?? 0) + (transit.1 ?? 0) }
            if time["businessDays"] != nil { terms.businessDays = true }
        }
        return terms
    }

    /// `MerchantReturnPolicy`: `merchantReturnDays`, `returnFees`, `returnPolicyCategory`.
    static func returns(_ policy: JSONValue) -> ReturnTerms {
        var terms = ReturnTerms()
        terms.days = policy["merchantReturnDays"]?.text.flatMap { Int($0) }
        if policy["returnPolicyCategory"]?.text?.hasSuffix("MerchantReturnNotPermitted") == true { terms.days = 0 }
        if let fees = policy["returnFees"]?.text {
            terms.isFree = fees.hasSuffix("FreeReturn") ? true : (fees.hasSuffix("ReturnFeesCustomerResponsibility") || fees.hasSuffix("ReturnShippingFees") ? false : nil)
        }
        return terms
    }

    /// A compact raw text for evidence: the scalar members of an object, `key=value`.
    static func summary(_ value: JSONValue) -> String {
        guard case .object(let members) = value else { return value.text ?? "" }
        return members.compactMap { member in
            if let text = member.value.text { return "\(member.key)=\(text)" }
            if case .object = member.value { return "\(member.key)={\(summary(member.value))}" }
            return nil
        }.joined(separator: " ")
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

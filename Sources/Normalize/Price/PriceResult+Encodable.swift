import AuditModel
import Foundation

/// JSON for `omniaudit parse price TEXT`: snake_case keys, amounts as decimal strings, absent fields omitted.
extension PriceParser.Result: Encodable {
    private enum CodingKeys: String, CodingKey {
        case amount, currency, reason, maximum, previous, unit
        case currencyRaw = "currency_raw"
        case unitPrice = "unit_price"
        case isFromPrice = "is_from_price"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let exact { try container.encode(exact.text, forKey: .amount) } else { try container.encodeNil(forKey: .amount) }
        try container.encode(currency, forKey: .currency)
        try container.encode(currencyRaw, forKey: .currencyRaw)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(maximum.map(Money.format), forKey: .maximum)
        try container.encodeIfPresent(previous.map(Money.format), forKey: .previous)
        try container.encodeIfPresent(unitPrice.map(Money.format), forKey: .unitPrice)
        try container.encodeIfPresent(unit, forKey: .unit)
        if isFromPrice { try container.encode(true, forKey: .isFromPrice) }
    }
}

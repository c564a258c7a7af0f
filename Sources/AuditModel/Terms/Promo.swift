import Foundation

/// A promotion as a channel states it: a code, percent or amount off, and its validity.
///
/// JSON: `{"code": String?, "percent_off": "20"?, "amount_off": Money?, "valid": DateWindow?, "sent": Date?}`; the percentage
/// is a decimal string like every amount.
public struct Promo: Hashable, Sendable, Codable {
    /// The promo code as written (`NATALE20`).
    public var code: String?
    /// Percent off (`20` for "-20%").
    public var percentOff: Decimal?
    /// A fixed amount off ("€10 off").
    public var amountOff: Money?
    /// When the promotion is valid.
    public var valid: DateWindow?
    /// When the message stating it was sent (promo e-mails and SMS), nil elsewhere.
    public var sent: Date?

    /// Creates a promotion.
    public init(code: String? = nil, percentOff: Decimal? = nil, amountOff: Money? = nil, valid: DateWindow? = nil, sent: Date? = nil) {
        self.code = code
        self.percentOff = percentOff
        self.amountOff = amountOff
        self.valid = valid
        self.sent = sent
    }

    private enum CodingKeys: String, CodingKey {
        case code, valid, sent
        case percentOff = "percent_off"
        case amountOff = "amount_off"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        amountOff = try container.decodeIfPresent(Money.self, forKey: .amountOff)
        valid = try container.decodeIfPresent(DateWindow.self, forKey: .valid)
        sent = try container.decodeIfPresent(Date.self, forKey: .sent)
        if let text = try container.decodeIfPresent(String.self, forKey: .percentOff) {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .percentOff, in: container, debugDescription: "not a decimal: \(text)")
            }
            percentOff = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(percentOff.map { NSDecimalNumber(decimal: $0).stringValue }, forKey: .percentOff)
        try container.encodeIfPresent(amountOff, forKey: .amountOff)
        try container.encodeIfPresent(valid, forKey: .valid)
        try container.encodeIfPresent(sent, forKey: .sent)
    }
}

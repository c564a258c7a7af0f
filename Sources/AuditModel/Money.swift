import Foundation

/// An amount of money: a `Decimal` amount and an ISO 4217 currency code.
///
/// Encoded in JSON as `{"amount": "19.90", "currency": "EUR"}`: the amount is always a decimal string with at
/// least two fraction digits, never a float, so no reader loses precision.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The amount, exact.
    public var amount: Decimal
    /// The ISO 4217 code, e.g. `EUR`.
    public var currency: String

    /// Creates an amount in a currency.
    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount as a plain decimal string with at least two fraction digits (`1299.00`, `0.125`).
    public var amountString: String { Money.format(amount) }

    /// `49.90 EUR`.
    public var description: String { "\(amountString) \(currency)" }

    /// Formats a decimal with a `.` separator and at least two fraction digits, independent of the locale.
    public static func format(_ value: Decimal) -> String {
        var text = NSDecimalNumber(decimal: value).stringValue  // locale-free, e.g. "1299", "49.9", "-0.5"
        if let dot = text.firstIndex(of: ".") {
            let fraction = text.distance(from: dot, to: text.endIndex) - 1
            if fraction < 2 { text += String(repeating: "0", count: 2 - fraction) }
        } else {
            text += ".00"
        }
        return text
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .amount)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: "not a decimal amount: \(text)")
        }
        amount = value
        currency = try container.decode(String.self, forKey: .currency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

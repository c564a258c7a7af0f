import AuditModel
import Foundation

/// Reads a price as a shop writes it (`49,90 €`, `€ 1.299,00`, `1299.00 EUR`, `1.198,-`) into an amount and a
/// currency. Pure and allocation-light; never crashes, returns `nil` with a reason when the text is not a price.
public struct PriceParser: Sendable {
    /// The outcome of reading one string.
    public struct Result: Hashable, Sendable {
        /// The amount, nil when no number could be read.
        public var amount: Decimal?
        /// The ISO 4217 code, nil when none was written and no default applies.
        public var currency: String?
        /// The currency token as written (`€`, `EUR`, `US$`).
        public var currencyRaw: String?
        /// Why the amount or currency is missing, when it is.
        public var reason: String?
    }

    /// The decimal separator to assume when the text alone is ambiguous (`1.299`): `,` for it-IT, de-DE …
    public var decimalSeparatorHint: Character?
    /// The currency to assume when the text names none.
    public var defaultCurrency: String?

    /// Creates a parser with optional hints.
    public init(decimalSeparatorHint: Character? = nil, defaultCurrency: String? = nil) {
        self.decimalSeparatorHint = decimalSeparatorHint
        self.defaultCurrency = defaultCurrency
    }

    /// Parses text into a `Result`.
    public func parse(_ text: String) -> Result {
        let (currencyRaw, code, rest) = CurrencyTokens.strip(text)
        guard let number = NumberReader.firstNumber(in: rest) else {
            return Result(amount: nil, currency: code ?? defaultCurrency, currencyRaw: currencyRaw,
                          reason: "no number in \"\(text)\"")
        }
        guard let amount = NumberReader.decimal(number, decimalSeparatorHint: decimalSeparatorHint) else {
            return Result(amount: nil, currency: code ?? defaultCurrency, currencyRaw: currencyRaw,
                          reason: "\"\(number)\" is not a readable amount")
        }
        let currency = code ?? defaultCurrency
        return Result(amount: amount, currency: currency, currencyRaw: currencyRaw,
                      reason: currency == nil ? "no currency in \"\(text)\"" : nil)
    }

    /// Parses text into `Money`, or nil when amount or currency is missing.
    public func money(_ text: String) -> Money? {
        let result = parse(text)
        guard let amount = result.amount, let currency = result.currency else { return nil }
        return Money(amount: amount, currency: currency)
    }
}

import Foundation
import PropertyBased
import Testing

@testable import Normalize

/// Formats a Decimal as a locale's currency text with Foundation and reads it back.
@Suite("Price round trip through locale formatting")
struct PricePropertyTests {
    static let locales: [(identifier: String, code: String)] = [
        ("it_IT", "EUR"), ("de_DE", "EUR"), ("fr_FR", "EUR"), ("es_ES", "EUR"), ("nl_NL", "EUR"), ("en_IE", "EUR"),
        ("en_US", "USD"), ("en_GB", "GBP"), ("de_CH", "CHF"), ("fr_CH", "CHF"), ("pl_PL", "PLN"), ("cs_CZ", "CZK"),
        ("sv_SE", "SEK"), ("nb_NO", "NOK"), ("da_DK", "DKK"), ("pt_BR", "BRL"), ("en_CA", "CAD"), ("en_AU", "AUD"),
        ("ja_JP", "JPY"), ("en_IN", "INR"), ("tr_TR", "TRY"), ("ru_RU", "RUB"), ("ro_RO", "RON"), ("hu_HU", "HUF"),
    ]

    static func format(_ value: Decimal, locale: String, code: String, currencyStyle: Bool) -> String? {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.numberStyle = currencyStyle ? .currency : .decimal
        formatter.currencyCode = code
        if !currencyStyle {
            formatter.minimumFractionDigits = 2
            formatter.maximumFractionDigits = 2
        }
        return formatter.string(from: value as NSDecimalNumber)
    }

    @Test("currency-formatted amounts read back with the locale", arguments: locales)
    func currencyRoundTrip(_ locale: (identifier: String, code: String)) async {
        let digits = locale.code == "JPY" || locale.code == "HUF" ? 0 : 2
        await propertyCheck(count: 200, input: Gen.int(in: 1...99_999_999)) { cents in
            let value = Decimal(cents) / (digits == 0 ? 1 : 100)
            let formatted = Self.format(value, locale: locale.identifier, code: locale.code, currencyStyle: true)
            #expect(formatted != nil)
            guard let text = formatted else { return }
            let parser = PriceParser(currencyHint: locale.code, locale: locale.identifier.replacingOccurrences(of: "_", with: "-"))
            let result = parser.parse(text)
            #expect(result.amount == value, "\(text)")
            #expect(result.currency == locale.code, "\(text)")
        }
    }

    @Test("decimal-formatted numbers read back with the decimal-separator hint", arguments: locales)
    func numberRoundTrip(_ locale: (identifier: String, code: String)) async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...999_999_999)) { cents in
            let value = Decimal(cents) / 100
            let formatted = Self.format(value, locale: locale.identifier, code: locale.code, currencyStyle: false)
            #expect(formatted != nil)
            guard let text = formatted else { return }
            let mark = Locale(identifier: locale.identifier).decimalSeparator?.first
            let result = PriceParser(decimalSeparatorHint: mark).parse(text)
            #expect(result.amount == value, "\(text)")
        }
    }
}

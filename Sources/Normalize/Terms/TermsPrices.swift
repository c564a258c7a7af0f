import AuditModel
import Foundation

/// The amounts of money in a terms text, with the index of their number token.
enum TermsPrices {
    struct Found: Sendable {
        var index: Int
        var money: Money
        /// The currency token as written (`€`, `EUR`, `euro`).
        var currencyRaw: String = ""
        /// The index of the currency token.
        var currencyIndex: Int = 0
    }

    static func find(in text: TermsText, defaultCurrency: String?, locale: String?) -> [Found] {
        let hints = locale.map(LocaleHints.init)
        let resolver = CurrencyResolver(hint: nil, defaultCurrency: defaultCurrency, locale: hints)
        var found: [Found] = []
        for candidate in PriceCandidates.classify(text.tokens) where candidate.role == .price {
            guard let currencyIndex = candidate.currencyToken,
                let (raw, meaning) = text.tokens[currencyIndex].currency,
                let code = resolver.resolve(meaning, raw: raw).code
            else { continue }
            let resolved = NumberResolver.resolve(candidate.number, decimalHint: nil, currency: code,
                                                  localeMark: hints?.decimalMark?.asciiValue)
            guard case .success(let amount) = resolved else { continue }
            found.append(Found(index: candidate.token, money: Money(amount: amount.decimal, currency: code), currencyRaw: raw, currencyIndex: currencyIndex))
        }
        return found
    }
}

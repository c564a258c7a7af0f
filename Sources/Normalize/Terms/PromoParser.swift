import AuditModel
import Foundation

/// Reads a promotion: percent off ("-20%", "20% di sconto", "sconto del 15%", "20 % Rabatt"), amount off
/// ("€10 off", "10 € di sconto", "sconto di 10 €") and a code ("codice NATALE20", "use code SAVE10 at checkout",
/// "Gutscheincode: WINTER15", "code promo NOEL10") — never an order number or a tracking id.
public struct PromoParser: Sendable {
    /// The currency of amounts that name none.
    public var defaultCurrency: String?
    /// The shop's locale.
    public var locale: String?

    /// Creates a parser.
    public init(defaultCurrency: String? = nil, locale: String? = nil) {
        self.defaultCurrency = defaultCurrency
        self.locale = locale
    }

    static let taxWords: Set<String> = ["iva", "vat", "mwst", "ust", "tva", "tax", "tasse", "impuesto", "interessi",
                                        "tan", "taeg", "apr"]
    static let offWords: Set<String> = ["off", "sconto", "rabatt", "reduction", "descuento", "discount", "sconti",
                                        "risparmi", "risparmia", "save", "spare", "sparen", "economisez", "ahorra",
                                        "remise", "nachlass"]

    /// Parses a promotion; fields the text does not state stay nil.
    public func parse(_ text: String) -> Promo {
        let terms = TermsText(text)
        var promo = Promo()
        promo.percentOff = percentOff(in: terms)
        promo.amountOff = amountOff(in: terms)
        promo.code = PromoCodes.find(in: text)
        return promo
    }

    private func percentOff(in terms: TermsText) -> Decimal? {
        let tokens = terms.tokens
        for index in tokens.indices {
            guard let number = tokens[index].number, index + 1 < tokens.count, tokens[index + 1].isSymbol("%")
            else { continue }
            let after = terms.folded[(index + 1)...].prefix(3).compactMap { $0 }
            if terms.words(before: index, count: 3).contains(where: Self.taxWords.contains)
                || after.contains(where: Self.taxWords.contains)
            {
                continue
            }
            guard case .success(let amount) = NumberResolver.resolve(number, decimalHint: nil, currency: nil,
                                                                      localeMark: 0x2C)
            else { continue }
            let value = amount.decimal
            if value > 0, value <= 100 { return value }
        }
        return nil
    }

    private func amountOff(in terms: TermsText) -> Money? {
        for found in TermsPrices.find(in: terms, defaultCurrency: defaultCurrency, locale: locale) {
            let index = found.index
            let before = terms.words(before: index, count: 3)
            let after = terms.folded[(index + 1)...].prefix(4).compactMap { $0 }
            let minusBefore = index > 0 && terms.tokens[index - 1].isSymbol("-")
                || (index > 1 && terms.tokens[index - 2].isSymbol("-") && terms.tokens[index - 1].isCurrency)
            if minusBefore || before.contains(where: Self.offWords.contains)
                || after.contains(where: Self.offWords.contains)
            {
                return found.money
            }
        }
        return nil
    }
}

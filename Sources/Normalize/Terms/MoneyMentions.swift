import AuditModel
import Foundation

/// Every amount of money a line of text states with an explicit currency ("39,90 €", "$10", "EUR 49"), in
/// order, with the words around it: what a promo message reader needs to tell a product price from an amount off
/// or a shipping threshold.
public struct MoneyMention: Hashable, Sendable {
    /// The amount and currency.
    public var money: Money
    /// UTF-8 offset of the number in the text.
    public var offset: Int
    /// Up to four folded words before the amount (`["sconto", "di"]`).
    public var wordsBefore: [String]
    /// Up to four folded words after the amount.
    public var wordsAfter: [String]
    /// A minus sign stands right before the amount or its currency ("-10 €", "-€10").
    public var minusBefore: Bool
    /// The currency as written (`€`, `EUR`, `euro`).
    public var currencyRaw: String
    /// The currency token as written in the text (case kept), for telling `EUR 10` from `PHP4`.
    public var currencyText: String

    /// Finds the amounts in `text` (the first 4 KB); bare numbers without a currency are not amounts here.
    public static func find(in text: String, defaultCurrency: String?, locale: String?) -> [MoneyMention] {
        let terms = TermsText(text)
        let bytes = Array(text.utf8)
        return TermsPrices.find(in: terms, defaultCurrency: defaultCurrency, locale: locale).map { found in
            let index = found.index
            let token = terms.tokens[found.currencyIndex]
            let currencyText = String(decoding: bytes[min(token.start, bytes.count)..<min(token.end, bytes.count)], as: UTF8.self)
            let minus = index > 0 && terms.tokens[index - 1].isSymbol("-")
                || (index > 1 && terms.tokens[index - 2].isSymbol("-") && terms.tokens[index - 1].isCurrency)
            return MoneyMention(
                money: found.money, offset: terms.tokens[index].start,
                wordsBefore: terms.words(before: index, count: 4),
                wordsAfter: terms.folded[(index + 1)...].prefix(5).compactMap { $0 }.prefix(4).map { $0 },
                minusBefore: minus, currencyRaw: found.currencyRaw, currencyText: currencyText)
        }
    }
}

import Foundation
import Normalize

/// Amounts and percentages as promo messages write them. Stricter than a price field: a currency must be written
/// as a symbol (`€`, `$`, `£`), a common ISO code in capitals (`EUR 39`) or a currency word (`euro`) — so `PHP4`,
/// `ZAR` in a part number or a Message-ID never read as money; a percentage counts only beside a discount word or
/// a minus sign, never `100% natural`.
struct MailAmounts {
    var defaultCurrency: String?
    var locale: String?

    static let codes: Set<String> = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK", "CAD", "AUD",
                                     "HUF", "RON", "JPY"]
    static let words: Set<String> = ["euro", "euros", "eur", "dollars", "dollar", "pounds", "franken", "francs",
                                     "zloty", "kronor", "kroner"]
    static let discountWords = ["sconto", "sconti", "off", "rabatt", "discount", "save", "risparmi", "remise",
                                "reduction", "réduction", "descuento", "promo", "saldi", "sale", "coupon", "codice",
                                "code", "gutschein", "ermaßigung", "ermassigung", "reduziert", "soldes", "rebajas",
                                "ahorra", "spare", "nachlass", "deal", "offerta", "offer", "angebot", "offre",
                                "oferta", "black friday", "cyber monday", "outlet", "extra"]

    func money(in text: String) -> [MoneyMention] {
        guard !text.isEmpty else { return [] }
        return MoneyMention.find(in: text, defaultCurrency: defaultCurrency, locale: locale).filter { Self.plausible($0) && !Self.isLarge($0) }
    }

    /// Words that multiply the amount before them ("$9.8 billion", "5 Mio. €"): a figure of the news, never a price.
    static let multiplierWords: Set<String> = ["thousand", "million", "millions", "billion", "billions", "trillion", "bn", "mn",
                                               "mln", "mld", "mrd", "mio", "milione", "milioni", "miliardo", "miliardi",
                                               "millionen", "milliarde", "milliarden", "milliard", "milliards", "millones",
                                               "mil", "millon"]

    /// "$9.8 billion", "€ 2 Mio.": an amount multiplied by the word after it.
    static func isLarge(_ mention: MoneyMention) -> Bool {
        mention.wordsAfter.first.map(multiplierWords.contains) ?? false
    }

    /// Amounts that are prices of something: not an amount off, not a free-shipping threshold or shipping cost.
    func prices(in text: String) -> [MoneyMention] {
        money(in: text).filter { !PromoExtractor.isOff($0) && !Self.isShippingAmount($0) && !Self.isTotal($0) }
    }

    /// Words that introduce a cart's or an order's sum, not a product's price ("Totale: 75,90 €", "Subtotal $71").
    static let totalWords: Set<String> = ["totale", "subtotale", "total", "subtotal", "totals", "zwischensumme", "gesamt",
                                          "gesamtsumme", "summe", "endsumme", "totaal", "subtotaal", "importe", "iva",
                                          "vat", "mwst", "tax", "taxes", "tva", "imposta", "sous", "montant"]

    /// "Totale: 75,90 €", "Subtotal (2 items): $71.00": the amount is a sum of the cart, never one product's price.
    static func isTotal(_ mention: MoneyMention) -> Bool {
        mention.wordsBefore.suffix(4).contains(where: totalWords.contains)
    }

    static let thresholdWords: Set<String> = ["sopra", "oltre", "over", "above", "ab", "des", "from", "partire", "desde",
                                              "minimo", "min", "spending", "orders", "uber", "exceeding", "superiori",
                                              "spedizione", "shipping", "versand", "livraison", "envio", "delivery",
                                              "consegna", "porto", "lieferung", "spesa", "ordini", "ordine"]

    /// "sopra i 49 €", "free shipping over $50", "Versand 4,90 €".
    static func isShippingAmount(_ mention: MoneyMention) -> Bool {
        mention.wordsBefore.suffix(4).contains(where: thresholdWords.contains)
    }

    static func plausible(_ mention: MoneyMention) -> Bool {
        let written = mention.currencyText
        if written.contains(where: { !$0.isLetter }) { return true }
        if written.count == 3, written == written.uppercased(), codes.contains(written) { return true }
        return words.contains(written.lowercased())
    }

    /// The percent off a text states, only when a minus sign or a discount word goes with it (a whole word, a few
    /// words from the percentage: "5% of its workforce" in a paragraph that mentions layoffs is no discount); never 100 %.
    func percent(in text: String, parsed: Decimal?) -> Decimal? {
        guard let parsed, parsed < 100 else { return nil }
        let folded = text.lowercased()
        let number = NSDecimalNumber(decimal: parsed).stringValue
        let written = [number, number.replacingOccurrences(of: ".", with: ",")]
        for minus in ["-", "−", "–"] where written.contains(where: { folded.contains(minus + $0) }) { return parsed }
        let around = Self.windows(around: written, in: folded)
        return around.contains { window in Self.discountWords.contains { Self.containsWord($0, in: window) } } ? parsed : nil
    }

    /// The text around each percentage `N%` / `N %` written as one of `numbers`: 40 characters on each side.
    static func windows(around numbers: [String], in text: String) -> [Substring] {
        var windows: [Substring] = []
        for number in numbers {
            var from = text.startIndex
            while let found = text.range(of: number, range: from..<text.endIndex) {
                from = found.upperBound
                let rest = text[found.upperBound...].drop { $0 == " " || $0 == "\u{00A0}" }
                guard rest.first == "%", found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isNumber
                else { continue }
                let start = text.index(found.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(found.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
                windows.append(text[start..<end])
            }
        }
        return windows
    }

    /// True when `word` (or phrase) stands in `text` as a whole word: "off" in "20% off", not in "layoff"; with
    /// `prefixOnly`, at the start of a word ("valid" in "valida").
    static func containsWord(_ word: String, in text: Substring, prefixOnly: Bool = false) -> Bool {
        var from = text.startIndex
        while let found = text.range(of: word, range: from..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false), prefixOnly || !(after?.isLetter ?? false) { return true }
            from = found.upperBound
        }
        return false
    }
}

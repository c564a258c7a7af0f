import AuditModel
import Foundation

/// Reads shipping terms: free shipping (cost 0), a free-over threshold, a cost, and delivery days — in Italian,
/// English, German, French and Spanish ("Spedizione gratuita sopra i 49 €, consegna in 2-4 giorni lavorativi").
public struct ShippingParser: Sendable {
    /// The currency of amounts that name none, and of a free shipping cost of 0.
    public var defaultCurrency: String?
    /// The shop's locale, for ambiguous amounts and symbols.
    public var locale: String?

    /// Creates a parser.
    public init(defaultCurrency: String? = nil, locale: String? = nil) {
        self.defaultCurrency = defaultCurrency
        self.locale = locale
    }

    static let freePhrases = [
        "spedizione gratuita", "spedizione gratis", "spedizioni gratuite", "consegna gratuita", "consegna gratis",
        "free shipping", "free delivery", "ships free", "free standard shipping", "kostenloser versand",
        "versandkostenfrei", "gratis versand", "kostenlose lieferung", "livraison gratuite", "livraison offerte",
        "frais de port offerts", "envio gratis", "envio gratuito", "entrega gratuita", "gratis", "gratuita",
        "gratuito", "free",
    ]
    static let thresholdWords: Set<String> = [
        "sopra", "oltre", "superiori", "superiore", "over", "above", "ab", "des", "from", "partire", "desde", "mas",
        "minimo", "min", "da", "spending", "orders", "uber", "partir", "plus", "exceeding",
    ]
    static let returnWords: Set<String> = [
        "reso", "resi", "recesso", "return", "returns", "ruckgabe", "rucksendung", "retoure", "retour", "retours",
        "devolucion", "devoluciones", "rimborso", "refund", "umtausch",
    ]

    /// Parses shipping terms; fields the text does not state stay nil.
    public func parse(_ text: String) -> ShippingTerms {
        let terms = TermsText(text)
        var result = ShippingTerms()
        let prices = TermsPrices.find(in: terms, defaultCurrency: defaultCurrency, locale: locale)
        let mentionsFree = terms.contains(any: Self.freePhrases)
        for price in prices {
            let before = terms.words(before: price.index, count: 5)
            if before.contains(where: Self.returnWords.contains) { continue }
            if before.contains(where: Self.thresholdWords.contains) {
                result.freeOver = result.freeOver ?? price.money
            } else if result.cost == nil {
                result.cost = price.money
            }
        }
        if mentionsFree, result.freeOver == nil, result.cost == nil {
            result.isFree = true
            result.cost = defaultCurrency.map { Money(amount: 0, currency: $0) }
        } else if result.freeOver != nil {
            result.isFree = false
        }
        if let span = TermsDays.find(in: terms).first(where: { span in
            !terms.words(before: span.index, count: 6).contains(where: Self.returnWords.contains)
        }) {
            result.minDays = span.min
            result.maxDays = span.max
            result.businessDays = span.business ? true : nil
        }
        return result
    }
}

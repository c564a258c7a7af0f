import AuditModel

/// Reads return terms: the window in days and whether returning is free ("reso gratuito entro 30 giorni",
/// "Free returns within 30 days", "30 Tage kostenlose Rücksendung", "retour gratuit sous 14 jours",
/// "devolución gratuita en 30 días").
public enum ReturnsParser {
    static let freePhrases = [
        "reso gratuito", "resi gratuiti", "reso gratis", "resi gratis", "free returns", "free return",
        "returns are free", "kostenlose rucksendung", "kostenlose retoure", "kostenloser ruckversand",
        "kostenlose ruckgabe", "retour gratuit", "retours gratuits", "devolucion gratuita", "devoluciones gratuitas",
        "devolucion gratis", "reso e gratuito", "reso sempre gratuito",
    ]
    static let paidPhrases = [
        "a carico del cliente", "a pagamento", "a tuo carico", "return shipping fee", "at your own cost",
        "at the customer's expense", "kostenpflichtig", "auf kosten des kunden", "a la charge du client",
        "payant", "a cargo del cliente", "tiene un coste", "return fee",
    ]

    /// Parses return terms; fields the text does not state stay nil.
    public static func parse(_ text: String) -> ReturnTerms {
        let terms = TermsText(text)
        var result = ReturnTerms()
        if terms.contains(any: freePhrases) { result.isFree = true }
        if terms.contains(any: paidPhrases) { result.isFree = false }
        let spans = TermsDays.find(in: terms)
        let before = spans.first { span in
            terms.words(before: span.index, count: 6).contains(where: ShippingParser.returnWords.contains)
        }
        let after = spans.first { span in
            terms.folded[(span.index + 1)...].prefix(4).contains { $0.map(ShippingParser.returnWords.contains) == true }
        }
        if let span = before ?? after ?? spans.first { result.days = span.max }
        return result
    }
}

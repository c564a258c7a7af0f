/// Reads payment methods into one canonical, sorted set of identifiers (`paypal`, `visa`, `mastercard`, `amex`,
/// `apple_pay`, `google_pay`, `klarna`, `scalapay`, `satispay`, `bank_transfer`, `cash_on_delivery` …), from
/// labels in Italian, English, German, French and Spanish.
public enum PaymentParser {
    /// Folded phrases and the canonical identifier they stand for.
    static let phrases: [(String, String)] = [
        ("paypal", "paypal"), ("pay pal", "paypal"), ("visa", "visa"), ("mastercard", "mastercard"),
        ("master card", "mastercard"), ("maestro", "maestro"), ("american express", "amex"), ("amex", "amex"),
        ("apple pay", "apple_pay"), ("applepay", "apple_pay"), ("google pay", "google_pay"), ("gpay", "google_pay"),
        ("klarna", "klarna"), ("scalapay", "scalapay"), ("satispay", "satispay"), ("postepay", "postepay"),
        ("bonifico", "bank_transfer"), ("bonifico bancario", "bank_transfer"), ("bank transfer", "bank_transfer"),
        ("wire transfer", "bank_transfer"), ("uberweisung", "bank_transfer"), ("vorkasse", "bank_transfer"),
        ("virement", "bank_transfer"), ("transferencia", "bank_transfer"), ("contrassegno", "cash_on_delivery"),
        ("pagamento alla consegna", "cash_on_delivery"), ("cash on delivery", "cash_on_delivery"),
        ("nachnahme", "cash_on_delivery"), ("contre remboursement", "cash_on_delivery"),
        ("contrareembolso", "cash_on_delivery"), ("pago contra reembolso", "cash_on_delivery"),
        ("diners", "diners"), ("discover", "discover"), ("jcb", "jcb"), ("sofort", "sofort"), ("ideal", "ideal"),
        ("bancontact", "bancontact"), ("sepa", "sepa_direct_debit"), ("lastschrift", "sepa_direct_debit"),
        ("amazon pay", "amazon_pay"), ("bizum", "bizum"), ("afterpay", "afterpay"), ("clearpay", "afterpay"),
        ("alipay", "alipay"), ("wechat pay", "wechat_pay"), ("unionpay", "unionpay"), ("twint", "twint"),
        ("blik", "blik"), ("przelewy24", "przelewy24"), ("giropay", "giropay"), ("eps", "eps"),
        ("carte bancaire", "cartes_bancaires"), ("cartes bancaires", "cartes_bancaires"), ("paysafecard", "paysafecard"),
        ("mybank", "mybank"), ("pagodil", "pagodil"), ("heylight", "heylight"), ("oney", "oney"),
    ]

    /// The canonical identifiers of every method the text names, sorted, without duplicates.
    public static func parse(_ text: String) -> [String] {
        let terms = TermsText(text)
        var found = Set<String>()
        for (phrase, id) in phrases where ByteSearch.contains(terms.line, " " + phrase + " ") { found.insert(id) }
        // Words glued to digits or punctuation ("Przelewy24", "PayPal®") are caught in the raw text too.
        let lowered = text.lowercased()
        for (phrase, id) in phrases where phrase.utf8.count > 4 && ByteSearch.contains(lowered, phrase) { found.insert(id) }
        return found.sorted()
    }
}

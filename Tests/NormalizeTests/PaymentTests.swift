import Testing

@testable import Normalize

@Suite("Payment methods")
struct PaymentTests {
    @Test("labels become one canonical sorted set", arguments: [
        ("Paga con PayPal, Visa, Mastercard, Amex", ["amex", "mastercard", "paypal", "visa"]),
        ("Apple Pay e Google Pay accettati", ["apple_pay", "google_pay"]),
        ("Klarna, Scalapay o Satispay", ["klarna", "satispay", "scalapay"]),
        ("Bonifico bancario o contrassegno", ["bank_transfer", "cash_on_delivery"]),
        ("Cash on delivery, bank transfer, American Express", ["amex", "bank_transfer", "cash_on_delivery"]),
        ("Zahlung per Überweisung, PayPal oder Nachnahme", ["bank_transfer", "cash_on_delivery", "paypal"]),
        ("Virement, carte bancaire, PayPal", ["bank_transfer", "cartes_bancaires", "paypal"]),
        ("Contrareembolso y Bizum", ["bizum", "cash_on_delivery"]),
        ("VISA visa Visa", ["visa"]), ("PayPal®, Przelewy24", ["paypal", "przelewy24"]), ("Nessuno", []),
    ] as [(String, [String])])
    func methods(_ text: String, _ expected: [String]) {
        #expect(PaymentParser.parse(text) == expected)
    }
}

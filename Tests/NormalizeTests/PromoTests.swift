import AuditModel
import Foundation
import Testing

@testable import Normalize

@Suite("Promotions")
struct PromoTests {
    let parser = PromoParser(defaultCurrency: "EUR")

    @Test("percent off", arguments: [
        ("-20%", 20), ("20% di sconto", 20), ("sconto del 15%", 15), ("20 % Rabatt", 20), ("-30 % sur tout", 30),
        ("25% de descuento", 25), ("Save 12.5% today", 12.5), ("fino al -50%", 50),
    ] as [(String, Double)])
    func percent(_ text: String, _ value: Double) {
        #expect(parser.parse(text).percentOff == Decimal(value))
    }

    @Test("tax rates are not discounts")
    func tax() {
        #expect(parser.parse("Prezzi IVA 22% inclusa").percentOff == nil)
        #expect(parser.parse("inkl. 19% MwSt.").percentOff == nil)
    }

    @Test("amount off", arguments: [
        ("€10 off", "10"), ("10 € di sconto", "10"), ("sconto di 10 €", "10"), ("5 € Rabatt", "5"),
        ("-15 € sur votre commande", "15"), ("Save £5", "5"),
    ])
    func amount(_ text: String, _ value: String) {
        #expect(parser.parse(text).amountOff?.amount == Decimal(string: value))
    }

    @Test("codes", arguments: [
        ("codice NATALE20", "NATALE20"), ("use code SAVE10 at checkout", "SAVE10"),
        ("con il codice: BLACK-FRIDAY", "BLACK-FRIDAY"), ("Gutscheincode WINTER15", "WINTER15"),
        ("code promo NOEL10", "NOEL10"), ("Código: VERANO25", "VERANO25"), ("Coupon «WELCOME»", "WELCOME"),
        ("Inserisci il codice sconto ESTATE24 nel carrello", "ESTATE24"),
    ])
    func code(_ text: String, _ expected: String) {
        #expect(parser.parse(text).code == expected)
    }

    @Test("order numbers and tracking ids are not codes", arguments: [
        "Il tuo ordine n. 12345 è stato spedito", "codice ordine AB12345", "tracking code 1Z999AA10123456784",
        "codice di tracciamento XYZ123", "Order code: ORD-99812", "Codice fiscale RSSMRA80A01H501U",
        "use the code below", "",
    ])
    func notCodes(_ text: String) {
        #expect(parser.parse(text).code == nil)
    }
}

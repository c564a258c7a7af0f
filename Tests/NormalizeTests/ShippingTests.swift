import AuditModel
import Foundation
import Testing

@testable import Normalize

@Suite("Shipping terms")
struct ShippingTests {
    let parser = ShippingParser(defaultCurrency: "EUR")
    func eur(_ text: String) -> Money? { Decimal(string: text).map { Money(amount: $0, currency: "EUR") } }

    @Test("free shipping is cost 0")
    func free() {
        for text in ["Spedizione gratuita", "Free shipping", "Kostenloser Versand", "Livraison gratuite", "Envío gratis"] {
            let terms = parser.parse(text)
            #expect(terms.isFree == true, "\(text)")
            #expect(terms.cost == eur("0"), "\(text)")
        }
        #expect(ShippingParser().parse("Spedizione gratuita").cost == nil)
    }

    @Test("a free-over threshold and a cost")
    func threshold() {
        let terms = parser.parse("Spedizione 4,90 €, gratuita sopra i 49 €")
        #expect(terms.cost == eur("4.9"))
        #expect(terms.freeOver == eur("49"))
        #expect(terms.isFree == false)
        #expect(parser.parse("Free shipping on orders over £50").freeOver == Money(amount: 50, currency: "GBP"))
        #expect(parser.parse("Versandkostenfrei ab 50 €").freeOver == eur("50"))
        #expect(parser.parse("Livraison offerte dès 60 €").freeOver == eur("60"))
        #expect(parser.parse("Envío gratis a partir de 30 €").freeOver == eur("30"))
    }

    struct Days: Sendable, CustomTestStringConvertible {
        let text: String
        let min: Int?
        let max: Int?
        let business: Bool?
        var testDescription: String { text }
    }

    @Test("delivery days", arguments: [
        Days(text: "consegna in 2-4 giorni lavorativi", min: 2, max: 4, business: true),
        Days(text: "Consegna 24/48h", min: 1, max: 2, business: nil),
        Days(text: "Delivery in 3-5 business days", min: 3, max: 5, business: true),
        Days(text: "Lieferzeit 1–3 Werktage", min: 1, max: 3, business: true),
        Days(text: "Livraison en 2 à 4 jours ouvrés", min: 2, max: 4, business: true),
        Days(text: "Entrega en 3-5 días hábiles", min: 3, max: 5, business: true),
        Days(text: "Consegna entro 48 ore", min: nil, max: 2, business: nil),
        Days(text: "Spedizione in 24h", min: 1, max: 1, business: nil),
        Days(text: "Consegna in 1-2 settimane", min: 7, max: 14, business: nil),
        Days(text: "Reso entro 30 giorni. Consegna in 3 giorni", min: 3, max: 3, business: nil),
    ])
    func days(_ row: Days) {
        let terms = parser.parse(row.text)
        #expect(terms.minDays == row.min)
        #expect(terms.maxDays == row.max)
        #expect(terms.businessDays == row.business)
    }

    @Test("nothing stated gives empty terms")
    func empty() {
        #expect(parser.parse("Colore rosso, taglia M").isEmpty)
    }
}

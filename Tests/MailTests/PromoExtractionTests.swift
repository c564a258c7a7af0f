import AuditModel
import Foundation
import Testing
@testable import Mail

/// Promos of ESP-shaped mails (fixtures/emails/promos) read as a person checking by hand would.
struct PromoExtractionTests {
    @Test func italianMailchimpTemplate() throws {
        let record = try Fixtures.promos("promos/it-mailchimp-black-friday.eml")
        #expect(record.subject == "Black Friday anticipato: -20% con il codice AURORA20")
        #expect(Fixtures.iso(record.sent?.value) == "2026-11-16T07:00:00Z")
        let promo = try #require(record.promos.first)
        #expect(record.promos.count == 1)  // ORD-2026-8841, 1Z999AA10123456784 and CAP 06053 are no codes
        #expect(promo.code?.value == "AURORA20")
        #expect(promo.percentOff?.value == "20")
        #expect(promo.freeShippingOver?.value == Money(amount: 49, currency: "EUR"))
        #expect(Fixtures.iso(promo.validFrom?.value) == "2026-11-15T23:00:00Z")
        #expect(Fixtures.iso(promo.validUntil?.value) == "2026-11-22T22:59:59Z")
        #expect(promo.validUntil?.evidence.raw.contains("valido dal 16/11 al 22/11/2026") == true)
        #expect(promo.prices.count == 3)
        let brocca = promo.prices[0]
        #expect(brocca.price.value == Money(amount: Decimal(string: "39.90")!, currency: "EUR"))
        #expect(brocca.listPrice?.value == Money(amount: Decimal(string: "49.90")!, currency: "EUR"))
        // Google url?q= unwrapped, utm_* dropped.
        #expect(brocca.product.url?.value == "https://www.bottega-aurora.it/prodotti/brocca-caltagirone.html")
        #expect(brocca.product.name?.value == "Brocca in terracotta dipinta a mano di Caltagirone")
        let zuppiera = promo.prices[1]
        #expect(zuppiera.price.value.amount == 48 && zuppiera.listPrice?.value.amount == 64)
        #expect(zuppiera.percentOff?.value == "25")
        // A base64 target in a redirector's url= parameter.
        #expect(zuppiera.product.url?.value == "https://www.bottega-aurora.it/prodotti/zuppiera-vietri-limoni.html")
        let set = promo.prices[2]
        #expect(set.product.sku?.value == "BA-1008")
        #expect(set.product.url == nil)
        #expect(set.product.opaqueLink?.contains("list-manage.com") == true)  // never followed
        #expect(brocca.price.evidence.locator.hasPrefix("part 2 line "))
    }

    @Test func englishKlaviyoTemplateWithGmailAnnotations() throws {
        let record = try Fixtures.promos("promos/en-klaviyo-winter.eml")
        let promo = try #require(record.promos.first)
        #expect(record.promos.count == 1)  // order #A12345, the phone number and zip 10001 are no codes
        #expect(promo.code?.value == "WINTER15")
        #expect(promo.code?.evidence.raw == "Use code WINTER15")
        #expect(promo.percentOff?.value == "15")
        #expect(promo.freeShippingOver?.value == Money(amount: 69, currency: "EUR"))
        #expect(promo.validFrom?.evidence.locator == "part 2 json-ld[0].availabilityStarts")
        #expect(Fixtures.iso(promo.validUntil?.value) == "2026-12-31T22:59:59Z")
        let prices = promo.prices.map { "\($0.price.value) \($0.listPrice?.value.description ?? "-") \($0.product.sku?.value ?? $0.product.url?.value ?? "?")" }
        #expect(prices == [
            "79.00 EUR 109.00 EUR BA-1010",
            "29.00 EUR 34.00 EUR https://www.bottega-aurora.it/prodotti/tagliere-ulivo.html",
        ])
    }

    /// An abandoned-cart mail: each cart line's price belongs to the product linked in another cell of its row;
    /// the subtotal, the shipping cost and the total are no product prices.
    @Test func abandonedCartLinesKeepTheirProducts() throws {
        let record = try Fixtures.promos("promos/it-abandoned-cart.eml")
        #expect(record.subject == "Hai dimenticato qualcosa nel carrello?")
        let prices = record.promos.flatMap(\.prices)
        #expect(prices.map { "\($0.price.value) \($0.product.url?.value ?? "-") \($0.product.name?.value ?? "-")" } == [
            "18.50 EUR https://www.bottega-aurora.it/prodotti/ciotola-vietri-pesci.html Ciotola Vietri «Pesci»",
            "34.00 EUR https://www.bottega-aurora.it/prodotti/tagliere-ulivo.html Tagliere in ulivo",
        ])
        #expect(prices.allSatisfy { $0.product.url?.evidence.locator.hasSuffix(" href") == true })
        #expect(record.promos.allSatisfy { $0.code == nil })  // P.IVA 01234567890 and the postcode are no codes
    }

    @Test func relativeDeadlinesEndOnTheNamedDay() throws {
        let sentMonday = try #require(ISO8601DateFormatter().date(from: "2026-11-16T08:00:00Z"))
        let rome = try #require(TimeZone(identifier: "Europe/Rome"))
        #expect(Fixtures.iso(RelativeDeadline.end(in: "Solo fino a domenica!", sent: sentMonday, timeZone: rome))
            == "2026-11-22T22:59:59Z")
        #expect(Fixtures.iso(RelativeDeadline.end(in: "Ends midnight", sent: sentMonday, timeZone: rome))
            == "2026-11-16T22:59:59Z")
        #expect(Fixtures.iso(RelativeDeadline.end(in: "Nur heute gültig", sent: sentMonday, timeZone: rome))
            == "2026-11-16T22:59:59Z")
        #expect(Fixtures.iso(RelativeDeadline.end(in: "Offre valable jusqu'à demain", sent: sentMonday, timeZone: rome))
            == "2026-11-17T22:59:59Z")
        #expect(RelativeDeadline.end(in: "Ci vediamo domenica", sent: sentMonday, timeZone: rome) == nil)
        // The day must follow the end word: "only" in one sentence and a weekday in another make no deadline.
        #expect(RelativeDeadline.end(in: "Only after months did it admit the cuts. Shares sank on Tuesday.", sent: sentMonday, timeZone: rome) == nil)
    }

    @Test func lookAlikesAreNoPromos() {
        let extractor = Fixtures.italian
        for text in ["Il tuo ordine n. ORD-2026-8841 è stato spedito", "Tracking code 1Z999AA10123456784",
                     "CAP 20121 Milano", "Codice fiscale RSSMRA80A01H501U", "100% cotone naturale",
                     "IVA 22% inclusa", "Your verification code is ABC123"] {
            let record = extractor.extract(sms: text, sent: nil, sender: nil, source: "t", locator: "")
            #expect(record.promos.isEmpty, "\(text)")
        }
    }

    @Test func codesInFiveLanguages() {
        let cases = ["Usa il codice NATALE20 per lo sconto del 20%": "NATALE20",
                     "Use code SAVE10 at checkout for 10% off": "SAVE10",
                     "Mit dem Gutscheincode WINTER15 sparen Sie 15 %": "WINTER15",
                     "Code promo NOEL10 : -10% sur tout": "NOEL10",
                     "Código de descuento VERANO25 en tu carrito": "VERANO25"]
        for (text, code) in cases {
            let record = Fixtures.italian.extract(sms: text, sent: nil, sender: nil, source: "t", locator: "")
            #expect(record.promos.first?.code?.value == code, "\(text)")
        }
    }
}

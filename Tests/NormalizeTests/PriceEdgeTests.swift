import Foundation
import Testing

@testable import Normalize

/// Texts with a role: ranges, was/now, "from", unit prices, and text that only looks like a price.
@Suite("Price: roles, rejections and ambiguity")
struct PriceEdgeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let amount: String?
        let currency: String?
        var testDescription: String { text }
    }

    static let roles: [Case] = [
        Case(text: "da 9,90 a 19,90 €", amount: "9.90", currency: "EUR"),
        Case(text: "9,90 € – 19,90 €", amount: "9.90", currency: "EUR"),
        Case(text: "€10 - €20", amount: "10.00", currency: "EUR"),
        Case(text: "invece di 59,90 € ora 49,90 €", amount: "49.90", currency: "EUR"),
        Case(text: "Was £20 now £15", amount: "15.00", currency: "GBP"),
        Case(text: "statt 19,99 € nur 14,99 €", amount: "14.99", currency: "EUR"),
        Case(text: "UVP 129,00 € 99,00 €", amount: "99.00", currency: "EUR"),
        Case(text: "Prix barré 39,99 € maintenant 29,99 €", amount: "29.99", currency: "EUR"),
        Case(text: "Antes 50 € Ahora 35 €", amount: "35.00", currency: "EUR"),
        Case(text: "a partire da 9,90 €", amount: "9.90", currency: "EUR"),
        Case(text: "ab 19,99 €", amount: "19.99", currency: "EUR"),
        Case(text: "19,90 € (7,96 €/kg)", amount: "19.90", currency: "EUR"),
        Case(text: "1,20 € al litro 3,60 €", amount: "3.60", currency: "EUR"),
        Case(text: "2 x 9,90 €", amount: "9.90", currency: "EUR"),
        Case(text: "Prezzo 1.299", amount: "1299.00", currency: nil),
        Case(text: "1299", amount: "1299.00", currency: nil),
        Case(text: "49.-", amount: "49.00", currency: nil),
        Case(text: "1.198,- Kr", amount: "1198.00", currency: nil),
        Case(text: "$25 USD", amount: "25.00", currency: "USD"),
    ]

    @Test("the current price is picked", arguments: roles)
    func role(_ row: Case) {
        let result = PriceParser().parse(row.text)
        #expect(result.exact?.text == row.amount)
        #expect(result.currency == row.currency)
    }

    static let notPrices = [
        "4,8 su 5", "4.5 out of 5 stars", "4,7/5", "4 von 5 Sternen", "1kg", "500 ml", "93000 miles", "12 km",
        "+39 02 1234 5678", "Tel. 02 1234567", "© 2025", "Anno 2024", "31/12/2025", "2026-11-20", "10:30",
        "-20%", "ordine n. 123456", "SKU 12345678", "", "   ", "prezzo su richiesta", "2,50 €/kg", "3 pezzi",
        "consegna in 3 giorni", "€", "€€€", "1.2.3.4", "12 34 56",
    ]

    @Test("text that only looks like a price gives no amount and a reason", arguments: notPrices)
    func rejected(_ text: String) {
        let result = PriceParser().parse(text)
        #expect(result.amount == nil)
        #expect(result.reason != nil)
    }

    @Test("a unit price is tagged, not taken as the price")
    func unitPrice() {
        let result = PriceParser().parse("2,50 €/kg")
        #expect(result.amount == nil)
        #expect(result.unit == "kg")
        #expect(result.unitPrice == Decimal(string: "2.5"))
        #expect(result.reason?.contains("unit price") == true)
    }

    @Test("range and was/now extras are reported")
    func extras() {
        let range = PriceParser().parse("da 9,90 a 19,90 €")
        #expect(range.maximum == Decimal(string: "19.9"))
        #expect(range.isFromPrice)
        #expect(PriceParser().parse("Was £20 now £15").previous == 20)
    }

    @Test("an ambiguous $ or kr stays unresolved with a reason, and a hint or locale resolves it")
    func ambiguity() {
        for text in ["$19.99", "199 kr", "kr 1 299,-"] {
            let bare = PriceParser().parse(text)
            #expect(bare.amount != nil)
            #expect(bare.currency == nil)
            #expect(bare.reason?.contains("ambiguous") == true)
        }
        #expect(PriceParser(currencyHint: "CAD").parse("$19.99").currency == "CAD")
        #expect(PriceParser(locale: "en-AU").parse("$19.99").currency == "AUD")
        #expect(PriceParser(locale: "nb-NO").parse("199 kr").currency == "NOK")
        #expect(PriceParser(defaultCurrency: "SEK").parse("199 kr").currency == "SEK")
        #expect(PriceParser(currencyHint: "EUR").parse("$19.99").currency == nil)
        #expect(PriceParser(currencyHint: "EUR").parse("£5").currency == "GBP")
        #expect(PriceParser(currencyHint: "EUR").parse("5").currency == "EUR")
    }

    @Test("1.299 is resolved by the hint, a three-minor-digit currency, the locale, else read as thousands")
    func ambiguousMark() {
        #expect(PriceParser().parse("1.299").exact?.text == "1299.00")
        #expect(PriceParser().parse("1,299 €").exact?.text == "1299.00")
        #expect(PriceParser(decimalSeparatorHint: ".").parse("1.299").exact?.text == "1.299")
        #expect(PriceParser(decimalSeparatorHint: ",").parse("1,899 €/l").unitPrice == Decimal(string: "1.899"))
        #expect(PriceParser(locale: "it-IT").parse("1,899").exact?.text == "1.899")
        #expect(PriceParser(locale: "en-US").parse("1,899").exact?.text == "1899.00")
        #expect(PriceParser().parse("12.345 KWD").exact?.text == "12.345")
        #expect(PriceParser().parse("0.299 €").exact?.text == "0.299")
    }

    @Test("a currency without minor units groups 24.990 whatever the hint or locale: three decimals are no amount of pesos")
    func noMinorUnits() {
        #expect(PriceParser(decimalSeparatorHint: ".", currencyHint: "CLP").parse("$24.990").exact?.text == "24990.00")
        #expect(PriceParser(currencyHint: "CLP", locale: "en-US").parse("$229.990 -18%").exact?.text == "229990.00")
        #expect(PriceParser(decimalSeparatorHint: ",").parse("¥1,980").exact?.text == "1980.00")
        #expect(PriceParser(decimalSeparatorHint: ".", currencyHint: "CLP").parse("$24.99").exact?.text == "24.99")  // as written
        #expect(PriceParser(decimalSeparatorHint: ".", currencyHint: "USD").parse("$24.990").exact?.text == "24.99")  // dollars have cents
    }

    @Test("the old initializer and money() keep working")
    func compatibility() {
        let parser = PriceParser(decimalSeparatorHint: ".", defaultCurrency: "EUR")
        #expect(parser.money("1299.00")?.amount == 1299)
        #expect(parser.money("1299.00")?.currency == "EUR")
        #expect(parser.money("12.5")?.amount == Decimal(string: "12.5"))
        #expect(parser.money("abc") == nil)
    }

    @Test("very long or odd input never crashes and stays bounded")
    func hostile() {
        let parser = PriceParser()
        _ = parser.parse(String(repeating: "9", count: 10_000))
        _ = parser.parse(String(repeating: "1.", count: 5_000))
        _ = parser.parse(String(repeating: "€ ", count: 5_000))
        _ = parser.parse("\u{FFFF}\u{0}\u{10FFFF}𝟙𝟚𝟛 ١٢٣")
        #expect(parser.parse("99999999999999999999999 €").amount == nil)
    }
}

import AuditModel
import Foundation
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("1299", "1299.00"), ("49.9", "49.90"), ("0.125", "0.125"), ("-3", "-3.00"), ("0", "0.00")])
    func amountsAreDecimalStringsWithTwoFractionDigits(input: String, expected: String) throws {
        let amount = try #require(Decimal(string: input, locale: Locale(identifier: "en_US_POSIX")))
        #expect(Money(amount: amount, currency: "EUR").amountString == expected)
    }

    @Test func encodesAmountAsStringNeverAsFloat() throws {
        let money = Money(amount: Decimal(string: "19.9")!, currency: "EUR")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(money), as: UTF8.self)
        #expect(json == #"{"amount":"19.90","currency":"EUR"}"#)
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == money)
    }

    @Test func decodingRejectsANonDecimalAmount() {
        let json = #"{"amount":"abc","currency":"EUR"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }
}

@Suite struct AvailabilityTests {
    @Test func limitedIsAsBuyableAsInStock() {
        #expect(Availability.limited.buyability == Availability.inStock.buyability)
        #expect(Availability.outOfStock.buyability == Availability.discontinued.buyability)
        #expect(Availability.preorder.buyability != Availability.inStock.buyability)
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.notice < .warning && Severity.warning < .error)
    }
}

@Suite struct FingerprintTests {
    @Test func isStableAndSeparatesParts() {
        #expect(Fingerprint.make(["price-mismatch", "sku:BA-1"]) == Fingerprint.make(["price-mismatch", "sku:BA-1"]))
        #expect(Fingerprint.make(["ab", "c"]) != Fingerprint.make(["a", "bc"]))
        #expect(Fingerprint.make(["x"]).count == 16)
        // A fixed value: a fingerprint must not change between versions or machines.
        #expect(Fingerprint.make(["price-mismatch", "sku:BA-1003", "price", "app", "web"]) == "f6b68905b61132df")
    }

    @Test func findingFingerprintIgnoresValues() {
        let evidence = Evidence(source: "a", locator: "b", raw: "c")
        let a = Finding(rule: "price-mismatch", severity: .error, product: "sku:1", field: "price",
                        observations: [.init(channel: "web", value: "1.00 EUR", evidence: evidence, expected: true),
                                       .init(channel: "app", value: "2.00 EUR", evidence: evidence, expected: false)],
                        message: "m")
        let b = Finding(rule: "price-mismatch", severity: .error, product: "sku:1", field: "price",
                        observations: [.init(channel: "app", value: "3.00 EUR", evidence: evidence, expected: false),
                                       .init(channel: "web", value: "4.00 EUR", evidence: evidence, expected: true)],
                        message: "other")
        #expect(a.fingerprint == b.fingerprint)
    }
}

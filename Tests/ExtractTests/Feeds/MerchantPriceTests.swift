import AuditModel
@testable import Extract
import Foundation
import Normalize
import Testing

/// `15.00 USD` prices are read without the general parser, and always as the parser reads them.
@Suite struct MerchantPriceTests {
    static let texts = [
        "15.00 USD", "4.9 EUR", "0.50 EUR", "007.00 EUR", "1299 EUR", "123456789012345.99 EUR", "1234567890123456.99 EUR",
        "1.299 EUR", "1,299.00 EUR", "15.00 usd", "15.00  USD", ".50 EUR", "15. EUR", "15.00 XYZ", "15.00 JPY", "1500 JPY",
        "15.00 BHD", "15.000 BHD", "-15.00 EUR", "+15.00 EUR", "15.00 EURO", "15.00", "EUR 15.00", "15.0.0 EUR", "1 GBP",
    ]

    @Test(arguments: texts)
    func readsOnlyWhatTheParserReadsTheSame(text: String) {
        let parser = PriceParser(decimalSeparatorHint: ".", defaultCurrency: "EUR")
        var codes = MerchantPrice.Codes()
        if let fast = codes.money(text, parse: parser.money) {
            let parsed = parser.money(text)
            #expect(parsed == fast)
            #expect(parsed.map { Money.format($0.amount) } == Money.format(fast.amount))
            #expect("\(parsed?.amount ?? 0)" == "\(fast.amount)")
            // Seen again, the code is not asked again and the answer is the same.
            #expect(codes.money(text, parse: { _ in nil }) == fast)
        }
    }

    @Test func theCommonFormIsReadAndAmbiguousOnesAreLeftToTheParser() {
        var codes = MerchantPrice.Codes()
        let parser = PriceParser(decimalSeparatorHint: ".", defaultCurrency: "EUR")
        #expect(codes.money("15.00 USD", parse: parser.money) == Money(amount: Decimal(string: "15.00")!, currency: "USD"))
        #expect(codes.money("1299 EUR", parse: parser.money)?.amount == 1299)
        #expect(MerchantPrice.read("1.299 EUR") == nil)  // one mark before three digits: the parser decides
        #expect(MerchantPrice.read("1,299.00 EUR") == nil)
        #expect(MerchantPrice.read("-15.00 EUR") == nil)
        // A code the parser does not read as that currency is never read here.
        var refused = MerchantPrice.Codes()
        #expect(refused.money("15.00 QQQ", parse: { _ in Money(amount: 15, currency: "EUR") }) == nil)
        #expect(refused.money("16.00 QQQ", parse: { _ in Money(amount: 16, currency: "QQQ") }) == nil)  // remembered
    }
}

/// The readers on bytes, given a string.
extension MerchantPrice.Codes {
    mutating func money(_ text: String, parse: (String) -> Money?) -> Money? {
        Array(text.utf8).withUnsafeBufferPointer { money($0, parse: parse) }
    }
}

extension MerchantPrice {
    static func read(_ text: String) -> (amount: Decimal, code: UInt32)? {
        Array(text.utf8).withUnsafeBufferPointer { read($0) }
    }
}

import Foundation
import Testing

@testable import Normalize

@Suite("parse price --jsonl lines")
struct PriceLinesTests {
    func run(_ lines: [String], locale: String? = nil) -> ([String], [String]) {
        var processor = PriceLineProcessor(locale: locale)
        var output: [UInt8] = []
        var errors: [String] = []
        for line in lines {
            var copy = line
            copy.withUTF8 { if let error = processor.process($0, into: &output) { errors.append(error) } }
        }
        let text = String(decoding: output, as: UTF8.self)
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), errors)
    }

    @Test("one output line per input line, malformed lines named on the error channel")
    func alignment() {
        let (out, errors) = run([
            #"{"text": "1.299,00 €"}"#,
            #"{"text": "$5", "currency_hint": "CAD", "decimal_separator_hint": null}"#,
            "not json",
            #"{"text": "1.299", "decimal_separator_hint": "."}"#,
            #"{"text": null}"#,
            #"{"text": "\u20ac 5", "extra": [1, {"a": true}]}"#,
            #"{"text": "x", "decimal_separator_hint": ",,"}"#,
        ])
        #expect(out == [
            #"{"amount": "1299.00", "currency": "EUR", "currency_raw": "€"}"#,
            #"{"amount": "5.00", "currency": "CAD", "currency_raw": "$"}"#,
            #"{"amount": null, "currency": null, "currency_raw": null}"#,
            #"{"amount": "1.299", "currency": null, "currency_raw": null}"#,
            #"{"amount": null, "currency": null, "currency_raw": null}"#,
            #"{"amount": "5.00", "currency": "EUR", "currency_raw": "€"}"#,
            #"{"amount": null, "currency": null, "currency_raw": null}"#,
        ])
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("line 3:") == true)
        #expect(errors.last?.hasPrefix("line 7:") == true)
    }

    @Test("the request decoder handles escapes and rejects broken JSON", arguments: [
        (#"{"text": "a\"b\\c\/d\n"}"#, true), (#"{"text": "\ud83d\ude00"}"#, true), (#"{ }"#, true),
        (#"{"text": "x"} trailing"#, false), (#"{"text": "x""#, false), (#"{"text": 12}"#, false), ("", false),
        (#"{"text": "\x"}"#, false), (#"{"text": "\u12"}"#, false),
    ])
    func decoder(_ line: String, _ valid: Bool) {
        var copy = line
        let ok = copy.withUTF8 { (try? PriceRequestLine.decode($0)) != nil }
        #expect(ok == valid)
    }
}

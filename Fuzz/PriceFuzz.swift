// libFuzzer target for the price parser and the `parse price --jsonl` line reader. Built by scripts/fuzz.sh
// together with the Normalize and AuditModel sources; not part of `swift build` or `swift test`.
import Foundation

private let parsers = [
    PriceParser(), PriceParser(decimalSeparatorHint: ",", defaultCurrency: "EUR"),
    PriceParser(decimalSeparatorHint: ".", currencyHint: "CAD", locale: "en-US"), PriceParser(locale: "it-IT"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func priceFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    for parser in parsers {
        let result = parser.parse(text)
        if let exact = result.exact {
            // The exact form and the Decimal agree, and the JSON text reads back to the same value.
            guard let back = Decimal(string: exact.text, locale: Locale(identifier: "en_US_POSIX")),
                back == result.amount
            else { fatalError("amount and text disagree for \(Array(bytes))") }
        } else if result.amount != nil {
            fatalError("amount without exact form")
        }
        if result.amount == nil, result.reason == nil { fatalError("no amount and no reason for \(Array(bytes))") }
        _ = parser.money(text)
        // The batch path (bytes, no String) reads the same as the String path.
        if text.utf8.elementsEqual(bytes) {
            let batch = parser.parse(utf8: bytes)
            guard batch.exact == result.exact, batch.currency == result.currency,
                batch.currencyRaw == result.currencyRaw, batch.unit == result.unit
            else { fatalError("batch and String paths disagree for \(Array(bytes))") }
        }
    }
    var processor = PriceLineProcessor(locale: "de-CH")
    var output: [UInt8] = []
    _ = processor.process(bytes, into: &output)
    if output.last != 0x0A || output.dropLast().contains(0x0A) { fatalError("one input line must give one output line") }
    // The block path: one output line per line of the input, however it is broken.
    var lines = PriceLineProcessor()
    var blockOutput: [UInt8] = []
    var errors: [String] = []
    lines.process(lines: bytes, into: &blockOutput, errors: &errors)
    let expected = bytes.isEmpty ? 0 : bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        - (bytes.last == 0x0A ? 1 : 0)
    if blockOutput.filter({ $0 == 0x0A }).count != expected || lines.lineNumber != expected {
        fatalError("block output lines differ from input lines for \(Array(bytes))")
    }
    return 0
}

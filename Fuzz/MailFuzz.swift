// libFuzzer target for the message path: GMime parsing, charsets, HTML parts through libxml2, promo extraction.
// Built by scripts/fuzz.sh with the Mail, Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractor = PromoExtractor(defaultCurrency: "EUR", locale: "it-IT", timeZone: TimeZone(identifier: "Europe/Rome")!,
                                       reference: Date(timeIntervalSince1970: 1_795_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func mailFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Mbox splitting, differential: the messages of the bytes fed in chunks of 1 to 7 are those of the bytes at once.
    let whole = MboxStream.split(bytes)
    var chunked: [[UInt8]] = []
    var splitter = MboxStream.Splitter { chunked.append($0) }
    let step = 1 + size % 7
    var start = 0
    while start < bytes.count {
        bytes[start..<min(bytes.count, start + step)].withUnsafeBytes { splitter.feed($0) }
        start += step
    }
    splitter.finish()
    if chunked != whole { fatalError("mbox messages differ with the chunks") }
    guard let message = try? MailReader.read(bytes) else { return 0 }
    let record = extractor.extract(message, source: "fuzz.eml", locator: "")
    for promo in record.promos {
        for price in promo.prices {
            if price.price.value.amount < 0 { fatalError("negative price read") }
            if price.price.evidence.source != "fuzz.eml" { fatalError("evidence without its source") }
        }
        if let percent = promo.percent, percent <= 0 || percent >= 100 { fatalError("percent off out of range") }
    }
    // SMS exports read the same bytes.
    _ = SMSExport.read(String(decoding: bytes, as: UTF8.self), timeZone: .gmt)
    return 0
}

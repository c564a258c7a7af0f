// libFuzzer target for Merchant RSS/Atom feeds: libxml2's SAX2 parser, the g: fields, prices and windows.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractor = StreamingFeedExtractor(format: .merchantXML, interpreter: RecordInterpreter(channel: "merchant", defaultCurrency: "EUR"))

@_cdecl("LLVMFuzzerTestOneInput")
public func merchantFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let result = extractor.extract(Data(UnsafeBufferPointer(start: data, count: size)), source: "feed.xml")
    for observation in result.observations {
        if let price = observation.price?.value, price.amount < 0 { fatalError("negative price read") }
    }
    for problem in result.problems where problem.source != "feed.xml" { fatalError("problem without its source") }
    return 0
}

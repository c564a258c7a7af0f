// libFuzzer target for CSV feeds and store lists: quoting, separators, headers, rows.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "stores", defaultCurrency: "EUR"))

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let result = extractor.extract(Data(UnsafeBufferPointer(start: data, count: size)), source: "list.csv")
    for observation in result.observations {
        if let price = observation.price?.value, price.amount < 0 { fatalError("negative price read") }
    }
    for problem in result.problems where problem.source != "list.csv" { fatalError("problem without its source") }
    return 0
}

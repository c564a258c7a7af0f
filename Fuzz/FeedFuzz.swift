// libFuzzer target for JSON feeds: the strict parser, the field mapping and exact prices.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractor = JSONFeedExtractor(
    channel: "app", items: JSONPath("data.products[]")!,
    fields: [.sku: JSONPath("id")!, .price: JSONPath("pricing.sale")!, .listPrice: JSONPath("pricing.list")!,
             .currency: JSONPath("pricing.currency")!, .availability: JSONPath("stock.status")!,
             .stock: JSONPath("stock.qty")!, .url: JSONPath("links.web")!, .title: JSONPath("name")!],
    defaultCurrency: "EUR", decimalSeparator: ",")

@_cdecl("LLVMFuzzerTestOneInput")
public func feedFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let result = extractor.extract(Data(UnsafeBufferPointer(start: data, count: size)), source: "feed.json")
    for observation in result.observations {
        if let price = observation.price?.value, price.amount < 0 { fatalError("negative price read") }
        if observation.key.isEmpty { fatalError("an item without identity became an observation") }
    }
    for problem in result.problems where problem.source != "feed.json" { fatalError("problem without its source") }
    return 0
}

// libFuzzer target for JSON feeds: the strict parser, the field mapping and exact prices; differential: the items
// streamed one at a time (in chunks of 1 to 8 bytes) must be those the whole document parsed at once selects, and a
// document must be refused by the stream exactly when the whole-document parser refuses it.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractor = JSONFeedExtractor(
    channel: "app", items: JSONPath("data.products[]")!,
    fields: [.sku: JSONPath("id")!, .price: JSONPath("pricing.sale")!, .listPrice: JSONPath("pricing.list")!,
             .currency: JSONPath("pricing.currency")!, .availability: JSONPath("stock.status")!,
             .stock: JSONPath("stock.qty")!, .url: JSONPath("links.web")!, .title: JSONPath("name")!],
    defaultCurrency: "EUR", decimalSeparator: ",")

/// The values `steps` select with every member of a repeated name (the stream reads each, in order).
private func select(_ steps: ArraySlice<JSONPath.Step>, in value: JSONValue, at locator: String) -> [(JSONValue, String)] {
    guard let step = steps.first else { return [(value, locator)] }
    switch (step, value) {
    case (.member(let name), .object(let members)):
        return members.filter { $0.key == name }.flatMap {
            select(steps.dropFirst(), in: $0.value, at: locator.isEmpty ? name : "\(locator).\(name)")
        }
    case (.each, .array(let elements)):
        return elements.enumerated().flatMap { select(steps.dropFirst(), in: $0.element, at: "\(locator)[\($0.offset)]") }
    case (.index(let wanted), .array(let elements)) where wanted < elements.count:
        return select(steps.dropFirst(), in: elements[wanted], at: "\(locator)[\(wanted)]")
    default:
        return []
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func feedFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let result = extractor.extract(bytes, source: "feed.json")
    for observation in result.observations {
        if let price = observation.price?.value, price.amount < 0 { fatalError("negative price read") }
        if observation.key.isEmpty { fatalError("an item without identity became an observation") }
    }
    for problem in result.problems where problem.source != "feed.json" { fatalError("problem without its source") }

    let whole = try? JSONParser.parse(bytes: Array(bytes), lenient: false)
    for path in ["data.products[]", "[]", ""] {
        var streamed: [(JSONValue, String)] = []
        let outcome = JSONItemStream.read(FeedInput(data: bytes), source: "f", items: JSONPath(path)!.steps,
                                          chunkSize: 1 + size % 8) { streamed.append(($0, $1)) }
        if outcome.stoppedEarly != (whole == nil) { fatalError("the stream and the whole parse disagree on validity") }
        guard let whole else { continue }
        let expected = select(JSONPath(path)!.steps[...], in: whole, at: "")
        if streamed.map(\.0) != expected.map(\.0) || streamed.map(\.1) != expected.map(\.1) {
            fatalError("streamed items differ from the whole document's at \(path)")
        }
    }
    if let whole {
        let discovered = JSONItemStream.discover(FeedInput(data: bytes), chunkSize: 3)
        // JSONRecord.items writes its path with dots, where an empty member name vanishes: compared without those.
        if discovered?.contains("") != true, discovered.map({ $0.joined(separator: ".") }) != JSONRecord.items(in: whole)?.path {
            fatalError("the items found while streaming are not those of the whole document")
        }
    }
    return 0
}

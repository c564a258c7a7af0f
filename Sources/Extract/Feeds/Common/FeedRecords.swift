import AuditModel
import Foundation

extension StreamingFeedExtractor {
    /// Every item of a feed as a raw record (names as the feed writes them, JSON members flattened to
    /// `pricing.sale`), before any mapping or interpretation: what `omniaudit init` samples to guess a mapping.
    public func records(_ input: FeedInput, source: String, each: (FeedRecord) -> Void) -> [Problem] {
        guard let format = resolvedFormat(input) else { return [Problem(source: source, message: "empty feed")] }
        switch format {
        case .merchantXML:
            return MerchantXMLReader().read(input, source: source, each: each)
        case .csv, .tsv:
            return DelimitedReader(separator: FeedFormat.separator(of: format, head: input.peek(4096))).read(input, source: source, each: each)
        case .jsonl:
            return JSONLinesReader().read(input, source: source) { item, line in each(JSONRecord.record(item, locator: "line \(line)")) }
        case .json, .auto:
            guard let data = input.readWhole(max: FeedInput.maxWholeJSONBytes) else { return [FeedInput.wholeJSONTooLarge(source)] }
            guard let root = try? JSONParser.parse(String(decoding: data, as: UTF8.self), lenient: false) else {
                return [Problem(source: source, message: "malformed JSON")]
            }
            if let items {
                for (item, locator) in items.select(in: root) { each(JSONRecord.record(item, locator: locator)) }
            } else if let found = JSONRecord.items(in: root) {
                for (index, item) in found.items.enumerated() { each(JSONRecord.record(item, locator: "\(found.path)[\(index)]")) }
            } else {
                return [Problem(source: source, message: "no array of items found")]
            }
            return []
        }
    }
}

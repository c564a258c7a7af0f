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
            let path: JSONPath?
            do {
                path = try JSONItemStream.itemsPath(items, in: input, source: source)
            } catch {
                return [error]
            }
            guard let path else { return [Problem(source: source, message: "no array of items found")] + JSONItemStream.check(input, source: source) }
            return JSONItemStream.read(input, source: source, items: path.steps) { item, locator in
                each(JSONRecord.record(item, locator: locator))
            }.problems
        }
    }
}

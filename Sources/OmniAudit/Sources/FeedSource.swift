import AuditModel
import Extract
import Fetch
import Foundation

extension FeedChannel: ChannelSource {
    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        FeedSource(name: environment.name, feed: self, shop: environment.shop, fetcher: environment.fetcher,
                   paths: environment.paths).read()
    }

    public var deliveredFields: [DeliveredField] {
        let compared: [(JSONFeedExtractor.Field, String)] = [
            (.price, "price"), (.listPrice, "list_price"), (.availability, "availability"), (.stock, "stock_count"),
        ]
        return compared.compactMap { field, name in
            fields[field].map { DeliveredField(field: name, hint: "fields.\(field.rawValue) is \"\($0)\"", essential: field == .price) }
        }
    }
}

/// Reads a feed channel: fetch the feed, extract its items with the extractor of its format.
struct FeedSource {
    let name: String
    let feed: FeedChannel
    let shop: AuditConfig.Shop
    let fetcher: FileFetcher
    /// How paths are shown in the report.
    let paths: PathResolver

    /// The extractor for this channel's format, mapping, currency and locale.
    var extractor: any FeedExtractor {
        JSONFeedExtractor(channel: name, items: feed.items, fields: feed.fields,
                          defaultCurrency: feed.currency ?? shop.currency,
                          decimalSeparator: LocaleInfo.decimalSeparator(shop.locale))
    }

    func read() -> ChannelRead {
        var coverage = ChannelCoverage(channel: name)
        let shown = paths.display(feed.source)
        let fetched: Fetched
        do {
            if FileFetcher.path(of: feed.source) == nil {  // an http(s) feed: through the crawler's client
                fetched = try Crawler.fetchOne(feed.source, settings: FetchLoader.defaults())
            } else {
                fetched = try fetcher.fetch(feed.source)
            }
        } catch {
            coverage.failed.append(.init(input: shown, reason: error.reason))
            return ChannelRead(observations: [], coverage: coverage, failedURLs: [])
        }
        let extraction = extractor.extract(fetched.body, source: shown)
        if extraction.observations.isEmpty, let first = extraction.problems.first {
            coverage.failed.append(.init(input: shown, reason: first.reason))
            coverage.problems += extraction.problems.dropFirst()
        } else {
            coverage.read += 1
            coverage.problems += extraction.problems
        }
        coverage.products = extraction.observations.count
        return ChannelRead(observations: extraction.observations, coverage: coverage, failedURLs: [])
    }
}

/// Locale facts the parsers need.
enum LocaleInfo {
    /// The decimal separator of a BCP 47 locale such as `it-IT` (`,`); `.` when unknown.
    static func decimalSeparator(_ identifier: String) -> Character {
        let locale = Locale(identifier: identifier.replacingOccurrences(of: "-", with: "_"))
        return locale.decimalSeparator?.first ?? "."
    }
}

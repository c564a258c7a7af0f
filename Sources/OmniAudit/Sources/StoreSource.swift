import AuditModel
import Extract
import Fetch
import Foundation

/// A `store` channel: the price lists of physical stores (click & collect), one CSV with a store column
/// (`store_code`, or the mapped `fields.store`) or one file per store in a folder (the file name is the store).
/// Each store is observed as its own channel, `stores@MI01`, so that every store is compared with the web and
/// the app; a store list never lists the whole catalogue unless `catalog: full` says so.
public struct StoreChannel: Sendable {
    /// The feed settings (format, mapping, currency) shared by every file.
    public var feed: FeedChannel
    /// The files read: the source itself, or every feed file of the source folder, sorted.
    public var files: [String]
}

extension StoreChannel: ChannelSource {
    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        var total = ChannelRead(observations: [], coverage: ChannelCoverage(channel: environment.name), failedURLs: [])
        for file in files {
            var feed = self.feed
            feed.source = file
            let store = files.count > 1 || file != self.feed.source
                ? ((file as NSString).lastPathComponent.components(separatedBy: ".").first ?? file) : nil
            let read = FeedSource(name: environment.name, feed: feed, shop: environment.shop, fetcher: environment.fetcher,
                                  paths: environment.paths, defaultStore: store).read()
            total.observations += read.observations
            total.coverage.read += read.coverage.read
            total.coverage.failed += read.coverage.failed
            total.coverage.problems += read.coverage.problems
        }
        total.coverage.products = total.observations.count
        return total
    }

    /// As a feed's, except that the stock decides the store's availability instead of being a compared count.
    public var deliveredFields: [DeliveredField] {
        feed.deliveredFields.map { delivered in
            guard delivered.field == "stock_count" else { return delivered }
            return DeliveredField(field: "availability", hint: delivered.hint + " (a store's stock gives its availability)", essential: false)
        }
    }
}

import AuditModel
import Extract
import Fetch
import Foundation

extension FeedChannel: ChannelSource {
    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        FeedSource(name: environment.name, feed: self, shop: environment.shop, fetcher: environment.fetcher,
                   paths: environment.paths, spill: environment.spill, progress: environment.progress).read()
    }

    public var deliveredFields: [DeliveredField] {
        let compared: [(JSONFeedExtractor.Field, String)] = [
            (.price, "price"), (.listPrice, "list_price"), (.availability, "availability"), (.stock, "stock_count"),
        ]
        let mapped = compared.compactMap { field, name in
            fields[field].map { DeliveredField(field: name, hint: "fields.\(field.rawValue) is \"\($0)\"", essential: field == .price) }
        }
        if fields[.price] == nil {
            return mapped + [DeliveredField(field: "price", hint: "the standard Merchant name is price (or sale_price); map another with fields.price", essential: true)]
        }
        return mapped
    }
}

/// Reads a feed channel: fetch the feed (local files are streamed, `.gz` inflated), extract its items with the
/// extractor of its format, then derive configured keys.
struct FeedSource {
    let name: String
    let feed: FeedChannel
    let shop: AuditConfig.Shop
    let fetcher: FileFetcher
    /// How paths are shown in the report.
    let paths: PathResolver
    /// For a store list read per file: the store of items that name none.
    var defaultStore: String? = nil
    /// Where items go as they are read, when the audit spills to disk (else they are returned in the read).
    var spill: ObservationSpill? = nil
    /// Where progress lines go while a long feed is read; nil for silence.
    var progress: ((String) -> Void)? = nil

    /// The extractor for this channel's format, mapping, currency and locale.
    var extractor: StreamingFeedExtractor {
        var interpreter = RecordInterpreter(
            channel: name, defaultCurrency: feed.currency ?? shop.currency,
            decimalSeparator: feed.fields.isEmpty ? nil : LocaleInfo.decimalSeparator(shop.locale),
            timeZone: TimeZone(identifier: shop.timezone) ?? .gmt)
        interpreter.perStore = feed.perStore
        interpreter.defaultStore = defaultStore
        interpreter.country = LocaleInfo.country(shop.locale)
        var extractor = StreamingFeedExtractor(
            format: FeedFormat(rawValue: feed.format) ?? .auto, interpreter: interpreter,
            items: feed.items.description.isEmpty ? nil : feed.items, mapping: feed.fields)
        extractor.encoding = feed.encoding
        return extractor
    }

    func read() -> ChannelRead {
        var coverage = ChannelCoverage(channel: name)
        let shown = paths.display(feed.source)
        let input: FeedInput
        func fail(_ reason: String) -> ChannelRead {
            coverage.failed.append(.init(input: shown, reason: reason))
            return ChannelRead(observations: [], coverage: coverage, failedURLs: [])
        }
        if let path = FileFetcher.path(of: feed.source) {
            guard FileManager.default.fileExists(atPath: path) else { return fail(FetchError.notFound(feed.source).reason) }
            // Only regular files: a FIFO or a device would block the audit (or never end).
            if let refusal = LocalFile.refusal(path) { return fail(FetchError.unreadable(feed.source, reason: refusal).reason) }
            do {
                input = try FeedInput(path: path)
            } catch {
                return fail(error.message)
            }
        } else {  // an http(s) feed: through the crawler's client, with the channel's own fetch settings
            // Downloaded to a file as it arrives and streamed from there: never whole in memory.
            let download: String
            do {
                download = try Crawler.download(feed.source, settings: feed.fetch ?? FetchLoader.feedDefaults(), prefix: "omniaudit-feed-")
            } catch {
                return fail(error.reason)
            }
            defer { unlink(download) }  // the open input keeps reading it
            do {
                input = try FeedInput(path: download)
            } catch {
                return fail("the download could not be read back: \(error.message)")
            }
        }
        var observations: [Observation] = []
        var problems: [Problem]
        var streamed = 0
        let meter = StepProgress("\(name): items read", sink: progress)
        defer { meter.finish() }
        var keyless: [Problem] = []
        if let spill {  // each item to disk as it is read: the feed is never whole in memory
            var applier = KeyTransform.Applier(feed.keys)
            problems = extractor.stream(input, source: shown) { item in
                var item = item
                applier.apply(to: &item)
                streamed += 1
                meter.step()
                if let problem = spill.accept(item, channel: name) { keyless.append(problem) }
            }
            problems += applier.problems
        } else {
            problems = extractor.stream(input, source: shown) {
                observations.append($0)
                meter.step()
            }
            problems += KeyTransform.apply(feed.keys, to: &observations)
            streamed = observations.count
        }
        if streamed == 0, let first = problems.first {
            coverage.failed.append(.init(input: shown, reason: first.reason))
            coverage.problems += problems.dropFirst()
        } else {
            coverage.read += 1
            coverage.problems += problems
        }
        coverage.products = spill == nil ? observations.count : streamed - keyless.count
        coverage.problems += keyless
        return ChannelRead(observations: observations, coverage: coverage, failedURLs: [])
    }
}

/// Locale facts the parsers need.
enum LocaleInfo {
    /// The country of a BCP 47 locale such as `it-IT` (`IT`); nil when it names none.
    static func country(_ identifier: String) -> String? {
        let parts = identifier.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard parts.count >= 2, let region = parts.last, region.count == 2, region.allSatisfy(\.isLetter) else { return nil }
        return region.uppercased()
    }

    /// The decimal separator of a BCP 47 locale such as `it-IT` (`,`); `.` when unknown.
    static func decimalSeparator(_ identifier: String) -> Character {
        let locale = Locale(identifier: identifier.replacingOccurrences(of: "-", with: "_"))
        return locale.decimalSeparator?.first ?? "."
    }
}

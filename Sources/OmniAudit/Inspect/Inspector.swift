import AuditModel
import Extract
import Fetch
import Foundation

/// Reads inputs the way an audit would, without matching or rules: the debugging view of extraction.
public struct Inspector: Sendable {
    /// How to read the inputs.
    public enum Kind: String, CaseIterable, Sendable {
        case page, feed
    }

    /// The output format.
    public enum Format: String, CaseIterable, Sendable {
        /// `{"observations": [...], "problems": [...]}`.
        case json
        /// One block per product, for reading.
        case text
        /// Counts only, streamed in constant memory.
        case summary
    }

    /// The observations and problems of the inputs, in input order.
    public struct Result: Codable, Sendable {
        public var observations: [Observation]
        public var problems: [Problem]

        /// `{"observations": […], "problems": […]}`, sorted keys, indented.
        public func json() -> String {
            ((try? Self.encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        }

        /// The encoder of `json()`: sorted keys, indented, slashes as they are, ISO 8601 dates.
        static var encoder: JSONEncoder {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return encoder
        }

        /// One block per observation, then the problems.
        public func text() -> String {
            var lines: [String] = []
            for observation in observations {
                let key = IdentityField.allCases.compactMap { field in observation.key.value(of: field).map { "\(field.rawValue)=\($0)" } }
                lines.append("\(observation.origin?.source ?? "?")  \(observation.origin?.locator ?? "")")
                lines.append("  key:          \(key.joined(separator: " "))")
                if let title = observation.title { lines.append("  title:        \(title.value)") }
                if let price = observation.price { lines.append("  price:        \(price.value)  (\(price.evidence.locator): \"\(price.evidence.raw)\")") }
                if let list = observation.listPrice { lines.append("  list price:   \(list.value)  (\(list.evidence.locator))") }
                if let availability = observation.availability {
                    lines.append("  availability: \(availability.value.rawValue)  (\(availability.evidence.locator): \"\(availability.evidence.raw)\")")
                }
                if let stock = observation.stockCount { lines.append("  stock:        \(stock.value)") }
                if let window = observation.saleWindow { lines.append("  sale window:  \(window.evidence.raw)  (\(window.evidence.locator))") }
                if let group = observation.group { lines.append("  group:        \(group)") }
                if let cost = observation.shipping?.value.cost { lines.append("  shipping:     \(cost)  (\(observation.shipping?.evidence.locator ?? ""))") }
            }
            for problem in problems { lines.append("problem: \(problem.description)") }
            // Shop text may carry terminal escape sequences: every line is escaped before it is printed.
            return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
        }
    }

    public var kind: Kind
    private var feedChannel: (name: String, feed: FeedChannel, shop: AuditConfig.Shop)?
    private var pageExtractor = PageExtractor(channel: "inspect")

    /// Creates an inspector.
    public init(kind: Kind) {
        self.kind = kind
    }

    /// Uses the field mapping of a feed channel of a config (the first feed channel when `channel` is nil).
    public mutating func useFeedMapping(from config: AuditConfig, channel: String?) throws(ConfigError) {
        for entry in config.channels where channel == nil || entry.name == channel {
            if var feed = entry.feed ?? (entry.source as? StoreChannel)?.feed {
                feed.currency = feed.currency ?? entry.currency
                feedChannel = (entry.name, feed, config.shop)
                return
            }
        }
        throw ConfigError(file: config.path, line: 1, column: 1,
                          message: channel.map { "no feed channel named '\($0)'" } ?? "the config has no feed channel")
    }

    /// Reads pages as a web channel of a config does (the first web channel when `channel` is nil): with the
    /// shop's locale and currency (or the channel's) and the channel's selectors.
    public mutating func usePageSettings(from config: AuditConfig, channel: String?) throws(ConfigError) {
        for entry in config.channels where channel == nil || entry.name == channel {
            if let web = entry.web {
                pageExtractor = PageExtractor(
                    channel: entry.name, defaultCurrency: entry.currency ?? config.shop.currency,
                    decimalSeparator: LocaleInfo.decimalSeparator(config.shop.locale), selectors: web.selectors,
                    locale: config.shop.locale)
                return
            }
        }
        throw ConfigError(file: config.path, line: 1, column: 1,
                          message: channel.map { "no web channel named '\($0)'" } ?? "the config has no web channel")
    }

    /// Reads every input (folders expand to their .html/.htm/.html.gz/.json files) and collects the results.
    public func inspect(_ inputs: [String]) -> Result {
        var result = Result(observations: [], problems: [])
        inspect(inputs) { input in
            result.observations += input.observations
            result.problems += input.problems
        }
        return result
    }

    /// Reads every input and hands each one's result to `each` as soon as it is read, in input order, keeping
    /// nothing: the way to go through thousands of pages in flat memory. Pages are extracted on all cores, a
    /// few at a time (URLs are fetched one after another, as before; files are read by the workers).
    public func inspect(_ inputs: [String], each: (Result) -> Void) {
        inspect(inputs, prepare: { $0 }, each: each)
    }

    /// `inspect(_:each:)` with each input's result turned into something else by `prepare` on the thread that
    /// read it (an encoding that then overlaps the reading of the next pages), handed to `each` in input order.
    public func inspect<Prepared: Sendable>(_ inputs: [String], prepare: @escaping @Sendable (Result) -> Prepared,
                                            each: (Prepared) -> Void) {
        let fetcher = FileFetcher()
        let inputs = expand(inputs, fetcher: fetcher)
        guard kind == .page else {
            for input in inputs {
                if let path = FileFetcher.path(of: input), FileManager.default.isReadableFile(atPath: path),
                    LocalFile.isRegular(path), let stream = try? FeedInput(path: path) {  // local feeds are streamed
                    each(prepare(feed(stream, source: input)))
                } else {
                    each(prepare(read(input, fetched: fetch(input, fetcher: fetcher))))
                }
            }
            return
        }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let batch = workers * 4
        if workers > 1, inputs.allSatisfy({ FileFetcher.path(of: $0) != nil }) {
            // Local files: each worker takes the next page as soon as it is free (no batch to wait for), at most
            // `batch` results ahead of the one handed on.
            let pipeline = InspectPipeline<Prepared>(count: inputs.count, window: batch)
            for _ in 0..<workers {
                DispatchQueue.global().async {
                    while let index = pipeline.take() {
                        pipeline.set(index, prepare(read(inputs[index], fetched: fetch(inputs[index], fetcher: fetcher))))
                    }
                }
            }
            for index in inputs.indices { each(pipeline.result(index)) }
            return
        }
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(start + batch, inputs.count)])
            start += slice.count
            // Remote pages are fetched here, in order; local files inside the workers.
            let remote: [Swift.Result<Fetched, FetchError>?] = slice.map { FileFetcher.path(of: $0) == nil ? fetch($0, fetcher: fetcher) : nil }
            let results = InspectBatch<Prepared>(count: slice.count)
            DispatchQueue.concurrentPerform(iterations: slice.count) { index in
                let fetched = remote[index] ?? fetch(slice[index], fetcher: fetcher)
                results.set(index, prepare(read(slice[index], fetched: fetched)))
            }
            for result in results.all() { each(result) }
        }
    }

    private func fetch(_ input: String, fetcher: FileFetcher) -> Swift.Result<Fetched, FetchError> {
        do {
            if FileFetcher.path(of: input) == nil {
                return .success(try Crawler.fetchOne(input, settings: kind == .feed ? FetchLoader.feedDefaults() : FetchLoader.defaults()))
            }
            return .success(try fetcher.fetch(input))
        } catch {
            return .failure(error)
        }
    }

    private func read(_ input: String, fetched outcome: Swift.Result<Fetched, FetchError>) -> Result {
        let fetched: Fetched
        switch outcome {
        case .success(let value): fetched = value
        case .failure(let error): return Result(observations: [], problems: [Problem(source: input, message: error.reason)])
        }
        switch kind {
        case .page:
            let page = PageBody.extract(fetched.body, source: input, with: pageExtractor)
            return Result(observations: page.observations, problems: page.problems)
        case .feed:
            return feed(FeedInput(data: fetched.body), source: input)
        }
    }

    private func feed(_ input: FeedInput, source: String) -> Result {
        var observations: [Observation] = []
        var problems = feedExtractor.stream(input, source: source) { observations.append($0) }
        if let keys = feedChannel?.feed.keys { problems += KeyTransform.apply(keys, to: &observations) }
        return Result(observations: observations, problems: problems)
    }

    /// The feed channel's extractor, or without a config one that detects the format and reads the standard
    /// Merchant names (`key.sku` is the item id).
    private var feedExtractor: StreamingFeedExtractor {
        if let feedChannel {
            return FeedSource(name: feedChannel.name, feed: feedChannel.feed, shop: feedChannel.shop, fetcher: FileFetcher(),
                              paths: PathResolver(baseDirectory: FileManager.default.currentDirectoryPath)).extractor
        }
        return StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "inspect", defaultCurrency: nil))
    }

    static let feedExtensions: Set<String> = ["json", "jsonl", "ndjson", "xml", "csv", "tsv", "txt"].reduce(into: []) { set, ext in
        set.insert(ext)
        set.insert(ext + ".gz")
    }

    private func expand(_ inputs: [String], fetcher: FileFetcher) -> [String] {
        inputs.flatMap { input -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else { return [input] }
            return (try? fetcher.files(in: input, extensions: kind == .page ? ["html", "htm", "html.gz", "htm.gz"] : Self.feedExtensions)) ?? []
        }
    }
}

import AuditModel
import Extract
import Fetch
import Foundation
import Normalize

extension WebChannel: ChannelSource {
    public func read(_ environment: SourceEnvironment) -> ChannelRead { source(environment).read() }

    /// The reader of this channel in an audit's environment.
    func source(_ environment: SourceEnvironment) -> WebSource {
        var shop = environment.shop
        shop.currency = environment.currency
        return WebSource(name: environment.name, web: self, shop: shop, fetcher: environment.fetcher,
                         paths: environment.paths, progress: environment.progress, cancellation: environment.cancellation,
                         spill: environment.spill)
    }

    public var deliveredFields: [DeliveredField] {
        [DeliveredField(field: "price", hint: selectors?.price == nil
            ? "no price in the pages' markup or price block; set selectors.price" : "check selectors.price", essential: true)]
    }
}

/// Reads a web channel: sitemaps (and sitemap indexes, robots.txt Sitemap lines), seed URLs, folders of saved
/// pages and optionally same-host links; every page location ends up read, skipped (with the reason) or failed
/// (with the reason). Pages are fetched by the `Crawler` and extracted on a small worker pool.
struct WebSource {
    let name: String
    let web: WebChannel
    let shop: AuditConfig.Shop
    let fetcher: FileFetcher
    /// How paths are shown in the report.
    let paths: PathResolver
    /// Where progress lines go; nil for silence.
    var progress: ((String) -> Void)?
    /// Stops the crawl when set.
    var cancellation: CrawlCancellation?
    /// When the audit spills to disk: pages and observations go there as they are read.
    var spill: ObservationSpill? = nil

    func read() -> ChannelRead { assemble([readShard(.whole)]) }

    /// Reads this shard's slice of the pages (and, for shard 1, the sitemaps): records in order, not yet a
    /// channel read, so the slices of several machines can be assembled as one run would have read them.
    func readShard(_ shard: ShardSpec) -> WebShard {
        let locator = PageLocator(web: web)
        let cache = web.cache.map { ResponseCache(folder: $0, maxBytes: web.cacheMaxBytes, maxAge: web.cacheMaxAge) }
        cache?.evict()
        let crawler = Crawler(settings: web.fetch, cache: cache)
        crawler.cancellation = cancellation
        crawler.budget = web.timeBudget
        let meter = progress.map { CrawlProgress(channel: name, sink: $0) }
        var discovery = WebShard.Discovery()
        var candidates = SitemapDiscovery(locator: locator, settings: web.fetch)
            .pages(of: web.sitemaps, crawler: crawler, read: &discovery.read, skipped: &discovery.skipped,
                   failed: &discovery.failed, progress: meter?.update)
        discovery.crawl = CrawlSummary(crawler.stats)
        let listed = candidates.count
        for seed in web.urls {
            var isFolder: ObjCBool = false
            if !seed.contains("://"), FileManager.default.fileExists(atPath: seed, isDirectory: &isFolder), isFolder.boolValue {
                candidates += (try? fetcher.files(in: seed, extensions: ["html", "htm", "html.gz", "htm.gz"])) ?? []
            } else {
                candidates.append(seed)
            }
        }
        var crawl = PageCrawl(name: name, web: web, locator: locator, extractor: PageExtractor(
            channel: name, defaultCurrency: shop.currency, decimalSeparator: LocaleInfo.decimalSeparator(shop.locale),
            selectors: web.selectors, locale: shop.locale), cancellation: cancellation)
        crawl.shard = shard
        if let spill, let file = try? SpillFile(directory: spill.directory) {
            crawl.pageSpill = SpilledValues(file, keep: spill.keep)
            let paths = self.paths
            crawl.preparePage = { page in Self.relative(page, paths: paths) }  // as `relative(record)` shows it
        }
        crawl.run(candidates, remoteCount: listed, crawler: crawler, progress: meter?.update)
        meter?.finish(crawler.stats)
        cache?.evict()  // bounded after the run too, not only at the start of the next one
        return WebShard(discovery: shard.readsChannelWideInputs ? relative(discovery) : nil,
                        pages: crawl.records.map(relative), crawl: CrawlSummary(crawler.stats) - discovery.crawl)
    }

    /// The channel read of a whole channel from the slices of every shard (or the one slice of an unsplit run).
    func assemble(_ shards: [WebShard]) -> ChannelRead {
        let discovery = shards.lazy.compactMap(\.discovery).first ?? WebShard.Discovery()
        var keyless: [Problem] = []
        var kept = 0
        let sink = spill.map { spill in
            { (observation: Observation) in
                if let problem = spill.accept(observation.mappingSources(paths.display), channel: name) { keyless.append(problem) } else { kept += 1 }
            }
        }
        let pages = PageRecordCollector(shards.flatMap(\.pages), load: \.loadedPage, sink: sink)
        var coverage = ChannelCoverage(channel: name)
        coverage.skipped = discovery.skipped.sorted(by: Self.byInput) + pages.skipped
        coverage.failed = discovery.failed.sorted(by: Self.byInput) + pages.failed
        coverage.read = discovery.read + pages.read
        coverage.problems = pages.problems
        coverage.products = spill == nil ? pages.observations.count : kept
        coverage.productless = pages.productless
        let crawl = shards.reduce(discovery.crawl) { $0 + $1.crawl }
        coverage.blocked = crawl.robotsBlocked
        coverage.crawl = crawl
        var read = relative(ChannelRead(observations: pages.observations, coverage: coverage, failedURLs: pages.failedURLs))
        read.coverage.problems += keyless
        return read
    }

    private func relative(_ discovery: WebShard.Discovery) -> WebShard.Discovery {
        var discovery = discovery
        discovery.skipped = discovery.skipped.map(relative)
        discovery.failed = discovery.failed.map(relative)
        return discovery
    }

    /// A record with local paths shown relative to the config folder, so shards made in different checkouts merge.
    private func relative(_ record: PageRecord) -> PageRecord {
        var record = record
        record.location = paths.display(record.location)
        switch record.outcome {
        case .skipped(let reason): record.outcome = .skipped(paths.strip(reason))
        case .failed(let reason): record.outcome = .failed(paths.strip(reason))
        case .pending, .read: break
        }
        record.page = record.page.map(relative)
        return record
    }

    private func relative(_ page: PageExtraction) -> PageExtraction { Self.relative(page, paths: paths) }

    private static func relative(_ page: PageExtraction, paths: PathResolver) -> PageExtraction {
        var page = page
        page.problems = page.problems.map { Problem(source: paths.display($0.source), position: $0.position, message: paths.strip($0.message)) }
        page.observations = page.observations.map { $0.mappingSources(paths.display) }
        return page
    }

    private func relative(_ note: ChannelCoverage.Note) -> ChannelCoverage.Note {
        ChannelCoverage.Note(input: paths.display(note.input), reason: paths.strip(note.reason))
    }

    private func relative(_ problem: Problem) -> Problem {
        Problem(source: paths.display(problem.source), position: problem.position, message: paths.strip(problem.message))
    }

    /// The read with local paths shown relative to the config folder, so reports do not depend on the checkout.
    private func relative(_ read: ChannelRead) -> ChannelRead {
        var read = read
        read.coverage.skipped = read.coverage.skipped.map(relative)
        read.coverage.failed = read.coverage.failed.map(relative)
        read.coverage.problems = read.coverage.problems.map(relative)
        read.observations = read.observations.map { $0.mappingSources(paths.display) }
        return read
    }

    static func byInput(_ a: ChannelCoverage.Note, _ b: ChannelCoverage.Note) -> Bool {
        (a.input, a.reason) < (b.input, b.reason)
    }
}

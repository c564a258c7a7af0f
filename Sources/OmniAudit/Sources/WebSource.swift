import AuditModel
import Extract
import Fetch
import Foundation
import Normalize

extension WebChannel: ChannelSource {
    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        var shop = environment.shop
        shop.currency = environment.currency
        return WebSource(name: environment.name, web: self, shop: shop, fetcher: environment.fetcher,
                         paths: environment.paths, progress: environment.progress,
                         cancellation: environment.cancellation).read()
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

    func read() -> ChannelRead {
        let locator = PageLocator(web: web)
        let cache = web.cache.map { ResponseCache(folder: $0, maxBytes: web.cacheMaxBytes, maxAge: web.cacheMaxAge) }
        cache?.evict()
        let crawler = Crawler(settings: web.fetch, cache: cache)
        crawler.cancellation = cancellation
        crawler.budget = web.timeBudget
        let meter = progress.map { CrawlProgress(channel: name, sink: $0) }
        var coverage = ChannelCoverage(channel: name)
        var sitemapSkipped: [ChannelCoverage.Note] = []
        var sitemapFailed: [ChannelCoverage.Note] = []
        var candidates = SitemapDiscovery(locator: locator, settings: web.fetch)
            .pages(of: web.sitemaps, crawler: crawler, read: &coverage.read, skipped: &sitemapSkipped,
                   failed: &sitemapFailed, progress: meter?.update)
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
        crawl.run(candidates, remoteCount: listed, crawler: crawler, progress: meter?.update)
        meter?.finish(crawler.stats)
        cache?.evict()  // bounded after the run too, not only at the start of the next one

        coverage.skipped = sitemapSkipped.sorted(by: Self.byInput) + crawl.skipped
        coverage.failed = sitemapFailed.sorted(by: Self.byInput) + crawl.failed
        coverage.read += crawl.read
        coverage.problems = crawl.problems
        coverage.products = crawl.observations.count
        coverage.productless = crawl.productless
        let stats = crawler.stats
        coverage.blocked = stats.robotsBlocked
        coverage.crawl = CrawlSummary(fetched: stats.fetched, notModified: stats.notModified, failed: stats.failed,
                                      robotsBlocked: stats.robotsBlocked, bytes: stats.bytes, retries: stats.retries,
                                      redirects: stats.redirects)
        return relative(ChannelRead(observations: crawl.observations, coverage: coverage, failedURLs: crawl.failedURLs))
    }

    /// The read with local paths shown relative to the config folder, so reports do not depend on the checkout.
    private func relative(_ read: ChannelRead) -> ChannelRead {
        var read = read
        let note = { (note: ChannelCoverage.Note) in
            ChannelCoverage.Note(input: paths.display(note.input), reason: paths.strip(note.reason))
        }
        read.coverage.skipped = read.coverage.skipped.map(note)
        read.coverage.failed = read.coverage.failed.map(note)
        read.coverage.problems = read.coverage.problems.map { problem in
            Problem(source: paths.display(problem.source), position: problem.position, message: paths.strip(problem.message))
        }
        read.observations = read.observations.map { $0.mappingSources(paths.display) }
        return read
    }

    static func byInput(_ a: ChannelCoverage.Note, _ b: ChannelCoverage.Note) -> Bool {
        (a.input, a.reason) < (b.input, b.reason)
    }
}

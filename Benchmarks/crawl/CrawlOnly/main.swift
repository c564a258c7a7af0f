// crawl-bench: fetch-only crawl of a sitemap (or sitemap index) with the Fetch module, no extraction, no
// report; prints pages/s and bytes. Used by Benchmarks/crawl/run.sh to measure the crawler's own speed and
// memory (max RSS) apart from extraction and the report.
//
// usage: crawl-bench SITEMAP_URL [CONCURRENCY]
import Extract
import Fetch
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: crawl-bench SITEMAP_URL [CONCURRENCY]\n".utf8))
    exit(64)
}
var settings = FetchSettings()
settings.concurrency = arguments.count > 2 ? Int(arguments[2]) ?? 16 : 16
settings.perHost = settings.concurrency
let crawler = Crawler(settings: settings)
let started = Date()
var pages = 0, failed = 0
crawler.run([CrawlRequest(location: arguments[1], purpose: .sitemap)]) { result in
    if result.error != nil { failed += 1; return [] }
    guard result.request.purpose == .sitemap else { pages += 1; return [] }
    guard let entries = try? SitemapReader.read(result.body, source: result.request.location) else { return [] }
    return entries.sitemaps.map { CrawlRequest(location: $0, purpose: .sitemap) }
        + entries.pages.map { CrawlRequest(location: $0) }
}
let seconds = Date().timeIntervalSince(started)
print(String(format: "crawl-bench: %d pages, %d failed, %.1f MB in %.2f s: %.0f pages/s", pages, failed,
             Double(crawler.stats.bytes) / 1_048_576, seconds, Double(pages) / seconds))

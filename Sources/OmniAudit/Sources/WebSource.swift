import AuditModel
import Extract
import Fetch
import Foundation
import Normalize

/// Reads a web channel: sitemaps (and sitemap indexes), seed URLs and folders of saved pages; every page
/// location ends up read, skipped (with the reason) or failed (with the reason).
struct WebSource {
    let name: String
    let web: WebChannel
    let shop: AuditConfig.Shop
    let fetcher: FileFetcher
    /// How paths are shown in the report.
    let paths: PathResolver
    static let maxSitemapDepth = 3

    func read() -> ChannelRead {
        let locator = PageLocator(web: web)
        var coverage = ChannelCoverage(channel: name)
        var failedURLs: Set<String> = []
        var candidates: [String] = []
        for sitemap in web.sitemaps { candidates += pages(ofSitemap: sitemap, depth: 0, locator: locator, coverage: &coverage) }
        for seed in web.urls {
            var isFolder: ObjCBool = false
            if !seed.contains("://"), FileManager.default.fileExists(atPath: seed, isDirectory: &isFolder), isFolder.boolValue {
                candidates += (try? fetcher.files(in: seed, extensions: ["html", "htm"])) ?? []
            } else {
                candidates.append(seed)
            }
        }
        var seen: [String: String] = [:]
        var canonicals: [String: String] = [:]
        var observations: [Observation] = []
        let extractor = PageExtractor(channel: name, defaultCurrency: shop.currency,
                                      decimalSeparator: LocaleInfo.decimalSeparator(shop.locale), selectors: web.selectors)
        for candidate in candidates {
            let location = paths.display(candidate)
            if let reason = locator.exclusion(of: location) {
                coverage.skipped.append(.init(input: location, reason: reason))
                continue
            }
            let identity = locator.identity(of: location)
            if let first = seen[identity] {
                coverage.skipped.append(.init(input: location, reason: "same page as \(first) once tracking parameters are removed"))
                continue
            }
            seen[identity] = location
            let fetched: Fetched
            do {
                fetched = try fetcher.fetch(locator.fetchable(candidate))
            } catch {
                coverage.failed.append(.init(input: location, reason: error.reason))
                failedURLs.insert(identity)
                continue
            }
            coverage.read += 1
            let page = extractor.extract(fetched.body, source: location)
            coverage.problems += page.problems
            if let canonical = page.canonicalURL {
                if let first = canonicals[canonical] {
                    coverage.skipped.append(.init(input: location, reason: "duplicate of \(first) (same rel=canonical)"))
                    continue
                }
                canonicals[canonical] = location
            }
            observations += page.observations
        }
        coverage.products = observations.count
        return ChannelRead(observations: observations, coverage: coverage, failedURLs: failedURLs)
    }

    private func pages(ofSitemap sitemap: String, depth: Int, locator: PageLocator,
                       coverage: inout ChannelCoverage) -> [String] {
        let location = paths.display(sitemap)
        do {
            let fetched = try fetcher.fetch(locator.fetchable(sitemap))
            let entries = try SitemapReader.read(fetched.body, source: location)
            coverage.read += 1
            var pages = entries.pages
            for child in entries.sitemaps {
                guard depth < Self.maxSitemapDepth else {
                    coverage.skipped.append(.init(input: child, reason: "sitemap index nested deeper than \(Self.maxSitemapDepth) levels"))
                    continue
                }
                pages += self.pages(ofSitemap: child, depth: depth + 1, locator: locator, coverage: &coverage)
            }
            return pages
        } catch let error as FetchError {
            coverage.failed.append(.init(input: location, reason: error.reason))
        } catch let problem as Problem {
            coverage.failed.append(.init(input: location, reason: problem.reason))
        } catch {
            coverage.failed.append(.init(input: location, reason: "\(error)"))
        }
        return []
    }
}

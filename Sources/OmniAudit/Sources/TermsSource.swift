import AuditModel
import Extract
import Fetch
import Foundation

/// A `terms` channel: the shop's own policy pages (shipping, returns, payment), read once per audit as the
/// shop-wide reference that product pages and feeds are compared with.
public struct TermsChannel: ChannelSource {
    /// Policy pages: absolute paths or URLs.
    public var urls: [String]

    /// Product fields: none; a terms channel states shop-wide terms.
    public var deliveredFields: [DeliveredField] { [] }

    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        var coverage = ChannelCoverage(channel: environment.name)
        var terms = ShopTerms(channel: environment.name)
        let extractor = PolicyPageExtractor(channel: environment.name, defaultCurrency: environment.currency,
                                            locale: environment.shop.locale)
        for location in urls {
            let shown = environment.paths.display(location)
            let fetched: Fetched
            do {
                if FileFetcher.path(of: location) == nil {
                    fetched = try Crawler.fetchOne(location, settings: FetchLoader.defaults())
                } else {
                    fetched = try environment.fetcher.fetch(location)
                }
            } catch {
                coverage.failed.append(.init(input: shown, reason: environment.paths.strip(error.reason)))
                continue
            }
            coverage.read += 1
            coverage.problems += extractor.extract(fetched.body, source: shown, into: &terms)
        }
        coverage.terms = [terms.shipping != nil, terms.returns != nil, terms.paymentMethods != nil].filter { $0 }.count
        return ChannelRead(observations: [], coverage: coverage, failedURLs: [], terms: coverage.terms > 0 ? terms : nil)
    }
}

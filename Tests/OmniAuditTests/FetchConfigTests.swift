import Foundation
import OmniAudit
import Testing

/// The web channel's crawler keys in `omniaudit.yml`.
@Suite("Crawler configuration keys")
struct FetchConfigTests {
    static func load(_ webKeys: String) throws -> AuditConfig {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-fetchcfg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = """
            version: 1
            shop: { name: S, currency: EUR, timezone: UTC }
            channels:
              web:
                kind: web
                sitemaps: [https://shop.example/sitemap.xml]
            \(webKeys)
            """
        let path = folder.appendingPathComponent("omniaudit.yml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return try ConfigLoader.load(path: path)
    }

    static func web(_ config: AuditConfig) -> WebChannel? {
        config.channels.first?.web
    }

    @Test("defaults: robots on, 16/4 concurrency, 16 MiB pages, cache next to the config, versioned User-Agent")
    func defaults() throws {
        let config = try Self.load("")
        let web = try #require(Self.web(config))
        #expect(web.fetch.obeyRobots)
        #expect(web.fetch.concurrency == 16 && web.fetch.perHost == 4)
        #expect(web.fetch.maxBodyBytes == 16 << 20)
        #expect(web.fetch.userAgent == "omniaudit/\(OmniAuditVersion.current) (+https://github.com/omniaudit/omniaudit)")
        #expect(web.cache?.hasSuffix("/.omniaudit-cache") == true)
        #expect(web.follow == 0)
    }

    @Test("every key is read; cache: false and --no-cache turn the cache off")
    func keys() throws {
        let config = try Self.load("""
                robots: false
                follow: 2
                cache: false
                fetch: { concurrency: 8, per-host: 2, min-interval: 0.5, retries: 1, retry-base: 0.1, max-retry-after: 5,
                         connect-timeout: 3, timeout: 20, low-speed-time: 4, low-speed-limit: 64, max-page-size: 2MiB,
                         max-sitemap-size: 10MB, max-redirects: 5, max-crawl-delay: 2, user-agent: "qa-bot/1" }
            """)
        let web = try #require(Self.web(config))
        #expect(!web.fetch.obeyRobots && web.follow == 2 && web.cache == nil)
        #expect(web.fetch.concurrency == 8 && web.fetch.perHost == 2 && web.fetch.minInterval == 0.5)
        #expect(web.fetch.retries == 1 && web.fetch.retryBase == 0.1 && web.fetch.maxRetryAfter == 5)
        #expect(web.fetch.connectTimeout == 3 && web.fetch.timeout == 20)
        #expect(web.fetch.lowSpeedTime == 4 && web.fetch.lowSpeedLimit == 64)
        #expect(web.fetch.maxBodyBytes == 2 << 20 && web.fetch.maxSitemapBytes == 10_000_000)
        #expect(web.fetch.maxRedirects == 5 && web.fetch.maxCrawlDelay == 2 && web.fetch.userAgent == "qa-bot/1")
        var withCache = try Self.load("")
        withCache.disableCache()
        #expect(Self.web(withCache)?.cache == nil)
    }

    @Test("mistakes are configuration errors with the position and a suggestion")
    func mistakes() throws {
        do {
            _ = try Self.load("    fetch: { concurency: 3 }")
            Issue.record("expected an error")
        } catch {
            let error = error as? ConfigError
            #expect(error?.description.contains("unknown key 'concurency'") == true)
            #expect(error?.description.contains("concurrency") == true)
        }
        #expect(throws: ConfigError.self) { try Self.load("    fetch: { per-host: 0 }") }
        #expect(throws: ConfigError.self) { try Self.load("    fetch: { max-page-size: lots }") }
        #expect(throws: ConfigError.self) { try Self.load("    follow: 11") }
        #expect(throws: ConfigError.self) { try Self.load("    robots: maybe") }
    }
}

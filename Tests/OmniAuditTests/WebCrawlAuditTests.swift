import Foundation
import TestSupport
import OmniAudit
import Testing

/// The whole audit with a web channel crawled from a real HTTP server on 127.0.0.1: discovery through
/// robots.txt → sitemap index → gzipped child sitemap, robots-blocked and failing pages in the coverage,
/// unverifiable findings, the crawl summary, the cache, and the exit codes.
@Suite("Audit of a web channel over HTTP")
struct WebCrawlAuditTests {
    /// Writes a config and an app feed (P-1…P-6; P-2 priced differently) into a temporary folder.
    /// `web` holds the web channel's keys after `kind: web`, each line indented by four spaces.
    static func config(server: FaultServer, sitemap: String = "/robots.txt", web: String? = nil,
                       feed: String = "app.json") throws -> String {
        var webKeys = web ?? "    sitemaps: [\(server.url(sitemap))]"
        if !webKeys.contains("fetch:") {
            webKeys += "\n    fetch: { retry-base: 0.05, timeout: 10, connect-timeout: 2, user-agent: \"omniaudit-test/1\" }"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-crawl-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let items = (1...6).map { n in
            "{\"id\": \"P-\(n)\", \"price\": \"\(n == 2 ? 99 : n).90\", \"currency\": \"EUR\"}"
        }
        try Data("{\"products\": [\(items.joined(separator: ","))]}".utf8)
            .write(to: folder.appendingPathComponent("app.json"))
        let yaml = """
            version: 1
            shop: { name: Test shop, currency: EUR, locale: en-US, timezone: UTC }
            match: [sku]
            channels:
              web:
                kind: web
            \(webKeys)
              app:
                kind: feed
                format: json
                source: \(feed)
                items: "products[]"
                fields: { sku: id, price: price, currency: currency }
            gate: { fail-on: error, min-coverage: 0.9 }
            report: { out: reports, formats: [json] }
            """
        let path = folder.appendingPathComponent("omniaudit.yml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func audit(_ path: String, noCache: Bool = false) throws -> AuditReport {
        var config = try ConfigLoader.load(path: path)
        if noCache { config.disableCache() }
        return Audit(config: config, version: "0.0.0-test", now: Date(timeIntervalSince1970: 1_790_000_000)).run()
    }

    @Test("robots.txt → sitemap index → gzipped sitemap: every URL ends read, skipped or failed")
    func crawlCoverage() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.read == 4 + 6)  // robots.txt, index, two sitemaps; six pages
        #expect(web.products == 6)
        #expect(web.skipped == [.init(input: server.url("/private/x"),
                                      reason: "\(server.url("/private/x")): disallowed by robots.txt (Disallow: /private/)")])
        #expect(web.failed == [.init(input: server.url("/500"), reason: "\(server.url("/500")): HTTP 500 after 3 attempts")])
        #expect(web.crawl == CrawlSummary(fetched: 10, notModified: 0, failed: ["http-5xx": 1], robotsBlocked: 1,
                                          bytes: web.crawl?.bytes ?? 0, retries: 2, redirects: 0))
        #expect(report.findings.contains { $0.rule == "unverifiable" && $0.product == "input:\(server.url("/500"))" })
        #expect(report.findings.contains { $0.rule == "price-mismatch" && $0.product.contains("P-2") })
        #expect(!report.findings.contains { $0.rule == "price-mismatch" && !$0.product.contains("P-2") })
        // 10 read of 12 attempted (one failed, one blocked by robots.txt): below the 0.9 coverage gate.
        #expect(report.gate.reasons == ["web: coverage 0.83 is below gate.min-coverage 0.90 (10 read, 1 failed, 1 blocked by robots.txt)"])
        #expect(report.gate.exitCode == 2 && !report.gate.passed && !report.complete)
    }

    @Test("a page is decoded with the charset of its HTTP Content-Type, over a wrong <meta charset>")
    func contentTypeCharset() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, web: "    urls: [\(server.url("/cyrillic"))]")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path, noCache: true)
        let page = try #require(report.products["sku:K-1"]?["web"]?.first)
        #expect(page.title?.value == "Кофе")
    }

    @Test("the second run revalidates with ETags (304) and the JSON report stays byte-identical without cache")
    func cacheAndDeterminism() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server)
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.audit(path)
        let second = try Self.audit(path)
        #expect(second.coverage["web"]?.crawl?.notModified == 6)
        #expect(second.coverage["web"]?.products == 6)
        #expect(FileManager.default.fileExists(atPath: folder + "/.omniaudit-cache"))
        let json = JSONReporter()
        let a = try json.render(try Self.audit(path, noCache: true))
        let b = try json.render(try Self.audit(path, noCache: true))
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("\"robots_blocked\" : 1"))
    }

    @Test("robots: false reads the page robots.txt disallows")
    func robotsOff() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, web: """
                sitemaps: [\(server.url("/sitemap-index.xml"))]
                robots: false
                cache: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path)
        #expect(report.coverage["web"]?.skipped.isEmpty == true)
        #expect(report.coverage["web"]?.read == 3 + 7)
    }

    @Test("a web channel that cannot be read at all makes the audit incomplete (exit 2)")
    func unreadableChannel() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, sitemap: "/missing-sitemap.xml")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path)
        #expect(report.coverage["web"]?.failed.first?.reason == "\(server.url("/missing-sitemap.xml")): HTTP 404")
        #expect(report.gate.exitCode == 2)
        #expect(report.complete == false)
    }

    @Test("follow: 2 discovers same-host pages from a seed page")
    func followLinks() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, web: """
                urls: [\(server.url("/links"))]
                follow: 2
                include: ["/p/"]
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.products == 3)
        #expect(web.skipped.contains { $0.input == server.url("/private/x") && $0.reason.contains("robots.txt") })
    }

    @Test("header and cookie secrets come from named environment variables; a missing one is a config error")
    func secretsFromEnvironment() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, web: """
                sitemaps: [\(server.url("/robots.txt"))]
                fetch: { headers: { Authorization: OMNIAUDIT_TEST_UNSET_VAR } }
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
    }

    @Test("an interrupted crawl gives a partial report: every URL accounted for, complete false, exit 2")
    func interrupted() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let urls = (1...6).map { server.url("/sleep?ms=400&i=\($0)") }
        let path = try Self.config(server: server, web: """
                urls: [\(urls.joined(separator: ", "))]
                cache: false
                fetch: { concurrency: 1, per-host: 1 }
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var audit = Audit(config: try ConfigLoader.load(path: path), version: "0.0.0-test")
        let cancellation = AuditCancellation()
        audit.cancellation = cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.6) { cancellation.cancel() }
        let started = Date()
        let report = audit.run()
        let web = try #require(report.coverage["web"])
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(web.read + web.failed.count == 6)
        #expect(web.failed.contains { $0.reason == "\($0.input): not fetched: the audit was interrupted" })
        #expect(web.crawl?.failed["interrupted"] == web.failed.count)
        #expect(report.complete == false)
        #expect(report.gate.exitCode == 2)
    }

    @Test("a feed channel read from an http:// URL goes through the same client")
    func httpFeed() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try Self.config(server: server, feed: server.url("/feed.json"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try Self.audit(path)
        #expect(report.coverage["app"]?.read == 1)
        #expect(report.coverage["app"]?.products == 6)
        #expect(!report.findings.contains { $0.rule == "price-mismatch" })
    }
}

import AuditModel
import Foundation
import OmniAudit
import Report
import TestSupport
import Testing

/// Feeds read over http through the crawler's client, from the loopback test server: a gzip file served as
/// `application/gzip` and a CSV sent with `Content-Encoding: gzip` are both read item by item.
@Suite("Remote feeds", .serialized)  // one download at a time: a test checks none is left behind
struct RemoteFeedTests {
    func config(_ server: FaultServer, merchant: String, merchantFetch: String? = nil) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-remote-feed-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = """
            version: 1
            shop: { name: Test shop, currency: EUR, locale: en-US, timezone: UTC }
            match: [sku]
            channels:
              web:
                kind: web
                sitemaps: [\(server.url("/sitemap-a.xml"))]
                robots: false
                cache: false
                fetch: { retry-base: 0.05, timeout: 10, connect-timeout: 2, user-agent: "omniaudit-test/1" }
              merchant:
                kind: feed
                source: \(merchant)\(merchantFetch.map { "\n    fetch: \($0)" } ?? "")
            gate: { fail-on: error, min-coverage: 0.9 }
            report: { out: reports, formats: [json] }
            """
        let path = folder.appendingPathComponent("omniaudit.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a gzipped Merchant RSS feed over http: every item read, the planted price found")
    func gzipFileOverHTTP() throws {
        let server = try FaultServer(products: 8)  // the web reads /sitemap-a.xml: P-1 … P-4
        defer { server.stop() }
        let path = try config(server, merchant: server.url("/merchant.xml.gz"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let merchant = try #require(report.coverage["merchant"])
        #expect(merchant.read == 1)
        #expect(merchant.failed.isEmpty)
        #expect(merchant.products == 8)
        #expect(merchant.problems.isEmpty)
        let mismatches = report.findings.filter { $0.rule == "price-mismatch" }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.product.contains("P-3") == true)
        #expect(try server.received().contains { $0.path == "/merchant.xml.gz" })
    }

    @Test("a CSV feed sent with Content-Encoding: gzip over http: decoded and read")
    func contentEncodedCSVOverHTTP() throws {
        let server = try FaultServer(products: 8)  // the web reads /sitemap-a.xml: P-1 … P-4
        defer { server.stop() }
        let path = try config(server, merchant: server.url("/merchant.csv"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let merchant = try #require(report.coverage["merchant"])
        #expect(merchant.products == 8)
        #expect(merchant.problems.isEmpty)
        #expect(!report.findings.contains { $0.rule == "price-mismatch" })
        #expect(report.findings.contains { $0.rule == "availability-mismatch" && $0.product.contains("P-4") })
    }

    @Test("a feed URL that answers 500: the channel fails with the reason, bounded by the retries")
    func failingFeedOverHTTP() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try config(server, merchant: server.url("/500"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let started = Date()
        let report = try WebCrawlAuditTests.audit(path)
        let merchant = try #require(report.coverage["merchant"])
        #expect(merchant.failed.first?.reason.contains("HTTP 500") == true)
        #expect(merchant.products == 0)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test("an http feed is fetched with its channel's own fetch settings: user agent, headers from the environment, retries")
    func feedUsesItsChannelsFetchSettings() throws {
        let server = try FaultServer(products: 8)
        defer { server.stop() }
        setenv("OMNIAUDIT_TEST_FEED_TOKEN", "feed-secret-1", 1)
        let path = try config(server, merchant: server.url("/merchant.xml.gz"), merchantFetch:
            "{ user-agent: \"feed-agent/2\", headers: { X-Feed-Token: OMNIAUDIT_TEST_FEED_TOKEN }, retries: 0, timeout: 5 }")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        #expect(report.coverage["merchant"]?.products == 8)
        let feedRequests = try server.received().filter { $0.path == "/merchant.xml.gz" }
        #expect(feedRequests.count == 1)
        #expect(feedRequests.first?.headers["user-agent"] == "feed-agent/2")
        #expect(feedRequests.first?.headers["x-feed-token"] == "feed-secret-1")
        // The web channel keeps its own settings: its pages never carry the feed's identity or header.
        let pageRequests = try server.received().filter { $0.path != "/merchant.xml.gz" && $0.path != "/robots.txt" }
        #expect(!pageRequests.isEmpty)
        #expect(pageRequests.allSatisfy { $0.headers["user-agent"] == "omniaudit-test/1" && $0.headers["x-feed-token"] == nil })
    }

    @Test("a feed over 16 MiB over http is read with the defaults, downloaded to a file; a set max-page-size still caps it")
    func largeFeedOverHTTP() throws {
        let server = try FaultServer(products: 8)  // the web reads /sitemap-a.xml: P-1 … P-4
        defer { server.stop() }
        let path = try config(server, merchant: server.url("/big-feed.csv"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let before = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("omniaudit-feed-") }
        let report = try WebCrawlAuditTests.audit(path)
        let merchant = try #require(report.coverage["merchant"])
        #expect(merchant.failed.isEmpty)
        #expect(merchant.products == 100_008)
        #expect(merchant.problems.isEmpty)
        // The download is removed once read.
        let after = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("omniaudit-feed-") }
        #expect(Set(after).subtracting(before).isEmpty)

        let capped = try config(server, merchant: server.url("/big-feed.csv"), merchantFetch: "{ max-page-size: 1MiB, retries: 0 }")
        defer { try? FileManager.default.removeItem(atPath: (capped as NSString).deletingLastPathComponent) }
        let refused = try #require(try WebCrawlAuditTests.audit(capped).coverage["merchant"])
        #expect(refused.failed.first?.reason == "larger than the 1048576-byte limit")
        #expect(refused.products == 0)
    }

    @Test("retries: 0 on the feed channel: a failing feed URL is asked once")
    func feedRetriesFollowTheChannel() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try config(server, merchant: server.url("/500"), merchantFetch: "{ retries: 0 }")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        #expect(report.coverage["merchant"]?.failed.first?.reason.contains("HTTP 500") == true)
        #expect(try server.received().filter { $0.path == "/500" }.count == 1)
    }
}

import AuditModel
import Foundation
import OmniAudit
import Report
import TestSupport
import Testing

/// Feeds read over http through the crawler's client, from the loopback test server: a gzip file served as
/// `application/gzip` and a CSV sent with `Content-Encoding: gzip` are both read item by item.
@Suite("Remote feeds")
struct RemoteFeedTests {
    func config(_ server: FaultServer, merchant: String) throws -> String {
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
                source: \(merchant)
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
}

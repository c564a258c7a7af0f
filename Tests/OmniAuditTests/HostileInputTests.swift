import Foundation
import OmniAudit
import TestSupport
import Testing

/// The reproductions of issue 18 that go through a whole audit, each against the loopback fault server.
@Suite("Hostile inputs over HTTP")
struct HostileInputTests {
    @Test("a BOM-prefixed feed is read; numbers are exact (exponents, signs) or refused with the item's position")
    func feedNumbers() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, feed: server.url("/numbers-feed.json"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let app = try #require(report.coverage["app"])
        #expect(app.read == 1)
        let prices = report.products.compactMapValues { $0["app"]?.first?.price?.value.amountString }
        #expect(prices["sku:P-1"] == "150.00")
        #expect(prices["sku:P-2"] == "20.00")
        #expect(prices["sku:P-3"] == "0.01")
        #expect(prices["sku:P-4"] == nil)
        #expect(prices["sku:P-5"] == nil)
        #expect(app.problems.contains { $0.position == "products[3].price" && $0.message == "price -5 is negative" })
        #expect(app.problems.contains { $0.position == "products[4].price" && $0.message.hasPrefix("price 1e999 is out of range") })
    }

    @Test("a sitemap with an entity-expansion DOCTYPE is refused with its position; nothing is expanded")
    func entitySitemap() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: [\(server.url("/entity-sitemap.xml"))]
                robots: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.failed == [.init(input: server.url("/entity-sitemap.xml"), reason: "\(server.url("/entity-sitemap.xml")): "
            + "line 2, column 1: a DOCTYPE is not allowed here (it could declare entities that expand without bound)")])
        #expect(report.gate.exitCode == 2)
    }

    @Test("a sitemap element with 200,000 attributes is refused before libxml2 parses it")
    func attributeSitemap() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: [\(server.url("/attributes-sitemap.xml"))]
                robots: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.failed.first?.reason.hasSuffix("line 1, column 9: an element with more than 256 attributes") == true)
        #expect(web.products == 0)
    }

    @Test("a <loc> over 2,048 characters is skipped with the reason; the sitemap's other pages are read")
    func longLoc() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: [\(server.url("/long-loc-sitemap.xml"))]
                robots: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.skipped.contains { $0.input == server.url("/long-loc-sitemap.xml") && $0.reason.hasSuffix("longer than 2048 characters (sitemaps.org limit), ignored") })
        #expect(web.products == 1)
    }
}

/// Pages with pathological product counts and markup.
@Suite("Hostile pages over HTTP")
struct HostilePageTests {
    @Test("a page stating 50,000 products: the first 1,000 are read, the cut is a problem naming the count")
    func manyProducts() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                urls: ["\(server.url("/many-products?n=50000"))"]
                robots: false
                cache: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.products == 1_000)
        #expect(web.problems.contains { $0.message == "the page states 50000 products; only the first 1000 are read (a product page never needs more)" })
        #expect(report.products.keys.contains("sku:M-999"))
        #expect(!report.products.keys.contains("sku:M-1000"))
    }
}

import Foundation
import OmniAudit
import TestSupport
import Testing

/// A channel that reads its inputs but yields no product makes the audit incomplete (exit 2) with a reason:
/// a broken theme, a changed sitemap or an emptied feed must never pass the gate.
@Suite("Empty channels never pass")
struct EmptyChannelTests {
    @Test("a web channel whose pages hold no product: incomplete, exit 2, the reason in the channel's problems")
    func emptyWebChannel() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: [\(server.url("/empty-sitemap.xml"))]
                robots: false
                cache: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.read == 3)
        #expect(web.failed.isEmpty)
        #expect(web.products == 0)
        #expect(web.problems.contains { $0.source == "channel web" && $0.message.hasPrefix("the channel yielded no product (3 inputs read") })
        #expect(report.gate.exitCode == 2)
        #expect(report.complete == false)
        #expect(report.coverage["app"]?.problems.contains { $0.source == "channel app" } == false)
    }

    @Test("a feed that lists no item: incomplete, exit 2")
    func emptyFeed() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, feed: server.url("/empty-feed.json"))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let app = try #require(report.coverage["app"])
        #expect(app.failed.first?.reason == "no items at \"products[]\": the items path selects nothing")
        #expect(app.products == 0)
        #expect(app.problems.contains { $0.message.hasPrefix("the channel yielded no product (nothing could be read (1 failed") })
        #expect(report.coverage["web"]?.products == 6)
        #expect(report.gate.exitCode == 2)
    }
}

/// `max-pages` caps what one channel reads; the cut pages are skipped with the reason.
@Suite("max-pages")
struct MaxPagesTests {
    @Test("with max-pages: 4, the first four listed pages are read and the others skipped with the reason")
    func capped() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: [\(server.url("/sitemap-a.xml")), \(server.url("/sitemap-b.xml.gz"))]
                robots: false
                cache: false
                max-pages: 4
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        #expect(web.products == 4)
        #expect(web.skipped.filter { $0.reason == "beyond max-pages (4): not read" }.map(\.input)
            == [server.url("/p/5"), server.url("/p/6"), server.url("/private/x"), server.url("/500")])
    }
}

/// A web channel's wall-clock budget (`timeout:`): what was cut is in coverage.
@Suite("Channel time budget")
struct TimeBudgetTests {
    @Test("six 400 ms pages one at a time under a 1 s budget: the rest fail naming the budget, exit 2")
    func budgetRunsOut() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let urls = (1...6).map { server.url("/sleep?ms=400&i=\($0)") }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                urls: [\(urls.joined(separator: ", "))]
                robots: false
                cache: false
                timeout: 1
                fetch: { concurrency: 1, per-host: 1 }
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        let cut = web.failed.filter { $0.reason == "\($0.input): not fetched: the channel's time budget (1 s) ran out" }
        #expect(cut.count >= 3)
        #expect(web.read + web.failed.count == 6)
        #expect(web.crawl?.failed["time-budget"] == cut.count)
        #expect(report.gate.exitCode == 2)
    }
}

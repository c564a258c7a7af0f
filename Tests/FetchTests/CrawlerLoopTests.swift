import Fetch
import Foundation
import TestSupport
import Testing

/// The event loop itself: several hosts under a global limit, without busy-waiting; one-off fetches.
@Suite("Crawler event loop")
struct CrawlerLoopTests {
    /// CPU seconds used by the calling thread.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test("two hosts under a global limit of 2: all pages fetched, and the loop sleeps instead of spinning")
    func globalLimitWithoutSpinning() throws {
        let first = try FaultServer(), second = try FaultServer()
        defer { first.stop(); second.stop() }
        var settings = Crawl.fast
        settings.concurrency = 2
        settings.perHost = 2
        let urls = (0..<4).flatMap { [first.url("/sleep?ms=250&i=\($0)"), second.url("/sleep?ms=250&i=\($0)")] }
        let cpuBefore = Self.threadCPU(), started = Date()
        let (results, crawler) = Crawl.run(urls, settings: settings)
        let wall = Date().timeIntervalSince(started), cpu = Self.threadCPU() - cpuBefore
        #expect(results.values.filter { $0.status == 200 }.count == 8)
        #expect(crawler.stats.robotsFetched == 2)
        #expect(wall >= 0.9)  // 8 × 250 ms with 2 at a time
        #expect(cpu < wall * 0.5)
    }

    @Test("fetchOne returns the body or throws the error naming the URL")
    func fetchOne() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let page = try Crawler.fetchOne(server.url("/p/7"), settings: Crawl.fast)
        #expect(String(decoding: page.body, as: UTF8.self).contains("P-7"))
        let missing = server.url("/missing")
        #expect(throws: FetchError.http(missing, status: 404, attempts: 1)) {
            try Crawler.fetchOne(missing, settings: Crawl.fast)
        }
    }
}

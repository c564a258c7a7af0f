import Fetch
import Foundation
import TestSupport
import Testing

/// The crawler against a real fault-injecting HTTP server on 127.0.0.1.
@Suite("Crawler against the fault server")
struct CrawlerFaultTests {
    @Test("429 with Retry-After in seconds is retried after the wait and succeeds")
    func retryAfterSeconds() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/429?k=s")
        let started = Date()
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.error == nil)
        #expect(results[url]?.status == 200)
        #expect(results[url]?.attempts == 2)
        #expect(crawler.stats.retries == 1)
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }

    @Test("429 with Retry-After as an HTTP-date is honoured")
    func retryAfterDate() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/429?k=d&date=1")
        let started = Date()
        let (results, _) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }

    @Test("503 then 200 succeeds after one retry")
    func serviceUnavailableThenOK() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/503?k=a")
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.status == 200)
        #expect(crawler.stats.retries == 1)
        #expect(crawler.stats.fetched == 1)
    }

    @Test("500 forever fails after the bounded retries, named with the URL")
    func serverErrorForever() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/500")
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.error == .http(url, status: 500, attempts: 3))
        #expect(results[url]?.error?.description.contains(url) == true)
        #expect(crawler.stats.retries == 2)
        #expect(crawler.stats.failed == ["http-5xx": 1])
        #expect(try server.hits("/500") == 3)
    }

    @Test("a redirect loop is detected and reported with its chain")
    func redirectLoop() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/loop/a")
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        guard case .redirectLoop(let input, let chain)? = results[url]?.error else {
            Issue.record("expected a redirect loop, got \(String(describing: results[url]?.error))")
            return
        }
        #expect(input == url)
        #expect(chain.count == 3)
        #expect(crawler.stats.failed == ["redirect": 1])
    }

    @Test("redirect chains: 3 hops are followed and recorded, 12 hops exceed the limit of 10")
    func redirectChains() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let short = server.url("/chain/3"), long = server.url("/chain/12")
        let (results, crawler) = Crawl.run([short, long], settings: Crawl.fast)
        #expect(results[short]?.status == 200)
        #expect(results[short]?.finalURL == server.url("/chain/0"))
        #expect(results[short]?.redirects == [short, server.url("/chain/2"), server.url("/chain/1")])
        #expect(results[long]?.error == .tooManyRedirects(long, limit: 10))
        #expect(crawler.stats.fetched == 1)
    }

    @Test("a body shorter than its Content-Length is a network failure after retries")
    func shortBody() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/short")
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        guard case .network(let input, _)? = results[url]?.error else {
            Issue.record("expected a network error, got \(String(describing: results[url]?.error))")
            return
        }
        #expect(input == url)
        #expect(crawler.stats.retries == 2)
    }

    @Test("a gzip bomb is aborted at the decompressed-size cap")
    func gzipBomb() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.maxBodyBytes = 1 << 20
        let bomb = server.url("/bomb"), fine = server.url("/gzip-ok")
        let (results, crawler) = Crawl.run([bomb, fine], settings: settings)
        #expect(results[bomb]?.error == .decompressedTooLarge(bomb, limit: 1 << 20))
        let text = String(decoding: results[fine]?.body ?? Data(), as: UTF8.self)
        #expect(text.contains("P-gz"))
        #expect(crawler.stats.bytes < 2 << 20)
    }

    @Test("a 20 MB page is refused by the default 16 MiB page cap")
    func bigPage() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/big")
        let (results, _) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.error == .tooLarge(url, limit: 16 << 20))
    }

    @Test("a slow drip hits the low-speed timeout")
    func slowDrip() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.retries = 0
        settings.lowSpeedTime = 1
        let url = server.url("/slow")
        let started = Date()
        let (results, crawler) = Crawl.run([url], settings: settings)
        guard case .timeout(let input, _)? = results[url]?.error else {
            Issue.record("expected a timeout, got \(String(describing: results[url]?.error))")
            return
        }
        #expect(input == url)
        #expect(crawler.stats.failed == ["timeout": 1])
        #expect(Date().timeIntervalSince(started) < 8)
    }

    @Test("a missing page is not-found and not retried")
    func notFound() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/nope")
        let (results, crawler) = Crawl.run([url], settings: Crawl.fast)
        #expect(results[url]?.error == .http(url, status: 404, attempts: 1))
        #expect(crawler.stats.failed == ["not-found": 1])
        #expect(crawler.stats.retries == 0)
    }
}

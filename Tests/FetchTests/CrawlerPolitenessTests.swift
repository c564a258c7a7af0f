import Fetch
import Foundation
import TestSupport
import Testing

/// Politeness, robots.txt, conditional GET and request identity against the fault server.
@Suite("Crawler politeness, robots.txt, cache and identity")
struct CrawlerPolitenessTests {
    @Test("robots.txt is fetched once per host and its Disallow/Allow rules are obeyed")
    func robotsObeyed() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let blocked = server.url("/private/x"), allowed = server.url("/private/ok"), page = server.url("/p/1")
        let (results, crawler) = Crawl.run([blocked, allowed, page], settings: Crawl.fast)
        #expect(results[blocked]?.error == .robotsDisallowed(blocked, rule: "Disallow: /private/"))
        #expect(results[allowed]?.status == 200)
        #expect(results[page]?.status == 200)
        #expect(crawler.stats.robotsBlocked == 1)
        #expect(crawler.stats.robotsFetched == 1)
        #expect(try server.hits("/robots.txt") == 1)
        #expect(try server.hits("/private/x") == 0)
    }

    @Test("robots: false fetches what robots.txt disallows and never asks for robots.txt")
    func robotsOff() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.obeyRobots = false
        let blocked = server.url("/private/x")
        let (results, _) = Crawl.run([blocked], settings: settings)
        #expect(results[blocked]?.status == 200)
        #expect(try server.hits("/robots.txt") == 0)
    }

    @Test("a user agent with its own robots.txt group follows that group")
    func robotsOwnGroup() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.userAgent = "otherbot/1.0"
        let page = server.url("/p/1")
        let (results, _) = Crawl.run([page], settings: settings)
        #expect(results[page]?.error == .robotsDisallowed(page, rule: "Disallow: /"))
    }

    @Test("a robots.txt answering 5xx disallows the host, said as such")
    func robotsUnavailable() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.userAgent = "downbot/1.0"
        settings.retries = 0
        let page = server.url("/p/1")
        let (results, _) = Crawl.run([page], settings: settings)
        #expect(results[page]?.error?.kind == "robots")
        #expect(results[page]?.error?.reason.hasPrefix("robots.txt unavailable, host treated as disallowed (") == true)
        #expect(try server.hits("/p/1") == 0)
    }

    @Test("per-host concurrency is never exceeded")
    func perHostConcurrency() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.perHost = 2
        let urls = (0..<8).map { server.url("/sleep?ms=150&i=\($0)") }
        let (results, _) = Crawl.run(urls, settings: settings)
        #expect(results.values.allSatisfy { $0.status == 200 })
        let maxInFlight = try server.stats()["max_sleeping"] as? Int
        #expect(maxInFlight == 2)
    }

    @Test("the minimum interval spaces requests to one host")
    func minimumInterval() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.obeyRobots = false
        settings.minInterval = 0.3
        let urls = (1...4).map { server.url("/p/\($0)") }
        let started = Date()
        let (results, _) = Crawl.run(urls, settings: settings)
        #expect(results.count == 4)
        #expect(Date().timeIntervalSince(started) >= 0.85)
    }

    @Test("ETag: the second crawl sends If-None-Match, gets 304 and serves the cached body")
    func conditionalGet() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = server.url("/etag")
        let (first, firstCrawler) = Crawl.run([url], settings: Crawl.fast, cache: ResponseCache(folder: folder))
        let (second, secondCrawler) = Crawl.run([url], settings: Crawl.fast, cache: ResponseCache(folder: folder))
        #expect(first[url]?.status == 200)
        #expect(firstCrawler.stats.fetched == 1)
        #expect(second[url]?.notModified == true)
        #expect(second[url]?.body == first[url]?.body)
        #expect(secondCrawler.stats.notModified == 1)
        #expect(secondCrawler.stats.fetched == 0)
    }

    @Test("User-Agent, extra headers and cookies are sent; secrets are redacted from messages")
    func identityAndSecrets() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.userAgent = FetchSettings.defaultUserAgent(version: "9.9.9")
        settings.headers = [("Authorization", "Basic c3RhZ2luZzpzZWNyZXQ=")]
        settings.cookies = "session=topsecret"
        let result = Crawl.one(server.url("/headers"), settings: settings)
        let echoed = try JSONSerialization.jsonObject(with: result.body) as? [String: String] ?? [:]
        #expect(echoed["user-agent"] == "omniaudit/9.9.9 (+https://github.com/omniaudit/omniaudit)")
        #expect(echoed["authorization"] == "Basic c3RhZ2luZzpzZWNyZXQ=")
        #expect(echoed["cookie"] == "session=topsecret")
        #expect(echoed["accept-encoding"]?.contains("gzip") == true)
        #expect(settings.redact("sent session=topsecret and Basic c3RhZ2luZzpzZWNyZXQ=") == "sent [REDACTED] and Basic [REDACTED]"
            || settings.redact("sent session=topsecret and Basic c3RhZ2luZzpzZWNyZXQ=") == "sent [REDACTED] and [REDACTED]")
    }

    @Test("file:// URLs are read through libcurl; a missing file is not-found")
    func fileURLs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-file-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try Data("<html>hello</html>".utf8).write(to: file)
        let missing = folder.appendingPathComponent("missing.html").absoluteString
        let (results, _) = Crawl.run([file.absoluteString, missing], settings: Crawl.fast)
        #expect(results[file.absoluteString]?.body == Data("<html>hello</html>".utf8))
        #expect(results[missing]?.error == .notFound(missing))
    }

    @Test("a refused connection fails as a network error naming the URL")
    func connectionRefused() throws {
        var settings = Crawl.fast
        settings.retries = 1
        let url = "http://127.0.0.1:9/p/1"
        let (results, _) = Crawl.run([url], settings: settings)
        // robots.txt is asked for first and fails the same way: the URL fails as the connection it could not make,
        // not as "robots.txt unavailable".
        #expect(results[url]?.error?.kind == "network")
        #expect(results[url]?.error?.description.hasPrefix("\(url): network error (") == true)
    }
}

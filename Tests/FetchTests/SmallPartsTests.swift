@testable import Fetch
import Foundation
import Testing

@Suite("Retry-After, gunzip, link scanner, settings")
struct SmallPartsTests {
    @Test("Retry-After: seconds and HTTP-date")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }

    /// `printf 'hello sitemap' | gzip -9 | base64`
    static let gzipped = Data(base64Encoded: "H4sIAAAAAAACA8tIzcnJVyjOLEnNTSwAADg+8Z4NAAAA") ?? Data()

    @Test("gunzip with a cap")
    func gunzip() throws {
        #expect(Gunzip.isGzip(Self.gzipped))
        #expect(try Gunzip.inflate(Self.gzipped, limit: 100, source: "s.xml.gz") == Data("hello sitemap".utf8))
        #expect(throws: FetchError.decompressedTooLarge("s.xml.gz", limit: 5)) {
            try Gunzip.inflate(Self.gzipped, limit: 5, source: "s.xml.gz")
        }
        #expect(throws: FetchError.self) { try Gunzip.inflate(Self.gzipped.prefix(12), limit: 100, source: "t.gz") }
    }

    @Test("links: same host, resolved, fragments dropped, assets and other hosts skipped")
    func links() {
        let html = Data("""
            <a href="/p/1">1</a><A HREF='p/2#x'>2</A><a class=c href=/p/3>3</a><a href="/p/1#again">dup</a>
            <a href="/img/a.png">i</a><a href="https://other.example/p/9">o</a><link href="/style.css">
            """.utf8)
        #expect(LinkScanner.links(in: html, base: "https://shop.example/cat/") ==
            ["https://shop.example/p/1", "https://shop.example/cat/p/2", "https://shop.example/p/3"])
    }

    @Test("the default User-Agent and its robots token")
    func userAgent() {
        var settings = FetchSettings()
        settings.userAgent = FetchSettings.defaultUserAgent(version: "1.2.3")
        #expect(settings.userAgent == "omniaudit/1.2.3 (+https://github.com/omniaudit/omniaudit)")
        #expect(settings.robotsToken == "omniaudit")
    }
}

import Foundation
import OmniAudit
import TestSupport
import Testing

/// URLs from remote content (sitemap entries, redirects) never reach local files or hosts the channel does not
/// allow: checked against the real loopback fault server, with a second server on 127.0.0.2 as "another host".
@Suite("Remote content is confined to http(s) on the channel's hosts")
struct RemoteTargetTests {
    static func skippedReasons(_ coverage: ChannelCoverage) -> [String: String] {
        Dictionary(coverage.skipped.map { ($0.input, $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a sitemap listing file://, a bare path, ftp:// and another host, and redirects to file:// and another host")
    func hostileSitemap() throws {
        let server = try FaultServer()
        let other = try FaultServer(host: "127.0.0.2")
        defer { server.stop(); other.stop() }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: ["\(server.url("/hostile-sitemap.xml?other=\(other.base)"))"]
                robots: false
                cache: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        let skipped = Self.skippedReasons(web)
        #expect(skipped["file:///etc/passwd"]?.contains("refused: scheme 'file:' refused: URLs from remote content must be http or https") == true)
        #expect(skipped["/etc/passwd"]?.contains("refused: not an absolute URL") == true)
        #expect(skipped["ftp://127.0.0.1/x"]?.contains("scheme 'ftp:' refused") == true)
        #expect(skipped[other.url("/p/2")]?.contains("host '127.0.0.2' is not allowed for this channel") == true)
        #expect(skipped[server.url("/redirect?to=file:///etc/passwd")]
            == "\(server.url("/redirect?to=file:///etc/passwd")): refused: redirect to file:///etc/passwd: scheme 'file:' refused: URLs from remote content must be http or https")
        #expect(skipped[server.url("/redirect?to=\(other.base)/p/3")]?.contains("host '127.0.0.2' is not allowed") == true)
        #expect(web.products == 1)
        #expect(web.read == 2)  // the sitemap and /p/1
        #expect(web.failed.isEmpty)
        let json = String(decoding: try JSONReporter().render(report), as: UTF8.self)
        #expect(!json.contains("root:"))
        #expect(try other.received().isEmpty)
    }

    @Test("allowed-hosts admits another host; deny-private-addresses refuses loopback targets, also by resolved address")
    func privateAddresses() throws {
        let server = try FaultServer()
        defer { server.stop() }
        // 127.1 is not a literal private address to a string check; libcurl connects it to 127.0.0.1, which
        // the connect-time check refuses before any request is sent.
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: ["\(server.url("/hostile-sitemap.xml?other=http://127.1:\(server.port)"))"]
                allowed-hosts: ["127.1"]
                deny-private-addresses: true
                robots: false
                cache: false
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let report = try WebCrawlAuditTests.audit(path)
        let web = try #require(report.coverage["web"])
        let skipped = Self.skippedReasons(web)
        #expect(skipped[server.url("/p/1")]?.contains("address '127.0.0.1' is private, loopback or link-local") == true)
        #expect(skipped["http://127.1:\(server.port)/p/2"]?.contains("connected address 127.0.0.1 is private") == true)
        #expect(web.products == 0)
        #expect(try !server.received().contains { $0.path.hasPrefix("/p/") })
        #expect(report.gate.exitCode == 2)  // nothing left to audit: incomplete, never a pass
    }

    @Test("a mirror never reads outside its folder, not even a sibling folder sharing its name as a prefix")
    func mirrorConfinement() throws {
        let folder = NSTemporaryDirectory() + "omniaudit-mirror-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = { (sku: String) in
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"sku\":\"\(sku)\",\"offers\":"
                + "{\"price\":\"1.00\",\"priceCurrency\":\"EUR\"}}</script></head><body><h1>x</h1></body></html>"
        }
        try FileManager.default.createDirectory(atPath: folder + "/mirror", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/mirror-other", withIntermediateDirectories: true)
        try Data(page("P-1").utf8).write(to: URL(fileURLWithPath: folder + "/mirror/p.html"))
        try Data(page("SECRET").utf8).write(to: URL(fileURLWithPath: folder + "/mirror-other/secret.html"))
        let locs = ["https://shop.example/p.html", "https://shop.example/%2e%2e/mirror-other/secret.html",
                    "https://shop.example/../mirror-other/secret.html", "file:///etc/passwd"]
        let sitemap = "<urlset>" + locs.map { "<url><loc>\($0)</loc></url>" }.joined() + "</urlset>"
        try Data(sitemap.utf8).write(to: URL(fileURLWithPath: folder + "/sitemap.xml"))
        let yaml = """
            version: 1
            shop: { name: Test shop, currency: EUR, locale: en-US, timezone: UTC }
            match: [sku]
            channels:
              web:
                kind: web
                sitemaps: [sitemap.xml]
                mirror: { "https://shop.example/": mirror }
                cache: false
            report: { out: reports, formats: [json] }
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/omniaudit.yml"))
        let report = try WebCrawlAuditTests.audit(folder + "/omniaudit.yml")
        let web = try #require(report.coverage["web"])
        let skipped = Self.skippedReasons(web)
        #expect(skipped[locs[1]] == "refused: resolves outside the mirror folder")
        #expect(skipped[locs[2]] == "refused: resolves outside the mirror folder")
        #expect(skipped[locs[3]]?.contains("scheme 'file:' refused") == true)
        #expect(web.products == 1)
        #expect(report.products.keys.contains("sku:P-1"))
        #expect(!report.products.keys.contains { $0.contains("SECRET") })
    }
}

import Fetch
import Foundation
import TestSupport
import Testing

/// TLS certificates are verified: a self-signed certificate is refused, never silently accepted.
@Suite("Crawler TLS")
struct CrawlerTLSTests {
    /// Makes a throw-away self-signed certificate for 127.0.0.1 with the openssl tool (test-only dependency).
    static func selfSigned(in folder: URL) throws -> (cert: String, key: String) {
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                             "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert]
        openssl.standardError = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        return (cert, key)
    }

    @Test("a self-signed HTTPS server fails certificate verification, without retries")
    func selfSignedRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-tls-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try FaultServer(tls: try Self.selfSigned(in: folder))
        defer { server.stop() }
        var settings = Crawl.fast
        settings.obeyRobots = false
        let url = server.url("/p/1")
        #expect(url.hasPrefix("https://"))
        let (results, crawler) = Crawl.run([url], settings: settings)
        guard case .network(let input, let detail)? = results[url]?.error else {
            Issue.record("expected a certificate error, got \(String(describing: results[url]?.error))")
            return
        }
        #expect(input == url)
        #expect(detail.lowercased().contains("certificate"))
        #expect(crawler.stats.retries == 0)
    }
}

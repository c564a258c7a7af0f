import Foundation
import TestSupport
import Testing

/// Configured headers and cookies go only to the origins the config names: a sitemap entry or a redirect to
/// another host never receives them, and no output (stdout, stderr, reports, cache) ever contains them.
@Suite("Secrets reach only their own origin and never an output")
struct SecretTests {
    /// Runs the built CLI with extra environment variables; returns status, stdout and stderr.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.cli)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test("a sentinel secret reaches the configured host only, and no output file, line or cache entry")
    func sentinel() throws {
        let server = try FaultServer()
        let other = try FaultServer(host: "127.0.0.2")
        defer { server.stop(); other.stop() }
        let sentinel = "s3ntinel-\(UUID().uuidString)"
        let path = try WebCrawlAuditTests.config(server: server, web: """
                sitemaps: ["\(server.url("/hostile-sitemap.xml?other=\(other.base)"))"]
                allowed-hosts: [127.0.0.2]
                robots: false
                fetch: { headers: { Authorization: OMNIAUDIT_SENTINEL_AUTH }, cookies: OMNIAUDIT_SENTINEL_COOKIE, retries: 0, timeout: 10 }
            """)
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.run(["audit", "--config", path], environment: [
            "OMNIAUDIT_SENTINEL_AUTH": "Bearer \(sentinel)-auth", "OMNIAUDIT_SENTINEL_COOKIE": "session=\(sentinel)-cookie",
        ])
        #expect(result.status == 1 || result.status == 2, "stderr: \(result.err)")
        // The configured origin received both secrets (so the test can fail) …
        let mine = try server.received()
        #expect(mine.contains { $0.path == "/p/1" && $0.headers["authorization"] == "Bearer \(sentinel)-auth" })
        #expect(mine.contains { $0.path == "/p/1" && $0.headers["cookie"] == "session=\(sentinel)-cookie" })
        // … the other host, reached through a sitemap entry and a redirect, never got them.
        let theirs = try other.received()
        #expect(theirs.contains { $0.path == "/p/2" })
        #expect(theirs.contains { $0.path == "/p/3" })
        #expect(!other.receivedText().contains(sentinel))
        // No output holds the secret: stdout, stderr, every file under the config folder (reports, cache).
        #expect(!result.out.contains(sentinel))
        #expect(!result.err.contains(sentinel))
        var files = 0
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let file = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files += 1
            let data = FileManager.default.contents(atPath: file) ?? Data()
            #expect(data.range(of: Data(sentinel.utf8)) == nil, "\(relative) holds the secret")
        }
        #expect(files >= 3)  // config, app feed, JSON report (+ cache entries)
    }
}

import Foundation
import TestSupport
import Testing

/// SIGTERM is honoured while pages are being extracted, not only while fetching: queued pages are skipped,
/// the partial report is written with `"complete": false`, and the exit code is 2.
@Suite("SIGTERM in every stage")
struct SignalTests {
    @Test("SIGTERM while extraction lags behind the crawl: pages not yet extracted are reported as interrupted")
    func duringExtraction() throws {
        let server = try FaultServer()
        defer { server.stop() }
        // Eight heavy pages fetched one at a time: each takes far longer to extract than to fetch, so when the
        // fifth request arrives, four fetched pages wait in (or run on) the extraction pool.
        let urls = (1...8).map { "\"\(server.url("/many-products?n=30000&i=\($0)"))\"" }
        let path = try WebCrawlAuditTests.config(server: server, web: """
                urls: [\(urls.joined(separator: ", "))]
                robots: false
                cache: false
                fetch: { concurrency: 1, per-host: 1 }
            """)
        let folder = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.cli)
        process.arguments = ["audit", "--config", path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var hits = 0
        for _ in 0..<3000 where hits < 5 && process.isRunning {  // polls at most ~60 s; never a timing assertion
            hits = (try server.received()).filter { $0.path.hasPrefix("/many-products") }.count
            usleep(20_000)
        }
        #expect(hits >= 5)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/reports/omniaudit.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["complete"] as? Bool == false)
        let coverage = (report["coverage"] as? [String: Any])?["web"] as? [String: Any]
        let failed = (coverage?["failed"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        #expect(failed.contains { $0.hasSuffix("not extracted: the audit was interrupted") }, "\(failed)")
        #expect(failed.contains { $0.hasSuffix("not fetched: the audit was interrupted") }, "\(failed)")
        #expect(failed.count + (coverage?["read"] as? Int ?? 0) == 8)
    }
}

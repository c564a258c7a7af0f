import Foundation
import OmniAudit
import Testing

/// Local hazards: a closed output pipe, FIFOs among inputs, a symlink planted where a report temp file goes,
/// terminal escapes in shop text. Each runs the real CLI or the real writer.
@Suite("Local hazards", .serialized)
struct LocalSafetyTests {
    static let page = """
        <html><head><title>t</title><script type="application/ld+json">{"@type":"Product","sku":"F-1",
        "name":"Red \u{1B}[31mALERT\u{1B}]0;pwned\u{07} \u{202E}txt.exe","offers":{"price":"5.00","priceCurrency":"EUR"}}</script>
        </head><body><h1>x</h1></body></html>
        """

    @Test("progress to a closed pipe (audit 2>&1 | head -1): SIGPIPE is ignored, the reports are written, exit 1")
    func closedPipe() throws {
        let out = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.cli)
        process.arguments = ["audit", "--config", Paths.repo("omniaudit.yml"), "--out", out, "--as-of", "2026-11-23"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try pipe.fileHandleForReading.close()  // the reader is gone before the first line
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/omniaudit.json"))
        #expect(FileManager.default.fileExists(atPath: out + "/omniaudit.html"))
    }

    @Test("a FIFO in a pages folder is not listed, a FIFO as a feed source fails: the audit never blocks")
    func fifos() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: folder + "/pages/a.html"))
        #expect(mkfifo(folder + "/pages/b.html", 0o600) == 0)
        #expect(mkfifo(folder + "/feed.json", 0o600) == 0)
        let yaml = """
            version: 1
            shop: { name: S, currency: EUR, locale: en-US, timezone: UTC }
            match: [sku]
            channels:
              web: { kind: web, urls: [pages], cache: false }
              app: { kind: feed, format: json, source: feed.json, items: "products[]", fields: { sku: id, price: price } }
            report: { out: reports, formats: [json] }
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/omniaudit.yml"))
        let report = Audit(config: try ConfigLoader.load(path: folder + "/omniaudit.yml"), version: "0").run()
        #expect(report.coverage["web"]?.read == 1)
        #expect(report.coverage["web"]?.products == 1)
        #expect(report.coverage["app"]?.failed.first?.reason == "cannot be read: not a regular file (a FIFO)")
        #expect(report.gate.exitCode == 2)
    }

    @Test("a symlink planted at the report's temp name is neither followed nor overwritten")
    func plantedSymlink() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = folder + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let out = folder + "/reports"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let planted = out + "/omniaudit.json.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        let report = Audit(config: try ConfigLoader.load(path: Paths.repo("omniaudit.yml")), version: "0").run()
        let written = try ReportWriter.write(report, formats: ["json"], to: out)
        #expect(written == [out + "/omniaudit.json"])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/omniaudit.json")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect((try Data(contentsOf: URL(fileURLWithPath: out + "/omniaudit.json"))).count > 1000)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: planted) == victim)
    }

    @Test("the report folder is created without world-write permission")
    func folderMode() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = Audit(config: try ConfigLoader.load(path: Paths.repo("omniaudit.yml")), version: "0").run()
        _ = try ReportWriter.write(report, formats: ["json"], to: folder + "/a/b")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/a/b")[.posixPermissions] as? Int ?? 0o777
        #expect(mode & 0o002 == 0)
    }

    @Test("inspect --format text escapes terminal control sequences and bidi overrides from shop text")
    func inspectTextEscapes() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: folder + "/p.html"))
        let result = try Paths.run(["inspect", "--as", "page", "--format", "text", folder + "/p.html"])
        #expect(result.status == 0)
        #expect(!result.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(result.out.contains("pwned \\u{202E}txt.exe"))  // extraction already drops C0 controls from titles
        #expect(TerminalText.escaped("a\u{1B}[31mb\u{07}\u{9B}c\\") == "a\\u{1B}[31mb\\u{7}\\u{9B}c\\")
    }
}

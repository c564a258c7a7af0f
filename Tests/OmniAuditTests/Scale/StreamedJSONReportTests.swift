import Foundation
import OmniAudit
import Report
import Testing

/// The JSON report is written product by product (never whole in memory); the bytes must be exactly those of
/// the document encoded at once, which the goldens and `omniaudit report` rely on.
@Suite("Streamed JSON report")
struct StreamedJSONReportTests {
    static func demoReport() throws -> AuditReport {
        let config = try ConfigLoader.load(path: Paths.repo("omniaudit.yml"))
        return Audit(config: config, version: "0.0.0-test", day: "2026-11-23").run()
    }

    static func streamed(_ report: AuditReport) throws -> Data {
        var data = Data()
        var pieces = 0
        try JSONReporter().write(report, to: { piece in
            data += piece
            pieces += 1
        })
        #expect(report.products.count < 2 || pieces > report.products.count, "written in pieces, one per product at least")
        return data
    }

    @Test("the demo's report streamed is byte-identical to the report rendered at once")
    func demo() throws {
        let report = try Self.demoReport()
        #expect(report.products.count > 30)
        #expect(try Self.streamed(report) == JSONReporter().render(report))
    }

    @Test("product ids that need escaping, sort between cases or are not ASCII keep the encoder's bytes and order")
    func trickyIDs() throws {
        var report = try Self.demoReport()
        let values = Array(report.products.values)
        let ids = ["sku:\"quoted\"", "url:https://shop.example/a/b?x=1&y=2", "sku:Z", "sku:a", "sku:ä", "sku:é", "sku:\u{1}ctl",
                   "sku:tab\there", "title:caffè «Deruta»", "sku:10", "sku:9", "sku:日本", "sku:\\back"]
        report.products = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, values[$0 % values.count]) })
        #expect(try Self.streamed(report) == JSONReporter().render(report))
        report.products = [:]
        #expect(try Self.streamed(report) == JSONReporter().render(report))
    }

    @Test("the report folder gets the streamed file, atomically, equal to the rendered one")
    func writtenFile() throws {
        let report = try Self.demoReport()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-stream-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try ReportWriter.write(report, formats: ["json"], to: folder)
        #expect(written == [folder + "/omniaudit.json"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/omniaudit.json")) == JSONReporter().render(report))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["omniaudit.json"])  // no temp file left
    }
}

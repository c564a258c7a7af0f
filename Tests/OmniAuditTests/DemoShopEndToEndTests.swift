import Foundation
import Testing

/// Runs the built CLI on the demo shop exactly as `make audit` does and requires exactly the planted findings:
/// a false alarm fails like a miss.
@Suite(.serialized) struct DemoShopEndToEndTests {
    struct Expected: Decodable, Hashable {
        var rule: String
        var product: String
        var field: String
        var channel: String?
    }

    func audit(out: String) throws -> (status: Int32, report: [String: Any], data: Data) {
        let result = try Paths.run(["audit", "--config", Paths.repo("omniaudit.yml"), "--out", out, "--as-of", "2026-11-23",
                                    "--format", "html,json,junit,markdown,sarif"])
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/omniaudit.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (result.status, report, data)
    }

    @Test func findsExactlyThePlantedMismatchesAndFails() throws {
        let out = try Paths.temporaryFolder()
        let (status, report, _) = try audit(out: out)
        #expect(status == 1)
        let expected = try JSONDecoder().decode([Expected].self, from: Data(contentsOf: URL(fileURLWithPath: Paths.repo("fixtures/demo-shop/expected-findings.json"))))
        let findings = try #require(report["findings"] as? [[String: Any]])
        let actual = findings.map { finding -> Expected in
            let values = finding["observations"] as? [[String: Any]] ?? []
            let missing = finding["rule"] as? String == "missing-in-channel"
                ? values.first { $0["value"] == nil }?["channel"] as? String : nil
            return Expected(rule: finding["rule"] as? String ?? "", product: finding["product"] as? String ?? "",
                            field: finding["field"] as? String ?? "", channel: missing)
        }
        #expect(Set(actual) == Set(expected))
        #expect(actual.count == expected.count)
        #expect(report["complete"] as? Bool == true)
        #expect(FileManager.default.fileExists(atPath: out + "/omniaudit.html"))
    }

    /// The demo audit's reports in every format, byte for byte: any change to what a user reads is reviewed here.
    /// `OMNIAUDIT_RECORD=1 swift test` rewrites the golden files.
    @Test(arguments: ["omniaudit.json", "omniaudit.html", "omniaudit.xml", "omniaudit.md", "omniaudit.sarif"])
    func matchesTheGoldenReport(file: String) throws {
        let out = try Paths.temporaryFolder()
        _ = try audit(out: out)
        let actual = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
        let golden = Paths.repo("fixtures/demo-shop/golden/" + file)
        if ProcessInfo.processInfo.environment["OMNIAUDIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: Paths.repo("fixtures/demo-shop/golden"), withIntermediateDirectories: true)
            try actual.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: golden, encoding: .utf8)), "record with OMNIAUDIT_RECORD=1 and review the diff")
    }

    @Test func theJSONReportIsByteIdenticalAcrossRuns() throws {
        let first = try audit(out: try Paths.temporaryFolder()).data
        let second = try audit(out: try Paths.temporaryFolder()).data
        #expect(first == second)
    }

    @Test func everyInputIsAccountedFor() throws {
        let (_, report, _) = try audit(out: try Paths.temporaryFolder())
        let coverage = try #require(report["coverage"] as? [String: [String: Any]])
        let web = try #require(coverage["web"])
        let sitemap = try String(contentsOfFile: Paths.repo("fixtures/demo-shop/web/sitemap.xml"), encoding: .utf8)
        let locations = sitemap.components(separatedBy: "<loc>").count - 1
        let read = web["read"] as? Int ?? 0
        let skipped = (web["skipped"] as? [Any])?.count ?? 0
        let failed = (web["failed"] as? [Any])?.count ?? 0
        // Every sitemap entry is read, skipped or failed; the sitemap itself is one more input read.
        #expect(read + skipped + failed == locations + 1)
        #expect(failed == 0)
    }

    @Test func failOnNeverPassesTheGate() throws {
        let out = try Paths.temporaryFolder()
        let result = try Paths.run(["audit", "--config", Paths.repo("omniaudit.yml"), "--out", out, "--fail-on", "never",
                                    "--format", "html,markdown"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("PASS"))
        // The banner never claims "no finding" when findings were only kept from failing the run.
        for file in ["omniaudit.html", "omniaudit.md"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(text.contains("PASS — gate.fail-on is “never”: findings are reported, none fails the run"), "\(file)")
            #expect(!text.contains("no finding at or above"), "\(file)")
        }
    }

    @Test func badFlagsAreUsageErrors() throws {
        #expect(try Paths.run(["audit", "--fail-on", "sometimes"]).status == 64)
        #expect(try Paths.run(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

import Foundation
import Report
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit, Markdown, SARIF and GitHub annotations keep hostile shop text inert and say what the gate says.
@Suite struct MachineFormatsTests {
    @Test func junitStaysWellFormedWithHostileText() throws {
        let data = try JUnitReporter().render(SampleReport.make())
        #expect(XMLParser(data: data).parse())
        let xml = String(decoding: data, as: UTF8.self)
        #expect(xml.contains("failures=\"2\""))
        #expect(!xml.contains("<script>"))
    }

    @Test func markdownEscapesShopText() throws {
        let markdown = String(decoding: try MarkdownReporter().render(SampleReport.make()), as: UTF8.self)
        #expect(markdown.contains("# omniaudit — Bottega &lt;Aurora&gt;"))
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
        #expect(markdown.contains("**FAIL — 1 finding at or above “error”** · exit code 1"))
        // A table row stays one row: a `|` in shop text is escaped.
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| warning") }.allSatisfy { $0.components(separatedBy: " | ").count == 4 })
    }

    @Test func sarifLevelsAndSuppressions() throws {
        var report = SampleReport.make()
        report.findings[1].status = .suppressed
        report.findings[1].suppression = "known"
        let sarif = try #require(try JSONSerialization.jsonObject(with: SARIFReporter().render(report)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "warning"])
        #expect((results[1]["suppressions"] as? [[String: String]])?.first?["justification"] == "known")
        #expect(results[0]["suppressions"] == nil)
    }

    @Test func sarifListsAtMostWhatCodeScanningKeepsAndNeverAFixedFinding() throws {
        // A systemic fault: 5,003 errors; a warning after them in the report; a finding fixed since the baseline.
        var report = SampleReport.flood(SARIFReporter.maxResults + 3)
        var warning = report.findings[0]
        warning.severity = .warning
        warning.product = "sku:W-1"
        report.findings.append(warning)
        var fixed = report.findings[1]
        fixed.status = .fixed
        report.findings.insert(fixed, at: 0)
        let sarif = try #require(try JSONSerialization.jsonObject(with: SARIFReporter().render(report)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == SARIFReporter.maxResults)
        #expect(results.allSatisfy { $0["level"] as? String == "error" })
        #expect((results.first?["properties"] as? [String: String])?["product"] == "sku:P-0")  // the fixed copy is not listed
        #expect(!results.contains { ($0["properties"] as? [String: String])?["status"] == "fixed" })
        let notes = try #require(((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"]) as? [[String: Any]])
        #expect((notes.first?["message"] as? [String: String])?["text"]?.hasPrefix("5004 findings: the first 5000 by severity are listed") == true)

        // Under the cap every current finding is listed, the warning after the errors, and there is no notification.
        var small = SampleReport.flood(3)
        small.findings.insert(warning, at: 0)
        let few = try #require(try JSONSerialization.jsonObject(with: SARIFReporter().render(small)) as? [String: Any])
        let fewRun = try #require((few["runs"] as? [[String: Any]])?.first)
        #expect((fewRun["results"] as? [[String: Any]])?.map { $0["level"] as? String } == ["error", "error", "error", "warning"])
        #expect(((fewRun["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [Any])?.isEmpty == true)
    }

    @Test func annotationsEscapeWorkflowCommands() {
        var report = SampleReport.make()
        report.findings[0].message = "line one\nline two 100%"
        let lines = GitHubAnnotations.lines(report)
        #expect(lines.first == "::error title=omniaudit price-mismatch sku%3ABA-1003::line one%0Aline two 100%25")
        #expect(lines.count == 2)
    }
}

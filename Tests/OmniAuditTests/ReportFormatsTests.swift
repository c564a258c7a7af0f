import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The machine formats CI systems read, on the demo shop: JUnit parses as XML with one failure per finding,
/// SARIF carries every finding with its fingerprint, the JSON report validates against docs/report.schema.json,
/// `omniaudit report` renders the same files again without crawling, and GitHub Actions gets annotations and a
/// step summary.
@Suite(.serialized) struct ReportFormatsTests {
    static let formats = "html,json,junit,markdown,sarif"

    func demo(_ environment: [String: String] = [:]) throws -> (out: String, result: (status: Int32, out: String, err: String)) {
        let out = try Paths.temporaryFolder()
        let result = try Paths.run(["audit", "--config", Paths.repo("omniaudit.yml"), "--out", out, "--as-of", "2026-11-23",
                                    "--format", Self.formats], environment: environment)
        return (out, result)
    }

    @Test func junitHasOneFailurePerFindingAndParses() throws {
        let (out, _) = try demo()
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/omniaudit.xml"))
        final class Counter: NSObject, XMLParserDelegate {
            var cases = 0, failures = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "testcase" { cases += 1 }
                if name == "failure" { failures += 1 }
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.failures == Paths.demoFindings)
        #expect(counter.cases > Paths.demoFindings)
    }

    @Test func sarifCarriesEveryFindingWithItsFingerprint() throws {
        let (out, _) = try demo()
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/omniaudit.sarif"))) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Paths.demoFindings)
        #expect(results.allSatisfy { ($0["partialFingerprints"] as? [String: String])?["omniaudit/v1"]?.count == 16 })
        #expect(Set(results.compactMap { $0["level"] as? String }) == ["error", "warning"])
    }

    @Test func theJSONReportValidatesAgainstTheSchema() throws {
        let (out, _) = try demo()
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(report), key=lambda e: list(e.path))
            for error in errors[:5]: print("/".join(map(str, error.path)), error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, Paths.repo("docs/report.schema.json"), out + "/omniaudit.json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }

    @Test func reportRendersTheSameFilesAgainFromTheJSON() throws {
        let (out, _) = try demo()
        let again = try Paths.temporaryFolder()
        let result = try Paths.run(["report", out + "/omniaudit.json", "--format", Self.formats, "--out", again])
        #expect(result.status == 0)
        for file in ["omniaudit.html", "omniaudit.json", "omniaudit.xml", "omniaudit.md", "omniaudit.sarif"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)) == (try Data(contentsOf: URL(fileURLWithPath: again + "/" + file))), "\(file)")
        }
        #expect(try Paths.run(["report", out + "/omniaudit.md"]).status == 78)
        #expect(try Paths.run(["report", out + "/omniaudit.json", "--format", "pdf"]).status == 64)
    }

    @Test func githubActionsGetsAnnotationsAndAStepSummary() throws {
        let summary = try Paths.temporaryFolder() + "/summary.md"
        let (out, result) = try demo(["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/omniaudit.json"))) as? [String: Any]
        let blocking = try #require((report?["gate"] as? [String: Any])?["blocking"] as? Int)
        let annotations = result.err.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(annotations.count == Paths.demoFindings)
        #expect(annotations.first?.hasPrefix("::error title=omniaudit availability-mismatch sku%3ABA-1019::") == true)
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("**FAIL — \(blocking) findings at or above “error”** · exit code 1"))
        let plain = try demo()
        #expect(!plain.result.err.contains("::error"))
    }
}

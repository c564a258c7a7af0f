import Foundation
import OmniAudit
import Testing

/// The README and the generated docs must say what the code does.
@Suite struct DocumentationTests {
    /// The README's exit-code table lists exactly the codes of `AuditExitCode`, with the same meanings.
    @Test func readmeExitCodeTableMatchesTheEnum() throws {
        let readme = try String(contentsOfFile: Paths.repo("README.md"), encoding: .utf8)
        var rows: [Int32: String] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count == 2, let code = Int32(cells[0]) { rows[code] = cells[1] }
        }
        #expect(Set(rows.keys) == Set(AuditExitCode.allCases.map(\.rawValue)))
        for code in AuditExitCode.allCases { #expect(rows[code.rawValue] == code.meaning, "exit code \(code.rawValue)") }
    }

    /// docs/rules.md is the output of `omniaudit rules`.
    @Test func rulesReferenceIsUpToDate() throws {
        let path = Paths.repo("docs/rules.md")
        if ProcessInfo.processInfo.environment["OMNIAUDIT_RECORD"] == "1" {
            try RuleCatalog.markdown().write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == RuleCatalog.markdown(),
                "regenerate with OMNIAUDIT_RECORD=1 swift test or `omniaudit rules > docs/rules.md`")
    }
}

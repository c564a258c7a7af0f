import AuditModel
import Foundation

/// Writes `omniaudit.md`: the verdict, why an incomplete run is incomplete, what was compared, the counts, the
/// findings (the first 200, highest severity first) and the coverage, for a pull request comment or a CI job
/// summary (`$GITHUB_STEP_SUMMARY`). Shop text is escaped so that it renders as text.
public struct MarkdownReporter: Reporter {
    public init() {}
    public let format = "markdown"
    public let fileName = "omniaudit.md"
    /// Findings listed at most; the rest are counted.
    public static let limit = 200

    public func render(_ report: AuditReport) throws -> Data {
        var lines = ["# omniaudit — \(Markdown.escape(report.run.shop))", ""]
        lines.append("**\(Verdict.title(report))** · exit code \(report.gate.exitCode) · as of \(report.run.asOf)")
        lines.append("")
        lines += report.gate.reasons.map { "- incomplete: \(Markdown.escape($0))" }
        if !report.gate.reasons.isEmpty { lines.append("") }
        let compared = report.comparisons
        lines.append("\(compared.multiChannel) of \(report.summary.products) products found in two or more channels; "
            + "compared per field: " + AuditReport.Comparisons.comparedFields.map { "\($0) \(compared.fields[$0] ?? 0)" }
                .joined(separator: ", ") + ".")
        lines.append("")
        let counts = report.summary.bySeverity
        lines += ["| errors | warnings | notices | suppressed |", "|---:|---:|---:|---:|",
                  "| \(counts["error"] ?? 0) | \(counts["warning"] ?? 0) | \(counts["notice"] ?? 0) | \(report.summary.byStatus["suppressed"] ?? 0) |", ""]
        lines.append("## Findings")
        lines.append("")
        if report.findings.isEmpty {
            lines.append("No findings.")
        } else {
            lines += ["| severity | rule | product | what is wrong |", "|---|---|---|---|"]
            for finding in report.findings.prefix(Self.limit) {
                let status = finding.status == .suppressed ? " (suppressed)" : ""
                lines.append("| \(finding.severity.rawValue)\(status) | `\(finding.rule)` | \(Markdown.escape(finding.product)) | "
                    + "\(Markdown.escape(finding.message)) |")
            }
            if report.findings.count > Self.limit {
                lines.append("")
                lines.append("… and \(report.findings.count - Self.limit) more: every finding is in `omniaudit.json`, the first 200 of each rule in `omniaudit.html`.")
            }
        }
        lines += ["", "## Coverage", "", "| channel | read | skipped | failed | products |", "|---|---:|---:|---:|---:|"]
        for channel in report.run.channels {
            guard let coverage = report.coverage[channel] else { continue }
            lines.append("| \(Markdown.escape(channel)) | \(coverage.read) | \(coverage.skipped.count) | \(coverage.failed.count) | \(coverage.products) |")
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

/// The verdict words every reporter uses.
public enum Verdict {
    /// `PASS`, `FAIL — 3 findings at or above "error"` or `INCOMPLETE`.
    public static func title(_ report: AuditReport) -> String {
        if !report.complete || report.gate.exitCode == 2 { return "INCOMPLETE — the audit could not check everything" }
        guard let failOn = report.gate.failOn else {
            // `fail-on: never`: findings are reported but never stop the release; say so, not "no finding".
            return "PASS — gate.fail-on is “never”: findings are reported, none fails the run"
        }
        if report.gate.passed { return "PASS — no finding at or above “\(failOn.rawValue)”" }
        let blocking = report.gate.blocking
        return "FAIL — \(blocking) finding\(blocking == 1 ? "" : "s") at or above “\(failOn.rawValue)”"
    }
}

/// Escaping shop text for Markdown: it renders as the text it is, inside a table cell too.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~": out += "\\\(char)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(char)
            }
        }
        return out
    }
}

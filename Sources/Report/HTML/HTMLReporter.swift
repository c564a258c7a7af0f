import AuditModel
import Foundation

/// Writes `omniaudit.html`: one self-contained page (inline CSS, no scripts, no external assets) with the
/// verdict, the counts, every finding with each channel's value and evidence, and the coverage.
/// All shop-provided text is escaped.
public struct HTMLReporter: Reporter {
    public init() {}
    public let format = "html"
    public let fileName = "omniaudit.html"

    public func render(_ report: AuditReport) throws -> Data {
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>omniaudit — \(report.run.shop.html)</title>
            <style>\(HTMLStyle.css)</style></head><body><main>
            <h1>omniaudit report — \(report.run.shop.html)</h1>
            <div class="meta">As of \(report.run.asOf.html) · omniaudit \(report.tool.version.html) · channels: \
            \(report.run.channels.joined(separator: ", ").html)\(report.run.reference.map { " · reference: \($0.html)" } ?? "")</div>

            """
        page += banner(report)
        page += cards(report)
        page += "<h2>Findings</h2>\n" + FindingsTable.render(report.findings, titles: titles(report))
        page += "<h2>Coverage</h2>\n" + CoverageTable.render(report)
        page += "</main></body></html>\n"
        return Data(page.utf8)
    }

    /// The product name each channel shows, first channel first, to label findings for people.
    private func titles(_ report: AuditReport) -> [String: String] {
        report.products.compactMapValues { channels in
            report.run.channels.lazy.compactMap { channels[$0]?.first?.title?.value }.first
        }
    }

    private func banner(_ report: AuditReport) -> String {
        let failOn = report.gate.failOn?.rawValue ?? "never"
        let blocking = report.gate.blocking
        let (kind, title, detail): (String, String, String)
        if !report.complete || report.gate.exitCode == 2 {
            (kind, title, detail) = ("incomplete", "INCOMPLETE — the audit could not check everything",
                                     "Exit code \(report.gate.exitCode). Why:")
        } else if report.gate.passed {
            (kind, title, detail) = ("pass", "PASS — no finding at or above “\(failOn)”", "Exit code 0.")
        } else {
            (kind, title, detail) = ("fail", "FAIL — \(blocking) finding\(blocking == 1 ? "" : "s") at or above “\(failOn)”",
                                     "The release gate stops here. Exit code \(report.gate.exitCode).")
        }
        let reasons = report.gate.reasons.isEmpty ? ""
            : "<ul class=\"reasons\">" + report.gate.reasons.map { "<li>\($0.html)</li>" }.joined() + "</ul>"
        let compared = report.comparisons
        let scope = "<p class=\"scope\">\(compared.multiChannel) of \(report.summary.products) products were found in two or "
            + "more channels and compared; \(compared.singleChannel) in one channel only. Compared per field: "
            + AuditReport.Comparisons.comparedFields.map { "\($0.html) \(compared.fields[$0] ?? 0)" }.joined(separator: ", ")
            + ".</p>"
        return "<div class=\"banner \(kind)\" id=\"verdict\" data-exit-code=\"\(report.gate.exitCode)\"><strong>\(title.html)</strong>"
            + "\(detail.html)\(reasons)</div>\n\(scope)\n"
    }

    private func cards(_ report: AuditReport) -> String {
        let summary = report.summary
        let items: [(String, String)] = [
            ("errors", "\(summary.bySeverity["error"] ?? 0)"),
            ("warnings", "\(summary.bySeverity["warning"] ?? 0)"),
            ("notices", "\(summary.bySeverity["notice"] ?? 0)"),
            ("suppressed", "\(summary.byStatus["suppressed"] ?? 0)"),
            ("products", "\(summary.products)"),
            ("compared", "\(report.comparisons.multiChannel)"),
            ("inputs read", "\(report.coverage.values.map(\.read).reduce(0, +))"),
        ]
        return "<div class=\"cards\">" + items.map { label, value in
            "<div class=\"card\" data-count=\"\(label.html)\"><b>\(value)</b>\(label.html)</div>"
        }.joined() + "</div>\n"
    }
}

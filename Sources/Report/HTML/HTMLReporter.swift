import AuditModel
import Foundation

/// Writes `omniaudit.html`: one self-contained page (inline CSS and script, no external assets, readable with
/// scripts off and printed) with the verdict and its reasons, what was compared, the counts, the findings
/// grouped by rule and by product (a fields × channels matrix with evidence), filters kept in the URL
/// fragment, and the coverage. All shop-provided text is escaped.
public struct HTMLReporter: Reporter {
    public init() {}
    public let format = "html"
    public let fileName = "omniaudit.html"

    public func render(_ report: AuditReport) throws -> Data {
        let prices = LocalePrice(locale: report.run.locale)
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
        page += FilterBar.counts(report)
        page += TrendChart.render(report.trend)
        page += "<h2 id=\"findings\">Findings</h2>\n" + FilterBar.render(report)
        page += "<div id=\"by-rule\"><h2 class=\"view-title\">By rule</h2>\n"
            + FindingsTable.render(report.findings, titles: titles(report), prices: prices, linked: ProductMatrix.products(report)) + "</div>\n"
        page += "<div id=\"by-product\"><h2 class=\"view-title\">By product</h2>\n" + ProductMatrix.render(report, prices: prices) + "</div>\n"
        page += "<h2 id=\"coverage-title\">Coverage</h2>\n" + CoverageTable.render(report)
        page += "</main><script>\(HTMLScript.js)</script></body></html>\n"
        return Data(page.utf8)
    }

    /// The product name each channel shows, first channel first, to label findings for people.
    private func titles(_ report: AuditReport) -> [String: String] {
        report.products.compactMapValues { ProductLabel.label($0, order: report.run.channels) }
    }

    private func banner(_ report: AuditReport) -> String {
        let kind = !report.complete || report.gate.exitCode == 2 ? "incomplete" : report.gate.passed ? "pass" : "fail"
        let detail = switch kind {
        case "incomplete": "Exit code \(report.gate.exitCode). Why:"
        case "pass": "Exit code 0."
        default: "The release gate stops here. Exit code \(report.gate.exitCode)."
        }
        let reasons = report.gate.reasons.isEmpty ? ""
            : "<ul class=\"reasons\">" + report.gate.reasons.map { "<li>\($0.html)</li>" }.joined() + "</ul>"
        let compared = report.comparisons
        let scope = "<p class=\"scope\">\(compared.multiChannel) of \(report.summary.products) products were found in two or "
            + "more channels and compared; \(compared.singleChannel) in one channel only. Compared per field: "
            + AuditReport.Comparisons.comparedFields.map { "\($0.html) \(compared.fields[$0] ?? 0)" }.joined(separator: ", ")
            + ".</p>"
        return "<div class=\"banner \(kind)\" id=\"verdict\" role=\"status\" data-exit-code=\"\(report.gate.exitCode)\">"
            + "<strong>\(Verdict.title(report).html)</strong>\(detail.html)\(reasons)</div>\n\(scope)\n"
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

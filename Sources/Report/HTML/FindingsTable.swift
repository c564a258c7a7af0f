import AuditModel

/// The findings table: one row per finding with every channel's value and evidence.
enum FindingsTable {
    static func render(_ findings: [Finding], titles: [String: String]) -> String {
        guard !findings.isEmpty else { return "<p class=\"empty\">No findings.</p>\n" }
        var html = "<table id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>Product</th>"
            + "<th>What is wrong</th><th>What each channel shows</th></tr></thead><tbody>\n"
        for finding in findings {
            let suppressed = finding.status == .suppressed
            html += "<tr class=\"finding\(suppressed ? " suppressed" : "")\" data-rule=\"\(finding.rule.html)\" "
                + "data-product=\"\(finding.product.html)\" data-fingerprint=\"\(finding.fingerprint)\">"
            html += "<td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
            html += "<td><code>\(finding.rule.html)</code></td><td>\(finding.product.html)"
                + (titles[finding.product].map { "<div class=\"evidence\">\($0.html)</div>" } ?? "") + "</td>"
            html += "<td>\(finding.message.html)"
            if let reason = finding.suppression { html += "<div class=\"evidence\">Suppressed: \(reason.html)</div>" }
            html += "</td><td><ul class=\"values\">"
            for value in finding.observations { html += item(value) }
            html += "</ul></td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static func item(_ value: Finding.ChannelValue) -> String {
        let shown = value.value ?? "not listed"
        var html = "<li><b>\(value.channel.html)</b>: <span class=\"\(value.expected ? "ok" : "bad")\">\(shown.html)</span>"
        if let evidence = value.evidence {
            let source = HTMLEscape.safeHref(evidence.source).map { "<a href=\"\($0)\">\(evidence.source.html)</a>" }
                ?? evidence.source.html
            html += "<div class=\"evidence\">\(source)"
            if !evidence.locator.isEmpty { html += " · <code>\(evidence.locator.html)</code>" }
            if !evidence.raw.isEmpty { html += " · shown as “\(evidence.raw.html)”" }
            html += "</div>"
        }
        return html + "</li>"
    }
}

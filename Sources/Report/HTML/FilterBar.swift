import AuditModel

/// The filter bar (severity, rule, channel, status, free text, view, sort) and the counts by severity, rule,
/// channel and status. The bar is hidden until the script runs: with scripts off, every finding is shown.
enum FilterBar {
    static func render(_ report: AuditReport) -> String {
        let rules = Array(Set(report.findings.map(\.rule))).sorted()
        let channels = report.run.channels
        func select(_ name: String, _ label: String, _ options: [String]) -> String {
            "<label>\(label) <select id=\"filter-\(name)\" data-key=\"\(name)\"><option value=\"\">all</option>"
                + options.map { "<option value=\"\($0.html)\">\($0.html)</option>" }.joined() + "</select></label>"
        }
        var html = "<form id=\"filters\" class=\"filters\" hidden role=\"search\" aria-label=\"Filter findings\">"
        html += select("severity", "Severity", Severity.allCases.reversed().map(\.rawValue))
        html += select("rule", "Rule", rules)
        html += select("channel", "Channel", channels)
        html += select("status", "Status", Finding.Status.allCases.map(\.rawValue))
        html += "<label>Text <input id=\"filter-q\" data-key=\"q\" type=\"search\" placeholder=\"product, message, URL…\"></label>"
        html += "<label>View <select id=\"filter-view\" data-key=\"view\"><option value=\"\">by rule</option>"
            + "<option value=\"product\">by product</option></select></label>"
        html += "<label>Sort <select id=\"filter-sort\" data-key=\"sort\"><option value=\"\">severity</option>"
            + "<option value=\"product\">product</option><option value=\"rule\">rule</option></select></label>"
        html += "<button type=\"reset\" id=\"filter-reset\">Clear</button>"
        // The findings in the report, when the page shows fewer of them (FindingsTable's caps).
        html += "<output id=\"filter-count\" aria-live=\"polite\" data-all=\"\(report.findings.count)\"></output></form>\n"
        return html
    }

    /// Chips with the counts by rule, channel and status (active findings; statuses over all findings).
    static func counts(_ report: AuditReport) -> String {
        let summary = report.summary
        func chips(_ title: String, _ counts: [String: Int], order: [String]? = nil) -> String {
            // The given order first, then any other key (per-store channels such as `negozi@MI01`), sorted.
            let known = order?.filter { counts[$0] != nil } ?? []
            let keys = known + counts.keys.filter { !known.contains($0) }.sorted()
            guard !keys.isEmpty else { return "" }
            return "<div class=\"chips\"><span class=\"chips-title\">\(title)</span>"
                + keys.map { "<span class=\"chip\">\($0.html) <b>\(counts[$0] ?? 0)</b></span>" }.joined() + "</div>"
        }
        return "<div class=\"breakdown\">" + chips("By rule", summary.byRule)
            + chips("By channel", summary.byChannel, order: report.run.channels)
            + chips("By status", summary.byStatus, order: Finding.Status.allCases.map(\.rawValue)) + "</div>\n"
    }
}

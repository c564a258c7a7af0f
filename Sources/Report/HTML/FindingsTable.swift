import AuditModel

/// The findings, grouped by rule: one section per rule, one row per finding with every channel's value and
/// evidence. Rows carry their severity, rule, channels, status and product as data attributes for the filters.
enum FindingsTable {
    /// `linked`: the products that have a section in the per-product view; other ids (a message, an input) are
    /// shown without a link, so no link leads nowhere.
    /// The most rows shown for one rule, and in all: past them a line says how many more there are and where
    /// they are listed, so a systemic fault (a price wrong on every page) gives a page a browser opens.
    static let maxRowsPerRule = 200
    static let maxRows = 2_000

    /// The findings by rule in report order (highest severity first), each rule's list cut to what is shown.
    static func shown(_ findings: [Finding]) -> [(rule: String, rows: [Finding], total: Int)] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for finding in findings {
            if groups[finding.rule] == nil { order.append(finding.rule) }
            groups[finding.rule, default: []].append(finding)
        }
        var room = maxRows
        return order.map { rule in
            let all = groups[rule] ?? []
            let rows = Array(all.prefix(min(maxRowsPerRule, room)))
            room -= rows.count
            return (rule, rows, all.count)
        }
    }

    static func render(_ findings: [Finding], titles: [String: String], prices: LocalePrice, linked: Set<String>) -> String {
        guard !findings.isEmpty else { return "<p class=\"empty\">No findings.</p>\n" }
        var html = ""
        for (rule, rows, total) in shown(findings) {
            html += "<section class=\"group\" data-group=\"\(rule.html)\"><h3><code>\(rule.html)</code> "
                + "<span class=\"count\">\(total) finding\(total == 1 ? "" : "s")</span></h3>\n"
                + "<table class=\"findings\"><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Product</th>"
                + "<th scope=\"col\">What is wrong</th><th scope=\"col\">What each channel shows</th></tr></thead><tbody>\n"
            for finding in rows { html += row(finding, title: titles[finding.product], prices: prices, linked: linked.contains(finding.product)) }
            if rows.count < total {
                html += "<tr class=\"more\"><td colspan=\"4\">… and \(total - rows.count) more <code>\(rule.html)</code> "
                    + "finding\(total - rows.count == 1 ? "" : "s") (the first \(rows.count) are shown): every finding is in the "
                    + "JSON report (<code>omniaudit.json</code>), and in the JUnit, SARIF and Markdown reports when written.</td></tr>\n"
            }
            html += "</tbody></table></section>\n"
        }
        return html
    }

    static func row(_ finding: Finding, title: String?, prices: LocalePrice, linked: Bool) -> String {
        let suppressed = finding.status == .suppressed
        let channels = Array(Set(finding.observations.map(\.channel))).sorted().joined(separator: " ")
        var html = "<tr class=\"finding\(suppressed ? " suppressed" : "")\" data-rule=\"\(finding.rule.html)\" "
            + "data-severity=\"\(finding.severity.rawValue)\" data-status=\"\(finding.status.rawValue)\" "
            + "data-channels=\"\(channels.html)\" data-product=\"\(finding.product.html)\" "
            + "data-fingerprint=\"\(finding.fingerprint)\">"
        html += "<td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>"
            + (finding.status == .new ? "" : "<div class=\"evidence\">\(finding.status.rawValue)</div>") + "</td>"
        html += (linked ? "<td><a href=\"#product-\(Anchor.id(finding.product))\">\(finding.product.html)</a>" : "<td>\(finding.product.html)")
            + (title.map { "<div class=\"evidence\">\($0.html)</div>" } ?? "") + "</td>"
        html += "<td>\(finding.message.html)"
        if let reason = finding.suppression { html += "<div class=\"evidence\">Suppressed: \(reason.html)</div>" }
        if let page = finding.page { html += "<div class=\"evidence\">Page: \(Anchor.link(page))</div>" }
        html += "<div class=\"evidence\">fingerprint <code>\(finding.fingerprint)</code></div>"
        html += "</td><td><ul class=\"values\">"
        for value in finding.observations { html += item(value, prices: prices) }
        return html + "</ul></td></tr>\n"
    }

    private static func item(_ value: Finding.ChannelValue, prices: LocalePrice) -> String {
        let shown = value.value.map(prices.html) ?? "not listed"
        var html = "<li><b>\(value.channel.html)</b>: <span class=\"\(value.expected ? "ok" : "bad")\">\(shown)</span>"
        if let evidence = value.evidence { html += Anchor.evidence(evidence) }
        return html + "</li>"
    }
}

/// Links and ids shared by the report's sections.
enum Anchor {
    /// A fragment-safe id for a product (`sku:BA-1003` → `sku-BA-1003-…`), unique by a hash suffix.
    static func id(_ product: String) -> String {
        let safe = String(product.unicodeScalars.map { $0.isASCII && (CharacterSetASCII.word($0)) ? Character($0) : "-" }.prefix(40))
        return safe + "-" + Fingerprint.make([product]).prefix(8)
    }

    /// The source as a link when it is an http(s) URL, else escaped text.
    static func link(_ source: String) -> String {
        HTMLEscape.safeHref(source).map { "<a href=\"\($0)\">\(source.html)</a>" } ?? source.html
    }

    /// `source · locator · shown as "raw"` under a value.
    static func evidence(_ evidence: Evidence) -> String {
        var html = "<div class=\"evidence\">\(link(evidence.source))"
        if !evidence.locator.isEmpty { html += " · <code>\(evidence.locator.html)</code>" }
        if !evidence.raw.isEmpty { html += " · shown as “\(evidence.raw.html)”" }
        return html + "</div>"
    }
}

/// ASCII letter, digit, `-` or `_`.
enum CharacterSetASCII {
    static func word(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            || scalar == "-" || scalar == "_"
    }
}

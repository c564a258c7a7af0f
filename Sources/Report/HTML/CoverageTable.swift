import AuditModel

/// The coverage table: per channel, inputs read, skipped and failed (with reasons), and problems (each reason or
/// message once, with its count and first places, however many inputs or rows share it).
enum CoverageTable {
    static func render(_ report: AuditReport) -> String {
        var html = "<table id=\"coverage\"><thead><tr><th>Channel</th><th>Read</th><th>Skipped</th><th>Failed</th>"
            + "<th>Products</th><th>Details</th></tr></thead><tbody>\n"
        for channel in report.run.channels {
            guard let coverage = report.coverage[channel] else { continue }
            html += "<tr><td><b>\(channel.html)</b></td><td>\(coverage.read)</td><td>\(coverage.skipped.count)</td>"
                + "<td>\(coverage.failed.count)</td><td>\(coverage.products)</td><td>"
            let crawl = coverage.crawl.map { crawl in
                ["crawl: \(crawl.fetched) fetched, \(crawl.notModified) not modified (cache), "
                    + "\(crawl.failed.values.reduce(0, +)) failed"
                    + (crawl.failed.isEmpty ? "" : " (" + crawl.failed.sorted { $0.key < $1.key }
                        .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
                    + ", \(crawl.robotsBlocked) robots-blocked, \(crawl.bytes) bytes, \(crawl.retries) retries, "
                    + "\(crawl.redirects) redirects"]
            } ?? []
            let terms = report.shopTerms.flatMap { $0.channel == channel ? $0 : nil }.map { terms -> [String] in
                var parts: [String] = []
                if let shipping = terms.shipping { parts.append("shipping: “\(shipping.evidence.raw)”") }
                if let returns = terms.returns { parts.append("returns: “\(returns.evidence.raw)”") }
                if let payment = terms.paymentMethods { parts.append("payment: \(payment.value.joined(separator: ", "))") }
                return parts.map { "shop terms — " + $0 }
            } ?? []
            let notes = terms + crawl + ProblemGroup.lines("failed", coverage.failed) + ProblemGroup.lines("skipped", coverage.skipped)
                + ProblemGroup.groups(coverage.problems).map { "problem: \($0.description)" }
            html += notes.isEmpty ? "—" : "<ul class=\"values evidence\">" + notes.map { "<li>\($0.html)</li>" }.joined() + "</ul>"
            html += "</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}

/// The trend over past runs as an inline SVG bar chart (findings per run, the new ones darker), with the numbers
/// in a table beside it for screen readers and print; nothing when there are fewer than two runs.
enum TrendChart {
    static func render(_ trend: [AuditReport.TrendPoint]?) -> String {
        guard let trend, trend.count >= 2 else { return "" }
        let width = 720, height = 140, gap = 4
        let top = max(1, trend.map(\.findings).max() ?? 1)
        let bar = max(4, (width - gap * trend.count) / trend.count)
        var svg = "<svg class=\"trend\" viewBox=\"0 0 \(width) \(height + 20)\" role=\"img\" aria-labelledby=\"trend-title\">"
            + "<title id=\"trend-title\">Findings per run, the last \(trend.count) runs</title>"
        for (index, point) in trend.enumerated() {
            let x = index * (bar + gap)
            let total = point.findings * height / top
            let fresh = min(point.new, point.findings) * height / top
            svg += "<g><title>\(point.day.html): \(point.findings) findings, \(point.new) new, \(point.fixed) fixed</title>"
                + "<rect x=\"\(x)\" y=\"\(height - total)\" width=\"\(bar)\" height=\"\(total)\" class=\"bar\"/>"
                + "<rect x=\"\(x)\" y=\"\(height - fresh)\" width=\"\(bar)\" height=\"\(fresh)\" class=\"bar-new\"/></g>"
        }
        svg += "<text x=\"0\" y=\"\(height + 16)\" class=\"axis\">\(trend.first?.day.html ?? "")</text>"
            + "<text x=\"\(width)\" y=\"\(height + 16)\" text-anchor=\"end\" class=\"axis\">\(trend.last?.day.html ?? "")</text></svg>"
        let rows = trend.reversed().prefix(7).map { "<tr><td>\($0.day.html)</td><td>\($0.findings)</td><td>\($0.new)</td><td>\($0.fixed)</td></tr>" }
        let legend = "<p class=\"evidence\">Findings per run (grey), of which new (red); hover a bar for its day.</p>"
        return "<h2 id=\"trend\">Trend</h2>\n<div class=\"trend-box\"><div>" + svg + legend + "</div>"
            + "<table class=\"trend-table\"><thead><tr><th>Day</th><th>Findings</th><th>New</th><th>Fixed</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table></div>\n"
    }
}

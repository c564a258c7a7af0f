import AuditModel

/// The per-product view: for every product with a finding, a matrix of fields × channels (price, list price,
/// availability, stock, shipping, returns, payment), each cell with its evidence and the fields in a finding
/// highlighted.
enum ProductMatrix {
    /// The products given a section: those of the findings the by-rule view shows (`FindingsTable.shown`).
    static func products(_ report: AuditReport) -> Set<String> {
        Set(FindingsTable.shown(report.findings).flatMap { $0.rows.map(\.product) }).filter { report.products[$0] != nil }
    }

    static func render(_ report: AuditReport, prices: LocalePrice) -> String {
        let products = self.products(report).sorted()
        guard !products.isEmpty else { return "<p class=\"empty\">No product has a finding.</p>\n" }
        let byProduct = Dictionary(grouping: report.findings, by: \.product)
        var html = ""
        for product in products {
            guard let channels = report.products[product] else { continue }
            let findings = byProduct[product] ?? []
            let flagged = Set(findings.map(\.field))
            let names = report.run.channels.filter { channels[$0] != nil } + channels.keys.filter { !report.run.channels.contains($0) }.sorted()
            let title = ProductLabel.label(channels, order: names)
            let severity = findings.map(\.severity).max()?.rawValue ?? "notice"
            html += "<section class=\"product\" id=\"product-\(Anchor.id(product))\" data-product=\"\(product.html)\" "
                + "data-severity=\"\(severity)\" data-rules=\"\(Set(findings.map(\.rule)).sorted().joined(separator: " ").html)\" "
                + "data-channels=\"\(names.joined(separator: " ").html)\" "
                + "data-status=\"\(Set(findings.map(\.status.rawValue)).sorted().joined(separator: " "))\">"
            html += "<h3>\(product.html)\(title.map { " <span class=\"count\">\($0.html)</span>" } ?? "")</h3>"
            html += "<table class=\"matrix\"><thead><tr><th scope=\"col\">Field</th>"
                + names.map { "<th scope=\"col\">\($0.html)</th>" }.joined() + "</tr></thead><tbody>"
            for (field, label) in fields {
                let cells = names.map { name in (channels[name] ?? []).compactMap { cell(field, $0, prices: prices) } }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                let mismatch = flagged.contains(field) || (field == "price" && flagged.contains("currency"))
                html += "<tr\(mismatch ? " class=\"mismatch\"" : "")><th scope=\"row\">\(label)</th>"
                    + cells.map { "<td>" + ($0.isEmpty ? "<span class=\"evidence\">—</span>" : $0.joined()) + "</td>" }.joined() + "</tr>"
            }
            html += "</tbody></table>"
            html += "<ul class=\"values\">" + findings.map { "<li><span class=\"sev \($0.severity.rawValue)\">\($0.severity.rawValue)</span> "
                + "<code>\($0.rule.html)</code> \($0.message.html)</li>" }.joined() + "</ul></section>\n"
        }
        return html
    }

    static let fields: [(String, String)] = [
        ("price", "Price"), ("list_price", "List price"), ("availability", "Availability"), ("stock_count", "Stock"),
        ("shipping", "Shipping"), ("returns", "Returns"), ("payment", "Payment"),
    ]

    /// One channel observation's value of a field, with its evidence; nil when it states none.
    private static func cell(_ field: String, _ observation: Observation, prices: LocalePrice) -> String? {
        func shown(_ text: String, _ evidence: Evidence) -> String {
            "<div class=\"cell\">\(text)\(Anchor.evidence(evidence))</div>"
        }
        switch field {
        case "price": return observation.price.map { shown(prices.html($0.value.description), $0.evidence) }
        case "list_price": return observation.listPrice.map { shown(prices.html($0.value.description), $0.evidence) }
        case "availability": return observation.availability.map { shown($0.value.rawValue.html, $0.evidence) }
        case "stock_count": return observation.stockCount.map { shown("\($0.value)", $0.evidence) }
        case "shipping": return observation.shipping.map { shown(shipping($0.value, prices: prices), $0.evidence) }
        case "returns": return observation.returns.map { terms in
            let days = terms.value.days.map { "\($0) days" } ?? "returns"
            let free = terms.value.isFree.map { $0 ? ", free" : ", paid" } ?? ""
            return shown((days + free).html, terms.evidence)
        }
        case "payment": return observation.paymentMethods.map { shown($0.value.joined(separator: ", ").html, $0.evidence) }
        default: return nil
        }
    }

    /// `free over 49,00 € · 4,90 € · 2–4 days`.
    private static func shipping(_ terms: ShippingTerms, prices: LocalePrice) -> String {
        var parts: [String] = []
        if terms.isFree == true { parts.append("free") }
        if let cost = terms.cost { parts.append(prices.html(cost.description)) }
        if let over = terms.freeOver { parts.append("free over " + prices.html(over.description)) }
        if let min = terms.minDays, let max = terms.maxDays {
            parts.append(min == max ? "\(min) days" : "\(min)–\(max) days")
        } else if let days = terms.maxDays ?? terms.minDays {
            parts.append("\(days) days")
        }
        return parts.isEmpty ? "stated" : parts.joined(separator: " · ")
    }
}

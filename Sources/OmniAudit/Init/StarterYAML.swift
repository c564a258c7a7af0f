import Extract
import Foundation

/// Writes the starter config: every choice commented with what the sample showed.
struct StarterYAML {
    let shop: AuditConfig.Shop
    let samples: [ChannelSample]
    let keys: SharedKeys
    let base: String

    private func path(_ location: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let shown = location.hasPrefix(prefix) ? String(location.dropFirst(prefix.count)) : location
        return shown.contains(" ") || shown.contains(":") && !shown.contains("://") ? "\"\(shown)\"" : shown
    }

    var text: String {
        var lines = [
            "# omniaudit.yml written by `omniaudit init` from samples of the inputs below; review it, then run",
            "# `omniaudit audit`. Every key is described in README.md, \"Configuration\".",
            "version: 1",
            "shop: { name: \"\(shop.name)\", currency: \(shop.currency), locale: \(shop.locale), timezone: \(shop.timezone) }",
        ]
        let shared = ["sku", "gtin", "mpn", "url", "title"].map { "\($0) \(keys.shared[$0] ?? 0)" }.joined(separator: ", ")
        lines.append("# values the sampled channels share: \(shared)")
        if keys.match.contains("title") {
            lines.append("# some channels share no identifier, only product names: title is the last resort (findings say \"Matched by title\")")
        }
        lines.append("match: [\(keys.match.joined(separator: ", "))]")
        lines.append("channels:")
        for sample in samples { lines += channel(sample) }
        lines += [
            "gate: { fail-on: error, min-coverage: 0.9 }",
            "report: { out: reports, formats: [html, json] }",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func channel(_ sample: ChannelSample) -> [String] {
        var lines = ["  \(sample.name):"]
        let noun = sample.kind == "web" ? "pages" : "items"
        if let failure = sample.failure {
            lines.append("    # not sampled: \(failure)")
        } else {
            lines.append("    # sampled: \(sample.read) \(noun), \(sample.observations.count) products, \(sample.problems) problems")
        }
        lines.append("    kind: \(sample.kind)")
        if sample.kind == "web" {
            let isSitemap = sample.location.lowercased().contains(".xml")
            lines.append("    \(isSitemap ? "sitemaps" : "urls"): [\(path(sample.location))]")
            return lines
        }
        if let format = sample.format { lines.append("    format: \(format.rawValue)              # detected from the content") }
        lines.append("    source: \(path(sample.location))")
        if !sample.mapping.isEmpty {
            let fields = JSONFeedExtractor.Field.allCases.compactMap { field in sample.mapping[field].map { "\(field.rawValue): \($0)" } }
            lines.append("    # the standard Merchant names do not fit this feed; mapping guessed from its names:")
            lines.append("    fields: { \(fields.joined(separator: ", ")) }")
        }
        if let transform = sample.transform {
            lines.append("    # \(transform.evidence)")
            lines.append("    keys: \(transform.yaml)")
        }
        // A feed listing far fewer products than another channel (a marketplace's selection) is a partial
        // catalogue: the products it leaves out are not missing from it.
        let largest = samples.filter { $0.name != sample.name }.map(\.observations.count).max() ?? 0
        if sample.kind == "feed", sample.failure == nil, sample.read < ChannelSample.limit, sample.observations.count * 2 < largest {
            lines.append("    # lists \(sample.observations.count) products where another channel lists \(largest): a selection, not the catalogue")
            lines.append("    catalog: partial")
        }
        return lines
    }
}

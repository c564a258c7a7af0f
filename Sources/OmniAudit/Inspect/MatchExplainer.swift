import AuditModel
import Reconcile
import Report

/// Says, for every product of an audit, which shared keys joined its observations, and for every product only
/// one channel shows, why nothing joined it and what might (`omniaudit inspect --explain-match`).
public struct MatchExplainer: Sendable {
    /// The identity keys of the config, in order, and whether titles are a key.
    public var match: [IdentityField]
    public var matchTitles: Bool

    /// Creates an explainer.
    public init(match: [IdentityField], matchTitles: Bool) {
        self.match = match
        self.matchTitles = matchTitles
    }

    private static func keys(_ observation: Observation) -> String {
        IdentityField.allCases.compactMap { field in observation.key.value(of: field).map { "\(field.rawValue) \($0)" } }
            .joined(separator: ", ")
    }

    /// One block per product (matched ones first, in id order), as text.
    public func explain(_ report: AuditReport) -> String {
        var lines: [String] = []
        let products = report.products.sorted { $0.key < $1.key }
        let titles = Dictionary(grouping: products.flatMap { id, channels in
            channels.values.flatMap { $0 }.compactMap { observation in
                observation.title.map { (TitleKey.normalize($0.value), id, observation.channel) }
            }
        }, by: \.0)
        for (id, channels) in products {
            let observations = channels.keys.sorted().flatMap { channels[$0] ?? [] }
            lines.append("\(id)  (\(channels.keys.sorted().joined(separator: ", ")))")
            for observation in observations {
                let place = observation.origin.map { "\($0.source) \($0.locator)" } ?? ""
                lines.append("  \(observation.channel): \(place): \(Self.keys(observation))")
            }
            if channels.count > 1 {
                lines.append("  joined by: " + joinedBy(observations))
            } else if let first = observations.first {
                lines.append("  matched no other channel" + hint(first, id: id, titles: titles))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key values two or more channels of the product share.
    func joinedBy(_ observations: [Observation]) -> String {
        let urls = IdentityURL()
        var shared: [String] = []
        for field in match {
            var channelsByValue: [String: Set<String>] = [:]
            for observation in observations {
                guard let raw = observation.key.value(of: field) else { continue }
                channelsByValue[field == .url ? urls.key(raw) : raw, default: []].insert(observation.channel)
            }
            for (value, channels) in channelsByValue.sorted(by: { $0.key < $1.key }) where channels.count > 1 {
                shared.append("\(field.rawValue) \(value) (\(channels.sorted().joined(separator: ", ")))")
            }
        }
        return shared.isEmpty ? (matchTitles ? "title (no identifier is shared)" : "nothing shared directly: joined through other observations") : shared.joined(separator: "; ")
    }

    /// What might join a product only one channel shows: the same title elsewhere, or a SKU that differs by a prefix.
    func hint(_ observation: Observation, id: String, titles: [String: [(String, String, String)]]) -> String {
        if let title = observation.title.map({ TitleKey.normalize($0.value) }),
            let other = titles[title]?.first(where: { $0.1 != id && $0.2 != observation.channel }) {
            return matchTitles
                ? ": its title is shared with \(other.1) in \(other.2), but a title joins only when it names one product per channel and no id conflicts"
                : ": \(other.1) in \(other.2) has the same title; add title to match, or a keys: transform if the ids differ by a prefix"
        }
        return ": no other channel has any of its keys"
    }
}

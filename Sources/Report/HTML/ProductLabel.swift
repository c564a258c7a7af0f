import AuditModel
import Foundation

/// How people recognise a product in the HTML report: the name the first channel shows, followed by the variant
/// attributes (size, colour) that the name does not already say — a Merchant feed names every size of a shirt
/// alike.
enum ProductLabel {
    /// The label of a product's observations, channels in `order` first; nil when no channel names it.
    static func label(_ channels: [String: [Observation]], order: [String]) -> String? {
        let names = order + channels.keys.sorted().filter { !order.contains($0) }
        let first = names.compactMap { channels[$0]?.first }
        guard let title = first.lazy.compactMap({ $0.title?.value }).first else { return nil }
        let variant = first.lazy.compactMap(\.variant).first ?? [:]
        let unsaid = variant.keys.sorted().compactMap { name -> String? in
            guard let value = variant[name], !value.isEmpty,
                title.range(of: value, options: [.caseInsensitive, .diacriticInsensitive]) == nil else { return nil }
            return "\(name) \(value)"
        }
        return unsaid.isEmpty ? title : "\(title) (\(unsaid.joined(separator: ", ")))"
    }
}

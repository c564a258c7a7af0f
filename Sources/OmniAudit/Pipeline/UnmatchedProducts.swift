import AuditModel
import Reconcile

/// Lists, in each channel's coverage, the products that channel alone shows, with the keys they had: a product
/// that matched nothing is never dropped silently, and its keys show why (`IT-BA-1` where the web says `BA-1`).
enum UnmatchedProducts {
    static func record(_ products: [MatchedProduct], into coverage: inout [ChannelCoverage], channelCount: Int) {
        var notes: [Int: [ChannelCoverage.Note]] = [:]  // appended here, assigned once: no copy per product
        for product in products {
            if let (index, note) = note(for: product, coverage: coverage, channelCount: channelCount) { notes[index, default: []].append(note) }
        }
        for (index, list) in notes { coverage[index].unmatched = (coverage[index].unmatched ?? []) + list }
    }

    /// The note of a product only one channel shows, with the index of that channel's coverage; nil for a
    /// product several channels show (or when only one channel is configured).
    static func note(for product: MatchedProduct, coverage: [ChannelCoverage], channelCount: Int) -> (Int, ChannelCoverage.Note)? {
        guard channelCount > 1, let first = product.observations.first,
            product.observations.allSatisfy({ base($0.channel) == base(first.channel) }),
            let index = coverage.firstIndex(where: { $0.channel == base(first.channel) }) else { return nil }
        let keys = IdentityField.allCases.compactMap { field in first.key.value(of: field).map { "\(field.rawValue) \($0)" } }
            + (first.title.map { ["title \"\($0.value)\""] } ?? [])
        let place = first.origin.map { $0.locator.isEmpty ? $0.source : "\($0.source) \($0.locator)" } ?? first.channel
        return (index, ChannelCoverage.Note(input: place, reason: "\(product.id) matched no other channel; its keys: \(keys.joined(separator: ", "))"))
    }

    /// The configured channel of an observation (`negozi` for a store's `negozi@MI01`).
    static func base(_ channel: String) -> String {
        channel.split(separator: "@", maxSplits: 1).first.map(String.init) ?? channel
    }
}

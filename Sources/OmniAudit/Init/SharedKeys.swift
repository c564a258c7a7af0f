import AuditModel
import Reconcile

/// Which identity keys the sampled channels actually share, and the key transforms that would make a feed's own
/// ids meet another channel's SKUs (a constant prefix or suffix).
struct SharedKeys {
    /// Per key (`sku`, `gtin`, `mpn`, `url`, `title`), the number of values two or more channels share.
    var shared: [String: Int] = [:]
    /// The keys to write under `match`, in order; `title` only when the identifiers leave a pair of channels
    /// sharing nothing.
    var match: [String] = []

    static func values(_ observations: [Observation], _ key: String) -> Set<String> {
        let urls = IdentityURL()
        return Set(observations.compactMap { observation -> String? in
            switch key {
            case "title": observation.title.map { TitleKey.normalize($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
            case "url": observation.key.url.map(urls.key)
            default: IdentityField(rawValue: key).flatMap { observation.key.value(of: $0) }
            }
        })
    }

    /// Finds a transform for each sample whose SKUs meet no other channel's, then counts shared values.
    static func analyse(_ samples: inout [ChannelSample]) -> SharedKeys {
        for index in samples.indices where samples[index].kind != "web" {
            let own = values(samples[index].observations, "sku")
            let others = samples.indices.filter { $0 != index }.reduce(into: Set<String>()) { $0.formUnion(values(samples[$1].observations, "sku")) }
            guard !own.isEmpty, !others.isEmpty, own.isDisjoint(with: others) else { continue }
            if let transform = affix(own, others) {
                for item in samples[index].observations.indices {
                    samples[index].observations[item].key.sku = samples[index].observations[item].key.sku.map(transform.apply)
                }
                samples[index].transform = (transform.yaml, transform.evidence)
            }
        }
        var result = SharedKeys()
        var pairsWithoutIds = false
        for a in samples.indices {
            for b in samples.indices where b > a {
                var any = false
                for key in ["sku", "gtin", "mpn", "url", "title"] {
                    let common = values(samples[a].observations, key).intersection(values(samples[b].observations, key)).count
                    result.shared[key, default: 0] += common
                    if common > 0 && key != "title" { any = true }
                }
                if !any { pairsWithoutIds = true }
            }
        }
        result.match = ["sku", "gtin", "mpn", "url"].filter { (result.shared[$0] ?? 0) > 0 }
        if result.match.isEmpty { result.match = ["sku", "gtin", "url"] }
        if pairsWithoutIds && (result.shared["title"] ?? 0) > 0 { result.match.append("title") }
        return result
    }

    /// A constant prefix to remove (or suffix) that makes at least half of `own` meet `others`.
    static func affix(_ own: Set<String>, _ others: Set<String>) -> Affix? {
        var prefixes: [String: Int] = [:]
        var suffixes: [String: Int] = [:]
        for value in own {
            for cut in 1..<max(1, value.count) {
                let head = String(value.prefix(cut)), tail = String(value.dropFirst(cut))
                if others.contains(tail) { prefixes[head, default: 0] += 1 }
                let start = String(value.dropLast(cut)), end = String(value.suffix(cut))
                if others.contains(start) { suffixes[end, default: 0] += 1 }
            }
        }
        let best = (prefixes.map { Affix(text: $0.key, prefix: true, count: $0.value) }
            + suffixes.map { Affix(text: $0.key, prefix: false, count: $0.value) })
            .max { ($0.count, $1.text) < ($1.count, $0.text) }
        guard let best, best.count * 2 >= own.count else { return nil }
        return best
    }

    /// A prefix or suffix to remove.
    struct Affix {
        var text: String
        var prefix: Bool
        var count: Int
        var yaml: String { "{ sku: { from: id, \(prefix ? "remove-prefix" : "remove-suffix"): \"\(text)\" } }" }
        var evidence: String { "\(count) ids become another channel's SKUs once \"\(text)\" is removed" }
        func apply(_ value: String) -> String {
            prefix ? (value.hasPrefix(text) ? String(value.dropFirst(text.count)) : value)
                : (value.hasSuffix(text) ? String(value.dropLast(text.count)) : value)
        }
    }
}

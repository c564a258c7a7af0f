import AuditModel

/// Groups observations into products: two observations are the same product when they share a value of
/// any configured identity field (sku, then gtin, mpn, url). Deterministic: the output order depends only on
/// the input order.
public struct Matcher: Sendable {
    /// The identity fields, in the order they are tried; the first present one labels the product.
    public var fields: [IdentityField]

    /// Creates a matcher.
    public init(fields: [IdentityField]) {
        self.fields = fields
    }

    /// Matches observations (given in channel order, then input order) into products.
    public func match(_ observations: [Observation]) -> [MatchedProduct] {
        var parent = Array(observations.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for (rank, field) in fields.enumerated() {
            var seen: [String: [Int]] = [:]
            for (index, observation) in observations.enumerated() {
                guard let value = observation.key.value(of: field) else { continue }
                for other in seen[value, default: []] where !conflict(observations[index], observations[other], above: rank) {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                    break
                }
                seen[value, default: []].append(index)
            }
        }
        var groups: [Int: [Observation]] = [:]
        var order: [Int] = []
        for (index, observation) in observations.enumerated() {
            let group = root(index)
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(observation)
        }
        return order.compactMap { groups[$0] }.map { MatchedProduct(label: label(of: $0), observations: $0) }
    }

    /// True when two observations state different values for a field tried before `rank`: the variants of one
    /// page share its URL but not their SKUs, and must not become one product.
    func conflict(_ a: Observation, _ b: Observation, above rank: Int) -> Bool {
        fields.prefix(rank).contains { field in
            guard let left = a.key.value(of: field), let right = b.key.value(of: field) else { return false }
            return left != right
        }
    }

    /// `sku:BA-1042`: the first configured field any observation has; the smallest value when they disagree.
    func label(of observations: [Observation]) -> String {
        for field in fields {
            if let value = observations.compactMap({ $0.key.value(of: field) }).min() {
                return "\(field.rawValue):\(value)"
            }
        }
        for field in IdentityField.allCases {
            if let value = observations.compactMap({ $0.key.value(of: field) }).min() {
                return "\(field.rawValue):\(value)"
            }
        }
        return "unidentified"
    }
}

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
        for field in fields {
            var firstSeen: [String: Int] = [:]
            for (index, observation) in observations.enumerated() {
                guard let value = observation.key.value(of: field) else { continue }
                if let other = firstSeen[value] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    firstSeen[value] = index
                }
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

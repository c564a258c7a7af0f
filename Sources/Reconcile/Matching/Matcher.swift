import AuditModel

/// Groups observations into products: two observations are the same product when they share a value of a
/// configured identity field (tried in the configured order), unless joining their groups would give one
/// product two different values of a configured sku, gtin or mpn; such a refused bridge is kept on the product
/// (`ambiguous-identity`). Deterministic: the output depends only on the input order.
public struct Matcher: Sendable {
    /// The identity fields, in the order they are tried.
    public var fields: [IdentityField]
    /// How URLs are compared.
    public var urls: IdentityURL

    /// Whether normalised titles join products as a last resort (`match: [..., title]`): only observations from
    /// different channels, only when the title names one product in each channel, and never across a conflicting
    /// sku, gtin or mpn.
    public var matchTitles: Bool

    /// Creates a matcher.
    public init(fields: [IdentityField], urls: IdentityURL = IdentityURL(), matchTitles: Bool = false) {
        self.fields = fields
        self.urls = urls
        self.matchTitles = matchTitles
    }

    /// The fields one product may have only one value of: the configured ones except the URL (variants and
    /// deep links give one product several URLs).
    var exclusive: [IdentityField] { IdentityField.allCases.filter { $0 != .url && fields.contains($0) } }

    /// Matches observations (given in channel order, then input order) into products.
    public func match(_ observations: [Observation]) -> [MatchedProduct] {
        let exclusive = self.exclusive
        var groups = UnionFind(observations.map { observation in exclusive.map { observation.key.value(of: $0) } })
        var refusals: [(index: Int, field: IdentityField, value: String, other: Int, conflict: IdentityField)] = []
        for field in fields {
            // Per value, one earlier observation of each group stating it (almost always a single one).
            var seen: [String: [Int]] = [:]
            seen.reserveCapacity(observations.count)
            for (index, observation) in observations.enumerated() {
                guard let raw = observation.key.value(of: field) else { continue }
                let value = field == .url ? urls.key(raw) : raw
                guard var earlier = seen[value] else {
                    seen[value] = [index]
                    continue
                }
                for other in earlier {
                    // A URL shared by the variants of a group joins a page only with the variant it shows.
                    if field == .url, observation.isOtherVariant(than: observations[other]) { continue }
                    guard let conflict = groups.union(index, other) else { continue }
                    // A bridge is the one of the two observations that does not itself state the value it would
                    // contradict; two observations stating different values are simply two products.
                    let conflicting = exclusive[conflict]
                    if observation.key.value(of: conflicting) == nil {
                        refusals.append((index, field, raw, other, conflicting))
                    } else if observations[other].key.value(of: conflicting) == nil {
                        refusals.append((other, field, raw, index, conflicting))
                    }
                }
                let root = groups.root(index)
                if !earlier.contains(where: { groups.root($0) == root }) {
                    earlier.append(index)
                    seen[value] = earlier
                }
            }
        }
        let joinedByTitle = matchTitles ? joinTitles(observations, groups: &groups) : []
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in observations.indices {
            let root = groups.root(index)
            if members[root] == nil { order.append(root) }
            members[root, default: []].append(index)
        }
        var ids: [Int: String] = [:]
        var used: [String: Int] = [:]
        for root in order {
            let base = Self.id(of: members[root, default: []].map { observations[$0] })
            used[base, default: 0] += 1
            ids[root] = used[base] == 1 ? base : "\(base)#\(used[base] ?? 0)"
        }
        var links: [Int: [RefusedLink]] = [:]
        for refusal in refusals {
            links[groups.root(refusal.index), default: []].append(RefusedLink(
                bridge: observations[refusal.index], field: refusal.field, value: refusal.value,
                other: ids[groups.root(refusal.other)] ?? "", conflict: refusal.conflict))
        }
        let titleRoots = Set(joinedByTitle.map { groups.root($0) })
        return order.map { root in
            var product = MatchedProduct(id: ids[root] ?? "", observations: members[root, default: []].map { observations[$0] },
                                         refusedLinks: links[root] ?? [])
            product.matchedByTitle = titleRoots.contains(root)
            return product
        }
    }

    /// `sku:BA-1042`: the first of sku, gtin, mpn, url that any observation states (a fixed order, so that
    /// reordering `match` keeps ids); the smallest value when several are stated.
    static func id(of observations: [Observation]) -> String {
        for field in IdentityField.allCases {
            if let value = observations.compactMap({ $0.key.value(of: field) }).min() {
                return "\(field.rawValue):\(value)"
            }
        }
        if let title = observations.compactMap({ $0.title.map { TitleKey.normalize($0.value) } }).filter({ !$0.isEmpty }).min() {
            return "title:\(title)"
        }
        return "unidentified"
    }

    /// Joins the groups of observations whose normalised titles are equal, when each channel shows that title on
    /// one product only (two look-alike products in one channel are never joined by title); returns the
    /// observations whose group a title join merged.
    func joinTitles(_ observations: [Observation], groups: inout UnionFind) -> [Int] {
        var byTitle: [String: [Int]] = [:]
        var order: [String] = []
        for (index, observation) in observations.enumerated() {
            guard let title = observation.title.map({ TitleKey.normalize($0.value) }), !title.isEmpty else { continue }
            if byTitle[title] == nil { order.append(title) }
            byTitle[title, default: []].append(index)
        }
        var joined: [Int] = []
        for title in order {
            let indices = byTitle[title] ?? []
            var groupOf: [String: Int] = [:]
            let unique = indices.allSatisfy { index in
                let root = groups.root(index)
                defer { groupOf[observations[index].channel] = root }
                return groupOf[observations[index].channel].map { $0 == root } ?? true
            }
            guard unique, groupOf.count >= 2, let first = indices.first else { continue }
            for index in indices.dropFirst() where groups.root(index) != groups.root(first) {
                if groups.union(first, index) == nil { joined += [first, index] }
            }
        }
        return joined
    }
}

/// Union-find over observations whose groups carry the value of each exclusive identity field: a group never
/// holds two values of one (such a union is refused), so one optional value per field is enough.
struct UnionFind {
    private var parent: [Int]
    private var values: [[String?]]

    init(_ values: [[String?]]) {
        parent = Array(values.indices)
        self.values = values
    }

    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Joins the groups of `a` and `b`; returns the index of the exclusive field they disagree on instead when
    /// joining would give one group two values of it.
    mutating func union(_ a: Int, _ b: Int) -> Int? {
        let (left, right) = (root(a), root(b))
        guard left != right else { return nil }
        for field in values[left].indices {
            if let x = values[left][field], let y = values[right][field], x != y { return field }
        }
        let (keep, drop) = (min(left, right), max(left, right))
        parent[drop] = keep
        for field in values[keep].indices where values[keep][field] == nil { values[keep][field] = values[drop][field] }
        return nil
    }
}

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
        let groups = self.groups(observations)
        return (0..<groups.count).map { group in
            var product = MatchedProduct(id: groups.ids[group], observations: groups.members(of: group).map { observations[$0] },
                                         refusedLinks: groups.refusals[group, default: []].map { refusal in
                                             RefusedLink(bridge: observations[refusal.bridge], field: refusal.field, value: refusal.value,
                                                         other: refusal.other, conflict: refusal.conflict)
                                         })
            product.matchedByTitle = groups.matchedByTitle.contains(group)
            return product
        }
    }

    /// Matches items (given in channel order, then input order) into groups of item indices: the products, in
    /// the order of their first item. Memory is a few words per item beyond the items themselves.
    public func groups<Items: RandomAccessCollection>(_ items: Items) -> MatchGroups where Items.Element: Matchable, Items.Index == Int {
        let exclusive = self.exclusive
        var groups = UnionFind(count: items.count, fields: exclusive.count) { index, field in items[index].identity(exclusive[field]) }
        var refusals: [(index: Int, field: IdentityField, value: String, other: Int, conflict: IdentityField)] = []
        for field in fields {
            // Per value, one earlier item of each group stating it (almost always a single one, so the others
            // wait in `more`).
            var seen: [String: Int32] = [:]
            var more: [String: [Int32]] = [:]
            seen.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard let raw = item.identity(field) else { continue }
                let value = field == .url ? urls.key(raw) : raw
                guard let first = seen[value] else {
                    seen[value] = Int32(index)
                    continue
                }
                var earlier = [Int(first)] + (more[value] ?? []).map(Int.init)
                for other in earlier {
                    // A URL shared by the variants of a group joins a page only with the variant it shows.
                    if field == .url, item.isOtherVariant(than: items[other]) { continue }
                    guard let conflict = groups.union(index, other) else { continue }
                    // A bridge is the one of the two items that does not itself state the value it would
                    // contradict; two items stating different values are simply two products.
                    let conflicting = exclusive[conflict]
                    if item.identity(conflicting) == nil {
                        refusals.append((index, field, raw, other, conflicting))
                    } else if items[other].identity(conflicting) == nil {
                        refusals.append((other, field, raw, index, conflicting))
                    }
                }
                let root = groups.root(index)
                if !earlier.contains(where: { groups.root($0) == root }) {
                    earlier.append(index)
                    more[value] = earlier.dropFirst().map { Int32($0) }
                }
            }
        }
        let joinedByTitle = matchTitles ? joinTitles(items, groups: &groups) : []
        // Groups numbered by first item; members listed group by group, each in item order (a counting sort).
        var number = [Int32](repeating: -1, count: items.count)
        var groupOf = [Int32](repeating: 0, count: items.count)
        var sizes: [Int32] = []
        for index in items.indices {
            let root = groups.root(index)
            if number[root] < 0 {
                number[root] = Int32(sizes.count)
                sizes.append(0)
            }
            groupOf[index] = number[root]
            sizes[Int(number[root])] += 1
        }
        var starts = [Int32](repeating: 0, count: sizes.count + 1)
        for group in sizes.indices { starts[group + 1] = starts[group] + sizes[group] }
        sizes = []
        var filled = Array(starts.dropLast())
        var order = [Int32](repeating: 0, count: items.count)
        for index in items.indices {
            let group = Int(groupOf[index])
            order[Int(filled[group])] = Int32(index)
            filled[group] += 1
        }
        filled = []
        var result = MatchGroups(order: order, starts: starts)
        let bases = (0..<result.count).map { group in Self.id(of: result.members(of: group).map { items[$0] }) }
        result.ids = Self.unique(bases)
        for refusal in refusals {
            let group = Int(number[groups.root(refusal.index)])
            result.refusals[group, default: []].append(MatchGroups.Refusal(
                bridge: refusal.index, field: refusal.field, value: refusal.value,
                other: result.ids[Int(number[groups.root(refusal.other)])], conflict: refusal.conflict))
        }
        result.matchedByTitle = Set(joinedByTitle.map { Int(number[groups.root($0)]) })
        return result
    }

    /// The ids made unique in group order: the second group named `sku:A` is `sku:A#2`, the third `sku:A#3`.
    static func unique(_ bases: [String]) -> [String] {
        var ids = bases
        let sorted = bases.indices.sorted { bases[$0] != bases[$1] ? bases[$0] < bases[$1] : $0 < $1 }
        var run = 0
        for (position, group) in sorted.enumerated() {
            run = position > 0 && bases[sorted[position - 1]] == bases[group] ? run + 1 : 1
            if run > 1 { ids[group] = "\(bases[group])#\(run)" }
        }
        return ids
    }

    /// `sku:BA-1042`: the first of sku, gtin, mpn, url that any observation states (a fixed order, so that
    /// reordering `match` keeps ids); the smallest value when several are stated.
    static func id<Item: Matchable>(of items: [Item]) -> String {
        for field in IdentityField.allCases {
            if let value = items.compactMap({ $0.identity(field) }).min() {
                return "\(field.rawValue):\(value)"
            }
        }
        if let title = items.compactMap(\.titleKey).filter({ !$0.isEmpty }).min() {
            return "title:\(title)"
        }
        return "unidentified"
    }

    /// Joins the groups of items whose normalised titles are equal, when each channel shows that title on
    /// one product only (two look-alike products in one channel are never joined by title); returns the
    /// items whose group a title join merged.
    func joinTitles<Items: RandomAccessCollection>(_ items: Items, groups: inout UnionFind) -> [Int] where Items.Element: Matchable, Items.Index == Int {
        var byTitle: [String: [Int]] = [:]
        var order: [String] = []
        for (index, item) in items.enumerated() {
            guard let title = item.titleKey, !title.isEmpty else { continue }
            if byTitle[title] == nil { order.append(title) }
            byTitle[title, default: []].append(index)
        }
        var joined: [Int] = []
        for title in order {
            let indices = byTitle[title] ?? []
            var groupOf: [String: Int] = [:]
            let unique = indices.allSatisfy { index in
                let root = groups.root(index)
                defer { groupOf[items[index].channelName] = root }
                return groupOf[items[index].channelName].map { $0 == root } ?? true
            }
            guard unique, groupOf.count >= 2, let first = indices.first else { continue }
            for index in indices.dropFirst() where groups.root(index) != groups.root(first) {
                if groups.union(first, index) == nil { joined += [first, index] }
            }
        }
        return joined
    }
}

/// Products as groups of item indices, in the order of their first item.
public struct MatchGroups: Sendable {
    /// A link refused inside a group (see `RefusedLink`), by item index.
    public struct Refusal: Sendable {
        public var bridge: Int
        public var field: IdentityField
        public var value: String
        public var other: String
        public var conflict: IdentityField
    }

    /// Every item index, group after group.
    private var order: [Int32]
    /// Where each group starts in `order`, plus the end.
    private var starts: [Int32]
    /// Each group's product id.
    public internal(set) var ids: [String] = []
    /// The refused links of the groups that have some.
    public internal(set) var refusals: [Int: [Refusal]] = [:]
    /// The groups a title joined.
    public internal(set) var matchedByTitle: Set<Int> = []

    init(order: [Int32], starts: [Int32]) {
        self.order = order
        self.starts = starts
    }

    /// The number of groups.
    public var count: Int { starts.count - 1 }

    /// The item indices of a group, in item order.
    public func members(of group: Int) -> [Int] { order[Int(starts[group])..<Int(starts[group + 1])].map(Int.init) }
}

/// Union-find over observations whose groups carry the value of each exclusive identity field: a group never
/// holds two values of one (such a union is refused), so one optional value per field is enough.
struct UnionFind {
    private var parent: [Int32]
    /// `fields` values per item, item after item.
    private var values: [String?]
    private let fields: Int

    init(count: Int, fields: Int, value: (Int, Int) -> String?) {
        parent = (0..<count).map(Int32.init)
        self.fields = fields
        values = []
        values.reserveCapacity(count * fields)
        for index in 0..<count { for field in 0..<fields { values.append(value(index, field)) } }
    }

    mutating func root(_ index: Int) -> Int {
        var index = index
        while Int(parent[index]) != index {
            parent[index] = parent[Int(parent[index])]
            index = Int(parent[index])
        }
        return index
    }

    /// Joins the groups of `a` and `b`; returns the index of the exclusive field they disagree on instead when
    /// joining would give one group two values of it.
    mutating func union(_ a: Int, _ b: Int) -> Int? {
        let (left, right) = (root(a), root(b))
        guard left != right else { return nil }
        for field in 0..<fields {
            if let x = values[left * fields + field], let y = values[right * fields + field], x != y { return field }
        }
        let (keep, drop) = (min(left, right), max(left, right))
        parent[drop] = Int32(keep)
        for field in 0..<fields where values[keep * fields + field] == nil {
            values[keep * fields + field] = values[drop * fields + field]
            values[drop * fields + field] = nil
        }
        return nil
    }
}

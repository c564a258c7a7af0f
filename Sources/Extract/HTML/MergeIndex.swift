import AuditModel

/// Finds, for a new statement, every product of the page `PageMerger.same` could accept, in index order, without
/// scanning all products: by sku, by gtin, by title, and the few products whose syntax has a single product.
/// Each rule of `same` can only match inside one of these buckets, so checking their members is exact; lists
/// are kept per "has sku / has gtin" kind so a hostile page of many look-alike products stays linear.
struct MergeIndex {
    private var bySku: [String: [Int]] = [:]
    /// gtin → products, split by whether the product has a sku (index 1) or not (index 0).
    private var byGtin: [String: [[Int]]] = [:]
    /// title → products without a group, split by (has sku, has gtin) as 0…3.
    private var byTitle: [String: [[Int]]] = [:]
    /// Products whose syntax states exactly one product on the page.
    private var singles: [Int] = []

    /// Records a new product, or a product that gained keys through a merge (`previous` is what it was):
    /// only memberships it did not have are added, so recording stays constant time. Entries that a merge
    /// made stale are filtered by `same`.
    mutating func add(_ product: Observation, at index: Int, previous: Observation? = nil, counts: [PageSyntax: Int]) {
        if let sku = product.key.sku, previous?.key.sku == nil { bySku[sku, default: []].append(index) }
        if let gtin = product.key.gtin {
            let kind = product.key.sku == nil ? 0 : 1
            let before = previous.flatMap { $0.key.gtin == gtin ? ($0.key.sku == nil ? 0 : 1) : nil }
            if before != kind { byGtin[gtin, default: [[], []]][kind].append(index) }
        }
        if product.group == nil, let title = product.title?.value {
            let kind = Self.titleKind(product)
            let before = previous.flatMap { $0.title?.value == title ? Self.titleKind($0) : nil }
            if before != kind { byTitle[title, default: [[], [], [], []]][kind].append(index) }
        }
        if previous == nil, counts[PageMerger.syntax(product)] == 1 { singles.append(index) }
    }

    private static func titleKind(_ product: Observation) -> Int {
        (product.key.sku == nil ? 0 : 2) + (product.key.gtin == nil ? 0 : 1)
    }

    /// Product indexes worth checking with `same`, ascending. Within a bucket every member that `same`
    /// accepts is equivalent for the first-match rule, so only a bounded prefix of each list is returned.
    func candidates(for statement: Observation, counts: [PageSyntax: Int]) -> [Int] {
        var found: [Int] = []
        let bound = 8  // stale entries (products that gained keys) are skipped by `same`; a few suffice
        if let sku = statement.key.sku { found += (bySku[sku] ?? []).prefix(bound) }
        if let gtin = statement.key.gtin, let lists = byGtin[gtin] {
            found += lists[0].prefix(bound)
            if statement.key.sku == nil { found += lists[1].prefix(bound) }
        }
        if statement.group == nil, let title = statement.title?.value, let lists = byTitle[title] {
            for kind in 0..<4 {
                let hasSku = kind >= 2, hasGtin = kind % 2 == 1
                // `same` reaches the title rule only when the sku and gtin rules did not decide.
                if hasSku && statement.key.sku != nil { continue }
                if hasGtin && statement.key.gtin != nil { continue }
                found += lists[kind].prefix(bound)
            }
        }
        if counts[PageMerger.syntax(statement)] == 1 { found += singles }
        return Array(Set(found)).sorted()
    }
}

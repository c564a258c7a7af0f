import AuditModel

/// Merges what each syntax says about the products of one page into one observation per product or variant.
/// Statements that describe the same product (same sku or gtin, or the only product of each syntax) are
/// combined; every price statement stays in `claims` so disagreements can be reported.
struct PageMerger {
    let channel: String
    let source: String
    var visibleFirst = false
    /// The page's URLs (its own, canonical, `og:url`) and headings, to find the main product among several.
    var pageURLs: [String] = []
    var headings: [String] = []
    /// The values and labels of the page's `<option selected>`, to find the selected variant.
    var selectedOptions: [String] = []

    private static let priority: [PageSyntax] = [.jsonLD, .microdata, .rdfa, .openGraph, .visible]

    /// The products of a page, the one it is about first when it can tell; `pageOwns[i]` is true for the products the
    /// page is about (its product and that product's variants), which take the page's URL as theirs.
    struct Merged {
        var products: [Observation]
        var pageOwns: [Bool]
    }

    func merge(structured: [Observation], openGraph: Observation?, visible: VisibleFacts, terms: TermsBlocks) -> Merged {
        let counts = Dictionary(grouping: structured, by: Self.syntax).mapValues(\.count)
        var products: [Observation] = []
        var index = MergeIndex()
        for observation in structured {
            // The first product `same` accepts, found through the index in constant time per statement (a
            // linear scan made a page with 50,000 products take minutes).
            let match = index.candidates(for: observation, counts: counts).first { same(products[$0], observation, counts: counts) }
            if let match {
                let previous = products[match]
                products[match] = combine(previous, observation)
                index.add(products[match], at: match, previous: previous, counts: counts)
            } else {
                products.append(observation)
                index.add(observation, at: products.count - 1, counts: counts)
            }
        }
        if let openGraph {
            if products.isEmpty {
                products.append(openGraph)
            } else if products.count == 1 || products.filter({ $0.group == nil }).count == 1 {
                let index = products.firstIndex { $0.group == nil } ?? 0
                products[index] = combine(products[index], openGraph)
            }
        }
        if products.isEmpty, visible.claims.contains(where: { $0.role == .current }), let title = visible.title {
            products.append(Observation(channel: channel, key: ProductKey(), origin: title.evidence))
        }
        // Among several products, the one the page is about comes first and gets what the page shows (related
        // products and carousels keep only their own statements); among the variants of one group, the selected
        // one (the page's variant URL, else the one priced as shown), the others staying as variants.
        var attachedMain = false
        let groups = Set(products.compactMap(\.group))
        if products.count > 1, groups.count <= 1, products.allSatisfy({ $0.group != nil }) || groups.isEmpty {
            let shown = visible.claims.first { $0.role == .current }?.price.value
            let page = MainProduct.Page(urls: pageURLs, headings: groups.isEmpty ? headings + [visible.title?.value].compactMap { $0 } : [],
                                        visiblePrice: shown, selectedOptions: selectedOptions)
            if let main = MainProduct.pick(products, page: page), main.score > 0 {
                let product = products.remove(at: main.index)
                products.insert(product, at: 0)
                attachVisible(visible, to: &products[0])
                attachedMain = true
            }
        }
        if products.count == 1 {
            attachVisible(visible, to: &products[0])
            attachedMain = true
        }
        // Terms blocks apply to every product of the page (variants share the shop's shipping and returns).
        for index in products.indices {
            if products[index].shipping == nil { products[index].shipping = terms.shipping }
            if products[index].returns == nil { products[index].returns = terms.returns }
            if products[index].paymentMethods == nil { products[index].paymentMethods = terms.payment }
            if products[index].pickup == nil { products[index].pickup = terms.pickup }
        }
        // On an auction the price shown is the current bid; the markup often keeps the starting price, which is
        // no price of the item now: said as such, not compared with the bid.
        let auction = attachedMain && visible.isAuctionBid
        if auction, let bid = visible.claims.first(where: { $0.role == .current })?.price.value {
            products[0].claims = products[0].claims?.map { claim in
                var claim = claim
                if claim.syntax.isMarkup, claim.role == .current, claim.price.value != bid { claim.role = .starting }
                return claim
            }
        }
        return Merged(products: products.enumerated().map { finalize($1, visibleWins: auction && $0 == 0) },
                      pageOwns: Self.owned(products, main: attachedMain))
    }

    /// Which products the page is about: the main product and its variants, else the variants of the page's one
    /// group; related products and carousels keep their own URLs (given the page's, a carousel tile would be joined
    /// with the product and its price called a conflict). When the page cannot tell, every product, as before.
    static func owned(_ products: [Observation], main: Bool) -> [Bool] {
        guard products.count > 1 else { return products.map { _ in true } }
        let groups = Set(products.compactMap(\.group))
        let owned: [Bool]
        if main {
            owned = products.indices.map { $0 == 0 || (products[0].group != nil && products[$0].group == products[0].group) }
        } else if groups.count == 1 {
            owned = products.map { $0.group != nil }
        } else {
            owned = []
        }
        return owned.contains(true) ? owned : products.map { _ in true }
    }

    /// Gives a product what the page shows: the visible price claims, title, availability and stock count.
    private func attachVisible(_ visible: VisibleFacts, to product: inout Observation) {
        product.claims = (product.claims ?? []) + visible.claims
        if product.title == nil { product.title = visible.title }
        if product.availability == nil {
            product.availability = visible.availability
        } else if !visible.availabilityIsInferred {
            product.visibleAvailability = visible.availability
        }
        if product.stockCount == nil { product.stockCount = visible.stockCount }
    }

    /// The syntax of the claim a chosen price came from.
    private static func syntax(of price: Observed<Money>, in claims: [PriceClaim]) -> PageSyntax? {
        claims.first { $0.price == price }?.syntax
    }

    /// The syntax an observation came from, by its locator prefix.
    static func syntax(_ observation: Observation) -> PageSyntax {
        let locator = observation.origin?.locator ?? ""
        return PageSyntax.allCases.first { locator.hasPrefix($0.rawValue) } ?? (locator.hasPrefix("meta") ? .openGraph : .visible)
    }

    func same(_ a: Observation, _ b: Observation, counts: [PageSyntax: Int]) -> Bool {
        if let skuA = a.key.sku, let skuB = b.key.sku { return skuA == skuB }
        if let gtinA = a.key.gtin, let gtinB = b.key.gtin { return gtinA == gtinB }
        if a.group != nil || b.group != nil { return false }
        let (syntaxA, syntaxB) = (Self.syntax(a), Self.syntax(b))
        if syntaxA != syntaxB, counts[syntaxA] == 1, counts[syntaxB] == 1 { return true }
        return a.title?.value == b.title?.value && a.title != nil
    }

    private func combine(_ a: Observation, _ b: Observation) -> Observation {
        var merged = a
        merged.key.sku = a.key.sku ?? b.key.sku
        merged.key.gtin = a.key.gtin ?? b.key.gtin
        merged.key.mpn = a.key.mpn ?? b.key.mpn
        merged.key.url = a.key.url ?? b.key.url
        merged.title = a.title ?? b.title
        merged.brand = a.brand ?? b.brand
        merged.availability = a.availability ?? b.availability
        merged.stockCount = a.stockCount ?? b.stockCount
        merged.shipping = a.shipping ?? b.shipping
        merged.returns = a.returns ?? b.returns
        merged.claims = (a.claims ?? []) + (b.claims ?? [])
        if merged.claims?.isEmpty == true { merged.claims = nil }
        return merged
    }

    /// Chooses the price and list price from the claims by syntax priority (configured selectors first).
    private func finalize(_ observation: Observation, visibleWins: Bool = false) -> Observation {
        var result = observation
        let claims = observation.claims ?? []
        let visibleFirst = visibleFirst || visibleWins
        let order = visibleFirst ? [.visible] + Self.priority.filter { $0 != .visible } : Self.priority
        let shown = claims.first { $0.syntax == .visible && $0.role == .current }?.price.value
        func best(_ role: PriceClaim.Role) -> Observed<Money>? {
            for syntax in order {
                let stated = claims.filter { $0.syntax == syntax && $0.role == role }
                // Several offers at different prices (a store-card and an online price, sizes): the one the page shows.
                if role == .current, stated.count > 1, let shown, let offer = stated.first(where: { $0.price.value == shown }) {
                    return offer.price
                }
                if let claim = stated.first { return claim.price }
            }
            return nil
        }
        result.price = best(.current)
        result.listPrice = best(.list)
        // Markup that states the regular price the page shows struck through, beside a lower sale price: the
        // customer pays the sale price (the disagreement stays in `claims` for structured-vs-visible).
        if let markup = result.price, !visibleFirst, Self.syntax(of: markup, in: claims) != .visible,
            claims.contains(where: { $0.syntax == .visible && $0.role == .list && $0.price.value == markup.value }),
            let sale = claims.first(where: { $0.syntax == .visible && $0.role == .current && $0.price.value.currency == markup.value.currency
                && $0.price.value.amount < markup.value.amount && $0.price.value.amount > 0 }) {
            result.price = sale.price
            result.listPrice = result.listPrice ?? markup
        }
        result.claims = claims.count > 1 ? claims : nil
        return result
    }
}

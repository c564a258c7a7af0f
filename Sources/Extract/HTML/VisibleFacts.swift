import AuditModel
import CLibXML2
import Foundation
import Normalize

/// Configured selectors (compiled XPath) for the visible price, list price and availability of a page.
public struct PageSelectors: Hashable, Sendable {
    public var price: String?
    public var listPrice: String?
    public var availability: String?

    /// Creates selectors from XPath expressions (see `CSSSelector.xpath`).
    public init(price: String? = nil, listPrice: String? = nil, availability: String? = nil) {
        self.price = price
        self.listPrice = listPrice
        self.availability = availability
    }
}

/// What a customer sees on the page: the prices in the main price block (current and struck-through) and the
/// availability text, found by configured selectors or by heuristics that know common shop themes.
struct VisibleFacts {
    var claims: [PriceClaim] = []
    var availability: Observed<Availability>?
    var stockCount: Observed<Int>?
    var title: Observed<String>?
    /// True when the availability is only inferred from an enabled buy button (weaker than a stated line: it
    /// fills a gap but is never compared with what the markup says).
    var availabilityIsInferred = false
    /// True when the price block is an auction's current bid (`$200 · 2 bids`): the markup's price is then often
    /// the starting price, and what the customer sees wins.
    var isAuctionBid = false

    init(tree: MarkupTree, scan: PageScan, source: String, selectors: PageSelectors?, parser: PriceParser) {
        let reader = PriceBlockReader(source: source, parser: parser)
        if let h1 = scan.h1 {
            let text = h1.collapsedText
            if !text.isEmpty { title = Observed(text, Evidence(source: source, locator: "h1 (line \(h1.line))", raw: text)) }
        }
        if title == nil, let og = scan.meta("og:title"), !og.content.isEmpty {
            title = Observed(og.content, Evidence(source: source, locator: "meta[property=og:title]", raw: og.content))
        }
        if title == nil, let element = scan.title {
            let text = element.collapsedText
            if !text.isEmpty { title = Observed(text, Evidence(source: source, locator: "title (line \(element.line))", raw: text)) }
        }
        if let xpath = selectors?.price {
            claims += tree.elements(xpath).prefix(1).compactMap { reader.claim($0, role: .current) }
            if let list = selectors?.listPrice {
                claims += tree.elements(list).prefix(1).compactMap { reader.claim($0, role: .list) }
            }
        } else {
            // The first block after the title that yields a current price (a theme's empty or unreadable
            // price wrappers come first on many pages).
            Self.forEachPriceBlock(scan) { block in
                let found = reader.claims(in: block)
                guard found.contains(where: { $0.role == .current }) else { return false }
                claims = found
                isAuctionBid = Self.mentionsBids(block)
                return true
            }
            // No price element: the amount beside the struck-through list price.
            if claims.isEmpty, let h1 = scan.h1 {
                claims = StruckPriceNeighbour.claims(after: h1, tree: tree, reader: reader)
            }
        }
        // A disabled buy button that says "Esaurito" / "Sold out" is the strongest sign of what the customer sees.
        if let button = scan.buyButtons.first(where: { $0.has("disabled") }) {
            let text = button.collapsedText.isEmpty ? (button.attribute("value") ?? "") : button.collapsedText
            if let value = AvailabilityParser.parse(text).availability, value.buyability == .notBuyable {
                availability = Observed(value, Evidence(source: source, locator: button.locator, raw: text))
            }
        }
        let stockNodes: [Node] = selectors?.availability.map { tree.elements($0) }
            ?? scan.stockElements.filter { $0.order > scan.h1Order }.map(\.node)
        readStock(stockNodes, source: source)
        // Layouts that put the buy box before the title in the markup: a short stock line anywhere.
        if availability == nil, selectors?.availability == nil {
            readStock(scan.stockElements.filter { $0.order < scan.h1Order }.map(\.node), source: source, maxLength: 80)
        }
        // An enabled "add to cart" button says the product can be bought, when nothing else says anything.
        if availability == nil, let button = scan.buyButtons.first(where: { !$0.has("disabled") && !PriceBlockReader.isHidden($0) }) {
            let text = button.collapsedText.isEmpty ? (button.attribute("value") ?? "") : button.collapsedText
            let parsed = AvailabilityParser.parse(text).availability
            if parsed == nil || parsed?.buyability == .buyable {
                availability = Observed(.inStock, Evidence(source: source, locator: button.locator, raw: text.isEmpty ? "(enabled buy button)" : text))
                availabilityIsInferred = true
            }
        }
        if availability == nil, selectors?.availability == nil, let button = BuyButton.find(in: tree) {
            availability = Observed(.inStock, Evidence(source: source, locator: button.node.locator, raw: button.text))
            availabilityIsInferred = true
        }
    }

    /// Words that count bids beside an auction's current price, in the languages auction sites are written in.
    static let bidWords: Set<String> = ["bid", "bids", "gebot", "gebote", "offerte", "enchère", "enchères", "enchere",
                                        "encheres", "puja", "pujas", "licytacja", "licytacji", "oferty", "bod", "biedingen",
                                        "lance", "lances", "入札", "입찰"]

    /// True when the text right around the price block counts bids (`2 bids`, `0 offerte`, `5 Gebote`): a
    /// number right before a bid word ("Livraison offerte" is no auction).
    static func mentionsBids(_ block: Node) -> Bool {
        guard let parent = block.parent else { return false }
        let text = PriceBlockReader.contextText(of: parent, around: block.pointer, siblings: 2, limit: 200).lowercased()
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for index in words.indices.dropFirst() where bidWords.contains(String(words[index])) {
            if words[index - 1].allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// Reads availability and a stock count from the first stock lines that state them.
    private mutating func readStock(_ stockNodes: [Node], source: String, maxLength: Int = 200) {
        var checkedAfterAvailability = 0
        for element in stockNodes.prefix(12) {
            // `<link itemprop="availability">` carries no text: the sentence around it does.
            let node = element.named("link") || element.named("meta") ? element.parent ?? element : element
            // A stock line is short; a wrapper with many children is not one.
            if node.elements.count > 6 { continue }
            let tokens = PriceBlockReader.tokens(node)
            // Hidden labels and "notify me when back in stock" forms do not say what is on sale now.
            if PriceBlockReader.isHidden(node, tokens: tokens) || tokens.contains("notify") || tokens.contains("back") { continue }
            let text = PriceBlockReader.visibleText(node)
            guard !text.isEmpty, text.count < maxLength else { continue }
            let parsed = AvailabilityParser.parse(text)
            let evidence = Evidence(source: source, locator: node.locator, raw: text)
            if availability == nil, let value = parsed.availability { availability = Observed(value, evidence) }
            if stockCount == nil, let count = parsed.stockCount, Self.standsAlone(count, in: text) { stockCount = Observed(count, evidence) }
            if availability != nil && stockCount != nil { break }
            if availability != nil { checkedAfterAvailability += 1 }
            if checkedAfterAvailability > 3 { break }
        }
    }

    /// True when the count is written as a number of its own, not part of a code such as `BP-3000-SI`.
    static func standsAlone(_ count: Int, in text: String) -> Bool {
        let digits = String(count)
        var searchStart = text.startIndex
        while let range = text.range(of: digits, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let joined: (Character?) -> Bool = { char in char.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/" } ?? false }
            if !joined(before), !joined(after) { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// Hands the candidate price blocks to `body` in document order until it returns true: price elements after
    /// the product title that hold a number, each widened to its enclosing price container, each container once,
    /// at most 24.
    static func forEachPriceBlock(_ scan: PageScan, _ body: (Node) -> Bool) {
        var seen: [xmlNodePtr] = []
        for (node, order) in scan.priceElements where order > scan.h1Order {
            if PriceBlockReader.isExcluded(node) { continue }
            let text = node.text
            guard text.contains(where: \.isNumber), text.count < 600 else { continue }
            var block = node
            while let parent = block.parent, PriceBlockReader.isPriceContainer(parent), parent.text.count < 600 {
                block = parent
            }
            if seen.contains(block.pointer) { continue }
            seen.append(block.pointer)
            if body(block) || seen.count >= 24 { return }
        }
    }
}

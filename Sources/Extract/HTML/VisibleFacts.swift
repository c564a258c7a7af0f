import AuditModel
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

    init(tree: MarkupTree, scan: PageScan, source: String, selectors: PageSelectors?, parser: PriceParser) {
        let reader = PriceBlockReader(source: source, parser: parser)
        if let h1 = scan.h1 {
            let text = h1.collapsedText
            if !text.isEmpty { title = Observed(text, Evidence(source: source, locator: "h1 (line \(h1.line))", raw: text)) }
        }
        if let xpath = selectors?.price {
            claims += tree.elements(xpath).prefix(1).compactMap { reader.claim($0, role: .current) }
            if let list = selectors?.listPrice {
                claims += tree.elements(list).prefix(1).compactMap { reader.claim($0, role: .list) }
            }
        } else if let block = Self.priceBlock(scan) {
            claims = reader.claims(in: block)
        }
        let stockNodes: [Node] = selectors?.availability.map { tree.elements($0) }
            ?? scan.stockElements.filter { $0.order > scan.h1Order }.map(\.node)
        for node in stockNodes.prefix(8) {
            let text = node.collapsedText
            guard !text.isEmpty, text.count < 200 else { continue }
            let parsed = AvailabilityParser.parse(text)
            let evidence = Evidence(source: source, locator: node.locator, raw: text)
            if let value = parsed.availability {
                availability = Observed(value, evidence)
                if let count = parsed.stockCount { stockCount = Observed(count, evidence) }
                break
            }
        }
    }

    /// The main price block: the first price element after the product title that holds a price, widened to
    /// its enclosing price container.
    static func priceBlock(_ scan: PageScan) -> Node? {
        for (node, order) in scan.priceElements where order > scan.h1Order {
            if PriceBlockReader.isExcluded(node) { continue }
            let text = node.text
            guard text.contains(where: \.isNumber), text.count < 600 else { continue }
            var block = node
            while let parent = block.parent, PriceBlockReader.hints(parent).contains("price"), parent.text.count < 600 {
                block = parent
            }
            return block
        }
        return nil
    }
}

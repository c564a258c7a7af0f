import AuditModel
import Foundation
import Normalize

/// Reads the prices inside one price block: the smallest elements holding a price, each classed as current
/// or list (struck through, "old", "was", "regular" beside a sale price). Unit prices, savings and discount
/// badges are skipped.
struct PriceBlockReader {
    let source: String
    let parser: PriceParser

    static func hints(_ node: Node) -> String {
        ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "") + " " + (node.attribute("itemprop") ?? "")
            + " " + (node.attribute("data-price-type") ?? "")).lowercased()
    }

    /// The class, id and itemprop words of an element: `price-item--regular` → price, item, regular.
    static func tokens(_ node: Node) -> Set<String> {
        Set(hints(node).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    private static let listHints: Set<String> = ["old", "was", "strike", "strikethrough", "crossed", "compare", "before",
                                                 "list", "original", "oldprice", "listprice", "retail", "through"]
    private static let currentHints: Set<String> = ["sale", "special", "current", "final", "now", "actual", "promo",
                                                    "offer", "sales", "saleprice", "finalprice", "specialprice"]
    private static let skipHints: Set<String> = ["unit", "per", "save", "saving", "savings", "risparmio", "discount",
                                                 "badge", "percent", "percentage", "installment", "installments", "klarna"]

    /// Elements that hold other things than the product's own price (related products, mini cart).
    static func isExcluded(_ node: Node) -> Bool {
        var current: Node? = node
        var depth = 0
        while let element = current, depth < 12 {
            let hints = hints(element)
            if ["related", "recommend", "upsell", "cross-sell", "crosssell", "minicart", "mini-cart", "cart-", "carousel"].contains(where: hints.contains) {
                return true
            }
            current = element.parent
            depth += 1
        }
        return false
    }

    func claims(in block: Node) -> [PriceClaim] {
        var found: [(node: Node, role: PriceClaim.Role?)] = []
        collect(block, struck: false, into: &found)
        let hasStrongCurrent = found.contains { $0.role == .current }
        var claims: [PriceClaim] = []
        for (node, role) in found {
            let isRegular = Self.tokens(node).contains("regular")
            let resolved: PriceClaim.Role = role ?? (isRegular && hasStrongCurrent ? .list : .current)
            if let claim = claim(node, role: resolved) { claims.append(claim) }
        }
        return claims
    }

    /// A claim for one element: its `data-price-amount` or `content` attribute when present, else its text.
    func claim(_ node: Node, role: PriceClaim.Role) -> PriceClaim? {
        let text = node.collapsedText
        let attribute = node.attribute("data-price-amount") ?? node.attribute("content")
        let raw = attribute ?? text
        let parsed = attribute != nil ? PriceParser(decimalSeparatorHint: ".", defaultCurrency: parser.defaultCurrency).parse(raw) : parser.parse(raw)
        guard let amount = parsed.amount, let currency = parsed.currency else { return nil }
        return PriceClaim(syntax: .visible, role: role,
                          price: Observed(Money(amount: amount, currency: currency), Evidence(source: source, locator: node.locator, raw: text.isEmpty ? raw : text)))
    }

    private func collect(_ node: Node, struck: Bool, into found: inout [(node: Node, role: PriceClaim.Role?)]) {
        let tokens = Self.tokens(node)
        if !tokens.isDisjoint(with: Self.skipHints) { return }
        let isStruck = struck || node.named("del") || node.named("s") || node.named("strike")
            || !tokens.isDisjoint(with: Self.listHints)
        let text = node.collapsedText
        if text.contains("%") && text.count < 12 { return }
        let lower = text.lowercased()
        if ["/kg", "/ kg", "/l", "/100", "al kg", "per kg", "/m", "al litro"].contains(where: lower.contains) && text.count < 40 { return }
        let kids = node.elements.filter { $0.text.contains(where: \.isNumber) }
        let ownDigits = Self.ownText(node).contains(where: \.isNumber)
        if kids.isEmpty || (kids.count == 1 && ownDigits) || node.has("data-price-amount") || (node.has("content") && node.has("itemprop")) {
            guard text.contains(where: \.isNumber) || node.has("data-price-amount") else { return }
            let role: PriceClaim.Role? = isStruck ? .list
                : (!tokens.isDisjoint(with: Self.currentHints) || node.named("ins") ? .current : nil)
            found.append((node, role))
            return
        }
        let strongCurrent = !tokens.isDisjoint(with: Self.currentHints) || node.named("ins")
        for kid in kids {
            var before = found.count
            collect(kid, struck: isStruck, into: &found)
            // A current-price container makes its unlabelled prices current.
            while strongCurrent && before < found.count {
                if found[before].role == nil { found[before].role = .current }
                before += 1
            }
        }
    }

    /// The text directly inside the element, not in child elements.
    static func ownText(_ node: Node) -> String {
        var text = ""
        var child = node.pointer.pointee.children
        while let current = child {
            if current.pointee.type.rawValue == 3, let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }
}

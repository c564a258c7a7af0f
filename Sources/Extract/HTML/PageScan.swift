import CLibXML2
import Foundation

/// One walk over a parsed page that collects everything the extractors need: JSON-LD scripts, metas, the
/// canonical link, microdata and RDFa roots, the first `h1`, and the elements that look like price or stock
/// text. One pass keeps extraction close to the cost of parsing.
struct PageScan {
    var jsonLD: [String] = []
    /// `(property or name, content)` of every `<meta>`, in order.
    var metas: [(key: String, content: String)] = []
    var canonical: String?
    var microdataRoots: [Node] = []
    var rdfaRoots: [Node] = []
    var h1: Node?
    /// The position of the first `h1` in document order (element count), or 0 when there is none.
    var h1Order = 0
    /// Elements whose class, id or itemprop mentions a price, with their document-order position.
    var priceElements: [(node: Node, order: Int)] = []
    /// Elements whose class or id mentions stock or availability, with their document-order position.
    var stockElements: [(node: Node, order: Int)] = []
    /// Elements whose class or id mentions shipping, returns or payment, with their kind, in document order.
    var termsElements: [(node: Node, kind: TermsKind)] = []
    /// Buy buttons (`button`, `input[type=submit]` whose class, name or id mentions cart, add or buy) after the title.
    var buyButtons: [Node] = []
    /// Elements with an `id`, for microdata `itemref`.
    var ids: [String: Node] = [:]

    init(_ tree: MarkupTree) {
        guard let root = tree.rootElement else { return }
        var rdfaDepthGuard: Set<xmlNodePtr> = []
        var order = 0
        root.descendants { node in
            order += 1
            if node.named("script") {
                if let type = node.attribute("type"), type.lowercased().contains("ld+json") { jsonLD.append(node.ownText) }
                return false
            }
            if node.named("style") || node.named("svg") || node.named("noscript") { return false }
            if node.named("meta") {
                if let key = node.attribute("property") ?? node.attribute("name"), let content = node.attribute("content") {
                    metas.append((key.lowercased(), content))
                }
            } else if node.named("link"), canonical == nil, node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                canonical = node.attribute("href")
            } else if node.named("h1"), h1 == nil {
                h1 = node
                h1Order = order
            }
            if node.has("itemscope"), !node.has("itemprop") { microdataRoots.append(node) }
            if node.has("typeof"), !node.has("property"), !(node.parent.map { rdfaDepthGuard.contains($0.pointer) } ?? false) {
                rdfaRoots.append(node)
            }
            if node.has("typeof") || (node.parent.map { rdfaDepthGuard.contains($0.pointer) } ?? false) {
                rdfaDepthGuard.insert(node.pointer)
            }
            if let id = node.attribute("id"), ids[id] == nil { ids[id] = node }
            let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "") + " "
                + (node.attribute("itemprop") ?? "") + " " + (node.attribute("property") ?? "") + " "
                + (node.attribute("data-price-type") ?? "")).lowercased()
            if hints.contains("price") || node.has("data-price-amount") { priceElements.append((node, order)) }
            if ["stock", "availab", "disponib", "lager", "lieferbar", "existencia", "inventory", "quantities"].contains(where: hints.contains) {
                stockElements.append((node, order))
            }
            if buyButtons.count < 4, h1 != nil, node.named("button") || (node.named("input") && node.attribute("type")?.lowercased() == "submit"),
                ["cart", "add", "buy", "panier", "warenkorb", "carrello", "carrito"].contains(where: (hints + " " + (node.attribute("name") ?? "")).contains) {
                buyButtons.append(node)
            }
            if termsElements.count < 32, let kind = TermsKind.allCases.first(where: { $0.hints.contains(where: hints.contains) }) {
                termsElements.append((node, kind))
            }
            return true
        }
    }

    /// The kinds of terms blocks a page has.
    enum TermsKind: CaseIterable {
        case shipping, returns, payment

        var hints: [String] {
            switch self {
            case .shipping: ["shipping", "spedizion", "delivery", "consegna", "versand", "lieferung", "livraison", "envio"]
            case .returns: ["return", "reso", "resi", "rueckgabe", "retour", "devoluc"]
            case .payment: ["payment", "pagament", "zahlung", "paiement", "pago"]
            }
        }
    }

    /// The content of the first meta with one of the keys.
    func meta(_ keys: String...) -> (key: String, content: String)? {
        for key in keys { if let found = metas.first(where: { $0.key == key }) { return found } }
        return nil
    }
}

import AuditModel
import CLibXML2
import Foundation
import Normalize

/// Reads the shipping, returns and payment statements of a page ("Spedizione gratuita sopra i 49 €", "Reso
/// gratuito entro 30 giorni", "Paga con PayPal, Visa …") through the `Normalize` terms parsers. Boxes often
/// hold all three, so each line of a box (a list item, a paragraph) is read on its own and classed by its words.
struct TermsBlocks {
    var shipping: Observed<ShippingTerms>?
    var returns: Observed<ReturnTerms>?
    var payment: Observed<[String]>?
    var pickup: Observed<Bool>?

    private static let shippingWords = ["spedizion", "consegna", "shipping", "delivery", "versand", "lieferung", "livraison", "envio", "envío"]
    private static let returnWords = ["reso", "resi ", "return", "rückgabe", "ruckgabe", "retour", "devoluc", "recesso"]
    private static let paymentCues = ["pay", "pag", "zahl", "paie", "visa", "mastercard", "card", "carta", "karte", "bonifico", "klarna"]

    init(scan: PageScan, source: String, currency: String?, locale: String?) {
        let shippingParser = ShippingParser(defaultCurrency: currency, locale: locale)
        var seen: Set<xmlNodePtr> = []
        for (container, kind) in scan.termsElements.prefix(12) {
            if shipping != nil && returns != nil && payment != nil && pickup != nil { break }
            for line in Self.lines(of: container) where seen.insert(line.pointer).inserted {
                let text = line.collapsedText
                guard !text.isEmpty, text.count < 300 else { continue }
                let lower = text.lowercased()
                let evidence = Evidence(source: source, locator: line.locator, raw: text)
                if shipping == nil, ByteSearch.containsAny(lower, Self.shippingWords) {
                    let terms = shippingParser.parse(text)
                    if !terms.isEmpty { shipping = Observed(terms, evidence) }
                }
                if returns == nil, ByteSearch.containsAny(lower, Self.returnWords) {
                    let terms = ReturnsParser.parse(text)
                    if terms.days != nil || terms.isFree != nil { returns = Observed(terms, evidence) }
                }
                if pickup == nil, let offered = PickupParser.parse(text) { pickup = Observed(offered, evidence) }
                if payment == nil, kind == .payment || ByteSearch.containsAny(lower, Self.paymentCues) {
                    let methods = PaymentParser.parse(text + " " + Self.labels(line))
                    if !methods.isEmpty { payment = Observed(methods, evidence) }
                }
            }
        }
    }

    /// The innermost block elements of a box (its lines), or the box itself when it has none.
    private static func lines(of container: Node) -> [Node] {
        var lines: [Node] = []
        container.descendants { node in
            let hasBlockChild = node.elements.contains(where: isBlock)
            if !hasBlockChild, isBlock(node) || node.pointer == container.pointer {
                lines.append(node)
                return false
            }
            return lines.count < 32
        }
        return lines
    }

    /// The block element names (a box's lines), compared in place without making a string per element.
    private static let blockNameList: [StaticString] = ["li", "p", "div", "ul", "ol", "dl", "table", "section", "aside", "tr", "dd", "dt", "h2", "h3", "h4"]

    private static func isBlock(_ node: Node) -> Bool { blockNameList.contains { node.named($0) } }

    /// Payment icons carry their names in `alt`, `title` or `aria-label`.
    private static func labels(_ node: Node) -> String {
        var labels: [String] = []
        node.descendants { element in
            for label in [element.attribute("alt"), element.attribute("title"), element.attribute("aria-label")] {
                if let label, !label.isEmpty { labels.append(label) }
            }
            return labels.count < 40
        }
        return labels.joined(separator: ", ")
    }
}

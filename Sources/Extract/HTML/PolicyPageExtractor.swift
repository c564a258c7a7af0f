import AuditModel
import Foundation
import Normalize

/// Reads a shop's policy page (shipping, returns, payment, conditions of sale) into `ShopTerms`: every line of
/// the visible text (paragraphs, list items, table cells) is parsed with the `Normalize` terms parsers, and each
/// field is taken from the first line that states it, with that line as evidence. Statements spread over
/// several lines ("4,90 € in tutta Italia" … "gratuita per ordini da 49 €") are combined.
public struct PolicyPageExtractor: Sendable {
    /// The channel the terms belong to.
    public var channel: String
    /// The currency of amounts that state none.
    public var defaultCurrency: String?
    /// The shop's locale (decimal separator, language).
    public var locale: String?

    /// Creates an extractor.
    public init(channel: String, defaultCurrency: String?, locale: String?) {
        self.channel = channel
        self.defaultCurrency = defaultCurrency
        self.locale = locale
    }

    static let lineNames: Set<String> = ["p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "div", "span", "section"]
    static let skipped: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "template"]

    /// The terms one page states, merged into `terms`; problems when the page cannot be parsed.
    public func extract(_ data: Data, source: String, into terms: inout ShopTerms) -> [Problem] {
        guard let tree = MarkupTree(html: data, url: source), let root = tree.rootElement else {
            return [Problem(source: source, message: "not an HTML page")]
        }
        let shippingParser = ShippingParser(defaultCurrency: defaultCurrency, locale: locale)
        var shipping = terms.shipping?.value ?? ShippingTerms()
        var shippingEvidence: [String] = terms.shipping.map { [$0.evidence.raw] } ?? []
        var shippingLocator = terms.shipping?.evidence.locator
        var found = false
        for line in Self.lines(root) {
            let text = line.collapsedText
            guard !text.isEmpty, text.count < 400 else { continue }
            let evidence = Evidence(source: source, locator: line.locator, raw: text)
            let lower = text.lowercased()
            let stated = shippingParser.parse(text)
            if !stated.isEmpty, Self.mentionsShipping(lower) {
                found = true
                let before = shipping
                Self.merge(stated, into: &shipping)
                if shipping != before {
                    shippingEvidence.append(text)
                    shippingLocator = shippingLocator ?? line.locator
                }
            }
            if terms.returns == nil, Self.mentionsReturns(lower) {
                let stated = ReturnsParser.parse(text)
                if stated.days != nil || stated.isFree != nil {
                    terms.returns = Observed(stated, evidence)
                    found = true
                }
            } else if var returns = terms.returns?.value, Self.mentionsReturns(lower) {
                let stated = ReturnsParser.parse(text)
                if stated.days != nil || stated.isFree != nil { found = true }
                if returns.days == nil, let days = stated.days { returns.days = days }
                if returns.isFree == nil, let free = stated.isFree { returns.isFree = free }
                if returns != terms.returns?.value, let old = terms.returns?.evidence {
                    terms.returns = Observed(returns, Evidence(source: old.source, locator: old.locator, raw: old.raw + " · " + text))
                }
            }
            if Self.mentionsPayment(lower) {
                let methods = PaymentParser.parse(text)
                if !methods.isEmpty {
                    found = true
                    let merged = Array(Set(methods + (terms.paymentMethods?.value ?? []))).sorted()
                    if merged != terms.paymentMethods?.value {
                        terms.paymentMethods = Observed(merged, terms.paymentMethods?.evidence ?? evidence)
                    }
                }
            }
        }
        if !shipping.isEmpty {
            terms.shipping = Observed(shipping, Evidence(source: terms.shipping?.evidence.source ?? source,
                                                         locator: shippingLocator ?? "", raw: shippingEvidence.joined(separator: " · ")))
        }
        return found ? [] : [Problem(source: source, message: "no shipping, returns or payment terms found on the policy page")]
    }

    /// The innermost text blocks of the page, in document order, outside scripts, navigation and footers.
    static func lines(_ root: Node) -> [Node] {
        var lines: [Node] = []
        root.descendants { node in
            if skipped.contains(node.name) { return false }
            let hasBlockChild = node.elements.contains { lineNames.contains($0.name) && $0.name != "span" }
            if lineNames.contains(node.name), !hasBlockChild {
                lines.append(node)
                return false
            }
            return lines.count < 2_000
        }
        return lines
    }

    /// Fills the fields `into` lacks from `stated`; a stated threshold makes unconditional "free" false.
    static func merge(_ stated: ShippingTerms, into terms: inout ShippingTerms) {
        if terms.cost == nil, let cost = stated.cost { terms.cost = cost }
        if terms.freeOver == nil, let over = stated.freeOver { terms.freeOver = over }
        if terms.minDays == nil, terms.maxDays == nil, stated.minDays != nil || stated.maxDays != nil {
            terms.minDays = stated.minDays
            terms.maxDays = stated.maxDays
            terms.businessDays = stated.businessDays
        }
        if terms.isFree == nil, let free = stated.isFree { terms.isFree = free }
        if terms.freeOver != nil { terms.isFree = false }
    }

    static func mentionsShipping(_ lower: String) -> Bool {
        ByteSearch.containsAny(lower, ["spedizion", "consegna", "shipping", "delivery", "versand", "lieferung", "livraison",
                                       "envio", "envío", "corriere", "gratuit", "free"])
    }

    static func mentionsReturns(_ lower: String) -> Bool {
        ByteSearch.containsAny(lower, ["reso", "resi", "restitu", "return", "rückgabe", "ruckgabe", "retour", "devoluc", "recesso"])
    }

    static func mentionsPayment(_ lower: String) -> Bool {
        ByteSearch.containsAny(lower, ["pag", "pay", "zahl", "paie", "carta", "card", "bonifico", "contrassegno"])
    }
}

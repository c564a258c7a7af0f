import AuditModel
import CLibXML2
import Foundation
import Normalize

/// The item number a page shows beside a label ("SKU: AB-123", "ASIN B01GOH7PKA", "Art.-Nr. 4711",
/// "Codice articolo", "Référence", "商品番号" …), for pages without structured data: the label and its value in
/// one element, or the label alone followed by the value in the next element (a table row, a definition list).
enum VisibleIdentifier {
    /// Folded labels (lower case, no accents), without trailing punctuation, most specific first; model and part
    /// numbers are left out (they are the maker's, not the shop's).
    static let labels: [String] = [
        "sku", "asin", "item number", "item no", "item #", "item id", "product code", "product id", "product number",
        "art.-nr", "art.nr", "art-nr", "artikelnummer", "artikel-nr",
        "bestellnummer", "codice articolo", "cod. articolo", "codice prodotto", "codice", "reference", "ref",
        "referencia", "referência", "codigo", "código del producto", "kod produktu", "numer katalogowy",
        "katalogove cislo", "kod", "artikelnr", "artikelnummer", "tuotenumero", "varenummer", "urun kodu",
        "商品番号", "品番", "商品編號", "商品编号", "상품번호", "מק\"ט", "מק״ט", "رمز المنتج",
    ]

    /// The identifier with the most specific label on the page (the first of those), with its evidence.
    static func find(in tree: MarkupTree, source: String) -> Observed<String>? {
        let leaves = shortLeaves(in: tree, limit: 20_001)
        var best: (rank: Int, found: Observed<String>)?
        for (index, leaf) in leaves.prefix(20_000).enumerated() {
            if leaf.named("script") || leaf.named("style") || leaf.named("option") { continue }
            guard let (rank, label, rest) = split(leaf.collapsedText), rank < (best?.rank ?? Int.max) else { continue }
            var value = rest
            var locator = leaf.locator
            if value.isEmpty, index + 1 < leaves.count {
                value = leaves[index + 1].collapsedText
                locator = leaves[index + 1].locator
            }
            guard let sku = Identifiers.sku(value), plausible(sku) else { continue }
            best = (rank, Observed(sku, Evidence(source: source, locator: locator, raw: "\(label) \(value)")))
            if rank == 0 { break }
        }
        return best?.found
    }

    /// What `//body//*[not(*) and string-length(normalize-space(.)) > 1 and string-length(normalize-space(.)) < 60]`
    /// selects, the first `limit` in document order, walked instead of evaluated by XPath: the elements inside
    /// `body` with no child element whose text, with XML whitespace collapsed and trimmed, has 2 to 59 characters.
    static func shortLeaves(in tree: MarkupTree, limit: Int) -> [Node] {
        var leaves: [Node] = []
        // libxml2's HTML parser puts `body` only under the root element (a misplaced `<body>` tag is dropped), so
        // the top-level elements and their children are where `//body` finds it.
        var bodies: [xmlNodePtr] = []
        var top = tree.document.pointee.children
        while let element = top {
            if element.pointee.type == XML_ELEMENT_NODE {
                if Node(pointer: element, tree: tree).named("body") { bodies.append(element) }
                var child = element.pointee.children
                while let inner = child {
                    if inner.pointee.type == XML_ELEMENT_NODE, Node(pointer: inner, tree: tree).named("body") { bodies.append(inner) }
                    child = inner.pointee.next
                }
            }
            top = element.pointee.next
        }
        var seen = Set<xmlNodePtr>()  // with nested bodies, an element is selected once
        for body in bodies {
            Node(pointer: body, tree: tree).forEachElementBelow { element in
                guard leaves.count < limit, bodies.count == 1 || seen.insert(element).inserted else { return false }
                var child = element.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE { return true }
                    child = current.pointee.next
                }
                let length = normalizedLength(element, stoppingAt: 60)
                if length > 1 && length < 60 { leaves.append(Node(pointer: element, tree: tree)) }
                return false
            }
        }
        if bodies.count > 1 { leaves.sort { xmlXPathCmpNodes($0.pointer, $1.pointer) > 0 } }
        return Array(leaves.prefix(limit))
    }

    /// XPath's `string-length(normalize-space(.))` of a leaf element (its text and CDATA children), counted up
    /// to `stop`.
    private static func normalizedLength(_ leaf: xmlNodePtr, stoppingAt stop: Int) -> Int {
        var length = 0
        var pendingSpace = false
        var child = leaf.pointee.children
        while let current = child, length < stop {
            child = current.pointee.next
            guard current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                var byte = current.pointee.content
            else { continue }
            while byte.pointee != 0, length < stop {
                let value = byte.pointee
                if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D {
                    pendingSpace = length > 0
                } else if value & 0xC0 != 0x80 {
                    if pendingSpace { length += 1; pendingSpace = false }
                    length += 1
                }
                byte += 1
            }
        }
        return length
    }

    /// The label's rank, the label and what follows it in the same text, when the text starts with a label.
    private static func split(_ text: String) -> (rank: Int, label: String, rest: String)? {
        var found: (rank: Int, label: String, rest: String)?
        prefixes.firstMatch(in: text) { rank, folded in
            let label = labels[rank]
            let after = folded.dropFirst(label.count)
            guard after.isEmpty || after.first.map({ !$0.isLetter && !$0.isNumber }) == true || label.unicodeScalars.first.map({ $0.value > 0x2E80 }) == true
            else { return false }
            let rest = text.dropFirst(text.count - after.count)
                .trimmingCharacters(in: CharacterSet(charactersIn: " :#.-–\u{00A0}\u{3000}："))
            found = (rank, String(text.prefix(text.count - after.count)), rest)
            return true
        }
        return found
    }

    /// The labels, matched without folding most texts.
    private static let prefixes = FoldedPrefixes(labels)

    /// An identifier is one word of letters, digits and `-._/`, with a digit.
    private static func plausible(_ value: String) -> Bool {
        value.count >= 3 && value.count <= 40 && value.contains(where: \.isNumber)
            && value.allSatisfy { $0.isLetter || $0.isNumber || "-._/".contains($0) }
    }
}

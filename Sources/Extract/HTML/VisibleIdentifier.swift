import AuditModel
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
        let leaves = tree.elements("//body//*[not(*) and string-length(normalize-space(.)) > 1 and string-length(normalize-space(.)) < 60]")
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

    /// The label's rank, the label and what follows it in the same text, when the text starts with a label.
    private static func split(_ text: String) -> (rank: Int, label: String, rest: String)? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for (rank, label) in labels.enumerated() where folded.hasPrefix(label) {
            let after = folded.dropFirst(label.count)
            guard after.isEmpty || after.first.map({ !$0.isLetter && !$0.isNumber }) == true || label.unicodeScalars.first.map({ $0.value > 0x2E80 }) == true
            else { continue }
            let rest = text.dropFirst(text.count - after.count)
                .trimmingCharacters(in: CharacterSet(charactersIn: " :#.-–\u{00A0}\u{3000}："))
            return (rank, String(text.prefix(text.count - after.count)), rest)
        }
        return nil
    }

    /// An identifier is one word of letters, digits and `-._/`, with a digit.
    private static func plausible(_ value: String) -> Bool {
        value.count >= 3 && value.count <= 40 && value.contains(where: \.isNumber)
            && value.allSatisfy { $0.isLetter || $0.isNumber || "-._/".contains($0) }
    }
}

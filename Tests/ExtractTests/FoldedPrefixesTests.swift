import Foundation
import Testing

@testable import Extract

/// `FoldedPrefixes` answers what folding each text with Foundation and trying every phrase with `hasPrefix`
/// answers, without folding most texts.
@Suite struct FoldedPrefixesTests {
    /// Foundation's folding, then "ł" as "l", then the first phrase in list order that begins the text.
    static func naive(_ text: String, _ phrases: [String]) -> Int? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "ł", with: "l")
        return phrases.firstIndex { folded.hasPrefix($0) }
    }

    /// Texts made of pieces in many scripts, with combining marks, ligatures and letters that fold to others.
    static func texts(count: Int) -> [String] {
        let pieces = ["Add", "ADD TO CART", "add to", " cart", "Añadir", "AÑADIR AL CARRITO", "Ajouter", "au panier", "Łódź", "Dodaj",
                      "do koszyka", "В корзину", "カートに入れる", "장바구니", "ß", "ﬁ", "e\u{301}", "\u{301}", "İ", "Ǆ", "ŉ", "Æ", "ø",
                      "SKU", "Codice articolo", "Référence", "Art.-Nr.", "商品番号", " ", "-", "1234", "Κ", "ς", "\u{200D}", "😀"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(Int(state % 4) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            return text
        }
    }

    @Test func matchesFoldingEveryText() {
        let phrases = BuyButton.phrases + VisibleIdentifier.labels
        let table = FoldedPrefixes(phrases)
        var mismatches: [String] = []
        for text in Self.texts(count: 4_000) where table.firstMatch(in: text) != Self.naive(text, phrases) { mismatches.append(text) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Latin texts are folded scalar by scalar from a table Foundation filled: the same result.
    @Test func latinFoldingIsFoundations() {
        for value in 0xA0...0x24F {
            let text = "Ab" + String(Character(Unicode.Scalar(UInt32(value))!)) + "Zé"
            #expect(FoldedPrefixes.latinFolded(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                    "U+\(String(value, radix: 16))")
        }
        #expect(FoldedPrefixes.latinFolded("カート") == nil)
        #expect(FoldedPrefixes.latinFolded("e\u{301}") == nil)
    }
}

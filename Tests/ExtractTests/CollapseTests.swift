@testable import Extract
import Foundation
import Testing

/// `Node.collapse` works on bytes and scalars; it must give exactly what splitting on `Character.isWhitespace`
/// gives, including where graphemes join a whitespace scalar with a neighbour.
@Suite struct CollapseTests {
    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func fixedCases() {
        let cases = [
            "", " ", "  \t\n ", "a", " a ", "a  b", "19,99\u{00A0}€", "\u{202F}1\u{2009}299,00\u{00A0}zł\n",
            "a\r\nb", "\r\n", "e\u{301} x", " \u{301}a", "a \u{301}", "x\u{0600} 1", "\u{0600} ", "a\u{200D} b",
            "a \u{200D}b", "👍🏽 ok", " 🏽", "日本 円", "ราคา \u{0E33}", "£\u{00A0}\u{00A0}19.99", "a\u{3000}b",
            "\u{85}a\u{2028}b\u{2029}", "ﾊﾞ ﾞ", "Ａ\u{FE0F} b", "x \u{E0020}",
        ]
        for text in cases { #expect(Node.collapse(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    @Test func randomMixes() {
        let pieces: [String] = [" ", "\t", "\n", "\r", "\r\n", "\u{00A0}", "\u{202F}", "\u{3000}", "\u{85}", "a", "Z", "9",
                                ",", "€", "£", "\u{301}", "\u{200D}", "\u{200C}", "\u{0600}", "\u{0D4E}", "\u{0E33}", "ก",
                                "日", "🏽", "👍", "\u{FE0F}", "\u{1F1EE}", "\u{1F1F9}", "é", "ß", "-", "\u{E0041}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Node.collapse(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The ASCII fast path of the buy-button words agrees with Foundation's folding.
    @Test func buyButtonPhrasesFolding() {
        func reference(_ raw: String) -> Bool {
            let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "ł", with: "l")
            return BuyButton.phrases.contains(where: { folded.hasPrefix($0) })
        }
        let cases = ["Add to Cart", "ADD TO BASKET now", "add to car", "Buy", "BUY NOW!", "Comprar", "COMPRARE", "Añadir al carrito",
                     "In den Warenkorb", "Kupit", "Dodaj do koszyka", "Köp nu", "Læg i kurv", "Ajouter au panier", "x add to cart",
                     "Sofort-Kaufen", "", "В корзину", "カートに入れる", "Add\tto cart", "add to cart\u{301}", "Aggiungi al carrello"]
        for text in cases { #expect(BuyButton.startsWithPhrase(text) == reference(text), "\(text)") }
    }
}

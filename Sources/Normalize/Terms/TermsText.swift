import Foundation

/// A terms sentence prepared for phrase matching: its tokens (numbers, prices, words) and a folded word line
/// (`" spedizione gratuita sopra i "`: lower-case, accents removed, one space between words) for `contains`.
struct TermsText: Sendable {
    /// The tokens of the text, as the price scanner reads them.
    let tokens: [PriceToken]
    /// Folded words of each word token (nil for other tokens), index-aligned with `tokens`.
    let folded: [String?]
    /// All words, folded, space-separated, with a leading and trailing space.
    let line: String

    /// Terms texts longer than this are cut.
    static let maxBytes = 4096

    init(_ text: String) {
        tokens = PriceScanner.scan(text, maxBytes: TermsText.maxBytes)
        let bytes = Array(text.utf8)
        folded = tokens.map { token in
            guard token.isWord else { return nil }
            let word = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            return TermsText.fold(UTF8Scalar.asciiLowercased(word))
        }
        line = " " + folded.compactMap { $0 }.joined(separator: " ") + " "
    }

    /// Lower-case, accents removed (`envío` → `envio`, `rücksendung` → `rucksendung`).
    static func fold(_ word: String) -> String {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        return word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// Whether the word line contains any of the phrases (each given folded, without the padding spaces).
    func contains(any phrases: [String]) -> Bool {
        phrases.contains { ByteSearch.contains(line, " " + $0 + " ") }
    }

    /// The folded words in the `count` tokens before `index`.
    func words(before index: Int, count: Int) -> [String] {
        folded[max(0, index - count)..<index].compactMap { $0 }
    }

    /// The integer value of a number token without separators.
    func integer(at index: Int) -> Int? {
        guard index >= 0, index < tokens.count, let number = tokens[index].number, number.separatorCount == 0,
            !number.overflow, number.mantissa < 100_000
        else { return nil }
        return Int(number.mantissa)
    }
}

import Foundation
import Normalize

/// A list of folded phrases (lower case, no accents: "add to cart", "codice articolo") matched at the start of a
/// text exactly as `text.folding(options: [.caseInsensitive, .diacriticInsensitive])` followed by `hasPrefix`
/// would, phrase after phrase in list order, without folding most texts: ASCII text is folded by lower-casing its
/// bytes (what Foundation does to ASCII), a text whose first scalar is an ASCII character no phrase begins with
/// cannot match, and a folded text is compared only with the phrases that begin with its first character.
/// "ł" (which has no decomposition) folds to "l".
struct FoldedPrefixes: Sendable {
    /// The phrases, folded, in the order they are tried.
    let phrases: [String]
    /// The ASCII phrases as bytes, with their index in `phrases`.
    private let asciiPhrases: [(index: Int, bytes: [UInt8])]
    /// The indices of the phrases that begin with each first character, in list order.
    private let byFirstCharacter: [Character: [Int]]
    /// `startsAnyPhrase[b]` is true when a phrase begins with the ASCII byte `b`.
    private let startsAnyPhrase: [Bool]

    init(_ phrases: [String]) {
        self.phrases = phrases
        asciiPhrases = phrases.enumerated().filter { $0.element.utf8.allSatisfy { $0 < 0x80 } }.map { ($0.offset, Array($0.element.utf8)) }
        byFirstCharacter = Dictionary(grouping: phrases.indices.filter { !phrases[$0].isEmpty }, by: { phrases[$0].first! })
        var starts = [Bool](repeating: false, count: 128)
        for phrase in phrases { if let first = phrase.utf8.first, first < 0x80 { starts[Int(first)] = true } }
        startsAnyPhrase = starts
    }

    /// Calls `body` with the index of each phrase the folded text begins with, in list order, and the folded
    /// text, until `body` returns true; returns that phrase's index.
    @discardableResult
    func firstMatch(in text: String, where body: (_ index: Int, _ folded: String) -> Bool = { _, _ in true }) -> Int? {
        var copy = text
        let shortcut: Int?? = copy.withUTF8 { bytes -> Int?? in
            guard let first = bytes.first else { return .some(nil) }
            if first < 0x80, !startsAnyPhrase[Int(first >= 0x41 && first <= 0x5A ? first | 0x20 : first)] { return .some(nil) }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // ASCII: lower-cased bytes are the folded text.
            var folded: String?
            for (index, phrase) in asciiPhrases where phrase.count <= bytes.count {
                var same = true
                for offset in phrase.indices {
                    let byte = bytes[offset]
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != phrase[offset] { same = false; break }
                }
                guard same else { continue }
                if folded == nil { folded = text.lowercased() }
                if body(index, folded!) { return .some(index) }
            }
            return .some(nil)
        }
        if let shortcut { return shortcut }
        var folded = Self.latinFolded(text) ?? text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        // "ł" (U+0142, bytes C5 82) has no decomposition: without those bytes there is nothing to replace.
        if ByteSearch.contains(Array(folded.utf8), [0xC5, 0x82]) { folded = folded.replacingOccurrences(of: "ł", with: "l") }
        guard let first = folded.first, let candidates = byFirstCharacter[first] else { return nil }
        for index in candidates where folded.hasPrefix(phrases[index]) {
            if body(index, folded) { return index }
        }
        return nil
    }

    /// Foundation's folding of each Latin scalar from U+00A0 to U+024F (Latin-1 and the Latin Extended blocks),
    /// asked once.
    private static let latinFolds: [String] = (0xA0...0x24F).map { value in
        String(Character(Unicode.Scalar(UInt32(value))!)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The folded text when every scalar is ASCII or Latin (U+00A0 to U+024F): each is then a character of its
    /// own (no combining mark or joiner in these ranges), and Foundation folds character by character, so the
    /// folding is the folded scalars in order. Nil for any other text.
    static func latinFolded(_ text: String) -> String? {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value | 0x20)! : scalar)
            } else if value >= 0xA0 && value <= 0x24F {
                folded += latinFolds[Int(value) - 0xA0]
            } else {
                return nil
            }
        }
        return folded
    }
}

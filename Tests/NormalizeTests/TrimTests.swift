import Foundation
import Normalize
import Testing

/// `ByteSearch.trimmingWhitespaceAndNewlines` gives exactly what Foundation's trimming gives.
@Suite struct TrimTests {
    @Test func sameAsFoundation() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{85}", "\u{2028}", "\u{3000}", "\u{1}", "a", "{", "}", "é",
                      "<!--", "€", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ByteSearch.trimmingWhitespaceAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

import Foundation
import Testing

@testable import Extract

@Suite("Charset")
struct CharsetTests {
    /// The in-place UTF-8 check answers what Foundation's decoding does, on edge cases and on many mixed byte
    /// sequences (valid multi-byte characters, stray continuation bytes, overlong forms, surrogates, truncations).
    @Test func utf8CheckAgreesWithFoundation() {
        let edges: [[UInt8]] = [
            [], Array("plain ASCII, longer than eight bytes".utf8), Array("caffè € 日本 😀".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xFE], [0xFF], [0xE2, 0x82], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xE2, 0x82],
            [0xEF, 0xBF, 0xBE], [0x00, 0x41],
        ]
        for bytes in edges {
            #expect(Charset.isValidUTF8(Data(bytes)) == (String(data: Data(bytes), encoding: .utf8) != nil), "\(bytes)")
        }
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xE2, 0x82],
                                 [0xC3], [0xF0, 0x9F], [0xED, 0xB0, 0x80], [0xC1, 0x81], [0x0A]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mismatches = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(Int(state % 9) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let piece = pieces[Int((state >> 33) % UInt64(pieces.count))]
                // Mostly valid pieces, so that valid sequences are common too.
                if piece.count == 1 && piece[0] >= 0x80 || piece == [0xE2, 0x82] || piece == [0xC3] || piece == [0xF0, 0x9F]
                    || piece == [0xED, 0xB0, 0x80] || piece == [0xC1, 0x81] {
                    if (state >> 20) % 4 != 0 { continue }
                }
                bytes += piece
            }
            if Charset.isValidUTF8(Data(bytes)) != (String(data: Data(bytes), encoding: .utf8) != nil) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}

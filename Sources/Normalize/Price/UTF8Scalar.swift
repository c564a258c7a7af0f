/// Small, allocation-free helpers for reading Unicode scalars straight from UTF-8 bytes.
enum UTF8Scalar {
    /// The scalar at `offset` and its length in bytes (at least 1). Malformed bytes decode as U+FFFD, length 1.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (0xFFFD, 1)
        }
        guard offset + length <= bytes.count else { return (0xFFFD, 1) }
        for position in (offset + 1)..<(offset + length) {
            let byte = bytes[position]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    /// Spaces of every width, tabs and line breaks (NBSP, narrow NBSP, thin and figure spaces included).
    static func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        // Direction marks and isolates around numbers in right-to-left text (LRM, RLM, ALM, embeddings).
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Hyphen-minus and the dashes shops put in ranges and `,–` endings.
    static func isDash(_ scalar: UInt32) -> Bool {
        scalar == 0x2D || scalar == 0x2010 || scalar == 0x2011 || scalar == 0x2012 || scalar == 0x2013
            || scalar == 0x2014 || scalar == 0x2212
    }

    /// ASCII letters and letters of any script (Cyrillic, Arabic, Hangul, CJK …), but not currency signs.
    static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
        // The blocks shops write in, without a Unicode property lookup: Latin-1 and Latin Extended letters,
        // basic Cyrillic, Arabic letters, Hangul syllables and CJK ideographs.
        switch scalar {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x410...0x44F, 0x621...0x63A, 0x641...0x64A, 0xAC00...0xD7A3,
            0x4E00...0x9FFF, 0x5F3, 0x5F4:  // Hebrew geresh and gershayim belong to abbreviations (`ש״ח`)
            return true
        case 0xD7, 0xF7, 0x2000...0x206F, 0x20A0...0x20CF:
            return false  // ×, ÷, general punctuation, currency signs
        default:
            break
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// Lower-cases ASCII letters only (fast; other scripts are compared as written).
    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Makes shop text safe to print on a terminal: control characters (C0, DEL, C1) and bidirectional
/// overrides are shown as `\u{…}` escapes, so a page cannot move the cursor, recolour or retitle the
/// terminal, or reorder what the reader sees.
public enum TerminalText {
    /// The text with every control or bidi-override character escaped; a backslash stays a backslash.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
    }
}

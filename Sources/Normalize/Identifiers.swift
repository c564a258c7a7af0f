/// Normalises product identifiers so the same product matches across channels.
public enum Identifiers {
    /// A SKU or MPN trimmed of surrounding whitespace; nil when empty.
    public static func sku(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// A GTIN as digits only, in one canonical length: leading zeros dropped, then padded to 13 digits
    /// (14 for a GTIN-14 that needs them), so `012345678905` (UPC) and `0012345678905` match.
    /// Nil when the text has other characters or no digits.
    public static func gtin(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).filter { $0 != " " && $0 != "-" }
        guard !value.isEmpty, value.count <= 14, value.allSatisfy(\.isASCIIDigit) else { return nil }
        let significant = value.drop(while: { $0 == "0" })
        guard !significant.isEmpty else { return nil }
        let width = significant.count > 13 ? 14 : 13
        return String(repeating: "0", count: width - significant.count) + significant
    }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

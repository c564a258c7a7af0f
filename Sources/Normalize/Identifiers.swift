/// Normalises product identifiers so the same product matches across channels.
public enum Identifiers {
    /// A SKU or MPN trimmed of surrounding whitespace; nil when empty.
    public static func sku(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// A GTIN as GTIN-14: digits only, padded with leading zeros to 14 digits, so `012345678905` (UPC-A),
    /// `0012345678905` (EAN-13) and `00012345678905` match. Nil when the text has other characters, no digits
    /// other than zeros, or more than 14 digits. The check digit is verified by `isValidGTIN`.
    public static func gtin(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).filter { $0 != " " && $0 != "-" }
        guard !value.isEmpty, value.count <= 14, value.allSatisfy(\.isASCIIDigit) else { return nil }
        guard value.contains(where: { $0 != "0" }) else { return nil }
        return String(repeating: "0", count: 14 - value.count) + value
    }

    /// True when a GTIN's last digit is the GS1 check digit of the others (GTIN-8, -12, -13 and -14 alike,
    /// leading zeros included or not).
    public static func isValidGTIN(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == digits.count, let check = values.last, values.count >= 8 else { return false }
        var sum = 0
        for (offset, value) in values.dropLast().reversed().enumerated() { sum += value * (offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10 == check
    }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

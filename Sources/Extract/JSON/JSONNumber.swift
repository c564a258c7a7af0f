/// Reads a JSON number exactly as written, without a binary float in between: `1.5e2` is 150, `2E1` is 20,
/// `1e-2` is 0.01, `-5` is minus five.
public enum JSONNumber {
    /// The largest exponent accepted: beyond it a number is refused rather than expanded into a huge string.
    public static let maxExponent = 40

    /// The number as plain decimal text (no exponent, sign kept: `"-5"`, `"0.01"`, `"150"`), or nil when it is
    /// not a JSON number or its exponent is beyond ±`maxExponent`.
    public static func plain(_ text: String) -> String? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        var exponent = 0
        if let mark = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var digits = rest[rest.index(after: mark)...]
            let sign = digits.first == "-" ? -1 : 1
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 4, let value = Int(digits),
                value <= maxExponent else { return nil }
            exponent = sign * value
            rest = rest[..<mark]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let digits = Array(parts[0] + (parts.count == 2 ? parts[1] : ""))
        let point = parts[0].count + exponent
        var whole: String
        var fraction: String
        if point <= 0 {
            whole = "0"
            fraction = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            whole = String(digits) + String(repeating: "0", count: point - digits.count)
            fraction = ""
        } else {
            whole = String(digits[..<point])
            fraction = String(digits[point...])
        }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        let body = fraction.isEmpty ? whole : whole + "." + fraction
        return negative ? "-" + body : body
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

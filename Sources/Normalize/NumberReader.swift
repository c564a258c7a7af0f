import Foundation

/// Finds and reads the digits of an amount, resolving `.`/`,`/space/`'` grouping and decimal separators.
enum NumberReader {
    /// The first run of digits and separators, e.g. `1.299,00` out of `a partire da 1.299,00`.
    static func firstNumber(in text: Substring) -> Substring? {
        guard let start = text.firstIndex(where: \.isASCIIDigit) else { return nil }
        var end = start
        var index = start
        while index < text.endIndex {
            let char = text[index]
            if char.isASCIIDigit {
                end = text.index(after: index)
            } else if !isSeparator(char) {
                break
            }
            index = text.index(after: index)
        }
        return text[start..<end]
    }

    private static func isSeparator(_ char: Character) -> Bool {
        char == "." || char == "," || char == "'" || char == " " || char == "\u{00A0}" || char == "\u{202F}"
    }

    /// Reads digits with separators as a decimal. The last `.` or `,` is the decimal separator when it is
    /// followed by one or two digits (or three when the hint says so); otherwise separators group thousands.
    static func decimal(_ number: Substring, decimalSeparatorHint: Character?) -> Decimal? {
        let marks = number.enumerated().filter { $0.element == "." || $0.element == "," }
        var integerPart = number[...]
        var fractionPart: Substring = ""
        if let last = marks.last {
            let index = number.index(number.startIndex, offsetBy: last.offset)
            let after = number[number.index(after: index)...]
            let sameMarks = marks.filter { $0.element == last.element }.count
            let isDecimal: Bool
            if sameMarks > 1 {
                isDecimal = false  // 1.299.000
            } else if marks.count > 1 {
                isDecimal = true  // 1.299,00 — the last differing mark is the decimal
            } else if after.count == 3 {
                isDecimal = decimalSeparatorHint.map { $0 == last.element } ?? false  // 1.299 without a hint: thousands
            } else {
                isDecimal = true
            }
            if isDecimal {
                integerPart = number[..<index]
                fractionPart = after
            }
        }
        let digits = integerPart.filter(\.isASCIIDigit)
        let fraction = fractionPart.filter(\.isASCIIDigit)
        guard !digits.isEmpty || !fraction.isEmpty else { return nil }
        let plain = (digits.isEmpty ? "0" : String(digits)) + (fraction.isEmpty ? "" : "." + fraction)
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

/// Currency symbols and codes as shops write them, mapped to ISO 4217.
enum CurrencyTokens {
    /// Symbols and words, longest first so that `US$` wins over `$`.
    static let symbols: [(token: String, code: String)] = [
        ("US$", "USD"), ("C$", "CAD"), ("A$", "AUD"), ("€", "EUR"), ("£", "GBP"), ("$", "USD"),
        ("CHF", "CHF"), ("Fr.", "CHF"), ("¥", "JPY"), ("₹", "INR"), ("₽", "RUB"), ("zł", "PLN"), ("Kč", "CZK"),
    ].sorted { $0.token.count > $1.token.count }

    /// Returns the currency token as written, its ISO code, and the text with the token removed.
    static func strip(_ text: String) -> (raw: String?, code: String?, rest: Substring) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // An ISO code written as three capital letters anywhere, e.g. "1299.00 EUR" or "EUR 12".
        if let range = isoCodeRange(in: trimmed) {
            let code = String(trimmed[range])
            var rest = trimmed
            rest.removeSubrange(range)
            return (code, code, Substring(rest))
        }
        for (token, code) in symbols {
            if let range = trimmed.range(of: token) {
                var rest = trimmed
                rest.removeSubrange(range)
                return (token, code, Substring(rest))
            }
        }
        return (nil, nil, Substring(trimmed))
    }

    private static func isoCodeRange(in text: String) -> Range<String.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            guard let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex) else { return nil }
            let candidate = text[index..<end]
            let before = index == text.startIndex ? nil : text[text.index(before: index)]
            let after = end == text.endIndex ? nil : text[end]
            if candidate.allSatisfy({ $0.isASCII && $0.isUppercase }), !(before?.isLetter ?? false),
                !(after?.isLetter ?? false), isoCodes.contains(String(candidate))
            {
                return index..<end
            }
            index = text.index(after: index)
        }
        return nil
    }

    static let isoCodes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "RUB",
        "INR", "TRY", "ILS", "AED", "SAR", "EGP", "KRW", "CNY", "NZD", "BRL", "MXN", "HRK", "KZT", "ZAR", "SGD",
        "HKD",
    ]
}

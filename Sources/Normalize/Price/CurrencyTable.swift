/// Currency symbols, words and codes as shops write them, mapped to ISO 4217 — or to the set of currencies an
/// ambiguous token (`$`, `kr`) may stand for.
enum CurrencyTable {
    /// What a token means: one currency, or several the context has to choose from (the first is never
    /// assumed for `$` and `kr`; see `CurrencyResolver`).
    enum Meaning: Sendable, Equatable {
        case code(String)
        case ambiguous([String])
    }

    /// Currencies written with a bare `$`.
    static let dollarCodes = ["USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP", "TWD"]
    /// Currencies written with a bare `kr`.
    static let kroneCodes = ["SEK", "NOK", "DKK", "ISK"]

    /// Tokens as written (case-sensitive: `Ft` is forint, `ft` is feet). ISO codes are handled separately.
    static let tokens: [String: Meaning] = [
        "$": .ambiguous(dollarCodes), "US$": .code("USD"), "U$S": .code("USD"), "USD$": .code("USD"),
        "C$": .code("CAD"), "CA$": .code("CAD"), "CAD$": .code("CAD"), "A$": .code("AUD"), "AU$": .code("AUD"),
        "AUD$": .code("AUD"), "NZ$": .code("NZD"), "HK$": .code("HKD"), "S$": .code("SGD"), "SG$": .code("SGD"),
        "MX$": .code("MXN"), "Mex$": .code("MXN"), "NT$": .code("TWD"), "R$": .code("BRL"), "RD$": .code("DOP"),
        "€": .code("EUR"), "euro": .code("EUR"), "Euro": .code("EUR"), "EURO": .code("EUR"), "euros": .code("EUR"),
        "£": .code("GBP"), "¥": .ambiguous(["JPY", "CNY"]), "円": .code("JPY"), "元": .code("CNY"),
        "RMB": .code("CNY"), "₩": .code("KRW"), "￥": .ambiguous(["JPY", "CNY"]), "บาท": .code("THB"), "đ": .code("VND"), "원": .code("KRW"), "₹": .code("INR"), "Rs": .code("INR"),
        "Rs.": .code("INR"), "₨": .code("INR"), "₽": .code("RUB"), "руб.": .code("RUB"), "руб": .code("RUB"),
        "р.": .code("RUB"), "₺": .code("TRY"), "TL": .code("TRY"), "₪": .code("ILS"), "ש\"ח": .code("ILS"),
        "د.إ": .code("AED"), "درهم": .code("AED"), "ر.س": .code("SAR"), "ريال": .code("SAR"), "ج.م": .code("EGP"),
        "Fr.": .code("CHF"), "SFr.": .code("CHF"), "fr.": .code("CHF"), "zł": .code("PLN"), "zl": .code("PLN"),
        "Kč": .code("CZK"), "Ft": .code("HUF"), "Lei": .code("RON"), "lei": .code("RON"), "LEI": .code("RON"),
        "kr": .ambiguous(kroneCodes), "kr.": .ambiguous(kroneCodes), "Kr": .ambiguous(kroneCodes),
        "Kr.": .ambiguous(kroneCodes), "тг.": .code("KZT"), "тг": .code("KZT"),
        "₸": .code("KZT"), "Kn": .code("HRK"), "kn": .code("HRK"), "лв.": .code("BGN"), "лв": .code("BGN"),
        "₴": .code("UAH"), "грн.": .code("UAH"), "грн": .code("UAH"), "₱": .code("PHP"), "฿": .code("THB"),
        "₫": .code("VND"), "₦": .code("NGN"), "Rp": .code("IDR"), "RM": .code("MYR"), "din.": .code("RSD"),
        "дин.": .code("RSD"), "KM": .code("BAM"), "₡": .code("CRC"), "₲": .code("PYG"), "₾": .code("GEL"),
        "₼": .code("AZN"), "֏": .code("AMD"), "₭": .code("LAK"), "៛": .code("KHR"), "৳": .code("BDT"),
        "R": .code("ZAR"), "ISK": .code("ISK"),
    ]

    /// ISO 4217 codes recognised when written as three capital letters.
    static let isoCodes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON",
        "BGN", "RUB", "UAH", "INR", "PKR", "LKR", "TRY", "ILS", "AED", "SAR", "QAR", "KWD", "BHD", "OMR", "JOD",
        "EGP", "MAD", "TND", "KRW", "CNY", "HKD", "TWD", "SGD", "NZD", "BRL", "MXN", "ARS", "CLP", "COP", "PEN",
        "HRK", "RSD", "BAM", "MKD", "ALL", "KZT", "GEL", "AZN", "AMD", "ZAR", "NGN", "KES", "THB", "VND", "IDR",
        "MYR", "PHP", "BDT", "DOP", "CRC", "UYU", "PYG", "BOB", "LAK", "KHR", "IQD", "LYD",
    ]

    /// Currencies with three minor digits (`12.345 KWD` is twelve dinars).
    static let threeMinorDigits: Set<String> = ["KWD", "BHD", "OMR", "JOD", "TND", "IQD", "LYD"]

    /// Every token and ISO code, in a fixed order; a scanned currency token is its index here.
    static let entries: [(raw: String, meaning: Meaning)] =
        tokens.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
        + isoCodes.sorted().map { ($0, .code($0)) }

    /// `entries` by their bytes as written (case-sensitive).
    private static let lookup = WordTable(entries.map(\.raw))

    /// The index in `entries` of the token `key` packs, nil when it is no currency.
    static func entry(_ key: WordKey) -> Int? { lookup.index(of: key) }

    /// Whether a non-letter scalar is a currency sign that stands alone (`€`, `£`, `₹` …; `円` and `원` are
    /// letters, read as words).
    static func isSign(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20AC, 0xA3, 0xA5, 0xFFE5, 0x20B9, 0x20BD, 0x20BA, 0x20AA, 0x20A9, 0x20B8, 0x20B4, 0x20B1, 0x0E3F,
            0x20AB, 0x20A6, 0x20A8, 0x20A1, 0x20B2, 0x20BE, 0x20BC, 0x058F, 0x20AD, 0x17DB, 0x09F3:
            true
        default:
            false
        }
    }
}

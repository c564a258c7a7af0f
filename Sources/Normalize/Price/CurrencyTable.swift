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

    /// Word tokens that may be glued in front of a `$` (`US$`, `C$`, `NZ$`).
    static let dollarPrefixes: Set<String> = ["US", "U", "USD", "C", "CA", "CAD", "A", "AU", "AUD", "NZ", "HK", "S",
                                               "SG", "MX", "Mex", "NT", "R", "RD"]

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

    /// Currency words are at most this many UTF-8 bytes (`درهم`); longer words are not looked up.
    static let longestWordBytes = 9

    static let dollars = Meaning.ambiguous(dollarCodes)
    static let yen = Meaning.ambiguous(["JPY", "CNY"])

    /// Single-scalar currency signs, without a dictionary lookup (the scanner's hot path).
    static func symbol(_ scalar: UInt32) -> (String, Meaning)? {
        switch scalar {
        case 0x20AC: ("€", .code("EUR"))
        case 0xA3: ("£", .code("GBP"))
        case 0xA5: ("¥", yen)
        case 0xFFE5: ("￥", yen)
        case 0x20B9: ("₹", .code("INR"))
        case 0x20BD: ("₽", .code("RUB"))
        case 0x20BA: ("₺", .code("TRY"))
        case 0x20AA: ("₪", .code("ILS"))
        case 0x20A9: ("₩", .code("KRW"))
        case 0x20B8: ("₸", .code("KZT"))
        case 0x20B4: ("₴", .code("UAH"))
        case 0x20B1: ("₱", .code("PHP"))
        case 0x0E3F: ("฿", .code("THB"))
        case 0x20AB: ("₫", .code("VND"))
        case 0x20A6: ("₦", .code("NGN"))
        case 0x20A8: ("₨", .code("INR"))
        case 0x20A1: ("₡", .code("CRC"))
        case 0x20B2: ("₲", .code("PYG"))
        case 0x20BE: ("₾", .code("GEL"))
        case 0x20BC: ("₼", .code("AZN"))
        case 0x058F: ("֏", .code("AMD"))
        case 0x20AD: ("₭", .code("LAK"))
        case 0x17DB: ("៛", .code("KHR"))
        case 0x09F3: ("৳", .code("BDT"))
        default: nil
        }
    }

    /// Every token and ISO code of at most 8 UTF-8 bytes, keyed by its bytes packed into an integer: the scanner
    /// looks words up without building a string.
    static let packed: [UInt64: (raw: String, meaning: Meaning)] = {
        var table: [UInt64: (raw: String, meaning: Meaning)] = [:]
        for code in isoCodes { table[pack(Array(code.utf8))] = (code, .code(code)) }
        for (token, meaning) in tokens where token.utf8.count <= 8 { table[pack(Array(token.utf8))] = (token, meaning) }
        return table
    }()

    /// Up to 8 bytes as one integer (first byte lowest); callers check the length.
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift += 8
        }
        return value
    }

    /// The meaning of a token as written, nil when it is no currency.
    static func meaning(of token: String) -> Meaning? {
        if let meaning = tokens[token] { return meaning }
        if token.utf8.count == 3, isoCodes.contains(token) { return .code(token) }
        return nil
    }
}

/// Currency symbols, words and codes as shops write them, mapped to ISO 4217 — or to the set of currencies an
/// ambiguous token (`$`, `kr`) may stand for.
enum CurrencyTable {
    /// What a token means: one currency, or several the context has to choose from (the first is never
    /// assumed for `$` and `kr`; see `CurrencyResolver`).
    enum Meaning: Sendable, Equatable {
        case code(String)
        case ambiguous([String])
        /// A unit shops price in that has no ISO code (the Iranian toman, 10 rials): never resolved.
        case noCode(String)
    }

    /// Currencies written with a bare `$`: the common ones first (the reason names the first four), then every
    /// other currency a CLDR locale writes with a `$`.
    static let dollarCodes: [String] = {
        let common = ["USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP", "TWD"]
        return common + CLDR.dollarLike.filter { !common.contains($0) }
    }()
    /// Currencies written with a bare `kr`.
    static let kroneCodes = ["SEK", "NOK", "DKK", "ISK"]

    /// Tokens as written (case-sensitive: `Ft` is forint, `ft` is feet). ISO codes are handled separately.
    static let tokens: [String: Meaning] = [
        "$": .ambiguous(dollarCodes), "US$": .code("USD"), "U$S": .code("USD"), "USD$": .code("USD"),
        "C$": .code("CAD"), "CA$": .code("CAD"), "CAD$": .code("CAD"), "A$": .code("AUD"), "AU$": .code("AUD"),
        "AUD$": .code("AUD"), "NZ$": .code("NZD"), "HK$": .code("HKD"), "S$": .code("SGD"), "SG$": .code("SGD"),
        "MX$": .code("MXN"), "Mex$": .code("MXN"), "NT$": .code("TWD"), "R$": .code("BRL"), "RD$": .code("DOP"),
        "€": .code("EUR"), "euro": .code("EUR"), "Euro": .code("EUR"), "EURO": .code("EUR"), "euros": .code("EUR"),
        "£": .code("GBP"), "¥": .ambiguous(["JPY", "CNY"]), "円": .code("JPY"), "元": .ambiguous(["CNY", "TWD", "HKD", "MOP"]),
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
        // Local abbreviations shops write that CLDR lists differently or not at all.
        "Р": .code("RUB"), "р": .code("RUB"), "KD": .code("KWD"),
        "د.ك": .code("KWD"), "Dhs": .code("AED"), "Dh": .ambiguous(["AED", "MAD"]), "DH": .code("MAD"),
        "Bs.": .ambiguous(["VES", "BOB"]), "Bs": .ambiguous(["BOB", "VES"]), "S/": .code("PEN"),
        "S/.": .code("PEN"), "B/.": .code("PAB"), "FCFA": .ambiguous(["XOF", "XAF"]), "CFA": .ambiguous(["XOF", "XAF"]),
        "GH₵": .code("GHS"), "₵": .code("GHS"), "GH¢": .code("GHS"), "TSh": .code("TZS"), "KSh": .code("KES"),
        "Ksh": .code("KES"), "USh": .code("UGX"), "MOP$": .code("MOP"), "TT$": .code("TTD"), "ƒ": .ambiguous(["AWG", "ANG"]),
        "Afl.": .code("AWG"), "₮": .code("MNT"), "Lek": .code("ALL"), "Lekë": .code("ALL"), "ден": .code("MKD"),
        "ден.": .code("MKD"), "сом": .code("KGS"), "₤": .code("ITL"), "L.": .code("ITL"), "DM": .code("DEM"),
        "FF": .code("FRF"), "₣": .code("FRF"), "Esc.": .code("PTE"), "Pts": .code("ESP"), "Pta": .code("ESP"),
        "Ptas": .code("ESP"), "ptas": .code("ESP"), "₧": .code("ESP"), "₯": .code("GRD"), "ש״ח": .code("ILS"),
        "שח": .code("ILS"), "דירהם": .code("AED"), "﷼": .ambiguous(["SAR", "IRR", "OMR", "QAR", "YER"]),
        "تومان": .noCode("toman, 10 Iranian rials (IRR)"), "تومن": .noCode("toman, 10 Iranian rials (IRR)"),
        "Toman": .noCode("toman, 10 Iranian rials (IRR)"), "toman": .noCode("toman, 10 Iranian rials (IRR)"),
        "रू": .code("NPR"), "Kz": .code("AOA"), "MT": .code("MZN"),
        // Tokens seen in real listings (price-parser's hand-labelled strings).
        "рублей": .code("RUB"), "рубля": .code("RUB"), "рубль": .code("RUB"), "Rbl": .code("RUB"), "Zł": .code("PLN"),
        "ZŁ": .code("PLN"), "BD": .code("BHD"), "LD": .code("LYD"), "ZK": .code("ZMW"), "J$": .code("JMD"),
        "Z$": .code("ZWL"), "G$": .code("GYD"), "CAN$": .code("CAD"), "E£": .code("EGP"), "yen": .code("JPY"),
        "Yen": .code("JPY"), "دج": .code("DZD"), "ع.د": .code("IQD"), "ش.ج": .code("ILS"), "ش.ص": .code("SOS"),
        "جنيه": .ambiguous(["EGP", "SDG"]), "دينار": .ambiguous(["KWD", "JOD", "BHD", "TND", "IQD", "LYD", "DZD", "RSD"]),
        "ДЕН": .code("MKD"), "Дин": .code("RSD"), "дин": .code("RSD"), "Dinara": .code("RSD"), "dinara": .code("RSD"),
        "FRw": .code("RWF"), "R₣": .code("RWF"), "Esc": .code("PTE"), "Fbu": .code("BIF"), "SFr": .code("CHF"),
        "VNĐ": .code("VND"), "Vt": .code("VUV"), "hrn": .code("UAH"), "lari": .code("GEL"), "ლარი": .code("GEL"),
        "nis": .code("ILS"), "NIS": .code("ILS"), "stg": .code("GBP"), "Stg": .code("GBP"), "yuan": .code("CNY"),
        "ரூ": .code("LKR"), "රු": .code("LKR"), "人民币": .code("CNY"), "圆": .code("CNY"), "圓": .code("CNY"),
        "￡": .code("GBP"), "KShs": .code("KES"), "Ksh.": .code("KES"), "Db": .code("STN"), "ብር": .code("ETB"),
        "ናቕፋ": .code("ERN"), "نافكا": .code("ERN"), "ل.د": .code("LYD"), "د.ا": .code("JOD"), "ש'ח": .code("ILS"),
        "₿": .noCode("bitcoin, not an ISO 4217 currency"), "Ƀ": .noCode("bitcoin, not an ISO 4217 currency"),
        "BTC": .noCode("bitcoin, not an ISO 4217 currency"),
        "GBp": .noCode("penny sterling, a hundredth of GBP"), "GFr": .code("GNF"), "CHf": .code("CHF"),
        "₶": .noCode("livre tournois, a historical French unit"), "б.р.": .code("BYN"), "б.р": .code("BYN"),
        "so'm": .code("UZS"), "soʻm": .code("UZS"), "so’m": .code("UZS"), "so‘m": .code("UZS"), "сўм": .code("UZS"),
    ]

    /// Lower- and title-case ISO codes that are words in some language ("all", "top", "try", "pen", "dem",
    /// "cop" …): written so, they are words, not currencies.
    static let wordCodes: Set<String> = [
        "all", "top", "try", "cup", "mad", "pen", "sos", "bob", "gel", "cop", "cad", "mop", "ars", "nad", "ron", "mur",
        "dem", "fim", "ang", "bam", "lak", "kes", "ils", "gip", "sar", "zar", "bif", "mga", "tmt", "bov", "lsl",
        "esp", "iep", "itl", "cve", "vef", "ves", "pab", "hnl", "kgs", "std", "dop", "egp", "ern", "mmk", "php", "eek",
    ]

    /// ISO 4217 codes (every code in CLDR, historical ones included), recognised in capitals; the current
    /// ones also in lower and title case (`eur`, `Pln`) unless that spelling is a word.
    static let isoCodes: Set<String> = Set(CLDR.isoCodes)

    /// Every token: the hand-written ones, CLDR's symbols (hand-written ones win), the `RR$` prefixes of the
    /// regions whose currency is written with a `$` (`TT$`, `JM$`, `CL$`), and the ISO codes in other cases.
    static let allTokens: [String: Meaning] = {
        var all = tokens
        for (symbol, codes) in CLDR.symbols where all[symbol] == nil && !isoCodes.contains(symbol) {
            all[symbol] = codes.count == 1 ? .code(codes[0]) : .ambiguous(codes)
        }
        // Arabic abbreviations are written with and without their final dot (`د.ت.` / `د.ت`).
        for (symbol, codes) in CLDR.symbols where symbol.count > 2 && symbol.hasSuffix(".") && symbol.unicodeScalars.contains(where: { $0.value >= 0x600 && $0.value <= 0x6FF }) {
            let bare = String(symbol.dropLast())
            if all[bare] == nil { all[bare] = codes.count == 1 ? .code(codes[0]) : .ambiguous(codes) }
        }
        let dollars = Set(dollarCodes)
        // `SGD$`, `CUC$`: an ISO code glued to the dollar sign.
        for code in dollars.union(["CUC"]) where all[code + "$"] == nil { all[code + "$"] = .code(code) }
        for (region, code) in CLDR.regions where dollars.contains(code) && all[region + "$"] == nil {
            all[region + "$"] = .code(code)
        }
        for code in CLDR.currentCodes {
            for spelling in [code.lowercased(), code.prefix(1) + code.dropFirst().lowercased()]
            where all[spelling] == nil && !wordCodes.contains(spelling.lowercased()) {
                all[spelling] = .code(code)
            }
        }
        return all
    }()

    /// Currencies with three minor digits (`12.345 KWD` is twelve dinars).
    static let threeMinorDigits: Set<String> = ["KWD", "BHD", "OMR", "JOD", "TND", "IQD", "LYD"]

    /// Currencies without minor units (ISO 4217 exponent 0): `$24.990` in pesos is twenty-four thousand.
    static let noMinorDigits: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    /// Tokens that are a currency only when they are the whole text beside one number (`1 P`, `200 Q`, `1 ლ`,
    /// `र24,401`): single letters and short words that are common words, initials or units elsewhere (`Ar`, `Nu`,
    /// `Re`, `som`, `pound`). Inside a longer text they stay words. `L`, `G` and `км` are not here: beside a
    /// number they are litres, grams and kilometres far more often than lempiras, gourdes or marks.
    static let weakTokens: [String: Meaning] = [
        "P": .code("BWP"), "Q": .code("GTQ"), "q": .code("GTQ"), "E": .code("SZL"), "D": .code("GMD"),
        "K": .ambiguous(["PGK", "ZMW", "MWK", "MMK", "LAK"]), "ლ": .code("GEL"), "Ar": .code("MGA"), "Ks": .code("MMK"),
        "Nu": .code("BTN"), "Re": .ambiguous(["INR", "NPR", "LKR", "PKR", "MUR", "SCR"]), "र": .ambiguous(["INR", "NPR"]),
        "NT": .code("TWD"), "din": .code("RSD"), "som": .ambiguous(["KGS", "UZS"]),
        "franc": .ambiguous(["CHF", "XOF", "XAF", "XPF", "GNF", "RWF", "BIF", "DJF", "KMF", "CDF"]),
        "francs": .ambiguous(["CHF", "XOF", "XAF", "XPF", "GNF", "RWF", "BIF", "DJF", "KMF", "CDF"]),
        "pound": .ambiguous(["GBP", "EGP", "LBP", "SYP", "SDG", "SSP", "FKP", "GIP", "SHP"]),
        "pounds": .ambiguous(["GBP", "EGP", "LBP", "SYP", "SDG", "SSP", "FKP", "GIP", "SHP"]),
        "¢": .noCode("cent sign, a hundredth of the currency"), "SPL": .noCode("Seborga luigino, not an ISO 4217 currency"),
    ]

    /// Qualifiers written after an ambiguous currency word that name the country (`دينار كويتي`, Kuwaiti dinar;
    /// `ريال سعودي`, Saudi riyal): the second word of a two-word currency.
    static let qualifiers: [String: String] = [
        "كويتي": "KWD", "أردني": "JOD", "اردني": "JOD", "بحريني": "BHD", "عراقي": "IQD", "تونسي": "TND", "جزائري": "DZD",
        "ليبي": "LYD", "سعودي": "SAR", "قطري": "QAR", "عماني": "OMR", "يمني": "YER", "إيراني": "IRR", "ايراني": "IRR",
        "مصري": "EGP", "سوداني": "SDG", "لبنانية": "LBP", "لبناني": "LBP", "سورية": "SYP", "سوري": "SYP", "تركية": "TRY",
        "إماراتي": "AED", "اماراتي": "AED", "مغربي": "MAD", "صربي": "RSD", "مقدوني": "MKD",
    ]

    /// Every token and ISO code, in a fixed order; a scanned currency token is its index here. The weak tokens
    /// come last, after `strongCount`.
    static let entries: [(raw: String, meaning: Meaning)] = {
        let strong = allTokens.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
            + isoCodes.sorted().map { ($0, Meaning.code($0)) }
        let known = Set(strong.map(\.0))
        return strong + weakTokens.filter { !known.contains($0.key) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { ($0.key, $0.value) }
    }()

    /// The number of entries the scanner reads anywhere (the weak tokens follow them).
    static let strongCount = allTokens.count + isoCodes.count

    /// `entries` by their bytes as written (case-sensitive).
    private static let lookup = WordTable(entries[..<strongCount].map(\.raw))
    private static let weakLookup = WordTable(entries[strongCount...].map(\.raw))

    /// The index in `entries` of the token `key` packs, nil when it is no currency.
    static func entry(_ key: WordKey) -> Int? { lookup.index(of: key) }

    /// The index in `entries` of a weak token (a currency only beside one number and nothing else).
    static func weakEntry(_ key: WordKey) -> Int? { weakLookup.index(of: key).map { $0 + strongCount } }

    /// The code a qualifier word names, when it is one of `options` (`كويتي` after `دينار`).
    static func qualified(_ key: WordKey, options: [String]) -> String? {
        guard let index = qualifierLookup.index(of: key) else { return nil }
        let code = qualifierCodes[index]
        return options.contains(code) ? code : nil
    }
    private static let qualifierCodes = qualifiers.keys.sorted().map { qualifiers[$0]! }
    private static let qualifierLookup = WordTable(qualifiers.keys.sorted())

    /// Whether a non-letter scalar is a currency sign that stands alone (`€`, `£`, `₹`, the whole Unicode
    /// currency-symbols block …; `円` and `원` are letters, read as words).
    static func isSign(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20A0...0x20CF, 0xA3, 0xA5, 0xFFE5, 0xFFE1, 0xFFE6, 0x0E3F, 0x058F, 0x17DB, 0x09F3, 0x0AF1, 0x0BF9, 0xFDFC,
            0x060B:
            true
        default:
            false
        }
    }
}

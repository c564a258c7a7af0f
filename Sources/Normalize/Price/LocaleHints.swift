/// What a locale identifier (`it-IT`, `en_US`, `de-CH`) says about prices: the decimal mark customers expect
/// and the region, which resolves `$`, `kr` and `¥`.
public struct LocaleHints: Sendable, Hashable {
    /// The lower-case language (`it`), empty when unknown.
    public var language: String
    /// The upper-case region (`IT`), empty when unknown.
    public var region: String

    /// Reads `ll`, `ll-RR`, `ll_RR` and `ll-Script-RR`; anything else yields empty fields.
    public init(_ identifier: String) {
        let parts = identifier.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == "@" })
        language = parts.first.map { $0.lowercased() } ?? ""
        region = parts.dropFirst().first(where: { $0.count == 2 }).map { $0.uppercased() } ?? ""
    }

    /// The decimal mark of the locale, nil when the language is not known.
    public var decimalMark: Character? {
        switch (language, region) {
        case ("de", "CH"), ("it", "CH"), ("fr", "CH"), ("de", "LI"), ("es", "MX"), ("es", "US"), ("en", _),
            ("ja", _), ("zh", _), ("ko", _), ("he", _), ("th", _), ("hi", _), ("ms", _), ("fil", _), ("ga", _):
            "."
        case ("it", _), ("de", _), ("fr", _), ("es", _), ("pt", _), ("nl", _), ("pl", _), ("cs", _), ("sk", _),
            ("ru", _), ("uk", _), ("sv", _), ("nb", _), ("no", _), ("nn", _), ("da", _), ("fi", _), ("tr", _),
            ("ro", _), ("hu", _), ("hr", _), ("sl", _), ("sr", _), ("bg", _), ("el", _), ("lt", _), ("lv", _),
            ("et", _), ("is", _), ("kk", _), ("id", _), ("vi", _):
            ","
        default: nil
        }
    }

    /// The currency a region uses (CLDR), for resolving an ambiguous symbol.
    var regionCurrency: String? { CLDR.regionCurrency[region] }
}

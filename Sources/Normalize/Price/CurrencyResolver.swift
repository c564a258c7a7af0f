/// Turns a currency token's meaning into one ISO code using, in order: an explicit hint, the default currency,
/// the locale's region. An ambiguous token nothing resolves stays unresolved, with a reason.
struct CurrencyResolver: Sendable {
    /// An explicit ISO code (or a token such as `C$`) naming the currency the text is in.
    var hint: String? { didSet { hintCode = Self.code(of: hint) } }
    /// The hint as an ISO code: a code as is, a token through the table.
    private(set) var hintCode: String?
    /// The currency to assume when the text names none.
    var defaultCurrency: String?
    /// The locale's hints.
    var locale: LocaleHints?

    /// The ISO code, or nil and the currencies the token may stand for.
    func resolve(_ meaning: CurrencyTable.Meaning, raw: String) -> (code: String?, ambiguous: [String]?) {
        switch meaning {
        case .code(let code):
            return (code, nil)
        case .ambiguous(let options):
            for candidate in [hintCode, defaultCurrency, locale?.regionCurrency] {
                if let candidate, options.contains(candidate) { return (candidate, nil) }
            }
            if raw == "¥" || raw == "￥" { return ("JPY", nil) }  // 円 and ¥ are JPY unless a hint says CNY
            return (nil, options)
        }
    }

    init(hint: String?, defaultCurrency: String?, locale: LocaleHints?) {
        self.hint = hint
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        hintCode = Self.code(of: hint)
    }

    private static func code(of hint: String?) -> String? {
        guard let hint else { return nil }
        let upper = hint.uppercased()
        if CurrencyTable.isoCodes.contains(upper) { return upper }
        if case .code(let code)? = CurrencyTable.tokens[hint] { return code }
        return nil
    }
}

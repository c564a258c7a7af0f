/// Turns a currency token's meaning into one ISO code using, in order: an explicit hint, the default currency,
/// the locale's region. An ambiguous token nothing resolves stays unresolved, with a reason.
struct CurrencyResolver: Sendable {
    /// An ISO code (any case), a token such as `C$`, or free text near the price (`Prezzo da € 12,90`,
    /// `Total (GBP)`) naming the currency the text is in.
    var hint: String? { didSet { readHint() } }
    /// The hint as an ISO code: a code as is, else its first currency token through the table.
    private(set) var hintCode: String?
    /// The hint's currency token as an index in `CurrencyTable.entries` (the raw token when the text has none).
    private(set) var hintEntry: Int32?
    /// The currency to assume when the text names none.
    var defaultCurrency: String? { didSet { readHint() } }
    /// The locale's hints.
    var locale: LocaleHints? { didSet { readHint() } }

    /// The ISO code, or nil and the currencies the token may stand for.
    func resolve(_ meaning: CurrencyTable.Meaning, raw: String) -> (code: String?, ambiguous: [String]?) {
        switch meaning {
        case .code(let code):
            return (code, nil)
        case .noCode:
            return (nil, [])
        case .ambiguous(let options):
            for candidate in [hintCode, defaultCurrency, locale?.regionCurrency] {
                if let candidate, options.contains(candidate) { return (candidate, nil) }
            }
            if raw == "¥" || raw == "￥" { return ("JPY", nil) }  // 円 and ¥ are JPY unless a hint says CNY
            if raw == "元" { return ("CNY", nil) }  // 元 is the yuan unless a hint or locale says TWD, HKD, MOP
            return (nil, options)
        }
    }

    init(hint: String?, defaultCurrency: String?, locale: LocaleHints?) {
        self.hint = hint
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        readHint()
    }

    /// Works out `hintCode` and `hintEntry`: a whole ISO code in any case, else the first currency token found
    /// in the hint as in a price text (an ambiguous one resolved by the default currency and the locale).
    private mutating func readHint() {
        hintCode = nil
        hintEntry = nil
        guard let hint, !hint.isEmpty else { return }
        let upper = hint.uppercased()
        if CurrencyTable.isoCodes.contains(upper) {
            hintCode = upper
            hintEntry = CurrencyTable.entry(WordKey(hint)).map(Int32.init) ?? CurrencyTable.entry(WordKey(upper)).map(Int32.init)
            return
        }
        guard let entry = PriceScanner.scan(hint).lazy.compactMap({ token -> Int32? in
            if case .currency(let entry) = token.kind { return entry }
            return nil
        }).first else { return }
        hintEntry = entry
        switch CurrencyTable.entries[Int(entry)].meaning {
        case .code(let code):
            hintCode = code
        case .ambiguous(let options):
            hintCode = [defaultCurrency, locale?.regionCurrency].lazy.compactMap { $0 }.first { options.contains($0) }
        case .noCode:
            hintCode = nil
        }
    }
}

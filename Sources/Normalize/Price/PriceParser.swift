import AuditModel
import Foundation

/// Reads a price as a shop writes it (`49,90 €`, `€ 1.299,00`, `CHF 1'049.–`, `1.198,- Kr`, `da 9,90 a 19,90 €`,
/// `invece di 59,90 € ora 49,90 €`) into an exact amount and an ISO 4217 currency. Pure and allocation-light;
/// never crashes: text that is no price (a rating, a weight, a phone number, a year) gives `nil` with a reason.
public struct PriceParser: Sendable {
    /// The decimal separator to assume when the text alone is ambiguous (`1.299`): `,` for it-IT, de-DE …
    public var decimalSeparatorHint: Character? { didSet { decimalMark = Self.mark(decimalSeparatorHint) } }
    /// The currency to assume when the text names none.
    public var defaultCurrency: String? { didSet { resolver.defaultCurrency = defaultCurrency } }
    /// The currency the text is known to be in (`CAD`): resolves `$`, `kr`, `¥` and applies when the text names
    /// none. A currency written in the text wins over it.
    public var currencyHint: String? { didSet { resolver.hint = currencyHint } }
    /// The shop's locale (`it-IT`): its decimal mark and, through its region, `$`/`kr`/`¥`.
    public var locale: LocaleHints? {
        didSet {
            localeMark = Self.mark(locale?.decimalMark)
            resolver.locale = locale
        }
    }
    /// The hints worked out once: the separators as bytes and the currency resolver.
    private var decimalMark: UInt8?
    private var localeMark: UInt8?
    private var resolver: CurrencyResolver

    /// Creates a parser with optional hints.
    public init(
        decimalSeparatorHint: Character? = nil, defaultCurrency: String? = nil, currencyHint: String? = nil,
        locale: String? = nil
    ) {
        self.decimalSeparatorHint = decimalSeparatorHint
        self.defaultCurrency = defaultCurrency
        self.currencyHint = currencyHint
        self.locale = locale.map(LocaleHints.init)
        decimalMark = Self.mark(decimalSeparatorHint)
        localeMark = Self.mark(self.locale?.decimalMark)
        resolver = CurrencyResolver(hint: currencyHint, defaultCurrency: defaultCurrency, locale: self.locale)
    }

    /// A separator character as its ASCII byte; a character that is no ASCII separator marks nothing.
    private static func mark(_ character: Character?) -> UInt8? {
        guard let character else { return nil }
        guard let value = character.asciiValue, value == 0x2E || value == 0x2C else { return 0 }
        return value
    }

    /// Parses text into a `Result`.
    public func parse(_ text: String) -> Result {
        var result = Result()
        var copy = text
        copy.withUTF8 { parse(bytes: $0, text: text, into: &result) }
        return result
    }

    /// Parses UTF-8 bytes into a `Result` — the batch path: no `String` is built for the text unless a reason
    /// needs to quote it.
    public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result()
        parse(bytes: bytes, text: nil, into: &result)
        return result
    }

    // The result is filled in place: closures that return nothing keep the (large) result from being copied.
    private func parse(bytes whole: UnsafeBufferPointer<UInt8>, text: String?, into result: inout Result) {
        let bytes = UnsafeBufferPointer(rebasing: whole.prefix(PriceScanner.maxBytes))
        // Arabic-Indic and Persian digits and separators (`٣٩٥`, `۱۲۰٬۰۰۰`) are read as ASCII digits: their
        // lead bytes 0xD9 / 0xDB are rare, so the common path only pays one byte scan.
        if bytes.contains(where: { $0 == 0xD9 || $0 == 0xDB }) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
                let count = EasternDigits.transliterate(bytes, into: buffer)
                scan(UnsafeBufferPointer(rebasing: buffer[..<count]), text: text, into: &result)
            }
            return
        }
        scan(bytes, text: text, into: &result)
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, text: String?, into result: inout Result) {
        // One token slot per byte is always enough; small texts keep their tokens on the stack.
        withUnsafeTemporaryAllocation(of: PriceToken.self, capacity: max(bytes.count, 1)) { storage in
            let count = PriceScanner.scan(bytes, into: storage)
            parse(tokens: UnsafeBufferPointer(rebasing: storage[..<count]), bytes: bytes, text: text, into: &result)
        }
    }

    private func parse(
        tokens: UnsafeBufferPointer<PriceToken>, bytes: UnsafeBufferPointer<UInt8>, text: String?,
        into result: inout Result
    ) {
        if let word = tokens.first?.word, PriceWords.free.contains(word) {
            // "Free" alone in a price field is an amount of 0 (never "free shipping" beside a price).
            if tokens.count == 1 || (tokens.count == 2 && (tokens[1].isSymbol("!") || tokens[1].isSymbol("."))) {
                result.exact = ExactAmount(mantissa: 0, scale: 2)
                result.currency = resolver.hintCode ?? defaultCurrency
                if result.currency == resolver.hintCode { result.rawEntry = resolver.hintEntry }
                return
            }
            // "Free shipping on orders $49+": the amount is a threshold, not a price.
            if tokens.count > 2, let next = tokens[1].word, PriceWords.shipping.contains(next), Self.namesThreshold(tokens) {
                resolveCurrency(tokenIndex: firstCurrency(in: tokens), tokens: tokens, bytes: bytes, into: &result)
                result.currency = nil
                result.why = .rejected(.shippingThreshold)
                return
            }
        }
        // The common shape, "49,90 €" / "€ 49,90": one number and its currency, nothing else; a weak token
        // (`1 P`, `200 Q`) is a currency only in this shape.
        if tokens.count == 2, let (number, currencyIndex, weak) = Self.simpleShape(tokens, bytes: bytes) {
            if let weak {
                resolve(entry: weak, tokenIndex: currencyIndex, tokens: tokens, bytes: bytes, into: &result)
            } else {
                resolveCurrency(tokenIndex: currencyIndex, tokens: tokens, bytes: bytes, into: &result)
            }
            switch NumberResolver.resolve(number, decimalHint: decimalMark, currency: result.currency,
                                          localeMark: localeMark) {
            case .success(let exact): result.exact = exact
            case .failure(let failure): result.why = .number(failure)
            }
            return
        }
        withUnsafeTemporaryAllocation(of: PriceCandidate.self, capacity: max(tokens.count, 1)) { storage in
            let count = PriceCandidates.classify(tokens, into: storage)
            let candidates = UnsafeBufferPointer(rebasing: storage[..<count])
            select(from: candidates, tokens: tokens, bytes: bytes, into: &result) {
                text ?? String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(320)), as: UTF8.self)
            }
        }
    }

    /// Picks the current price among the candidates and fills `result`.
    private func select(
        from candidates: UnsafeBufferPointer<PriceCandidate>, tokens: UnsafeBufferPointer<PriceToken>,
        bytes: UnsafeBufferPointer<UInt8>, into result: inout Result, quoted: () -> String
    ) {
        let selection = PriceSelection(candidates: candidates, tokens: tokens)
        var currencyIndex = selection.chosen.flatMap { candidates[$0].currencyToken } ?? firstCurrency(in: tokens)
        // A text with no number among other words (`Pure & IP BP Ph. Eur. USP`): a currency word in lower case
        // there is a plain word; only a sign or a code in capitals names a currency without an amount.
        if candidates.isEmpty, tokens.count > 1, let index = currencyIndex,
            bytes[tokens[index].start..<tokens[index].end].contains(where: { $0 >= 0x61 && $0 <= 0x7A })
        {
            currencyIndex = nil
        }
        resolveCurrency(tokenIndex: currencyIndex, tokens: tokens, bytes: bytes, into: &result)
        if let unitIndex = selection.unitPrice, case .unitPrice(let unit) = candidates[unitIndex].role {
            result.priceUnit = unit
            result.exactUnitPrice = amount(candidates[unitIndex], result.currency)
        }
        guard let chosen = selection.chosen else {
            result.why = selection.failure ?? .noNumber(quoted())
            return
        }
        switch NumberResolver.resolve(candidates[chosen].number, decimalHint: decimalMark,
                                      currency: result.currency, localeMark: localeMark) {
        case .success(let exact):
            result.exact = exact
        case .failure(let failure):
            result.why = .number(failure)
            return
        }
        result.isFromPrice = candidates[chosen].isFrom
        result.exactMaximum = selection.maximum.flatMap { amount(candidates[$0], result.currency) }
        result.exactPrevious = selection.previous.flatMap { amount(candidates[$0], result.currency) }
        // "Was: $124.95 Now: $0.00": a zero sale price beside a former price is a placeholder.
        if result.exact?.mantissa == 0, result.exact?.high == 0, let previous = result.exactPrevious, previous.mantissa != 0 || previous.high != 0 {
            result.exact = previous
            result.exactPrevious = nil
        }
        if result.currency == nil, result.why == nil { result.why = .noCurrency(quoted()) }
    }

    /// A threshold word ("on orders", "over", "ab") or a `+` after a number: the amount is a minimum.
    private static func namesThreshold(_ tokens: UnsafeBufferPointer<PriceToken>) -> Bool {
        for (index, token) in tokens.enumerated() {
            if let word = token.word, PriceWords.threshold.contains(word) { return true }
            if token.isSymbol("+"), index > 0, tokens[index - 1].number != nil { return true }
        }
        return false
    }

    /// `[currency, number]` or `[number, currency]`: the number, the index of the currency and, for a weak
    /// token (`1 P`, `र24,401`), its entry.
    private static func simpleShape(_ tokens: UnsafeBufferPointer<PriceToken>, bytes: UnsafeBufferPointer<UInt8>)
        -> (NumberToken, Int, Int32?)? {
        if tokens[0].isCurrency, let number = tokens[1].number { return (number, 0, nil) }
        if tokens[1].isCurrency, let number = tokens[0].number { return (number, 1, nil) }
        let other = tokens[0].number == nil ? 0 : 1
        guard let number = tokens[1 - other].number, tokens[other].number == nil else { return nil }
        let token = tokens[other]
        guard token.end - token.start <= 6,
            let weak = CurrencyTable.weakEntry(WordKey(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))) else { return nil }
        return (number, other, Int32(weak))
    }

    /// Parses text into `Money`, or nil when amount or currency is missing.
    public func money(_ text: String) -> Money? {
        let result = parse(text)
        guard let amount = result.amount, let currency = result.currency else { return nil }
        return Money(amount: amount, currency: currency)
    }

    private func amount(_ candidate: PriceCandidate, _ currency: String?) -> ExactAmount? {
        let resolved = NumberResolver.resolve(candidate.number, decimalHint: decimalMark, currency: currency,
                                              localeMark: localeMark)
        guard case .success(let exact) = resolved else { return nil }
        return exact
    }

    private func firstCurrency(in tokens: UnsafeBufferPointer<PriceToken>) -> Int? {
        tokens.firstIndex(where: \.isCurrency)
    }

    private func resolveCurrency(tokenIndex: Int?, tokens: UnsafeBufferPointer<PriceToken>, bytes: UnsafeBufferPointer<UInt8>,
                                 into result: inout Result) {
        if let tokenIndex, case .currency(let entry) = tokens[tokenIndex].kind {
            resolve(entry: entry, tokenIndex: tokenIndex, tokens: tokens, bytes: bytes, into: &result)
            return
        }
        result.currency = resolver.hintCode ?? defaultCurrency
        // The text names no currency: the token as written is the hint's, when it has one.
        if result.currency == resolver.hintCode { result.rawEntry = resolver.hintEntry }
    }

    /// Resolves the currency token `entry` found at `tokenIndex`, using its neighbours when it is ambiguous.
    @inline(__always)
    private func resolve(entry: Int32, tokenIndex: Int, tokens: UnsafeBufferPointer<PriceToken>, bytes: UnsafeBufferPointer<UInt8>,
                         into result: inout Result) {
        let (raw, meaning) = CurrencyTable.entries[Int(entry)]
        result.rawEntry = entry
        result.currencyIsWritten = true
        let resolved = resolver.resolve(meaning, raw: raw)
        result.currency = resolved.code
        guard let options = resolved.ambiguous else { return }
        if tokenIndex > 0 {
            let before = tokens[tokenIndex - 1]
            // `NZD $100.70`: a code right before an ambiguous sign names it.
            if case .currency(let code) = before.kind, case .code(let named) = CurrencyTable.entries[Int(code)].meaning,
                options.contains(named) {
                result.currency = named
                result.rawEntry = code
                return
            }
            // `US $1.23`, `AU $59.95`: a prefix written apart from the dollar sign.
            if before.isWord, raw == "$", tokens[tokenIndex].start - before.end <= 1, before.end - before.start <= 4 {
                var spelled = Array(bytes[before.start..<before.end])
                spelled.append(0x24)
                let key = spelled.withUnsafeBufferPointer { WordKey($0) }
                if let prefixed = CurrencyTable.entry(key), case .code(let named) = CurrencyTable.entries[prefixed].meaning {
                    result.currency = named
                    result.rawEntry = Int32(prefixed)
                    return
                }
            }
        }
        // `دينار كويتي`, `ريال سعودي`: a word after the currency names the country.
        if tokenIndex + 1 < tokens.count, let word = tokens[tokenIndex + 1].word,
            let named = CurrencyTable.qualified(word, options: options) {
            result.currency = named
            return
        }
        result.why = .ambiguous(entry)
    }
}

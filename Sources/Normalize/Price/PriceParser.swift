import AuditModel
import Foundation

/// Reads a price as a shop writes it (`49,90 €`, `€ 1.299,00`, `CHF 1'049.–`, `1.198,- Kr`, `da 9,90 a 19,90 €`,
/// `invece di 59,90 € ora 49,90 €`) into an exact amount and an ISO 4217 currency. Pure and allocation-light;
/// never crashes: text that is no price (a rating, a weight, a phone number, a year) gives `nil` with a reason.
public struct PriceParser: Sendable {
    /// The outcome of reading one string.
    public struct Result: Hashable, Sendable {
        /// The current price, nil when no price could be read (derived from `exact`, built on demand).
        public var amount: Decimal? {
            get { storedAmount ?? exact?.decimal }
            set { storedAmount = newValue; if newValue == nil { exact = nil } }
        }
        private var storedAmount: Decimal?
        /// The ISO 4217 code, nil when none was written, none was implied, or the symbol was ambiguous.
        public var currency: String?
        /// The currency token as written (`€`, `EUR`, `US$`, `kr`).
        public var currencyRaw: String?
        /// Why the amount or currency is missing, when it is (the text is built on demand).
        public var reason: String? {
            get { storedReason ?? deferredReason?.text }
            set { storedReason = newValue; deferredReason = nil }
        }
        private var storedReason: String?
        var deferredReason: DeferredReason?
        /// The amount exactly as read (digits and scale), nil with `amount`.
        public var exact: ExactAmount?
        /// The upper end of a range (`da 9,90 a 19,90 €` → 19.90); `amount` is the lower end.
        public var maximum: Decimal?
        /// A former / reference price in the same text (`was £20 now £15` → 20).
        public var previous: Decimal?
        /// A unit price in the text (`2,50 €/kg` → 2.50), never taken as the price.
        public var unitPrice: Decimal?
        /// The unit of `unitPrice` (`kg`, `100 g`).
        public var unit: String?
        /// The price is a "from" price (`a partire da 9,90 €`).
        public var isFromPrice = false
    }

    /// The decimal separator to assume when the text alone is ambiguous (`1.299`): `,` for it-IT, de-DE …
    public var decimalSeparatorHint: Character?
    /// The currency to assume when the text names none.
    public var defaultCurrency: String?
    /// The currency the text is known to be in (`CAD`): resolves `$`, `kr`, `¥` and applies when the text names
    /// none. A currency written in the text wins over it.
    public var currencyHint: String?
    /// The shop's locale (`it-IT`): its decimal mark and, through its region, `$`/`kr`/`¥`.
    public var locale: LocaleHints? { didSet { localeMark = locale?.decimalMark } }
    /// The locale's decimal mark, worked out once.
    private var localeMark: Character?

    /// Creates a parser with optional hints.
    public init(
        decimalSeparatorHint: Character? = nil, defaultCurrency: String? = nil, currencyHint: String? = nil,
        locale: String? = nil
    ) {
        self.decimalSeparatorHint = decimalSeparatorHint
        self.defaultCurrency = defaultCurrency
        self.currencyHint = currencyHint
        self.locale = locale.map(LocaleHints.init)
        localeMark = self.locale?.decimalMark
    }

    /// Parses text into a `Result`.
    public func parse(_ text: String) -> Result {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0, text: text) }
    }

    /// Parses UTF-8 bytes into a `Result` — the batch path: no `String` is built for the text unless a reason
    /// needs to quote it.
    public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result {
        parse(bytes: bytes, text: nil)
    }

    private func parse(bytes: UnsafeBufferPointer<UInt8>, text: String?) -> Result {
        let tokens = PriceScanner.scan(bytes)
        var result = Result()
        func quoted() -> String { text ?? String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(320)), as: UTF8.self) }
        // The common shape, "49,90 €" / "€ 49,90": one number and its currency, nothing else.
        if tokens.count == 2, let (numberIndex, currencyIndex) = Self.simpleShape(tokens),
            let number = tokens[numberIndex].number
        {
            resolveCurrency(tokenIndex: currencyIndex, tokens: tokens, into: &result)
            switch NumberResolver.resolve(number, decimalHint: decimalSeparatorHint, currency: result.currency,
                                          localeMark: localeMark) {
            case .success(let exact): result.exact = ExactAmount(mantissa: exact.mantissa, scale: exact.scale)
            case .failure(let failure): result.reason = Self.describe(failure)
            }
            return result
        }
        let candidates = PriceCandidates.classify(tokens)
        let selection = PriceSelection(candidates: candidates, tokens: tokens)
        let currencyIndex = selection.chosen.flatMap { candidates[$0].currencyToken } ?? firstCurrency(in: tokens)
        resolveCurrency(tokenIndex: currencyIndex, tokens: tokens, into: &result)
        if let unitIndex = selection.unitPrice, case .unitPrice(let unit) = candidates[unitIndex].role {
            result.unit = unit
            result.unitPrice = amount(candidates[unitIndex], result.currency).map(\.decimal)
        }
        guard let chosen = selection.chosen else {
            if let failure = selection.failure { result.reason = failure } else { result.deferredReason = .noNumber(quoted()) }
            return result
        }
        switch NumberResolver.resolve(candidates[chosen].number, decimalHint: decimalSeparatorHint,
                                      currency: result.currency, localeMark: localeMark) {
        case .success(let exact):
            result.exact = ExactAmount(mantissa: exact.mantissa, scale: exact.scale)
        case .failure(let failure):
            result.reason = Self.describe(failure)
            return result
        }
        result.isFromPrice = candidates[chosen].isFrom
        result.maximum = selection.maximum.flatMap { amount(candidates[$0], result.currency) }.map(\.decimal)
        result.previous = selection.previous.flatMap { amount(candidates[$0], result.currency) }.map(\.decimal)
        if result.currency == nil, result.deferredReason == nil { result.deferredReason = .noCurrency(quoted()) }
        return result
    }

    /// `[currency, number]` or `[number, currency]`: the indexes of the number and the currency.
    private static func simpleShape(_ tokens: [PriceToken]) -> (Int, Int)? {
        if tokens[0].isCurrency, tokens[1].number != nil { return (1, 0) }
        if tokens[1].isCurrency, tokens[0].number != nil { return (0, 1) }
        return nil
    }

    private static func describe(_ failure: NumberResolver.Failure) -> String {
        failure == .tooManyDigits ? "too many digits for a price" : "irregular digit grouping"
    }

    /// Parses text into `Money`, or nil when amount or currency is missing.
    public func money(_ text: String) -> Money? {
        let result = parse(text)
        guard let amount = result.amount, let currency = result.currency else { return nil }
        return Money(amount: amount, currency: currency)
    }

    private func amount(_ candidate: PriceCandidate, _ currency: String?) -> ExactAmount? {
        let resolved = NumberResolver.resolve(candidate.number, decimalHint: decimalSeparatorHint, currency: currency,
                                              localeMark: localeMark)
        guard case .success(let exact) = resolved else { return nil }
        return ExactAmount(mantissa: exact.mantissa, scale: exact.scale)
    }

    private func firstCurrency(in tokens: [PriceToken]) -> Int? {
        tokens.firstIndex(where: \.isCurrency)
    }

    private func resolveCurrency(tokenIndex: Int?, tokens: [PriceToken], into result: inout Result) {
        let resolver = CurrencyResolver(hint: currencyHint, defaultCurrency: defaultCurrency, locale: locale)
        if let tokenIndex, case .currency(let raw, let meaning) = tokens[tokenIndex].kind {
            result.currencyRaw = raw
            let resolved = resolver.resolve(meaning, raw: raw)
            result.currency = resolved.code
            if let options = resolved.ambiguous { result.deferredReason = .ambiguous(raw: raw, options: options) }
            return
        }
        result.currency = resolver.hintCode ?? defaultCurrency
    }
}

/// A reason whose text is only built when someone reads it (the batch path never does).
enum DeferredReason: Hashable, Sendable {
    case noNumber(String)
    case noCurrency(String)
    case ambiguous(raw: String, options: [String])

    var text: String {
        switch self {
        case .noNumber(let text): "no number in \"\(text.prefix(80))\""
        case .noCurrency(let text): "no currency in \"\(text.prefix(80))\""
        case .ambiguous(let raw, let options):
            "ambiguous currency \"\(raw)\" (\(options.prefix(4).joined(separator: ", ")) …): give a currency hint or a locale"
        }
    }
}

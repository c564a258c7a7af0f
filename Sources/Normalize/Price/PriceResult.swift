import Foundation

extension PriceParser {
    /// The outcome of reading one string. Kept small and almost free of references: the parser returns one per
    /// string, and texts are built only when read.
    public struct Result: Hashable, Sendable {
        /// The current price, nil when no price could be read (derived from `exact`, built on demand).
        public var amount: Decimal? { exact?.decimal }
        /// The ISO 4217 code, nil when none was written, none was implied, or the symbol was ambiguous.
        public var currency: String?
        /// The currency token as written (`€`, `EUR`, `US$`, `kr`); the hint's code when the text names none.
        public var currencyRaw: String? { rawEntry.map { CurrencyTable.entries[Int($0)].raw } }
        /// True when the text itself names a currency (a symbol, code or word), not only a hint or default.
        public var currencyIsWritten = false
        /// Why the amount or currency is missing, when it is.
        public var reason: String? { why?.text }
        /// The amount exactly as read (digits and scale), nil with `amount`.
        public var exact: ExactAmount?
        /// The upper end of a range (`da 9,90 a 19,90 €` → 19.90); `amount` is the lower end.
        public var maximum: Decimal? { exactMaximum?.decimal }
        /// A former / reference price in the same text (`was £20 now £15` → 20).
        public var previous: Decimal? { exactPrevious?.decimal }
        /// A unit price in the text (`2,50 €/kg` → 2.50), never taken as the price.
        public var unitPrice: Decimal? { exactUnitPrice?.decimal }
        /// The unit of `unitPrice` (`kg`, `100 g`).
        public var unit: String? { priceUnit?.text }
        /// The price is a "from" price (`a partire da 9,90 €`).
        public var isFromPrice = false

        /// The currency token's index in `CurrencyTable.entries`.
        var rawEntry: Int32?
        var why: Why?
        var exactMaximum: ExactAmount?
        var exactPrevious: ExactAmount?
        var exactUnitPrice: ExactAmount?
        var priceUnit: PriceUnit?

        /// Why a price or its currency is missing; the text is built when `reason` is read.
        enum Why: Hashable, Sendable {
            case number(NumberResolver.Failure)
            case rejected(Rejection)
            case unitOnly(PriceUnit)
            case noNumber(String)
            case noCurrency(String)
            /// An ambiguous currency token (its entry) nothing resolved, or a unit without an ISO code.
            case ambiguous(Int32)

            var text: String {
                switch self {
                case .number(.tooManyDigits): "too many digits for a price"
                case .number(.irregularGrouping): "irregular digit grouping"
                case .rejected(let rejection): "\(rejection.text), not a price"
                case .unitOnly(let unit): "only a unit price (per \(unit.text))"
                case .noNumber(let text): "no number in \"\(text.prefix(80))\""
                case .noCurrency(let text): "no currency in \"\(text.prefix(80))\""
                case .ambiguous(let entry):
                    switch CurrencyTable.entries[Int(entry)] {
                    case (let raw, .ambiguous(let options)):
                        "ambiguous currency \"\(raw)\" (\(options.prefix(4).joined(separator: ", ")) …): "
                            + "give a currency hint or a locale"
                    case (let raw, .noCode(let note)):
                        "\"\(raw)\" has no ISO 4217 code (\(note))"
                    case (let raw, .code(let code)):
                        "currency \"\(raw)\" is \(code)"  // not reached: only ambiguous tokens are recorded
                    }
                }
            }
        }
    }
}

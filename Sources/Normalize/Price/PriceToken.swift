/// One piece of a price text: a number, a currency token, a word or a symbol, with its byte range. A plain
/// value (no strings, no references), so a text's tokens live in temporary storage.
struct PriceToken: Sendable, BitwiseCopyable {
    /// What the piece is.
    enum Kind: Sendable, BitwiseCopyable {
        case number(NumberToken)
        /// A currency token: its index in `CurrencyTable.entries`.
        case currency(Int32)
        /// A word, its ASCII letters lower-cased.
        case word(WordKey)
        /// Any other character, as a Unicode scalar value (`/`, `%`, `-` for every dash, `+`, `©` …).
        case symbol(UInt32)
    }

    var kind: Kind
    /// UTF-8 offsets of the piece in the text.
    var start: Int
    var end: Int

    var number: NumberToken? { if case .number(let value) = kind { value } else { nil } }
    var word: WordKey? { if case .word(let value) = kind { value } else { nil } }
    var isCurrency: Bool { if case .currency = kind { true } else { false } }
    var isWord: Bool { if case .word = kind { true } else { false } }
    /// The currency token as written and what it means, nil for other pieces.
    var currency: (raw: String, meaning: CurrencyTable.Meaning)? {
        if case .currency(let entry) = kind { CurrencyTable.entries[Int(entry)] } else { nil }
    }

    func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        if case .symbol(let value) = kind { value == scalar.value } else { false }
    }
}

extension PriceToken.Kind {
    /// `.`, `:`, `#`, `°`: punctuation between an introducer word and its number ("n. 123", "Nr.: 5").
    var isPunctuation: Bool {
        if case .symbol(let value) = self { return value == 0x2E || value == 0x3A || value == 0x23 || value == 0xB0 }
        return false
    }
}

/// The digits of a number as written and the separators between its digit groups, kept allocation-free.
struct NumberToken: Sendable, BitwiseCopyable {
    /// All digits read as one integer (`1.299,00` → 129900); below 10^19 once `high` is used.
    var mantissa: UInt64 = 0
    /// The digits above the 19 lowest (`2.33999999999999985789` → 2): the number is `high × 10^19 + mantissa`.
    var high: UInt64 = 0
    /// More than 38 significant digits.
    var overflow = false

    static let tenPow19: UInt64 = 10_000_000_000_000_000_000
    /// The first digit is `0` and the first group is just `0` (`0.299`).
    var leadingZeroGroup = false
    /// The first digit is `0` (`02 1234`, `0049`).
    var startsWithZero = false
    /// The number of separators (at most `maxSeparators` are recorded).
    var separatorCount = 0
    /// Separator kinds, one byte each (`.`, `,`, `'`, ` `), packed.
    var kinds: UInt64 = 0
    /// Length of the digit group before each separator, packed one byte each.
    var groupLengths: UInt64 = 0
    /// Length of the digit group after the last separator (the whole number when there is none).
    var lastLength = 0
    /// The mark of a `,-` / `.-` ending (`1.198,-`), 0 when there is none.
    var dashMark: UInt8 = 0

    static let maxSeparators = 8

    func kind(at index: Int) -> UInt8 { UInt8(truncatingIfNeeded: kinds >> (8 * UInt64(index))) }
    /// The length of the group that precedes separator `index`.
    func groupLength(before index: Int) -> Int { Int(UInt8(truncatingIfNeeded: groupLengths >> (8 * UInt64(index)))) }
    /// The length of the group that follows separator `index`.
    func groupLength(after index: Int) -> Int {
        index + 1 < separatorCount ? groupLength(before: index + 1) : lastLength
    }

    mutating func appendDigit(_ digit: UInt8) {
        if mantissa == 0, digit == 0, separatorCount == 0, lastLength == 0 {
            leadingZeroGroup = true
            startsWithZero = true
        }
        let (times, overflowed) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflowed2) = times.addingReportingOverflow(UInt64(digit))
        if high == 0, !overflowed, !overflowed2, sum < Self.tenPow19 {
            mantissa = sum
        } else if !overflow {
            appendWide(digit)
        }
        lastLength += 1
        if separatorCount == 0, lastLength > 1 { leadingZeroGroup = false }
    }

    /// The 20th to 38th digits: `high × 10^19 + mantissa` times ten plus the digit, in 128-bit arithmetic.
    private mutating func appendWide(_ digit: UInt8) {
        let product = mantissa.multipliedFullWidth(by: 10)
        let (low, carry) = product.low.addingReportingOverflow(UInt64(digit))
        let (quotient, remainder) = Self.tenPow19.dividingFullWidth((product.high &+ (carry ? 1 : 0), low))
        let (times, overflowed) = high.multipliedReportingOverflow(by: 10)
        let (sum, overflowed2) = times.addingReportingOverflow(quotient)
        if overflowed || overflowed2 || sum >= Self.tenPow19 {
            overflow = true
        } else {
            high = sum
            mantissa = remainder
        }
    }

    mutating func appendSeparator(_ kind: UInt8) {
        if separatorCount < NumberToken.maxSeparators {
            kinds |= UInt64(kind) << (8 * UInt64(separatorCount))
            groupLengths |= UInt64(min(lastLength, 255)) << (8 * UInt64(separatorCount))
        } else {
            overflow = true
        }
        separatorCount += 1
        lastLength = 0
    }
}

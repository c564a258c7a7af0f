/// Splits a price text into tokens in one pass over its UTF-8 bytes: numbers with their separators, currency
/// tokens (symbols, words, ISO codes, `US$`-style compounds), words and symbols. Spaces of every width are
/// dropped; token offsets keep adjacency visible.
struct PriceScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private(set) var tokens: [PriceToken] = []

    /// Texts longer than this are cut: no shop writes a price in more.
    static let maxBytes = 512

    /// Scans `text` and returns its tokens.
    static func scan(_ text: String, maxBytes: Int = PriceScanner.maxBytes) -> [PriceToken] {
        var copy = text
        return copy.withUTF8 { scan($0, maxBytes: maxBytes) }
    }

    /// Scans UTF-8 bytes and returns their tokens.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, maxBytes: Int = PriceScanner.maxBytes) -> [PriceToken] {
        var scanner = PriceScanner(bytes: UnsafeBufferPointer(rebasing: bytes.prefix(maxBytes)))
        scanner.run()
        return scanner.tokens
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(8)
    }

    private mutating func run() {
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 {
                    let number = readNumber()
                    tokens.append(PriceToken(kind: .number(number), start: start, end: index))
                } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    readWord()
                } else if byte <= 0x20 {
                    index += 1  // spaces, tabs, line breaks, control characters
                } else {
                    index += 1
                    if byte == 0x24 {
                        appendDollar(start: start)
                    } else {
                        tokens.append(PriceToken(kind: .symbol(UInt32(byte)), start: start, end: index))
                    }
                }
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            if UTF8Scalar.isSpace(scalar) {
                index += length
            } else if let (raw, meaning) = CurrencyTable.symbol(scalar) {
                index += length
                tokens.append(PriceToken(kind: .currency(raw: raw, meaning: meaning), start: start, end: index))
            } else if UTF8Scalar.isDash(scalar) {
                index += length
                tokens.append(PriceToken(kind: .symbol(0x2D), start: start, end: index))
            } else if UTF8Scalar.isLetter(scalar) {
                readWord()
            } else {
                index += length
                tokens.append(PriceToken(kind: .symbol(scalar), start: start, end: index))
            }
        }
    }

    /// `$` alone, or glued to a prefix word before it (`US$`, `C$`) or an ISO code after it is read later.
    private mutating func appendDollar(start: Int) {
        if let last = tokens.last, last.end == start, case .word = last.kind {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[last.start..<last.end]), as: UTF8.self)
            if CurrencyTable.dollarPrefixes.contains(prefix), let meaning = CurrencyTable.tokens[prefix + "$"] {
                tokens[tokens.count - 1] = PriceToken(
                    kind: .currency(raw: prefix + "$", meaning: meaning), start: last.start, end: index)
                return
            }
        }
        tokens.append(PriceToken(kind: .currency(raw: "$", meaning: CurrencyTable.dollars),
                                 start: start, end: index))
    }

    /// Letters (any script) with inner dots between non-ASCII letters (`د.إ`) and a trailing dot when the
    /// dotted form is a currency (`руб.`, `Fr.`).
    private mutating func readWord() {
        let start = index
        while index < bytes.count {
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            if UTF8Scalar.isLetter(scalar) {
                index += length
            } else if scalar == 0x2E, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index - 1] >= 0x80 {
                let (next, _) = UTF8Scalar.decode(bytes, at: index + 1)
                guard UTF8Scalar.isLetter(next) else { break }
                index += 1
            } else {
                break
            }
        }
        let length = index - start
        if length <= 8 {
            var key = CurrencyTable.pack(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if length < 8, index < bytes.count, bytes[index] == 0x2E,
                let dotted = CurrencyTable.packed[key | UInt64(0x2E) << (8 * UInt64(length))]
            {
                index += 1  // "руб.", "Fr.", "kr."
                tokens.append(PriceToken(kind: .currency(raw: dotted.raw, meaning: dotted.meaning), start: start, end: index))
                return
            }
            if index < bytes.count, bytes[index] == 0x24, length <= 3 {
                let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if CurrencyTable.dollarPrefixes.contains(prefix) {
                    tokens.append(PriceToken(kind: .word(prefix), start: start, end: index))
                    return  // the `$` that follows merges with it
                }
            }
            if let found = CurrencyTable.packed[key] {
                tokens.append(PriceToken(kind: .currency(raw: found.raw, meaning: found.meaning), start: start, end: index))
                return
            }
            key = 0
        } else if length <= CurrencyTable.longestWordBytes {
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if let meaning = CurrencyTable.meaning(of: raw) {
                tokens.append(PriceToken(kind: .currency(raw: raw, meaning: meaning), start: start, end: index))
                return
            }
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        tokens.append(PriceToken(kind: .word(UTF8Scalar.asciiLowercased(raw)), start: start, end: index))
    }

    /// Digits with `.`, `,`, `'`, `’` between digits, a space of any width before exactly three digits, and an
    /// optional `,-` / `.-` / `.–` ending.
    private mutating func readNumber() -> NumberToken {
        var number = NumberToken()
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                number.appendDigit(byte - 0x30)
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            let after = index + length
            if scalar == 0x2E || scalar == 0x2C || scalar == 0x27 || scalar == 0x2019 {
                if after < bytes.count, bytes[after] >= 0x30 && bytes[after] <= 0x39 {
                    number.appendSeparator(scalar == 0x2019 ? 0x27 : UInt8(scalar))
                    index = after
                    continue
                }
                if scalar == 0x2E || scalar == 0x2C, after < bytes.count {
                    let (next, nextLength) = UTF8Scalar.decode(bytes, at: after)
                    if UTF8Scalar.isDash(next) {
                        number.dashMark = UInt8(scalar)
                        index = after + nextLength
                        while index < bytes.count, bytes[index] == 0x2D { index += 1 }  // `,--`
                    }
                }
                break
            }
            if UTF8Scalar.isSpace(scalar), number.lastLength <= 3, threeDigitsFollow(after) {
                number.appendSeparator(0x20)
                index = after
                continue
            }
            break
        }
        return number
    }

    /// Exactly three ASCII digits at `offset`, then no digit.
    private func threeDigitsFollow(_ offset: Int) -> Bool {
        guard offset + 3 <= bytes.count else { return false }
        for position in offset..<(offset + 3) where !(bytes[position] >= 0x30 && bytes[position] <= 0x39) {
            return false
        }
        return offset + 3 == bytes.count || !(bytes[offset + 3] >= 0x30 && bytes[offset + 3] <= 0x39)
    }
}

/// Splits a price text into tokens in one pass over its UTF-8 bytes: numbers with their separators, currency
/// tokens (symbols, words, ISO codes, `US$`-style compounds), words and symbols. Spaces of every width are
/// dropped; token offsets keep adjacency visible. Tokens are written into storage the caller provides (one
/// slot per byte is always enough), so scanning allocates nothing.
struct PriceScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let tokens: UnsafeMutableBufferPointer<PriceToken>
    private var index = 0
    private var count = 0

    /// Texts longer than this are cut: no shop writes a price in more.
    static let maxBytes = 512

    /// Scans `text` (cut at `maxBytes`) and returns its tokens.
    static func scan(_ text: String, maxBytes: Int = PriceScanner.maxBytes) -> [PriceToken] {
        var copy = text
        return copy.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole.prefix(maxBytes))
            return [PriceToken](unsafeUninitializedCapacity: max(bytes.count, 1)) { storage, initialized in
                initialized = scan(bytes, into: storage)
            }
        }
    }

    /// Scans `bytes` into `storage`, which has room for at least `bytes.count` tokens, and returns the number
    /// of tokens written.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into storage: UnsafeMutableBufferPointer<PriceToken>) -> Int {
        precondition(storage.count >= bytes.count, "one token slot per byte")
        var scanner = PriceScanner(bytes: bytes, tokens: storage)
        scanner.run()
        return scanner.count
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<PriceToken>) {
        self.bytes = bytes
        self.tokens = tokens
    }

    private mutating func append(_ kind: PriceToken.Kind, from start: Int) {
        tokens.initializeElement(at: count, to: PriceToken(kind: kind, start: start, end: index))
        count += 1
    }

    private mutating func run() {
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 {
                    let number = readNumber()
                    append(.number(number), from: start)
                } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    readWord()
                } else if byte <= 0x20 {
                    index += 1  // spaces, tabs, line breaks, control characters
                } else {
                    index += 1
                    if byte == 0x24, let dollar = CurrencyTable.entry(WordKey(slice(start, index))) {
                        append(.currency(Int32(dollar)), from: start)
                    } else {
                        append(.symbol(UInt32(byte)), from: start)
                    }
                }
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            if UTF8Scalar.isSpace(scalar) {
                index += length
            } else if CurrencyTable.isSign(scalar),
                let sign = CurrencyTable.entry(WordKey(slice(start, start + length)))
            {
                index += length
                append(.currency(Int32(sign)), from: start)
            } else if UTF8Scalar.isDash(scalar) {
                index += length
                append(.symbol(0x2D), from: start)
            } else if UTF8Scalar.isLetter(scalar) {
                readWord()
            } else {
                index += length
                append(.symbol(scalar), from: start)
            }
        }
    }

    private func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Letters (any script) with inner dots between non-ASCII letters (`د.إ`), then: a currency glued to a `$`
    /// after it (`US$`, `C$`, `R$`), a currency with a trailing dot (`руб.`, `Fr.`), a currency word or code, or
    /// a plain word.
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
        if length < WordKey.capacity, index < bytes.count, bytes[index] == 0x24 || bytes[index] == 0x2E,
            let glued = CurrencyTable.entry(WordKey(slice(start, index + 1)))
        {
            index += 1  // "US$", "R$", "руб.", "Fr.", "kr."
            append(.currency(Int32(glued)), from: start)
            return
        }
        let word = slice(start, index)
        if let found = CurrencyTable.entry(WordKey(word)) {
            append(.currency(Int32(found)), from: start)
        } else {
            append(.word(WordKey(word, lowercased: true)), from: start)
        }
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

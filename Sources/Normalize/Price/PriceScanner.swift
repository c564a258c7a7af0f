/// Splits a price text into tokens in one pass over its UTF-8 bytes: numbers with their separators, currency
/// tokens (symbols, words, ISO codes, `US$`-style compounds), words and symbols. Spaces of every width are
/// dropped; token offsets keep adjacency visible. Tokens are written into storage the caller provides (one
/// slot per byte is always enough), so scanning allocates nothing.
struct PriceScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let tokens: UnsafeMutableBufferPointer<PriceToken>
    private var index = 0
    private var count = 0
    /// A currency sign read inside a number as its decimal mark (`19€95`), appended after the number.
    private var signInNumber: (entry: Int32, start: Int, end: Int)?

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
                    appendNumber(readNumber(), from: start)
                } else if (byte == 0x2E || byte == 0x2C), strayMarkFollows() {
                    index += 1  // `$..75`, `$.750.30`: a mark before a number that has its own is a slip of the key
                } else if (byte == 0x2E || byte == 0x2C), leadingDecimalFollows() {
                    // `.99 €`, `$.49`: a leading decimal mark reads as `0.99`.
                    var number = NumberToken()
                    number.appendDigit(0)
                    number.appendSeparator(byte)
                    index += 1
                    appendNumber(readNumber(continuing: number), from: start)
                } else if byte == 0x3A, count > 0, tokens[count - 1].isCurrency, tokens[count - 1].end == index {
                    index += 1  // `CA$:15.00`, `EUR:9,90`: a colon glued to the currency is punctuation
                } else if byte == 0x2F, let end = perItemSuffixEnd() {
                    index = end  // `25.00/ea`, `9,90 €/pz`: a price per piece is the price
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

    private mutating func appendNumber(_ number: NumberToken, from start: Int) {
        append(.number(number), from: start)
        if let sign = signInNumber {
            tokens.initializeElement(at: count, to: PriceToken(kind: .currency(sign.entry), start: sign.start, end: sign.end))
            count += 1
            signInNumber = nil
        }
    }

    /// At a `.` or `,` not preceded by a digit: one or two digits follow, then no digit.
    private func leadingDecimalFollows() -> Bool {
        if index > 0, bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39 { return false }
        let digits = digitRun(from: index + 1)
        return digits == 1 || digits == 2
    }

    /// At a `.` or `,` not preceded by a digit: another mark follows it directly (`..75`), or a run of digits
    /// that goes on with a mark and more digits (`.750.30`, `.75,333`).
    private func strayMarkFollows() -> Bool {
        if index > 0, bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39 { return false }
        func isMark(_ offset: Int) -> Bool { offset < bytes.count && (bytes[offset] == 0x2E || bytes[offset] == 0x2C) }
        if isMark(index + 1) { return digitRun(from: index + 2) > 0 }
        let digits = digitRun(from: index + 1)
        return digits > 0 && isMark(index + 1 + digits) && digitRun(from: index + 2 + digits) > 0
    }

    /// After a currency sign glued to digits: where exactly two cents start, directly (`19€95`) or after one
    /// space ending the text (`35€ 99`); nil otherwise.
    private func centsAfterSign(_ offset: Int) -> Int? {
        if digitRun(from: offset) == 2 { return offset }
        if offset < bytes.count, bytes[offset] == 0x20, digitRun(from: offset + 1) == 2, offset + 3 == bytes.count { return offset + 1 }
        return nil
    }

    /// The number of ASCII digits from `offset` on.
    private func digitRun(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
        return end - offset
    }

    /// At a `/`: the end of a per-piece word after it (`ea`, `each`, `pz`, `pc`, `stk` …), nil otherwise.
    private func perItemSuffixEnd() -> Int? {
        var end = index + 1
        while end < bytes.count, end - index <= WordKey.capacity, (bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A || bytes[end] == 0x2E {
            end += 1
        }
        var word = end
        if word > index + 1, bytes[word - 1] == 0x2E { word -= 1 }
        guard word > index + 1, PriceWords.perItem.contains(WordKey(slice(index + 1, word), lowercased: true)) else { return nil }
        return end
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
            } else if scalar == 0x22 || scalar == 0x27, index >= start + 2, index + 1 < bytes.count, bytes[index - 2] == 0xD7,
                bytes[index + 1] == 0xD7 {
                index += 1  // `ש"ח`, `ש'ח`: ASCII quotes for gershayim and geresh between Hebrew letters
            } else if scalar == 0x2E, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index - 1] >= 0x80 {
                let (next, _) = UTF8Scalar.decode(bytes, at: index + 1)
                guard UTF8Scalar.isLetter(next) else { break }
                index += 1
            } else {
                // `so'm`, `soʻm`: an apostrophe inside a currency word.
                if scalar == 0x27 || scalar == 0x2019 || scalar == 0x2BB || scalar == 0x2018, let end = apostropheCurrencyEnd(wordStart: start) {
                    index = end
                }
                break
            }
        }
        if let end = gluedCurrencyEnd(wordStart: start), let glued = CurrencyTable.entry(WordKey(slice(start, end))) {
            index = end  // "US$", "R$", "руб.", "Fr.", "kr.", "S/", "B/.", "GH₵", "JP¥"
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

    /// At an apostrophe inside a word: the end of the letters after it when the whole is a currency token
    /// (`so'm`), nil otherwise (`l'euro` stays two words).
    @inline(never)
    private func apostropheCurrencyEnd(wordStart: Int) -> Int? {
        let (_, length) = UTF8Scalar.decode(bytes, at: index)
        var end = index + length
        while end < bytes.count {
            let (scalar, size) = UTF8Scalar.decode(bytes, at: end)
            guard UTF8Scalar.isLetter(scalar) else { break }
            end += size
        }
        guard end > index + length, CurrencyTable.entry(WordKey(slice(wordStart, end))) != nil else { return nil }
        return end
    }

    /// The end of the longest currency token made of the word just read and what is glued to it: one or two of
    /// `$` `.` `/` (`US$`, `S/.`), or a currency sign (`GH₵`); nil when nothing is glued.
    private func gluedCurrencyEnd(wordStart: Int) -> Int? {
        guard index < bytes.count, index - wordStart < WordKey.capacity else { return nil }
        func isGlue(_ byte: UInt8) -> Bool { byte == 0x24 || byte == 0x2E || byte == 0x2F }
        if isGlue(bytes[index]) {
            if index + 1 < bytes.count, isGlue(bytes[index + 1]), CurrencyTable.entry(WordKey(slice(wordStart, index + 2))) != nil {
                return index + 2
            }
            return index + 1
        }
        guard bytes[index] >= 0x80 else { return nil }
        let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
        return CurrencyTable.isSign(scalar) ? index + length : nil
    }

    /// Digits with `.`, `,`, `'`, `’` between digits, a space of any width before exactly three digits, and an
    /// optional `,-` / `.-` / `.–` ending.
    private mutating func readNumber(continuing start: NumberToken = NumberToken()) -> NumberToken {
        var number = start
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
                    // `$249. 99`, `12, 90 €`: a space after the decimal mark before exactly two digits.
                    if UTF8Scalar.isSpace(next), number.lastLength > 0, digitRun(from: after + nextLength) == 2 {
                        number.appendSeparator(UInt8(scalar))
                        index = after + nextLength
                        continue
                    }
                    if UTF8Scalar.isDash(next) {
                        number.dashMark = UInt8(scalar)
                        index = after + nextLength
                        while index < bytes.count, bytes[index] == 0x2D { index += 1 }  // `,--`
                    }
                }
                break
            }
            // `19€95`, `1 299€00`: a currency sign between the units and exactly two cents is the decimal mark.
            if scalar >= 0x80, CurrencyTable.isSign(scalar), signInNumber == nil, let cents = centsAfterSign(after),
                let entry = CurrencyTable.entry(WordKey(slice(index, after))) {
                signInNumber = (Int32(entry), index, after)
                number.appendSeparator(0x2E)
                index = cents
                continue
            }
            // `1 299,00`: a space groups thousands, only after a first group or a group of three (`$2.00 100`
            // is two numbers).
            if UTF8Scalar.isSpace(scalar), number.lastLength <= 3, number.separatorCount == 0 || number.lastLength == 3,
                threeDigitsFollow(after) {
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

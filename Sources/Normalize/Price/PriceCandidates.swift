/// The numbers of a price text with their role: a price candidate (with its currency token and the words before
/// it), a unit price, or something that only looks like a price (with the reason). A plain value.
struct PriceCandidate: Sendable, BitwiseCopyable {
    /// What the number is.
    enum Role: Sendable, Equatable, BitwiseCopyable {
        case price
        case unitPrice(PriceUnit)
        case rejected(Rejection)
    }

    /// The index of the number token.
    var token: Int
    var number: NumberToken
    /// The index of the currency token that belongs to the number.
    var currencyToken: Int?
    var role: Role
    /// Marker words between the previous number and this one.
    var isCurrent = false
    var isPrevious = false
    var isFrom = false
}

/// Why a number is not a price.
enum Rejection: Sendable, Hashable, BitwiseCopyable {
    case fractionRatingOrDate, percentage, measure(WordKey), rating, phone, identifier, year, dateOrTime, shippingThreshold

    var text: String {
        switch self {
        case .fractionRatingOrDate: "a fraction, rating or date"
        case .percentage: "a percentage"
        case .measure(let word): "a quantity or measure (\(word.text))"
        case .rating: "a rating"
        case .phone: "a phone or reference number"
        case .identifier: "an identifier, phone number or year"
        case .year: "a year"
        case .dateOrTime: "a date or time"
        case .shippingThreshold: "a free-shipping threshold"
        }
    }
}

/// The unit of a unit price: a unit word, with a count when one is written (`/100 g`).
struct PriceUnit: Sendable, Hashable, BitwiseCopyable {
    var count: UInt64?
    var word: WordKey

    var text: String { count.map { "\($0) \(word.text)" } ?? word.text }
}

/// Classifies every number of a token list.
enum PriceCandidates {
    /// The candidates of `tokens`, in order.
    static func classify(_ tokens: [PriceToken]) -> [PriceCandidate] {
        tokens.withUnsafeBufferPointer { tokens in
            [PriceCandidate](unsafeUninitializedCapacity: max(tokens.count, 1)) { storage, initialized in
                initialized = classify(tokens, into: storage)
            }
        }
    }

    /// Writes the candidates of `tokens` into `result` (room for one per token is enough) and returns their count.
    static func classify(
        _ tokens: UnsafeBufferPointer<PriceToken>, into result: UnsafeMutableBufferPointer<PriceCandidate>
    ) -> Int {
        var count = 0
        var previousNumberEnd = -1
        for index in tokens.indices {
            guard let number = tokens[index].number else { continue }
            var candidate = PriceCandidate(token: index, number: number, currencyToken: currency(of: index, in: tokens),
                                           role: .price)
            candidate.role = role(of: index, number: number, hasCurrency: candidate.currencyToken != nil, in: tokens)
            let afterPrevious = previousNumberEnd + 1
            if afterPrevious < index {
                for position in afterPrevious..<index {
                    guard let word = tokens[position].word else { continue }
                    if PriceWords.current.contains(word) { candidate.isCurrent = true }
                    if PriceWords.previous.contains(word) { candidate.isPrevious = true }
                    if PriceWords.from.contains(word) { candidate.isFrom = true }
                }
            }
            if count > 0, result[count - 1].token == index - 1, candidate.currencyToken == nil,
                result[count - 1].role == .rejected(.phone) || result[count - 1].role == .rejected(.identifier)
            {
                candidate.role = .rejected(.phone)  // "+39 02 1234 5678": every group of the number
            }
            previousNumberEnd = candidate.currencyToken.map { max($0, index) } ?? index
            result.initializeElement(at: count, to: candidate)
            count += 1
        }
        return count
    }

    /// A currency token right before the number (when nothing numeric precedes it) or right after it.
    private static func currency(of index: Int, in tokens: UnsafeBufferPointer<PriceToken>) -> Int? {
        let before = index > 0 && tokens[index - 1].isCurrency ? index - 1 : nil
        let after = index + 1 < tokens.count && tokens[index + 1].isCurrency ? index + 1 : nil
        if let before, let after {
            // "$ 25 USD": the specific one; "9,90 € 19,90 €": a prefix that follows a number belongs to it.
            if case .ambiguous? = tokens[before].currency?.meaning { return after }
            return before > 0 && tokens[before - 1].number != nil ? after : before
        }
        if let before, before > 0, tokens[before - 1].number != nil, tokens[before - 1].end == tokens[before].start {
            return after  // "12€ 15": the € is 12's
        }
        return before ?? after
    }

    private static func role(of index: Int, number: NumberToken, hasCurrency: Bool, in tokens: UnsafeBufferPointer<PriceToken>)
        -> PriceCandidate.Role
    {
        var next = index + 1
        if next < tokens.count, tokens[next].isCurrency { next += 1 }
        let following = next < tokens.count ? tokens[next] : nil
        if let following, following.isSymbol("/") {
            if next + 1 < tokens.count, let unit = unit(at: next + 1, in: tokens) { return .unitPrice(unit) }
            if !hasCurrency { return .rejected(.fractionRatingOrDate) }
        }
        if let word = following?.word, PriceWords.unitIntroducers.contains(word), next + 1 < tokens.count,
            let unit = unit(at: next + 1, in: tokens), hasCurrency
        {
            return .unitPrice(unit)
        }
        if let following, following.isSymbol("%") { return .rejected(.percentage) }
        if let word = following?.word, following?.start == tokens[index].end || !hasCurrency {
            if PriceWords.measures.contains(word) { return .rejected(.measure(word)) }
            if PriceWords.ratingFollowers.contains(word) { return .rejected(.rating) }
        }
        if hasCurrency { return .price }
        if index > 0 {
            let before = tokens[index - 1]
            if before.isSymbol("+") || before.isSymbol("#") { return .rejected(.phone) }
            let introducer = before.word ?? (index > 1 && before.kind.isPunctuation ? tokens[index - 2].word : nil)
            if let word = introducer, PriceWords.identifierIntroducers.contains(word) {
                return .rejected(.identifier)
            }
            if before.isSymbol("©") { return .rejected(.year) }
            if before.isSymbol("/") { return .rejected(.fractionRatingOrDate) }
            if let word = before.word, PriceWords.ratingFollowers.contains(word) { return .rejected(.rating) }
        }
        if number.separatorCount == 0, number.lastLength >= 8 || (number.lastLength >= 2 && number.startsWithZero) {
            return .rejected(.phone)
        }
        if number.separatorCount == 0, number.lastLength == 4, (1900...2100).contains(number.mantissa),
            tokens.count > 1
        {
            return .rejected(.year)
        }
        if isDateOrTime(at: index, in: tokens) { return .rejected(.dateOrTime) }
        if following?.number != nil, !(next < tokens.count && next + 1 < tokens.count && tokens[next + 1].isCurrency) {
            return .rejected(.phone)  // "12 34 56": a run of bare numbers
        }
        return .price
    }

    /// `10:30`, `2026-11-20`, `20-11-2026`: numbers glued by `:` once or by `-` twice.
    private static func isDateOrTime(at index: Int, in tokens: UnsafeBufferPointer<PriceToken>) -> Bool {
        func glued(_ position: Int, _ symbol: Unicode.Scalar) -> Bool {
            position + 2 < tokens.count && tokens[position].number != nil && tokens[position + 1].isSymbol(symbol)
                && tokens[position + 1].start == tokens[position].end && tokens[position + 2].number != nil
                && tokens[position + 2].start == tokens[position + 1].end
        }
        func links(_ symbol: Unicode.Scalar) -> Int {
            var count = 0
            var position = index
            while glued(position, symbol) { count += 1; position += 2 }
            position = index
            while position >= 2, glued(position - 2, symbol) { count += 1; position -= 2 }
            return count
        }
        /// `25-09`, `09-25`: two two-digit numbers glued by one dash, one of them zero-padded.
        func isDayAndMonth() -> Bool {
            func pair(_ left: Int) -> Bool {
                guard left >= 0, glued(left, "-"), let first = tokens[left].number, let second = tokens[left + 2].number
                else { return false }
                func twoDigits(_ number: NumberToken) -> Bool { number.separatorCount == 0 && number.lastLength == 2 }
                return twoDigits(first) && twoDigits(second) && (first.startsWithZero || second.startsWithZero)
            }
            return pair(index) || pair(index - 2)
        }
        return links(":") >= 1 || links("-") >= 2 || links("/") >= 2 || links(".") >= 1 || isDayAndMonth()
    }

    /// The unit after a `/` or "al": a unit word, or a number and a unit word (`/100 g`).
    private static func unit(at index: Int, in tokens: UnsafeBufferPointer<PriceToken>) -> PriceUnit? {
        if let word = tokens[index].word, PriceWords.unitWords.contains(word) { return PriceUnit(word: word) }
        if let amount = tokens[index].number, index + 1 < tokens.count, let word = tokens[index + 1].word,
            PriceWords.unitWords.contains(word)
        {
            return PriceUnit(count: amount.mantissa, word: word)
        }
        return nil
    }
}

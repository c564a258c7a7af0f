/// The numbers of a price text with their role: a price candidate (with its currency token and the words before
/// it), a unit price, or something that only looks like a price (with the reason).
struct PriceCandidate: Sendable {
    /// What the number is.
    enum Role: Sendable, Equatable {
        case price
        case unitPrice(unit: String)
        case rejected(String)
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

/// Classifies every number of a token list.
enum PriceCandidates {
    static let phoneReason = "a phone or reference number"
    static let identifierReason = "an identifier, phone number or year"

    static func classify(_ tokens: [PriceToken]) -> [PriceCandidate] {
        var result: [PriceCandidate] = []
        var previousNumberEnd = -1
        for (index, token) in tokens.enumerated() {
            guard let number = token.number else { continue }
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
            if let last = result.last, last.token == index - 1, last.role == .rejected(phoneReason) || last.role == .rejected(identifierReason),
                candidate.currencyToken == nil
            {
                candidate.role = .rejected(phoneReason)  // "+39 02 1234 5678": every group of the number
            }
            previousNumberEnd = candidate.currencyToken.map { max($0, index) } ?? index
            result.append(candidate)
        }
        return result
    }

    /// A currency token right before the number (when nothing numeric precedes it) or right after it.
    private static func currency(of index: Int, in tokens: [PriceToken]) -> Int? {
        let before = index > 0 && tokens[index - 1].isCurrency ? index - 1 : nil
        let after = index + 1 < tokens.count && tokens[index + 1].isCurrency ? index + 1 : nil
        if let before, let after {
            // "$ 25 USD": the specific one; "9,90 € 19,90 €": a prefix that follows a number belongs to it.
            if case .currency(_, .ambiguous) = tokens[before].kind { return after }
            return before > 0 && tokens[before - 1].number != nil ? after : before
        }
        if let before, before > 0, tokens[before - 1].number != nil, tokens[before - 1].end == tokens[before].start {
            return after  // "12€ 15": the € is 12's
        }
        return before ?? after
    }

    private static func role(of index: Int, number: NumberToken, hasCurrency: Bool, in tokens: [PriceToken])
        -> PriceCandidate.Role
    {
        var next = index + 1
        if next < tokens.count, tokens[next].isCurrency { next += 1 }
        let following = next < tokens.count ? tokens[next] : nil
        if let following, following.isSymbol("/") {
            if next + 1 < tokens.count, let unit = unit(at: next + 1, in: tokens) { return .unitPrice(unit: unit) }
            if !hasCurrency { return .rejected("a fraction, rating or date") }
        }
        if let word = following?.word, PriceWords.unitIntroducers.contains(word), next + 1 < tokens.count,
            let unit = unit(at: next + 1, in: tokens), hasCurrency
        {
            return .unitPrice(unit: unit)
        }
        if let following, following.isSymbol("%") { return .rejected("a percentage") }
        if let word = following?.word, following?.start == tokens[index].end || !hasCurrency {
            if PriceWords.measures.contains(word) { return .rejected("a quantity or measure (\(word))") }
            if PriceWords.ratingFollowers.contains(word) { return .rejected("a rating") }
        }
        if hasCurrency { return .price }
        if index > 0 {
            let before = tokens[index - 1]
            if before.isSymbol("+") || before.isSymbol("#") { return .rejected(phoneReason) }
            let introducer = before.word ?? (index > 1 && before.kind.isPunctuation ? tokens[index - 2].word : nil)
            if let word = introducer, PriceWords.identifierIntroducers.contains(word) {
                return .rejected(identifierReason)
            }
            if before.isSymbol("©") { return .rejected("a year") }
            if before.isSymbol("/") { return .rejected("a fraction, rating or date") }
            if let word = before.word, PriceWords.ratingFollowers.contains(word) { return .rejected("a rating") }
        }
        if number.separatorCount == 0, number.lastLength >= 8 || (number.lastLength >= 2 && number.startsWithZero) {
            return .rejected(phoneReason)
        }
        if number.separatorCount == 0, number.lastLength == 4, (1900...2100).contains(number.mantissa),
            tokens.count > 1
        {
            return .rejected("a year")
        }
        if isDateOrTime(at: index, in: tokens) { return .rejected("a date or time") }
        if following?.number != nil, !(next < tokens.count && next + 1 < tokens.count && tokens[next + 1].isCurrency) {
            return .rejected(phoneReason)  // "12 34 56": a run of bare numbers
        }
        return .price
    }

    /// `10:30`, `2026-11-20`, `20-11-2026`: numbers glued by `:` once or by `-` twice.
    private static func isDateOrTime(at index: Int, in tokens: [PriceToken]) -> Bool {
        func glued(_ position: Int, _ symbol: Unicode.Scalar) -> Bool {
            position + 2 < tokens.count && tokens[position + 1].isSymbol(symbol)
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
        return links(":") >= 1 || links("-") >= 2 || links("/") >= 2 || links(".") >= 1
    }

    /// The unit after a `/` or "al": a unit word, or a number and a unit word (`/100 g`).
    private static func unit(at index: Int, in tokens: [PriceToken]) -> String? {
        if let word = tokens[index].word, PriceWords.unitWords.contains(word) { return word }
        if let amount = tokens[index].number, index + 1 < tokens.count, let word = tokens[index + 1].word,
            PriceWords.unitWords.contains(word)
        {
            return "\(amount.mantissa) \(word)"
        }
        return nil
    }
}

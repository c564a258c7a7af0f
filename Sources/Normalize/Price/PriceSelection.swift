/// Picks the current price among the classified numbers of a text: a range's lower end, the number marked
/// current ("ora", "now"), the unmarked one next to a former price ("invece di", "was"), else the first price
/// with a currency, else the first price.
struct PriceSelection: Sendable {
    /// The candidate index of the current price.
    var chosen: Int?
    /// The candidate index of a range's upper end.
    var maximum: Int?
    /// The candidate index of a former / reference price.
    var previous: Int?
    /// The candidate index of a unit price.
    var unitPrice: Int?
    /// Why there is no price, when every number was rejected.
    var failure: PriceParser.Result.Why?

    init(candidates: UnsafeBufferPointer<PriceCandidate>, tokens: UnsafeBufferPointer<PriceToken>) {
        var unitPrice: Int?
        var priceCount = 0, withCurrency = 0
        for index in candidates.indices {
            switch candidates[index].role {
            case .price:
                priceCount += 1
                if candidates[index].currencyToken != nil { withCurrency += 1 }
            case .unitPrice:
                if unitPrice == nil { unitPrice = index }
            case .rejected:
                break
            }
        }
        self.unitPrice = unitPrice
        guard priceCount > 0 else {
            failure = Self.failure(candidates)
            return
        }
        if priceCount > 1, let (low, high) = Self.range(candidates, tokens, withCurrency: withCurrency > 0) {
            chosen = low
            maximum = high
            return
        }
        // The pool: the prices with a currency when there are any, else every price.
        func inPool(_ index: Int) -> Bool {
            candidates[index].role == .price && (withCurrency == 0 || candidates[index].currencyToken != nil)
        }
        func first(where matches: (Int) -> Bool) -> Int? {
            candidates.indices.first { inPool($0) && matches($0) }
        }
        if let current = first(where: { candidates[$0].isCurrent && !candidates[$0].isPrevious }) {
            chosen = current
            previous = first { $0 != current && candidates[$0].isPrevious }
        } else if let former = first(where: { candidates[$0].isPrevious }),
            let other = first(where: { !candidates[$0].isPrevious })
        {
            chosen = other
            previous = former
        } else {
            chosen = first { _ in true }
        }
    }

    /// Two neighbouring prices joined by a dash or a range word ("a", "to", "bis"), with at most currency tokens
    /// between. The range must open the text's prices: after a price stated first (`€ 10.00 € 8.00 – € 10.00`) it
    /// is a list of options, not the price. A currency written before the upper end only (`50 - $2.00`) makes the
    /// lower end another quantity.
    private static func range(
        _ candidates: UnsafeBufferPointer<PriceCandidate>, _ tokens: UnsafeBufferPointer<PriceToken>, withCurrency: Bool
    ) -> (Int, Int)? {
        var first = candidates.startIndex
        var pricedBefore = false
        while first + 1 < candidates.endIndex {
            defer {
                let candidate = candidates[first]
                if candidate.role == .price, !withCurrency || candidate.currencyToken != nil { pricedBefore = true }
                first += 1
            }
            let low = candidates[first], high = candidates[first + 1]
            guard low.role == .price, high.role == .price, !low.isPrevious, !high.isPrevious, !high.isCurrent else {
                continue
            }
            if pricedBefore { return nil }
            if let sign = high.currencyToken, sign < high.token, low.currencyToken == nil { continue }
            var joined = false
            for position in (low.token + 1)..<high.token {
                let token = tokens[position]
                if token.isCurrency { continue }
                if token.isSymbol("-") || token.word.map(PriceWords.rangeJoiners.contains) == true {
                    joined = true
                    continue
                }
                joined = false
                break
            }
            if joined { return (first, first + 1) }
        }
        return nil
    }

    private static func failure(_ candidates: UnsafeBufferPointer<PriceCandidate>) -> PriceParser.Result.Why? {
        for candidate in candidates {
            switch candidate.role {
            case .rejected(let why): return .rejected(why)
            case .unitPrice(let unit): return .unitOnly(unit)
            case .price: continue
            }
        }
        return nil
    }
}

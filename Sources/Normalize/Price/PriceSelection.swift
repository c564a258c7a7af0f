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
    var failure: String?

    init(candidates: [PriceCandidate], tokens: [PriceToken]) {
        if candidates.count == 1 {  // the common case, without intermediate arrays
            switch candidates[0].role {
            case .price: chosen = 0
            case .unitPrice: unitPrice = 0
            case .rejected: break
            }
            if chosen == nil { failure = Self.failure(candidates) }
            return
        }
        unitPrice = candidates.firstIndex { if case .unitPrice = $0.role { true } else { false } }
        let prices = candidates.indices.filter { candidates[$0].role == .price }
        guard !prices.isEmpty else {
            failure = Self.failure(candidates)
            return
        }
        if let (low, high) = Self.range(prices, candidates, tokens) {
            chosen = low
            maximum = high
            return
        }
        let withCurrency = prices.filter { candidates[$0].currencyToken != nil }
        let pool = withCurrency.isEmpty ? prices : withCurrency
        if let current = pool.first(where: { candidates[$0].isCurrent && !candidates[$0].isPrevious }) {
            chosen = current
            previous = pool.first { $0 != current && candidates[$0].isPrevious }
        } else if let former = pool.first(where: { candidates[$0].isPrevious }),
            let other = pool.first(where: { !candidates[$0].isPrevious })
        {
            chosen = other
            previous = former
        } else {
            chosen = pool.first
        }
    }

    /// Two prices joined by a dash or a range word ("a", "to", "bis"), with at most currency tokens between.
    private static func range(_ prices: [Int], _ candidates: [PriceCandidate], _ tokens: [PriceToken]) -> (Int, Int)? {
        guard prices.count >= 2 else { return nil }
        for (first, second) in zip(prices, prices.dropFirst()) {
            let low = candidates[first], high = candidates[second]
            guard !low.isPrevious, !high.isPrevious, !high.isCurrent, second == first + 1 else { continue }
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
            if joined { return (first, second) }
        }
        return nil
    }

    private static func failure(_ candidates: [PriceCandidate]) -> String? {
        for candidate in candidates {
            switch candidate.role {
            case .rejected(let why): return "\(why), not a price"
            case .unitPrice(let unit): return "only a unit price (per \(unit))"
            case .price: continue
            }
        }
        return nil
    }
}

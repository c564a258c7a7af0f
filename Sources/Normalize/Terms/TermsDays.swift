/// Finds durations in terms text: "2-4 giorni lavorativi", "24/48h", "entro 30 giorni", "3 à 5 jours ouvrés",
/// "1–2 Werktage", "within 2 weeks", each as a day range with the index of its first token.
enum TermsDays {
    /// One duration.
    struct Span: Sendable, Equatable {
        var min: Int?
        var max: Int?
        var business: Bool
        /// Index of the first number token.
        var index: Int
    }

    /// Unit words and how many days one unit is (hours are 1/24, rounded up).
    static let units: [String: Int] = [
        "giorni": 1, "giorno": 1, "gg": 1, "days": 1, "day": 1, "tage": 1, "tagen": 1, "tag": 1, "werktage": 1,
        "werktagen": 1, "jours": 1, "jour": 1, "j": 1, "dias": 1, "dia": 1, "settimane": 7, "settimana": 7,
        "weeks": 7, "week": 7, "wochen": 7, "woche": 7, "semaines": 7, "semaine": 7, "semanas": 7, "semana": 7,
        "mesi": 30, "mese": 30, "months": 30, "month": 30, "monate": 30, "monat": 30, "mois": 30, "meses": 30,
        "mes": 30, "h": 0, "ore": 0, "ora": 0, "hours": 0, "hour": 0, "hrs": 0, "stunden": 0, "std": 0,
        "heures": 0, "heure": 0, "horas": 0,
    ]
    static let businessWords: Set<String> = [
        "lavorativi", "lavorativo", "business", "working", "werktage", "werktagen", "ouvres", "ouvrables",
        "habiles", "laborables", "feriali", "utili",
    ]
    static let upToWords: Set<String> = [
        "entro", "within", "innerhalb", "binnen", "sous", "under", "max", "massimo", "fino", "up", "bis", "moins",
        "menos",
    ]
    static let joiners: Set<String> = ["a", "to", "bis", "a", "e", "o", "or", "oder", "ou", "y", "and", "und", "et"]

    static func find(in text: TermsText) -> [Span] {
        var spans: [Span] = []
        var index = 0
        let tokens = text.tokens
        while index < tokens.count {
            guard let first = text.integer(at: index) else { index += 1; continue }
            var second: Int? = nil
            var next = index + 1
            if next + 1 < tokens.count, tokens[next].isSymbol("-") || tokens[next].isSymbol("/")
                || text.folded[next].map(joiners.contains) == true, let value = text.integer(at: next + 1)
            {
                second = value
                next += 2
            }
            var leadingBusiness = false
            if next + 1 < tokens.count, text.folded[next].map(businessWords.contains) == true {
                leadingBusiness = true  // "3-5 business days", "2 Werk-tage"
                next += 1
            }
            guard next < tokens.count, let unitWord = text.folded[next], let factor = units[unitWord] else {
                index += 1
                continue
            }
            let business = leadingBusiness || businessWords.contains(unitWord)
                || (next + 1 < tokens.count && text.folded[next + 1].map(businessWords.contains) == true)
            func days(_ value: Int) -> Int { factor == 0 ? (value + 23) / 24 : value * factor }
            let upTo = second == nil && text.words(before: index, count: 2).contains(where: upToWords.contains)
            let low = days(first), high = second.map(days)
            spans.append(Span(min: upTo ? nil : low, max: high ?? low, business: business, index: index))
            index = next + 1
        }
        return spans
    }
}

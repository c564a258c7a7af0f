import Foundation

/// Deadlines stated relative to the send date: "fino a domenica", "ends midnight", "solo oggi", "nur heute",
/// "jusqu'à dimanche", "hasta el domingo", "ends tomorrow" — the end of that day in the shop's time zone.
enum RelativeDeadline {
    static let endWords = ["fino a", "fino al", "entro", "until", "till", "through", "ends", "ending", "bis",
                           "jusqu a", "jusqu'a", "hasta el", "hasta", "termina", "scade", "only", "solo", "nur",
                           "seulement", "solo hoy", "last day", "ultimo giorno", "expires", "valid", "valido",
                           "gultig", "valable", "ends at"]
    /// Weekday names (folded) → Gregorian weekday (1 = Sunday).
    static let weekdays: [String: Int] = [
        "sunday": 1, "domenica": 1, "sonntag": 1, "dimanche": 1, "domingo": 1,
        "monday": 2, "lunedi": 2, "montag": 2, "lundi": 2, "lunes": 2,
        "tuesday": 3, "martedi": 3, "dienstag": 3, "mardi": 3, "martes": 3,
        "wednesday": 4, "mercoledi": 4, "mittwoch": 4, "mercredi": 4, "miercoles": 4,
        "thursday": 5, "giovedi": 5, "donnerstag": 5, "jeudi": 5, "jueves": 5,
        "friday": 6, "venerdi": 6, "freitag": 6, "vendredi": 6, "viernes": 6,
        "saturday": 7, "sabato": 7, "samstag": 7, "samedi": 7, "sabado": 7,
    ]
    static let today = ["today", "tonight", "midnight", "oggi", "stasera", "mezzanotte", "heute", "mitternacht",
                        "aujourd hui", "aujourd'hui", "ce soir", "minuit", "hoy", "esta noche", "medianoche"]
    static let tomorrow = ["tomorrow", "domani", "morgen", "demain", "manana"]

    /// The end of the day the text names relative to `sent`, nil when it names none.
    static func end(in text: String, sent: Date, timeZone: TimeZone) -> Date? {
        let folded = " " + text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .map { $0.isLetter || $0 == "'" ? $0 : " " }.map(String.init).joined() + " "
        // The day must follow an end word within a few words ("until Sunday", "ends tonight", "solo oggi"): a weekday
        // anywhere in a paragraph that says "only" elsewhere is no deadline.
        var words: [String] = []
        for word in endWords {
            var from = folded.startIndex
            while let found = folded.range(of: " " + word + " ", range: from..<folded.endIndex) {
                words += folded[found.upperBound...].split(separator: " ").prefix(4).map(String.init)
                from = found.upperBound
            }
        }
        guard !words.isEmpty else { return nil }
        let near = " " + words.joined(separator: " ") + " "
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var offset: Int?
        if words.contains(where: { tomorrow.contains($0) }) {
            offset = 1
        } else if today.contains(where: { near.contains(" " + $0 + " ") }) {
            offset = 0
        } else if let day = words.lazy.compactMap({ weekdays[$0] }).first {
            let sentDay = calendar.component(.weekday, from: sent)
            offset = (day - sentDay + 7) % 7
        }
        guard let offset, let day = calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: sent))
        else { return nil }
        return calendar.date(byAdding: .second, value: 86_399, to: day)
    }
}

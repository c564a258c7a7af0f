import Foundation

/// Finds dates in folded text: ISO 8601 (with time and offset), `31/12`, `31.12.2025`, `24 dicembre`,
/// `Feb 18, 2025`, `18th February 2025`, and day ranges that share a month (`dal 20 al 30 novembre`).
enum DateMentions {
    nonisolated(unsafe) static let iso =
        #/(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?/#
    nonisolated(unsafe) static let dayRange =
        #/\b(\d{1,2})\s*(?:-|al|to|bis|au|a|y|e)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+)?([a-z]{3,10})\.?(?:\s+(?:de\s+)?(\d{4}))?/#
    nonisolated(unsafe) static let numeric = #/\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?(?![\d%]|\.\d)/#
    nonisolated(unsafe) static let dayMonth =
        #/\b(\d{1,2})(?:st|nd|rd|th|°|º|\.)?\s+(?:de\s+)?([a-z]{3,10})\.?(?:,?\s+(?:de\s+)?(\d{4}))?/#
    nonisolated(unsafe) static let monthDay = #/([a-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4}))?/#

    static func find(in text: String) -> [DateMention] {
        var found: [DateMention] = []
        var taken: [Range<String.Index>] = []
        func free(_ range: Range<String.Index>) -> Bool { !taken.contains { $0.overlaps(range) } }
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }

        for match in text.matches(of: iso) {
            guard let month = Int(match.2), let day = Int(match.3) else { continue }
            var mention = DateMention(year: Int(match.1), month: month, day: day, position: offset(match.range.lowerBound))
            mention.hour = match.4.flatMap { Int($0) }
            mention.minute = match.5.flatMap { Int($0) }
            mention.second = match.6.flatMap { Int($0) }
            mention.offsetSeconds = match.7.flatMap { zoneOffset(String($0)) }
            found.append(mention)
            taken.append(match.range)
        }
        for match in text.matches(of: dayRange) where free(match.range) {
            guard let month = MonthNames.table[String(match.3)], let first = Int(match.1), let second = Int(match.2)
            else { continue }
            let year = match.4.flatMap { Int($0) }
            let position = offset(match.range.lowerBound)
            found.append(DateMention(year: year, month: month, day: first, position: position))
            found.append(DateMention(year: year, month: month, day: second, position: position + 1))
            taken.append(match.range)
        }
        for match in text.matches(of: numeric) where free(match.range) {
            guard var day = Int(match.1), var month = Int(match.2), !isDecimal(match.range, month: match.2, year: match.3, in: text)
            else { continue }
            if month > 12, day <= 12 { swap(&day, &month) }
            var year = match.3.flatMap { Int($0) }
            if let short = year, short < 100 { year = 2000 + short }
            found.append(DateMention(year: year, month: month, day: day, position: offset(match.range.lowerBound)))
            taken.append(match.range)
        }
        for match in text.matches(of: dayMonth) where free(match.range) {
            guard let month = MonthNames.table[String(match.2)], let day = Int(match.1) else { continue }
            found.append(DateMention(year: match.3.flatMap { Int($0) }, month: month, day: day,
                                     position: offset(match.range.lowerBound)))
            taken.append(match.range)
        }
        for match in text.matches(of: monthDay) where free(match.range) {
            guard let month = MonthNames.table[String(match.1)], let day = Int(match.2) else { continue }
            found.append(DateMention(year: match.3.flatMap { Int($0) }, month: month, day: day,
                                     position: offset(match.range.lowerBound)))
            taken.append(match.range)
        }
        return found.filter { (1...12).contains($0.month) && (1...31).contains($0.day) }.sorted { $0.position < $1.position }
    }

    /// True when `18.7` reads as a number, not a day and month: after a currency sign or a digit, or with a dot, no
    /// year, a one-digit month and no closing dot (`$18.7 billion`, `up 1.5 points`; `18.7.` and `18.07` stay dates).
    static func isDecimal(_ range: Range<String.Index>, month: Substring, year: Substring?, in text: String) -> Bool {
        if range.lowerBound > text.startIndex {
            let before = text[text.index(before: range.lowerBound)]
            if before.isCurrencySymbol || before.isNumber || before == "." || before == "," { return true }
        }
        guard year == nil, text[range].contains("."), month.count == 1 else { return false }
        return range.upperBound == text.endIndex || text[range.upperBound] != "."
    }

    /// `z` → 0, `+01:00` / `+0100` → 3600.
    static func zoneOffset(_ text: String) -> Int? {
        if text == "z" { return 0 }
        let digits = text.dropFirst().filter(\.isNumber)
        guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return text.hasPrefix("-") ? -seconds : seconds
    }
}

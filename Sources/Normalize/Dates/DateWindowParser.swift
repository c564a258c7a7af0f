import AuditModel
import Foundation

/// Reads dates and validity windows: ISO 8601 dates and date-times, Merchant `sale_price_effective_date` ranges
/// (`2026-11-20T00:00+01:00/2026-11-30T23:59+01:00`), and phrases ("valido fino al 31/12", "entro il 24 dicembre",
/// "Offer valid from Feb 18, 2025", "dal 20 al 30 novembre", "gültig bis 31.12.2026"). Dates without a time are
/// whole days in the shop's time zone; dates without a year take the reference date's year (the next year when
/// that would be more than half a year in the past).
public struct DateWindowParser: Sendable {
    /// The shop's time zone.
    public var timeZone: TimeZone
    /// "Today", injected, for year-less dates.
    public var reference: Date

    /// Creates a parser.
    public init(timeZone: TimeZone, reference: Date) {
        self.timeZone = timeZone
        self.reference = reference
    }

    static let endWords = ["fino", "entro", "until", "till", "through", "thru", "bis", "jusqu", "hasta", "scade",
                           "expires", "expiry", "scadenza", "termina", "ends", "valid to", "al", "to", "au", "ends on",
                           "before", "prima del", "by"]
    static let startWords = ["dal", "da", "from", "ab", "vom", "von", "du", "desde", "del", "starting", "partire",
                             "starts", "inizia", "since", "a partir"]

    /// Parses text into a window; a window with neither side means no date was found.
    /// The folded text (case and accents folded) of up to `length` bytes before the first date the text states; nil
    /// when it states none. What a reader checks to tell "valid until 25 September" from a date in a news story.
    public static func textBeforeFirstDate(_ text: String, length: Int) -> String? {
        let folded = String(text.prefix(2048)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard let first = DateMentions.find(in: folded).first else { return nil }
        return String(decoding: folded.utf8.prefix(first.position).suffix(length), as: UTF8.self)
    }

    public func parse(_ text: String) -> DateWindow {
        let folded = String(text.prefix(2048)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let mentions = DateMentions.find(in: folded)
        guard let first = mentions.first else { return DateWindow() }
        if mentions.count >= 2 {
            return DateWindow(start: date(mentions[0], endOfDay: false), end: date(mentions[1], endOfDay: true))
        }
        let before = folded.utf8.prefix(first.position)
        let context = " " + String(decoding: before.suffix(24), as: UTF8.self)
            .split(whereSeparator: { !$0.isLetter }).joined(separator: " ") + " "
        let lastWord = Self.keyword(in: context)
        switch lastWord {
        case .end: return DateWindow(end: date(first, endOfDay: true))
        case .start: return DateWindow(start: date(first, endOfDay: false))
        case nil: return DateWindow(start: date(first, endOfDay: false), end: date(first, endOfDay: true))
        }
    }

    private enum Role { case start, end }

    /// The keyword closest to the date decides.
    private static func keyword(in context: String) -> Role? {
        var best: (Int, Role)? = nil
        for (words, role) in [(endWords, Role.end), (startWords, Role.start)] {
            for word in words {
                guard let range = context.range(of: " " + word + " ", options: .backwards) else { continue }
                let position = context.distance(from: context.startIndex, to: range.upperBound)
                if best == nil || position > best!.0 { best = (position, role) }
            }
        }
        return best?.1
    }

    /// The instant of a mention: its time, or the start / end of its day.
    func date(_ mention: DateMention, endOfDay: Bool) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = mention.offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        var components = DateComponents(year: mention.year ?? calendar.component(.year, from: reference),
                                        month: mention.month, day: mention.day)
        if let hour = mention.hour {
            components.hour = hour
            components.minute = mention.minute ?? 0
            components.second = mention.second ?? (endOfDay && mention.second == nil ? 59 : 0)
        } else {
            (components.hour, components.minute, components.second) = endOfDay ? (23, 59, 59) : (0, 0, 0)
        }
        guard var result = calendar.date(from: components),
            calendar.component(.day, from: result) == mention.day
        else { return nil }
        if mention.year == nil, result < reference.addingTimeInterval(-183 * 86_400),
            let next = calendar.date(byAdding: .year, value: 1, to: result)
        {
            result = next
        }
        return result
    }

    /// `YYYY-MM-DD` as the start of that day in UTC, for `--reference`.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }
}

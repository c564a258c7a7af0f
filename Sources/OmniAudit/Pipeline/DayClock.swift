import Foundation

/// The audit's clock, reduced to the day in the shop's timezone (`yyyy-MM-dd`), so that the same inputs on the
/// same day give the same report. Injected in tests and by `--as-of`.
public enum DayClock {
    /// The day of an instant in a timezone.
    public static func day(of date: Date, timezone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Parses `yyyy-MM-dd`; nil when it is not a real date.
    public static func date(from day: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        return formatter.date(from: day)
    }
}

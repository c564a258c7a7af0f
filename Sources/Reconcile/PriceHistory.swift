import AuditModel
import Foundation

/// The prices earlier runs saw, per product and channel, for rules that look back in time
/// (`omnibus-reference-price`). Days are `yyyy-MM-dd`.
public struct PriceHistory: Sendable {
    /// One day's price (and struck-through price, when shown) of a product in a channel.
    public struct Point: Sendable, Hashable {
        public var day: String
        public var price: Money
        public var list: Money?
        public init(day: String, price: Money, list: Money? = nil) {
            self.day = day
            self.price = price
            self.list = list
        }
    }

    private var points: [String: [Point]]
    /// The earliest day the history holds (over all products), nil when it is empty.
    public var firstDay: String?

    /// Creates a history from points per product id and channel.
    public init(points: [(product: String, channel: String, point: Point)], firstDay: String?) {
        var grouped: [String: [Point]] = [:]
        for entry in points { grouped[Self.key(entry.product, entry.channel), default: []].append(entry.point) }
        self.points = grouped.mapValues { $0.sorted { $0.day < $1.day } }
        self.firstDay = firstDay
    }

    /// The lowest price in a currency from `first` through `last` (inclusive), with its day (the earliest on a tie).
    public func lowest(product: String, channel: String, currency: String, from first: String, through last: String) -> Point? {
        (points[Self.key(product, channel)] ?? [])
            .filter { $0.day >= first && $0.day <= last && $0.price.currency == currency }
            .min { $0.price.amount < $1.price.amount || ($0.price.amount == $1.price.amount && $0.day < $1.day) }
    }

    /// The first day of the reduction shown today: going back from the latest recorded day before `today`, the
    /// earliest day of the unbroken run of days that showed the same struck-through price above the price;
    /// `today` when the reduction is new.
    public func reductionStart(product: String, channel: String, list: Money, before today: String) -> String {
        var start = today
        for point in (points[Self.key(product, channel)] ?? []).filter({ $0.day < today }).reversed() {
            guard point.list == list, point.price.currency == list.currency, point.price.amount < list.amount else { break }
            start = point.day
        }
        return start
    }

    private static func key(_ product: String, _ channel: String) -> String { product + "\u{0}" + channel }

    /// Noon UTC of a `yyyy-MM-dd` day, as the audit clock gives days; nil when it is not a date.
    public static func noon(_ day: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: day)?.addingTimeInterval(12 * 3600)
    }

    /// `yyyy-MM-dd` of a day `offset` days from an instant (UTC calendar).
    public static func day(_ date: Date, offset: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let shifted = calendar.date(byAdding: .day, value: offset, to: date) ?? date
        let parts = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

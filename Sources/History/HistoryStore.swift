import AuditModel
import Foundation

/// One product in one channel on one audit day, as the history keeps it.
public struct HistoryRow: Hashable, Sendable {
    /// The audit day, `yyyy-MM-dd`.
    public var day: String
    /// The product id (`sku:BA-1042`).
    public var product: String
    /// The channel name.
    public var channel: String
    /// The price a customer pays.
    public var price: Money?
    /// The struck-through / regular price.
    public var listPrice: Money?
    /// The availability (`in_stock` …).
    public var availability: String?

    /// Creates a row.
    public init(day: String, product: String, channel: String, price: Money?, listPrice: Money?, availability: String?) {
        self.day = day
        self.product = product
        self.channel = channel
        self.price = price
        self.listPrice = listPrice
        self.availability = availability
    }
}

/// Counts of one run, kept beside the prices.
public struct HistoryRun: Hashable, Sendable {
    public var day: String
    public var configDigest: String
    public var findings: Int
    public var new: Int
    public var fixed: Int

    public init(day: String, configDigest: String, findings: Int, new: Int, fixed: Int) {
        self.day = day
        self.configDigest = configDigest
        self.findings = findings
        self.new = new
        self.fixed = fixed
    }
}

/// The run history in a SQLite file: one row per product, channel and day (a second run on the same day
/// replaces that day's rows), written in one transaction per run, so that an interrupted run or a concurrent
/// writer leaves the file consistent.
public final class HistoryStore: Sendable {
    private let database: SQLiteDatabase

    /// Opens or creates the history at a path (the folder must exist).
    public init(path: String) throws(HistoryError) {
        database = try SQLiteDatabase(path: path)
        try database.execute("""
            CREATE TABLE IF NOT EXISTS prices (
              day TEXT NOT NULL, product TEXT NOT NULL, channel TEXT NOT NULL,
              price TEXT, currency TEXT, list_price TEXT, list_currency TEXT, availability TEXT,
              PRIMARY KEY (product, channel, day));
            CREATE TABLE IF NOT EXISTS runs (
              day TEXT PRIMARY KEY, config_digest TEXT, findings INTEGER, new INTEGER, fixed INTEGER)
            """)
    }

    /// Writes one run: its day's rows replace any earlier run of the same day.
    public func record(_ rows: [HistoryRow], run: HistoryRun) throws(HistoryError) {
        try database.transaction { () throws(HistoryError) in
            try database.run("DELETE FROM prices WHERE day = ?", [[run.day]])
            try database.run("INSERT OR REPLACE INTO prices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.map { row in
                [row.day, row.product, row.channel, row.price?.amountString, row.price?.currency,
                 row.listPrice?.amountString, row.listPrice?.currency, row.availability]
            })
            try database.run("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?)",
                             [[run.day, run.configDigest, String(run.findings), String(run.new), String(run.fixed)]])
        }
    }

    /// Every row from `first` through `last` (inclusive days), ordered by product, channel, day.
    public func rows(from first: String, through last: String) throws(HistoryError) -> [HistoryRow] {
        try decode(database.run("SELECT * FROM prices WHERE day >= ? AND day <= ? ORDER BY product, channel, day", [[first, last]]))
    }

    /// Every row of one product, ordered by channel, day.
    public func rows(product: String) throws(HistoryError) -> [HistoryRow] {
        try decode(database.run("SELECT * FROM prices WHERE product = ? ORDER BY channel, day", [[product]]))
    }

    /// Products per channel on the latest recorded day before `day`, with that day; nil when there is none.
    public func productCounts(before day: String) throws(HistoryError) -> (day: String, counts: [String: Int])? {
        guard let previous = try database.run("SELECT MAX(day) FROM prices WHERE day < ?", [[day]]).first?.first ?? nil else {
            return nil
        }
        var counts: [String: Int] = [:]
        for row in try database.run("SELECT channel, COUNT(*) FROM prices WHERE day = ? GROUP BY channel", [[previous]]) {
            if row.count == 2, let channel = row[0], let count = row[1].flatMap({ Int($0) }) { counts[channel] = count }
        }
        return (previous, counts)
    }

    /// The most recent runs (at most `limit`), oldest first.
    public func runs(limit: Int = 30) throws(HistoryError) -> [HistoryRun] {
        let rows = try database.run("SELECT day, config_digest, findings, new, fixed FROM runs ORDER BY day DESC LIMIT ?", [[String(limit)]])
        return rows.reversed().compactMap { columns in
            guard columns.count == 5, let day = columns[0] else { return nil }
            return HistoryRun(day: day, configDigest: columns[1] ?? "", findings: Int(columns[2] ?? "") ?? 0,
                              new: Int(columns[3] ?? "") ?? 0, fixed: Int(columns[4] ?? "") ?? 0)
        }
    }

    /// The earliest day the history holds, nil when empty.
    public func firstDay() throws(HistoryError) -> String? {
        try database.run("SELECT MIN(day) FROM prices").first?.first ?? nil
    }

    private func decode(_ rows: [[String?]]) -> [HistoryRow] {
        rows.compactMap { columns in
            guard columns.count == 8, let day = columns[0], let product = columns[1], let channel = columns[2] else { return nil }
            func money(_ amount: String?, _ currency: String?) -> Money? {
                guard let amount, let currency, let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
                return Money(amount: value, currency: currency)
            }
            return HistoryRow(day: day, product: product, channel: channel, price: money(columns[3], columns[4]),
                              listPrice: money(columns[5], columns[6]), availability: columns[7])
        }
    }
}

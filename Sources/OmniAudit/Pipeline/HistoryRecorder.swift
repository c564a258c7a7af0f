import AuditModel
import Foundation
import History
import Reconcile
import Report

/// Connects an audit to its history file: loads the prices of the 30 days before the audit day for the rules,
/// and records the day's prices and counts after the run (not after an interrupted one).
struct HistoryRecorder {
    let store: HistoryStore
    let day: String

    /// Opens the history at a path, creating its folder.
    init(path: String, day: String) throws(HistoryError) {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw HistoryError(path: path, message: "cannot create its folder: \(error.localizedDescription)")
        }
        store = try HistoryStore(path: path)
        self.day = day
    }

    /// The prices of the 400 days before the audit day (a reduction may have started long ago; its 30-day
    /// window is before its start).
    func priceHistory(asOf: Date) throws(HistoryError) -> PriceHistory {
        let rows = try store.rows(from: PriceHistory.day(asOf, offset: -400), through: PriceHistory.day(asOf, offset: -1))
        return PriceHistory(points: rows.compactMap { row in
            row.price.map { (row.product, row.channel, PriceHistory.Point(day: row.day, price: $0, list: row.listPrice)) }
        }, firstDay: try store.firstDay())
    }

    /// Records the day: per product and channel the first observation's price, list price and availability.
    func record(products: [MatchedProduct], findings: [Finding], configDigest: String) throws(HistoryError) {
        try record(rows: products.flatMap(rows(for:)), findings: findings, configDigest: configDigest)
    }

    /// The rows of one product: per channel, its first observation's values.
    func rows(for product: MatchedProduct) -> [HistoryRow] {
        var rows: [HistoryRow] = []
        var seen: Set<String> = []
        // A promo message's advertised price is a promise, not a price the channel sold at: never recorded.
        for observation in product.observations where observation.promo == nil && seen.insert(observation.channel).inserted {
            rows.append(HistoryRow(day: day, product: product.id, channel: observation.channel,
                                   price: observation.price?.value, listPrice: observation.listPrice?.value,
                                   availability: observation.availability?.value.rawValue))
        }
        return rows
    }

    /// Records the day's rows and run counts.
    func record(rows: [HistoryRow], findings: [Finding], configDigest: String) throws(HistoryError) {
        try store.record(rows, run: HistoryRun(
            day: day, configDigest: configDigest, findings: findings.filter { $0.status != .fixed }.count,
            new: findings.filter { $0.status == .new }.count, fixed: findings.filter { $0.status == .fixed }.count))
    }

    /// The recent runs for the report's trend chart.
    func trend() throws(HistoryError) -> [AuditReport.TrendPoint] {
        try store.runs(limit: 30).map { AuditReport.TrendPoint(day: $0.day, findings: $0.findings, new: $0.new, fixed: $0.fixed) }
    }

    /// Products per channel of the previous recorded day, for `gate.min-products-ratio`.
    func previousCounts() throws(HistoryError) -> (day: String, counts: [String: Int])? {
        try store.productCounts(before: day)
    }
}

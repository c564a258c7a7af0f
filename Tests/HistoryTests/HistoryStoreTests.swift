import AuditModel
import Foundation
import History
import Testing

@Suite struct HistoryStoreTests {
    let path = NSTemporaryDirectory() + "omniaudit-history-\(UUID().uuidString).sqlite"

    func row(_ day: String, _ price: String, list: String? = nil, channel: String = "web") -> HistoryRow {
        func money(_ text: String) -> Money { Money(amount: Decimal(string: text)!, currency: "EUR") }
        return HistoryRow(day: day, product: "sku:A", channel: channel, price: money(price), listPrice: list.map(money),
                          availability: "in_stock")
    }

    @Test func rowsSurviveReopeningAndASecondRunOfADayReplacesIt() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try HistoryStore(path: path)
            try store.record([row("2026-11-01", "10.00"), row("2026-11-01", "11.00", channel: "app")],
                             run: HistoryRun(day: "2026-11-01", configDigest: "d", findings: 1, new: 1, fixed: 0))
            try store.record([row("2026-11-02", "12.50", list: "15.00")],
                             run: HistoryRun(day: "2026-11-02", configDigest: "d", findings: 0, new: 0, fixed: 1))
        }
        let store = try HistoryStore(path: path)
        #expect(try store.rows(product: "sku:A").map(\.channel) == ["app", "web", "web"])
        #expect(try store.firstDay() == "2026-11-01")
        try store.record([row("2026-11-02", "9.99")], run: HistoryRun(day: "2026-11-02", configDigest: "d", findings: 0, new: 0, fixed: 0))
        let second = try store.rows(from: "2026-11-02", through: "2026-11-02")
        #expect(second.count == 1 && second.first?.price?.amountString == "9.99" && second.first?.listPrice == nil)
        #expect(try store.rows(from: "2026-10-01", through: "2026-11-01").count == 2)
    }

    @Test func anUnwritableLocationIsAnErrorNamingIt() {
        #expect(throws: HistoryError.self) { try HistoryStore(path: "/nonexistent-folder/h.sqlite") }
    }
}

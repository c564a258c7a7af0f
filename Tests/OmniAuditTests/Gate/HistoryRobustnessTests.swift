import Foundation
import Testing

/// The history file stays consistent when a run is killed mid-write and when two runs write at once: a day has
/// all of its rows or none (one transaction per run, WAL).
@Suite(.serialized) struct HistoryRobustnessTests {
    static let products = 20_000

    func shop() throws -> (ShopFolder, String) {
        let shop = try ShopFolder()
        let items = (0..<Self.products).map { ["id": "P-\($0)", "price": "\(10 + $0 % 90).90"] as [String: String?] }
        try shop.feed("web", items)
        try shop.feed("app", items)
        let config = try shop.config(channels: ShopFolder.feedChannel("web") + "\n" + ShopFolder.feedChannel("app"),
                                     extra: "history: history.sqlite")
        return (shop, config)
    }

    /// Rows per day and the integrity check, read with Python's sqlite3 (a second, independent reader).
    func inspect(_ path: String) throws -> (integrity: String, days: [String: Int]) {
        let script = """
            import sqlite3, sys, json
            db = sqlite3.connect(sys.argv[1])
            ok = db.execute("PRAGMA integrity_check").fetchone()[0]
            days = dict(db.execute("SELECT day, COUNT(*) FROM prices GROUP BY day").fetchall())
            print(json.dumps({"integrity": ok, "days": days}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (object["integrity"] as? String ?? "", object["days"] as? [String: Int] ?? [:])
    }

    func start(_ config: String, day: String, out: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.cli)
        process.arguments = ["audit", "--config", config, "--out", out, "--as-of", day, "-q"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aKilledRunLeavesEveryDayWholeOrAbsent() throws {
        let (shop, config) = try shop()
        defer { shop.remove() }
        let first = try start(config, day: "2026-11-01", out: shop.path + "/a")
        first.waitUntilExit()
        // Kill runs of later days at increasing moments: some before, some during, some after their write.
        for (index, delay) in [0.2, 0.5, 0.8, 1.1, 1.5, 2.0].enumerated() {
            let run = try start(config, day: "2026-11-0\(index + 2)", out: shop.path + "/k\(index)")
            Thread.sleep(forTimeInterval: delay)
            kill(run.processIdentifier, SIGKILL)
            run.waitUntilExit()
        }
        let (integrity, days) = try inspect(shop.path + "/history.sqlite")
        #expect(integrity == "ok")
        #expect(days["2026-11-01"] == 2 * Self.products)
        #expect(days.values.allSatisfy { $0 == 2 * Self.products }, "\(days)")
    }

    @Test func twoConcurrentRunsBothLand() throws {
        let (shop, config) = try shop()
        defer { shop.remove() }
        let a = try start(config, day: "2026-11-10", out: shop.path + "/a")
        let b = try start(config, day: "2026-11-11", out: shop.path + "/b")
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let (integrity, days) = try inspect(shop.path + "/history.sqlite")
        #expect(integrity == "ok")
        #expect(days == ["2026-11-10": 2 * Self.products, "2026-11-11": 2 * Self.products])
    }
}

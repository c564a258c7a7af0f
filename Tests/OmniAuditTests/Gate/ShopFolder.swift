import Foundation
import OmniAudit
import Report

/// A small shop in a temporary folder: JSON feeds and saved pages written by a test, a config over them, and the
/// audit run in-process on a fixed day.
struct ShopFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "omniaudit-gate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/pages", withIntermediateDirectories: true)
    }

    /// Writes a feed of items `{id, gtin, url, price, currency, status}` (nil fields left out).
    func feed(_ name: String, _ items: [[String: String?]]) throws {
        let objects = items.map { $0.compactMapValues { $0 } }
        let data = try JSONSerialization.data(withJSONObject: ["items": objects], options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: "\(path)/\(name).json"))
    }

    /// A config channel block for a feed written by `feed(_:_:)`.
    static func feedChannel(_ name: String, fields: String = "{ sku: id, gtin: gtin, url: url, price: price, currency: currency }",
                            extra: String = "") -> String {
        """
          \(name):
            kind: feed
            source: \(name).json
            items: "items[]"
            fields: \(fields)
        \(extra.isEmpty ? "" : "    " + extra + "\n")
        """
    }

    /// Writes a saved page.
    func page(_ name: String, _ html: String) throws {
        try html.write(toFile: "\(path)/pages/\(name)", atomically: true, encoding: .utf8)
    }

    /// Writes the config and returns its path.
    func config(channels: String, extra: String = "", match: String = "[sku, gtin, url]") throws -> String {
        let yaml = """
            version: 1
            shop: { name: Test shop, currency: EUR, locale: en-US, timezone: Europe/Rome }
            match: \(match)
            channels:
            \(channels)
            \(extra)
            """
        let file = path + "/omniaudit.yml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs the audit of a config in-process on 2026-11-23.
    func audit(channels: String, extra: String = "", match: String = "[sku, gtin, url]") throws -> AuditReport {
        let config = try ConfigLoader.load(path: try config(channels: channels, extra: extra, match: match))
        return Audit(config: config, version: "0.0.0-test", day: "2026-11-23").run()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

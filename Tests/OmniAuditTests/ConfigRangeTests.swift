import Foundation
import Testing

/// Every numeric config value is range-checked and every selector compiled at load: a hostile or mistyped
/// value is exit 78 with the file and line, never a crash (exit 132) or a silently empty selection.
@Suite("Config values out of range are exit 78")
struct ConfigRangeTests {
    static let cases: [(keys: String, message: String)] = [
        ("    fetch: { max-page-size: 99999999999999GiB }", "must be a size from 1B to 16GiB"),
        ("    fetch: { max-sitemap-size: infMiB }", "must be a size from 1B to 16GiB"),
        ("    fetch: { max-page-size: 1e400MiB }", "must be a size from 1B to 16GiB"),
        ("    fetch: { timeout: 1e300 }", "must be between 0 and 86400 seconds"),
        ("    fetch: { connect-timeout: .nan }", "must be a number"),
        ("    fetch: { concurrency: 99999999999999999999 }", "must be a whole number from 1 to 1024"),
        ("    fetch: { retries: -1 }", "must be a whole number from 0 to 100"),
        ("    fetch: { low-speed-limit: 99999999999999999 }", "must be a whole number from 0 to"),
        ("    selectors: { price: \"//div[@class=\" }", "not a valid XPath expression"),
        ("    selectors: { price: \"(//span\" }", "not a valid XPath expression"),
        ("    allowed-hosts: [\"file:///etc\"]", "allowed-hosts entries are host names"),
        ("    fetch: { secret-hosts: [\"ftp://x\"] }", "secret-hosts entries are http(s) origins"),
    ]

    @Test("hostile numbers, invalid XPath and malformed host lists: exit 78 naming the line", arguments: cases.indices)
    func rejected(index: Int) throws {
        let (keys, message) = Self.cases[index]
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
            version: 1
            shop: { name: S, currency: EUR, timezone: UTC }
            channels:
              web:
                kind: web
                sitemaps: [https://shop.example/sitemap.xml]
            \(keys)
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/omniaudit.yml"))
        let result = try Paths.run(["audit", "--config", folder + "/omniaudit.yml"])
        #expect(result.status == 78, "\(keys): \(result.err)")
        #expect(result.err.contains("omniaudit.yml:7:"), "\(result.err)")
        #expect(result.err.contains(message), "\(result.err)")
    }
}

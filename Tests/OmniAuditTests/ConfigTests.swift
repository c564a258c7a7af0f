import Foundation
import OmniAudit
import Testing

@Suite struct ConfigTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "omniaudit-config-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/feed.json", contents: Data("{}".utf8))
        return path
    }()

    func parse(_ yaml: String) throws(ConfigError) -> AuditConfig {
        try ConfigLoader.parse(yaml, file: "omniaudit.yml", baseDirectory: folder)
    }

    let valid = """
        version: 1
        shop: { name: Shop, currency: EUR, locale: it-IT, timezone: Europe/Rome }
        channels:
          app:
            kind: feed
            source: feed.json
            items: "data.products[]"
            fields: { sku: id, price: pricing.sale }
        """

    @Test func theDemoConfigLoads() throws {
        let config = try ConfigLoader.load(path: Paths.repo("omniaudit.yml"))
        #expect(config.channels.map(\.name) == ["web", "app", "merchant", "marketplace", "negozi", "newsletter", "sms", "policy"])
        #expect(config.channels.map(\.kind) == ["web", "feed", "feed", "feed", "store", "email", "sms", "terms"])
        #expect(config.gate.failOn == .error)
        #expect(config.report.out == Paths.repo("reports"))
    }

    @Test func relativePathsResolveAgainstTheConfigFolder() throws {
        let config = try parse(valid)
        let feed = try #require(config.channels[0].feed)
        #expect(feed.source == folder + "/feed.json")
    }

    func expectError(_ yaml: String, line: Int, column: Int, contains text: String, hint: String? = nil) {
        do {
            _ = try parse(yaml)
            Issue.record("expected a config error")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(text), "\(error)")
            if let hint { #expect(error.hint?.contains(hint) == true, "\(error)") }
            #expect(error.description.hasPrefix("omniaudit.yml:\(line):\(column): error: "))
        }
    }

    @Test func aFeedDeclaresItsEncodingOrIsToldTheNameIsUnknown() throws {
        let declared = try parse(valid.replacingOccurrences(of: "    items:", with: "    encoding: windows-1250\n    items:"))
        #expect(declared.channels[0].feed?.encoding == "windows-1250")
        expectError(valid.replacingOccurrences(of: "    items:", with: "    encoding: klingon-8\n    items:"), line: 7, column: 15,
                    contains: "encoding 'klingon-8' is not known", hint: "e.g. windows-1252, iso-8859-2, windows-1250, koi8-r, shift_jis")
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        expectError(valid + "\ngtae: { fail-on: error }", line: 9, column: 1, contains: "unknown key 'gtae'", hint: "did you mean 'gate'?")
        expectError(valid.replacingOccurrences(of: "items:", with: "itmes:"), line: 7, column: 5,
                    contains: "unknown key 'itmes' in channels.app", hint: "did you mean 'items'?")
    }

    @Test func wrongTypesAndValuesNameThePosition() {
        expectError(valid + "\ngate: { fail-on: sometimes }", line: 9, column: 18, contains: "gate.fail-on must be one of")
        expectError(valid + "\nmatch: sku", line: 9, column: 8, contains: "match must be a list")
        expectError(valid + "\ngate: { min-coverage: 2 }", line: 9, column: 23, contains: "between 0 and 1")
    }

    /// `as-of:` pins the audit day of a snapshot (the demo shop), `--as-of` still overrides it, and without it the
    /// day is today in the shop's timezone.
    @Test func asOfPinsTheAuditDay() throws {
        let pinned = try parse(valid + "\nas-of: 2026-11-23")
        #expect(pinned.asOf == "2026-11-23")
        let noon = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
        #expect(Audit(config: pinned, version: "test", now: noon).asOf == "2026-11-23")
        #expect(Audit(config: try parse(valid), version: "test", now: noon).asOf == "2027-01-15")
        expectError(valid + "\nas-of: 23/11/2026", line: 9, column: 8, contains: "as-of must be a date like 2026-11-23")
        expectError(valid + "\nas-of: 2026-02-30", line: 9, column: 8, contains: "as-of must be a date")
        #expect(try ConfigLoader.load(path: Paths.repo("omniaudit.yml")).asOf == "2026-11-23", "the demo is a snapshot")
    }

    @Test func missingFilesAreErrors() {
        expectError(valid.replacingOccurrences(of: "feed.json", with: "nope.json"), line: 6, column: 13,
                    contains: "'nope.json' does not exist", hint: "relative to the config file")
    }

    @Test func unsupportedKindsAreNamed() {
        expectError(valid + "\n  mail: { kind: email, source: x }", line: 9, column: 32, contains: "'x' does not exist")
        expectError(valid + "\n  x: { kind: blog }", line: 9, column: 14, contains: "must be one of web, feed")
    }

    @Test func invalidYAMLIsAConfigError() {
        do {
            _ = try parse("shop: {name: x\nchannels: [")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("invalid YAML"))
            #expect(error.line >= 1)
        }
    }

    @Test func aBadConfigExitsWith78() throws {
        let path = folder + "/bad.yml"
        try (valid + "\nreprot: {}").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Paths.run(["audit", "--config", path])
        #expect(result.status == 78)
        #expect(result.err.contains("bad.yml:9:1: error: unknown key 'reprot'"))
    }
}

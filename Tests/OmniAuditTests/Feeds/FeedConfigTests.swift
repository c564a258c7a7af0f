import Foundation
import OmniAudit
import Testing

@Suite struct FeedConfigTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "omniaudit-feedconfig-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/feed.csv", contents: Data("id,price\n".utf8))
        return path
    }()

    func parse(_ channel: String, match: String = "[sku, url]") throws(ConfigError) -> AuditConfig {
        try ConfigLoader.parse("""
            version: 1
            shop: { name: Shop, currency: EUR, locale: it-IT, timezone: Europe/Rome }
            match: \(match)
            channels:
              feed: \(channel)
            """, file: "omniaudit.yml", baseDirectory: folder)
    }

    @Test func formatsDefaultToAutoAndNeedNoMapping() throws {
        let config = try parse("{ kind: feed, source: feed.csv }")
        #expect(config.channels[0].feed?.format == "auto")
        for format in ["json", "jsonl", "merchant-xml", "csv", "tsv"] {
            #expect(try parse("{ kind: feed, format: \(format), source: feed.csv }").channels[0].feed?.format == format)
        }
    }

    @Test func badFormatsAndKeyRulesAreConfigErrors() {
        #expect(throws: ConfigError.self) { try parse("{ kind: feed, format: xlsx, source: feed.csv }") }
        #expect(throws: ConfigError.self) { try parse("{ kind: feed, source: feed.csv, keys: { sku: { from: id } } }") }
        #expect(throws: ConfigError.self) { try parse("{ kind: feed, source: feed.csv, keys: { sku: { pattern: \"^IT-\" } } }") }
        #expect(throws: ConfigError.self) { try parse("{ kind: feed, source: feed.csv, keys: { sku: { pattern: \"(\" } } }") }
        do {
            _ = try parse("{ kind: feed, source: feed.csv, keys: { sku: { from: id, remove-prefix: IT-, add-prefix: X } } }")
            Issue.record("two rules for one key must be refused")
        } catch {
            #expect(error.message.contains("takes one of"))
        }
    }

    @Test func titleIsAMatchKeyOfItsOwn() throws {
        let config = try parse("{ kind: feed, source: feed.csv }", match: "[sku, title]")
        #expect(config.match == [.sku])
        #expect(config.matchTitles)
        #expect(try !parse("{ kind: feed, source: feed.csv }").matchTitles)
    }

    @Test func storeListsArePartialCataloguesByDefault() throws {
        let config = try parse("{ kind: store, source: feed.csv }")
        #expect(config.channels[0].kind == "store")
        #expect(!config.channels[0].fullCatalog)
    }
}

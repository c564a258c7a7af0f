import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit init`: write a commented starter config from samples of the shop's pages and feeds.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Sample pages and feeds and write a starter omniaudit.yml (never overwrites).")

    @Option(name: .long, help: "A sitemap (file or URL), a folder of saved pages or a page; repeatable.")
    var web: [String] = []

    @Option(name: .long, help: "A feed file or http(s) URL (Merchant XML, CSV, TSV, JSON Lines, JSON, .gz); repeatable.")
    var feed: [String] = []

    @Option(name: .long, help: "A store price list (or a folder of them); repeatable.")
    var store: [String] = []

    @Option(name: .long, help: "Where to write the config.")
    var out = "omniaudit.yml"

    @Option(name: .long, help: "The shop's name.")
    var name = "My shop"

    @Option(name: .long, help: "The shop's ISO 4217 currency.")
    var currency = "EUR"

    @Option(name: .long, help: "The shop's locale (decides how prices written as text are read).")
    var locale = "en-US"

    @Option(name: .long, help: "The shop's IANA timezone (decides the audit day).")
    var timezone = "UTC"

    func run() throws {
        let shop = AuditConfig.Shop(name: name, currency: currency.uppercased(), locale: locale, timezone: timezone)
        do {
            _ = try Starter(shop: shop, web: web, feeds: feed, stores: store).write(to: out)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.usage.rawValue)
        }
        print("wrote \(out): review it, then run `omniaudit audit --config \(out)`")
    }
}

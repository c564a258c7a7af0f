import ArgumentParser
import Foundation
import History
import OmniAudit

/// `omniaudit history PRODUCT`: a product's price timeline per channel, from the run history.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Print a product's price timeline per channel from the run history.")

    @Argument(help: "The product id as in the report, e.g. sku:BA-1042.")
    var product: String

    @Option(name: .long, help: "The config whose history: file to read.")
    var config = "omniaudit.yml"

    func run() throws {
        let settings: AuditConfig
        do {
            settings = try ConfigLoader.load(path: config)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        guard let path = settings.history, FileManager.default.fileExists(atPath: path) else {
            Console.error(settings.history.map { "\($0): no history yet: run an audit first" }
                ?? "\(config): no history: file configured (add history: reports/history.sqlite)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        let rows: [HistoryRow]
        do {
            rows = try HistoryStore(path: path).rows(product: product)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        guard !rows.isEmpty else {
            print("\(product): no history")
            return
        }
        var channel = ""
        for row in rows {
            if row.channel != channel {
                channel = row.channel
                print("\(product) in \(channel):")
            }
            let list = row.listPrice.map { "  (list \($0))" } ?? ""
            print("  \(row.day)  \(row.price?.description ?? "no price")\(list)  \(row.availability ?? "")")
        }
    }
}

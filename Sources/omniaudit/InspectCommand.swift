import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit inspect`: print the observations found in one or more inputs, to debug extraction and matching.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print the products omniaudit reads from pages or a feed.")

    @Argument(help: "Files or folders (pages), or a feed file.")
    var inputs: [String] = []

    @Flag(name: .long, help: "Audit the config's channels and say, per product, which keys joined its observations or why nothing did.")
    var explainMatch = false

    @Option(name: .long, help: "Read the inputs as: page or feed.")
    var `as`: Inspector.Kind = .page

    @Option(name: .long, help: "Output format: json, text, or summary (counts only, constant memory).")
    var format: Inspector.Format = .json

    @Option(name: .long, help: """
        The config whose channel settings to read with: the feed's format, mapping and currency for --as feed \
        (default: none, the format is detected and the standard Merchant names are read); the shop's locale and \
        currency and the selectors for --as page (default: none).
        """)
    var config: String?

    @Option(name: .long, help: "The channel of the config whose settings to use (default: the first of the kind).")
    var channel: String?

    func run() throws {
        if explainMatch { return try explain() }
        guard !inputs.isEmpty else { throw ValidationError("give files or folders to inspect, or --explain-match") }
        var inspector = Inspector(kind: self.as)
        if config != nil || (self.as == .feed && channel != nil) {
            do {
                let settings = try ConfigLoader.load(path: config ?? "omniaudit.yml")  // --channel alone: the demo config
                if self.as == .feed {
                    try inspector.useFeedMapping(from: settings, channel: channel)
                } else {
                    try inspector.usePageSettings(from: settings, channel: channel)
                }
            } catch {
                Console.error(error.description)
                throw ExitCode(AuditExitCode.config.rawValue)
            }
        }
        if format == .summary {
            var (inputs, products, problems, empty) = (0, 0, 0, 0)
            inspector.inspect(self.inputs) { result in
                inputs += 1
                products += result.observations.count
                problems += result.problems.count
                if result.observations.isEmpty { empty += 1 }
            }
            print("\(inputs) inputs, \(products) products, \(problems) problems, \(empty) inputs without a product")
            if products == 0 { throw ExitCode(1) }
            return
        }
        let result = inspector.inspect(inputs)
        print(format == .json ? result.json() : result.text(), terminator: "")
        if result.observations.isEmpty { throw ExitCode(1) }
    }
}

extension Inspector.Kind: ExpressibleByArgument {}
extension Inspector.Format: ExpressibleByArgument {}

extension InspectCommand {
    /// `--explain-match`: read every channel of the config as the audit does, then explain the matching.
    func explain() throws {
        let settings: AuditConfig
        do {
            settings = try ConfigLoader.load(path: config ?? "omniaudit.yml")
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        let report = Audit(config: settings, version: OmniAuditVersion.current).run()
        print(MatchExplainer(match: settings.match, matchTitles: settings.matchTitles).explain(report), terminator: "")
    }
}

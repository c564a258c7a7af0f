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

    @Option(name: .long, help: "Read the inputs as: page, feed, email (.eml, mbox, Maildir, folder) or sms (CSV or text export).")
    var `as`: InputKind = .page

    /// What the inputs are.
    enum InputKind: String, ExpressibleByArgument {
        case page, feed, email, sms
    }

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
        if self.as == .email || self.as == .sms { return try messages() }
        var inspector = Inspector(kind: self.as == .feed ? .feed : .page)
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
        if format == .json {
            // Streamed: each page is encoded by the worker that read it, and written as soon as its turn comes.
            var buffer = Data()
            let written = inspector.writeJSON(inputs) { piece in
                buffer += piece
                if buffer.count >= 1 << 16 {
                    buffer.withUnsafeBytes { Console.output($0) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer.withUnsafeBytes { Console.output($0) }
            if written.observations == 0 { throw ExitCode(1) }
            return
        }
        let result = inspector.inspect(inputs)
        print(result.text(), terminator: "")
        if result.observations.isEmpty { throw ExitCode(1) }
    }
}

extension InspectCommand {
    /// `--as email|sms`: one JSON document of messages and their promos (text format is the same JSON).
    func messages() throws {
        var shop: AuditConfig.Shop?
        if let config {
            do {
                shop = try ConfigLoader.load(path: config).shop
            } catch {
                Console.error(error.description)
                throw ExitCode(AuditExitCode.config.rawValue)
            }
        }
        let inspector = MessageInspector(kind: self.as == .email ? .email : .sms, shop: shop)
        let document = inspector.inspect(inputs)
        print(document.json(), terminator: "")
        if document.messages.isEmpty { throw ExitCode(1) }
    }
}
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

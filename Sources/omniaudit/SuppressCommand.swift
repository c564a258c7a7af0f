import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit suppress FINGERPRINT --reason … --until …`: accepts one finding by adding a suppression to the
/// config, keeping its comments; triage is one command.
struct SuppressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppress", abstract: "Accept a finding: add a suppression by fingerprint to the config.")

    @Argument(help: "The finding's fingerprint (16 hex digits, from the report).")
    var fingerprint: String

    @Option(name: .long, help: "Why it is accepted (shown in the report).")
    var reason: String

    @Option(name: .long, help: "The last day it applies, yyyy-MM-dd.")
    var until: String?

    @Option(name: .long, help: "The config file.")
    var config = "omniaudit.yml"

    func validate() throws {
        guard fingerprint.count == 16, fingerprint.allSatisfy(\.isHexDigit) else {
            throw ValidationError("the fingerprint is the 16 hex digits of a finding's \"fingerprint\" in the report")
        }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
        if let until, until.count != 10 || DayClock.date(from: until) == nil {
            throw ValidationError("--until must be a date like 2026-12-31")
        }
    }

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
            Console.error("\(config): cannot be read: \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        do {
            let edited = try SuppressionEditor.adding(fingerprint: fingerprint.lowercased(), reason: reason, until: until, to: text)
            let folder = (URL(fileURLWithPath: config).standardizedFileURL.path as NSString).deletingLastPathComponent
            _ = try ConfigLoader.parse(edited, file: config, baseDirectory: folder)  // never write an invalid config
            try Data(edited.utf8).write(to: URL(fileURLWithPath: config), options: .atomic)
            print("added a suppression of \(fingerprint.lowercased()) to \(config)")
        } catch let error as ConfigError {
            Console.error("the edited config would not load: \(error.description)")
            throw ExitCode(AuditExitCode.config.rawValue)
        } catch {
            Console.error("\(config): \(error)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
    }
}

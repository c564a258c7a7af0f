import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit`: audits a shop's channels for price, stock and terms mismatches.
@main
struct OmniAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omniaudit",
        abstract: "Audit what a shop's channels show (web pages, app feeds …) and report every mismatch.",
        version: OmniAuditVersion.current,
        subcommands: [AuditCommand.self, ReportCommand.self, SuppressCommand.self, HistoryCommand.self, InspectCommand.self,
                      InitCommand.self, RulesCommand.self, ParseCommand.self, MergeCommand.self],
        defaultSubcommand: AuditCommand.self)

    /// Entry point: SIGPIPE is ignored before anything runs, so progress or a verdict written to a closed
    /// reader (`omniaudit audit 2>&1 | head -1`) fails quietly instead of killing the audit before its
    /// reports are written.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

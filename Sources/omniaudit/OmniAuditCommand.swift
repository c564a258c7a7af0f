import ArgumentParser
import OmniAudit

/// `omniaudit`: audits a shop's channels for price, stock and terms mismatches.
@main
struct OmniAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omniaudit",
        abstract: "Audit what a shop's channels show (web pages, app feeds …) and report every mismatch.",
        version: OmniAuditVersion.current,
        subcommands: [AuditCommand.self, ReportCommand.self, InspectCommand.self, InitCommand.self, RulesCommand.self, ParseCommand.self],
        defaultSubcommand: AuditCommand.self)
}

import ArgumentParser
import OmniAudit

/// `omniaudit rules`: print the rule catalogue (the same text as docs/rules.md).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Print the rule catalogue as Markdown.")

    func run() throws {
        print(RuleCatalog.markdown(), terminator: "")
    }
}

import AuditModel

/// An input of a channel could not be read: its products could not be checked. Never a mismatch; always reported.
public struct Unverifiable: Rule {
    public init() {}
    public let id = "unverifiable"
    public let title = "Input could not be read"
    public let rationale = """
        "Could not check" must never look like "checked and fine". A page, feed or mailbox that failed to \
        fetch or parse is reported with the reason, counted in the coverage, and a channel that could not be \
        read at all makes the audit incomplete (exit code 2).
        """
    public let defaultSeverity = Severity.warning

    /// Product checks never produce this finding; see `findings(for:)`.
    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] { [] }

    /// One finding per failed input of a channel.
    public func findings(for coverage: ChannelCoverage) -> [Finding] {
        coverage.failed.map { note in
            Finding(rule: id, severity: defaultSeverity, product: "input:\(note.input)", field: "input",
                    observations: [Finding.ChannelValue(channel: coverage.channel, value: nil,
                                                        evidence: Evidence(source: note.input, locator: "", raw: ""),
                                                        expected: false)],
                    message: "\(coverage.channel) could not be checked: \(note.reason)")
        }
    }

    public var examples: [RuleExample] { [] }
}

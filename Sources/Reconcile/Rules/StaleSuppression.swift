import AuditModel

/// A suppression in the config that has expired, or that matches no finding: triage debt to clean up.
public struct StaleSuppression: Rule {
    public init() {}
    public let id = "stale-suppression"
    public let title = "Suppression expired or unused"
    public let rationale = """
        A suppression is a decision with a date. When it expires, the findings it covered count again and the \
        team should know why the gate changed; a suppression that matches no finding any more (the problem was \
        fixed, or the product id changed) hides nothing and only makes the config harder to trust. Both are \
        reported as notices.
        """
    public let defaultSeverity = Severity.notice

    /// Product checks never produce this finding; see `findings(for:findings:day:)`.
    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] { [] }

    /// One notice per expired suppression and per suppression that matched none of the findings.
    public func findings(for suppressions: [Suppression], findings: [Finding], day: String) -> [Finding] {
        suppressions.compactMap { suppression -> Finding? in
            let matching = findings.filter { suppression.matches($0) }
            let message: String
            if suppression.expired(on: day) {
                guard let expires = suppression.expires else { return nil }
                message = "The suppression of \(suppression.summary) (\(suppression.reason)) expired on \(expires)"
                    + (matching.isEmpty ? "; it matches no finding any more: remove it."
                        : "; the \(matching.count) finding\(matching.count == 1 ? "" : "s") it covered count again.")
            } else if matching.isEmpty {
                message = "The suppression of \(suppression.summary) (\(suppression.reason)) matches no finding: remove it."
            } else {
                return nil
            }
            return Finding(rule: id, severity: defaultSeverity, product: "suppression:\(suppression.summary)",
                           field: "suppression", observations: [], message: message)
        }
    }

    public var examples: [RuleExample] { [] }
}

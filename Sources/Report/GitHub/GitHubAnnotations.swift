import AuditModel

/// GitHub Actions workflow commands (`::error title=…::message`) for the active findings, so they show as
/// annotations on the run; GitHub shows a handful per step, so the highest severities come first and the
/// list is capped.
public enum GitHubAnnotations {
    /// The most annotations written.
    public static let limit = 50

    /// One line per active finding (highest severity first), then one saying how many were left out.
    public static func lines(_ report: AuditReport) -> [String] {
        let active = report.findings.filter { $0.status != .suppressed && $0.status != .fixed }
        var lines = active.prefix(limit).map { finding in
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .notice: "notice"
            }
            return "::\(command) title=\(property("omniaudit \(finding.rule) \(finding.product)"))::\(data(finding.message))"
        }
        if active.count > limit {
            lines.append("::notice title=omniaudit::\(active.count - limit) more findings in the reports")
        }
        return lines
    }

    /// Escapes a workflow command's message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow command's property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
import OmniAudit
import Report

/// Writing to the terminal.
enum Console {
    /// Writes a line to standard error.
    /// Write errors (a closed pipe: `omniaudit audit 2>&1 | head -1`) are ignored, so the audit still writes
    /// its reports; SIGPIPE is ignored for the same reason (see `OmniAuditCommand`).
    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
        }
    }
}

/// The one-paragraph result printed after an audit.
enum Summary {
    static func line(_ report: AuditReport, written: [String]) -> String {
        let counts = report.summary.bySeverity
        let verdict = report.gate.exitCode == AuditExitCode.incomplete.rawValue ? "INCOMPLETE"
            : report.gate.passed ? "PASS" : "FAIL"
        return "\(verdict): \(report.summary.active) findings (\(counts["error"] ?? 0) errors, "
            + "\(counts["warning"] ?? 0) warnings, \(counts["notice"] ?? 0) notices) across "
            + "\(report.summary.products) products; exit code \(report.gate.exitCode).\n"
            + written.map { "  wrote \($0)" }.joined(separator: "\n")
    }
}

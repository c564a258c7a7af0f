import Foundation
import OmniAudit
import Report

/// Writing to the terminal.
enum Console {
    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
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

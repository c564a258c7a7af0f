import Foundation
import OmniAudit
import Report

/// Writing to the terminal.
enum Console {
    /// Writes a line to standard error.
    /// Write errors (a closed pipe: `omniaudit audit 2>&1 | head -1`) are ignored, so the audit still writes
    /// its reports; SIGPIPE is ignored for the same reason (see `OmniAuditCommand`).
    static func error(_ line: String) {
        Array((line + "\n").utf8).withUnsafeBytes { write($0, to: 2) }
    }

    /// Writes bytes to standard output, all of them unless the output is closed (errors are ignored, as above).
    static func output(_ bytes: UnsafeRawBufferPointer) { write(bytes, to: 1) }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
        }
    }
}

/// The one-paragraph result printed after an audit: the verdict line first, then why it is incomplete, then
/// the files written.
enum Summary {
    static func line(_ report: AuditReport, written: [String]) -> String {
        let counts = report.summary.bySeverity
        let verdict = report.gate.exitCode == AuditExitCode.incomplete.rawValue ? "INCOMPLETE"
            : report.gate.passed ? "PASS" : "FAIL"
        let compared = report.comparisons
        let lines = ["\(verdict): \(report.summary.active) findings (\(counts["error"] ?? 0) errors, "
            + "\(counts["warning"] ?? 0) warnings, \(counts["notice"] ?? 0) notices) across "
            + "\(report.summary.products) products, \(compared.multiChannel) of them in 2+ channels "
            + "(prices compared for \(compared.fields["price"] ?? 0)); exit code \(report.gate.exitCode)."]
            + report.gate.reasons.map { "  incomplete: \($0)" }
            + written.map { "  wrote \($0)" }
        return lines.joined(separator: "\n")
    }
}

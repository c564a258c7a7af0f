/// The process exit codes of `omniaudit`, documented in the README (a test compares the two).
public enum AuditExitCode: Int32, CaseIterable, Sendable {
    /// Audit complete, no finding at or above `gate.fail-on`.
    case passed = 0
    /// Audit complete, findings at or above `gate.fail-on` (the release must stop).
    case findings = 1
    /// Audit incomplete: something kept it from checking what it should (`gate.reasons` says what).
    case incomplete = 2
    /// Usage error (bad flags).
    case usage = 64
    /// Configuration error (invalid `omniaudit.yml`, with file:line and what was expected).
    case config = 78

    /// The meaning, as the README table states it.
    public var meaning: String {
        switch self {
        case .passed: "audit complete, no finding at or above `gate.fail-on`"
        case .findings: "audit complete, findings at or above `gate.fail-on` (release must stop)"
        case .incomplete: "audit incomplete: interrupted, a channel unreadable, empty, read only part way (a feed that breaks or is cut short) or below `gate.min-coverage`, a compared field missing, or channels sharing no product (see `gate.reasons`)"
        case .usage: "usage error (bad flags)"
        case .config: "configuration error (invalid `omniaudit.yml`, with file:line and what was expected)"
        }
    }
}

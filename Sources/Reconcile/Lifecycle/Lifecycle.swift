import AuditModel

/// Gives each finding its place in time against a baseline (a previous report's findings): `new`, `persisting`
/// (the same fingerprint was there before) or `fixed` (there before, gone now: listed, never counted against
/// the gate). A previous finding that involves a channel this run could not read is not called fixed.
public struct Lifecycle: Sendable {
    /// The previous report's findings.
    public var baseline: [Finding]
    /// Channels this run could not read at all.
    public var unreadableChannels: Set<String>

    /// Creates a lifecycle.
    public init(baseline: [Finding], unreadableChannels: Set<String> = []) {
        self.baseline = baseline
        self.unreadableChannels = unreadableChannels
    }

    /// The findings with their statuses set (suppressed ones stay suppressed), plus the fixed ones.
    public func apply(to findings: [Finding]) -> [Finding] {
        var previous: [String: Finding] = [:]
        for finding in baseline where finding.status != .fixed && previous[finding.fingerprint] == nil {
            previous[finding.fingerprint] = finding
        }
        var result = findings.map { finding -> Finding in
            var finding = finding
            if finding.status != .suppressed { finding.status = previous[finding.fingerprint] == nil ? .new : .persisting }
            return finding
        }
        let current = Set(findings.map(\.fingerprint))
        for fingerprint in previous.keys.sorted() where !current.contains(fingerprint) {
            guard var fixed = previous[fingerprint],
                !fixed.observations.contains(where: { unreadableChannels.contains($0.channel) })
            else { continue }
            fixed.status = .fixed
            fixed.suppression = nil
            result.append(fixed)
        }
        return result
    }
}

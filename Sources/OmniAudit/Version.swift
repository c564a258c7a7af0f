/// The version of omniaudit, written into every report and printed by `--version`.
public enum OmniAuditVersion {
    public static let current = "0.1.0"
}

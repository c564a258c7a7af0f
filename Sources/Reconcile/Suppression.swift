import AuditModel
import Foundation

/// A decision to accept a known finding for a while: by rule and product, or by the finding's fingerprint,
/// with a reason and an expiry.
public struct Suppression: Hashable, Sendable {
    /// The rule id; nil when the suppression names a fingerprint only.
    public var rule: String?
    /// The fingerprint of one finding (as in the report), when the suppression names one.
    public var fingerprint: String?
    /// The product label (`sku:BA-1042`), or nil for every product.
    public var product: String?
    /// Why it is accepted; shown in the report.
    public var reason: String
    /// The last day (inclusive, `yyyy-MM-dd`) it applies; nil for no expiry.
    public var expires: String?

    /// Creates a suppression.
    public init(rule: String?, product: String?, reason: String, expires: String?, fingerprint: String? = nil) {
        self.rule = rule
        self.fingerprint = fingerprint
        self.product = product
        self.reason = reason
        self.expires = expires
    }

    /// True when it covers a finding on a day (`yyyy-MM-dd`): every part it names matches.
    public func covers(_ finding: Finding, on day: String) -> Bool {
        (rule.map { $0 == finding.rule } ?? true) && (product.map { $0 == finding.product } ?? true)
            && (fingerprint.map { $0 == finding.fingerprint } ?? true) && (expires.map { day <= $0 } ?? true)
    }
}

import Foundation

/// A decision to accept a known finding for a while: by rule and product, with a reason and an expiry.
public struct Suppression: Hashable, Sendable {
    /// The rule id.
    public var rule: String
    /// The product label (`sku:BA-1042`), or nil for every product.
    public var product: String?
    /// Why it is accepted; shown in the report.
    public var reason: String
    /// The last day (inclusive, `yyyy-MM-dd`) it applies; nil for no expiry.
    public var expires: String?

    /// Creates a suppression.
    public init(rule: String, product: String?, reason: String, expires: String?) {
        self.rule = rule
        self.product = product
        self.reason = reason
        self.expires = expires
    }

    /// True when it covers a finding on a day (`yyyy-MM-dd`).
    public func covers(rule: String, product: String, on day: String) -> Bool {
        rule == self.rule && (self.product == nil || self.product == product) && (expires.map { day <= $0 } ?? true)
    }
}

import AuditModel
import Foundation

/// A decision to accept known findings for a while: by fingerprint, rule, product (a glob such as
/// `sku:BA-10*`) and channel — every part it names must match — with a reason and an expiry.
public struct Suppression: Hashable, Sendable {
    /// The rule id, or nil for any rule.
    public var rule: String?
    /// The fingerprint of one finding (as in the report), or nil.
    public var fingerprint: String?
    /// The product id or a glob over ids (`*` any text, `?` one character), or nil for every product.
    public var product: String?
    /// A channel the finding must involve, or nil for any.
    public var channel: String?
    /// Why it is accepted; shown in the report.
    public var reason: String
    /// The last day (inclusive, `yyyy-MM-dd`) it applies; nil for no expiry.
    public var expires: String?

    /// Creates a suppression.
    public init(rule: String?, product: String?, reason: String, expires: String?, fingerprint: String? = nil,
                channel: String? = nil) {
        self.rule = rule
        self.fingerprint = fingerprint
        self.product = product
        self.channel = channel
        self.reason = reason
        self.expires = expires
    }

    /// True when every part it names matches the finding, whatever the day.
    public func matches(_ finding: Finding) -> Bool {
        (rule.map { $0 == finding.rule } ?? true)
            && (product.map { Glob.matches($0, finding.product) } ?? true)
            && (fingerprint.map { $0 == finding.fingerprint } ?? true)
            && (channel.map { name in finding.observations.contains { $0.channel == name } } ?? true)
    }

    /// True when it has expired by a day (`yyyy-MM-dd`).
    public func expired(on day: String) -> Bool { expires.map { day > $0 } ?? false }

    /// True when it covers a finding on a day: it matches and has not expired.
    public func covers(_ finding: Finding, on day: String) -> Bool { matches(finding) && !expired(on: day) }

    /// How the suppression reads in messages: `rule price-mismatch, product sku:BA-1042`.
    public var summary: String {
        var parts: [String] = []
        if let fingerprint { parts.append("fingerprint \(fingerprint)") }
        if let rule { parts.append("rule \(rule)") }
        if let product { parts.append("product \(product)") }
        if let channel { parts.append("channel \(channel)") }
        return parts.joined(separator: ", ")
    }
}

/// Shell-style globs over product ids: `*` matches any text, `?` one character, everything else itself.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard pattern.contains("*") || pattern.contains("?") else { return pattern == text }
        let p = Array(pattern), t = Array(text)
        var (pi, ti, star, mark) = (0, 0, -1, 0)
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

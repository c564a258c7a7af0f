import Foundation

/// The robots.txt rules that apply to one user agent (RFC 9309): Allow/Disallow patterns with `*` and `$`,
/// the longest match wins (Allow on a tie), plus the Crawl-delay and the Sitemap lines.
public struct RobotsRules: Sendable, Equatable {
    /// One Allow or Disallow line.
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var pattern: String
    }

    /// The rules of the group that applies, in file order.
    public var rules: [Rule]
    /// The group's Crawl-delay in seconds, if any.
    public var crawlDelay: Double?
    /// Every `Sitemap:` URL in the file (they apply to all agents).
    public var sitemaps: [String]

    /// The robots.txt URL for a page URL's origin.
    public static func robotsURL(for components: URLComponents) -> String? {
        guard let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")/robots.txt"
    }

    /// Parses a robots.txt for the product token (`omniaudit`): its own groups if any name it, else `*`.
    public static func parse(_ text: String, token: String) -> RobotsRules {
        var sitemaps: [String] = []
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var collectingAgents = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !collectingAgents { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: field == "allow", pattern: value))
            case "crawl-delay":
                collectingAgents = false
                guard !groups.isEmpty, let delay = Double(value), delay >= 0 else { continue }
                groups[groups.count - 1].delay = delay
            case "sitemap":
                if !value.isEmpty { sitemaps.append(value) }
            default: continue
            }
        }
        let token = token.lowercased()
        var chosen = groups.filter { $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        return RobotsRules(rules: chosen.flatMap(\.rules), crawlDelay: chosen.compactMap(\.delay).max(),
                           sitemaps: sitemaps)
    }

    /// Whether a path (with its query) may be fetched, and the rule that decided it.
    public func verdict(path: String) -> (allowed: Bool, rule: String?) {
        if path == "/robots.txt" { return (true, nil) }
        var best: Rule?
        for rule in rules where Self.matches(pattern: rule.pattern, path: path) {
            guard let current = best else { best = rule; continue }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow) {
                best = rule
            }
        }
        guard let best else { return (true, nil) }
        return (best.allow, "\(best.allow ? "Allow" : "Disallow"): \(best.pattern)")
    }

    /// Matches a robots pattern against a path: `*` is any run of characters, a final `$` anchors the end.
    static func matches(pattern: String, path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let path = Array(path.utf8)
        // Greedy wildcard matching with backtracking to the last star.
        var p = 0, s = 0, star = -1, mark = 0
        while s < path.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p; mark = s; p += 1
            } else if p < pattern.count, pattern[p] == path[s] {
                p += 1; s += 1
            } else if p == pattern.count, !anchored {
                return true
            } else if star >= 0 {
                p = star + 1; mark += 1; s = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}

import Fetch
import Foundation

/// Loads the keys that confine a web channel's remote content: `allowed-hosts` (host names remote URLs may
/// lead to besides the channel's own) and `fetch.secret-hosts` (origins that also receive headers and cookies).
enum TargetLoader {
    /// `allowed-hosts: [cdn.shop.example, "*"]`: host names, lower-cased; `"*"` allows every http(s) host.
    static func hosts(_ node: ConfigNode) throws(ConfigError) -> Set<String> {
        var hosts: Set<String> = []
        for (index, item) in try node.strings().enumerated() {
            let host = item.lowercased().trimmingCharacters(in: .whitespaces)
            let valid = host == "*" || (!host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]_".contains($0) })
            guard valid else {
                let at = (try? node.elements()[index]) ?? node
                throw at.error("allowed-hosts entries are host names such as cdn.shop.example, found '\(item)'")
            }
            hosts.insert(host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host)
        }
        return hosts
    }

    /// `secret-hosts: [https://cdn.shop.example]`: origins (scheme, host, optional port).
    static func origins(_ node: ConfigNode) throws(ConfigError) -> Set<String> {
        var origins: Set<String> = []
        for (index, item) in try node.strings().enumerated() {
            guard let origin = TargetPolicy.origin(of: item) else {
                let at = (try? node.elements()[index]) ?? node
                throw at.error("secret-hosts entries are http(s) origins such as https://cdn.shop.example, found '\(item)'")
            }
            origins.insert(origin)
        }
        return origins
    }

    /// The hosts remote content may lead to: those of the configured http(s) sitemaps and seed URLs, of the
    /// mirror prefixes, and `allowed-hosts` (nil, any host, when it lists `"*"`).
    static func allowedHosts(of web: WebChannel, extra: Set<String>) -> Set<String>? {
        if extra.contains("*") { return nil }
        let named = web.sitemaps + web.urls + web.mirror.map(\.prefix)
        let hosts = named.compactMap { URLComponents(string: $0)?.host?.lowercased() }
        return extra.union(hosts.map { $0.hasPrefix("[") ? String($0.dropFirst().dropLast()) : $0 })
    }
}

import Foundation

/// Where URLs that come from remote content (sitemap entries, links, redirects) may lead, and which origins
/// receive the configured secrets. Only the config may name local files: a remote URL is `http`/`https` only,
/// on an allowed host, and optionally never on a private, loopback or link-local address.
public struct TargetPolicy: Sendable, Equatable {
    /// Host names (lower case) remote content may lead to; nil allows any http(s) host.
    public var allowedHosts: Set<String>?
    /// Origins (`scheme://host:port`, see `TargetPolicy.origin(of:)`) that receive the configured headers and
    /// cookies besides the origins of the URLs the caller names itself.
    public var secretOrigins: Set<String> = []
    /// Refuse targets reached through remote content whose address is loopback, private or link-local.
    public var denyPrivateAddresses = false

    /// Creates the default policy: any http(s) host, secrets only to the caller's own origins.
    public init(allowedHosts: Set<String>? = nil, secretOrigins: Set<String> = [], denyPrivateAddresses: Bool = false) {
        self.allowedHosts = allowedHosts
        self.secretOrigins = secretOrigins
        self.denyPrivateAddresses = denyPrivateAddresses
    }

    /// Why a URL taken from remote content must not be fetched, or nil when it may be.
    public func refusal(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return "not an absolute URL"
        }
        guard scheme == "http" || scheme == "https" else {
            return "scheme '\(scheme):' refused: URLs from remote content must be http or https"
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else { return "URL without a host" }
        if let allowedHosts, !allowedHosts.contains(Self.bare(host)) {
            return "host '\(host)' is not allowed for this channel (add it to allowed-hosts)"
        }
        if denyPrivateAddresses, Self.isPrivate(address: Self.bare(host)) {
            return "address '\(host)' is private, loopback or link-local (deny-private-addresses)"
        }
        return nil
    }

    /// The origin of a URL, `scheme://host:port` in lower case with the default port filled in, or nil.
    public static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased()
        else { return nil }
        return "\(scheme)://\(host):\(components.port ?? (scheme == "https" ? 443 : 80))"
    }

    /// A host name without the brackets of an IPv6 literal.
    static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// True for a numeric address (or `localhost`) that is loopback, private (RFC 1918, ULA), link-local
    /// (cloud metadata at 169.254.169.254), unspecified, or an IPv4-mapped IPv6 form of one of these.
    public static func isPrivate(address: String) -> Bool {
        let text = address.lowercased()
        if text == "localhost" || text.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            let b = withUnsafeBytes(of: v4.s_addr) { Array($0) }
            return b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (16...31).contains(b[1])) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && (64...127).contains(b[1]))
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let b = withUnsafeBytes(of: v6) { Array($0) }
            if b[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
            if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff {
                return isPrivate(address: "\(b[12]).\(b[13]).\(b[14]).\(b[15])")
            }
            return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        }
        return false
    }
}

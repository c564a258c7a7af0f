import Foundation

/// The form of a product URL used to match products across channels: `http`/`https`, `www.`, a trailing
/// slash, the order of query parameters and the configured tracking parameters make no difference.
public struct IdentityURL: Sendable {
    /// Query parameters that never identify a product (`utm_*` is always dropped as well).
    public var trackingParameters: Set<String>

    /// Creates the normaliser; `ref` is kept unless named here.
    public init(trackingParameters: Set<String> = []) {
        self.trackingParameters = Set(trackingParameters.map { $0.lowercased() })
    }

    /// The matching key of a URL; the text itself when it is not an absolute URL.
    public func key(_ text: String) -> String {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", var host = components.host?.lowercased()
        else { return text }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let query = (components.queryItems ?? [])
            .filter { !$0.name.lowercased().hasPrefix("utm_") && !trackingParameters.contains($0.name.lowercased()) }
            .map { "\($0.name)=\($0.value ?? "")" }.sorted()
        components.fragment = nil
        let port = components.port.map { [80, 443].contains($0) ? "" : ":\($0)" } ?? ""
        return "//" + host + port + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}

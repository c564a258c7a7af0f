import Foundation

/// Normalises product URLs for matching: scheme and host lower-cased, fragment dropped, tracking parameters
/// (`utm_*`, click ids) removed, default ports dropped.
public enum URLNormalizer {
    /// Query parameters that identify a campaign or a click, never a product. `ref` is not among them: some shops
    /// use it as a product or variant reference (`tracking-parameters: [ref]` in the config drops it for matching).
    static let trackingParameters: Set<String> = [
        "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "srsltid", "ref_src",
    ]

    /// The normalised absolute URL, or nil when the text is not an absolute http(s) or file URL.
    public static func normalize(_ text: String) -> String? {
        let trimmed = ByteSearch.trimmingWhitespaceAndNewlines(text)
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            ["http", "https", "file"].contains(scheme)
        else { return nil }
        components.scheme = scheme
        components.host = components.host?.lowercased()
        components.fragment = nil
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        let kept = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        components.queryItems = kept.isEmpty ? nil : kept
        if components.path.isEmpty, scheme != "file" { components.path = "/" }
        return components.string
    }
}

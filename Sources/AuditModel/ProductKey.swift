/// The identifiers a channel gives a product. Any of them may be missing.
public struct ProductKey: Hashable, Sendable, Codable {
    /// The shop's stock-keeping unit.
    public var sku: String?
    /// GTIN-8/12/13/14, digits only.
    public var gtin: String?
    /// Manufacturer part number.
    public var mpn: String?
    /// The canonical product page URL, normalised (no fragment, no tracking parameters).
    public var url: String?

    /// Creates a key.
    public init(sku: String? = nil, gtin: String? = nil, mpn: String? = nil, url: String? = nil) {
        self.sku = sku
        self.gtin = gtin
        self.mpn = mpn
        self.url = url
    }

    /// The value of one identity field.
    public func value(of field: IdentityField) -> String? {
        switch field {
        case .sku: sku
        case .gtin: gtin
        case .mpn: mpn
        case .url: url
        }
    }

    /// True when no identifier is present.
    public var isEmpty: Bool { sku == nil && gtin == nil && mpn == nil && url == nil }
}

/// An identifier kind used to match a product across channels.
public enum IdentityField: String, Hashable, Sendable, Codable, CaseIterable {
    case sku, gtin, mpn, url
}

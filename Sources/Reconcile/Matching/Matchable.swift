import AuditModel

/// What matching reads of an observation: its identifiers, its title's matching form, its channel and its
/// variant. `Observation` is one; `MatchEntry` is the compact one an audit keeps in memory while the
/// observations themselves wait on disk.
public protocol Matchable {
    /// The value of one identity field, as stated.
    func identity(_ field: IdentityField) -> String?
    /// The title's matching form (`TitleKey.normalize`), when there is a title.
    var titleKey: String? { get }
    /// The channel name (`negozi@MI01` for a store).
    var channelName: String { get }
    /// True when both state a variant attribute with different values (never one product).
    func isOtherVariant(than other: Self) -> Bool
}

extension Observation: Matchable {
    public func identity(_ field: IdentityField) -> String? { key.value(of: field) }
    public var titleKey: String? { title.map { TitleKey.normalize($0.value) } }
    public var channelName: String { channel }
}

/// The part of an observation matching needs, for a given `match` setting: the configured identifiers, the
/// first identifier the observation states (products are named after it), the title's matching form when
/// titles match (or when it is the only name), the channel and the variant — a few dozen bytes instead of
/// the observation's kilobyte.
public struct MatchEntry: Matchable, Sendable {
    private var key: ProductKey
    public private(set) var titleKey: String?
    public private(set) var channelName: String
    private var variant: [String: String]?

    /// The entry of an observation for matching on `fields` (and titles, with `matchTitles`).
    public init(_ observation: Observation, fields: [IdentityField], matchTitles: Bool) {
        var key = ProductKey()
        let named = IdentityField.allCases.first { observation.key.value(of: $0) != nil }
        for field in IdentityField.allCases where fields.contains(field) || field == named {
            key.assign(field, observation.key.value(of: field))
        }
        self.key = key
        titleKey = matchTitles || named == nil ? observation.titleKey : nil
        channelName = observation.channel
        variant = observation.variant
    }

    public func identity(_ field: IdentityField) -> String? { key.value(of: field) }

    public func isOtherVariant(than other: MatchEntry) -> Bool {
        guard let mine = variant, let theirs = other.variant else { return false }
        return Observation.differ(mine, theirs)
    }
}

extension ProductKey {
    /// Sets (or clears) one identity field.
    mutating func assign(_ field: IdentityField, _ value: String?) {
        switch field {
        case .sku: sku = value
        case .gtin: gtin = value
        case .mpn: mpn = value
        case .url: url = value
        }
    }
}

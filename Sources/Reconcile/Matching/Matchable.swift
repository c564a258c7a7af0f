import AuditModel

/// What matching reads of an observation: its identifiers, its title's matching form, its channel and its
/// variant. `Observation` is one; a `MatchTable` row is the compact one an audit keeps in memory while the
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

/// The part of each observation matching needs, for a given `match` setting, kept column by column: the
/// configured identifiers, the first identifier each observation states (products are named after it), the
/// title's matching form when titles match (or when it is the only name), the channel and the variant — about
/// 20 bytes an observation for one `match` field, instead of the observation's kilobyte.
public struct MatchTable: RandomAccessCollection, Sendable {
    /// The identity fields matched on.
    public let fields: [IdentityField]
    /// Whether titles match too.
    public let matchTitles: Bool
    /// Per identity field (in `IdentityField.allCases` order), its value for each row; empty while no row needs it.
    private var columns: [[String?]] = IdentityField.allCases.map { _ in [] }
    private var channelNames: [String] = []
    private var channelNumbers: [String: UInt16] = [:]
    private var channels: [UInt16] = []
    private var titles: [Int32: String] = [:]
    private var variants: [Int32: [String: String]] = [:]

    /// An empty table.
    public init(fields: [IdentityField], matchTitles: Bool) {
        self.fields = fields
        self.matchTitles = matchTitles
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { channels.count }
    public subscript(index: Int) -> MatchRow { MatchRow(table: self, index: index) }

    /// Adds a row for an observation.
    public mutating func append(_ observation: Observation) {
        let row = channels.count
        let named = IdentityField.allCases.first { observation.key.value(of: $0) != nil }
        for (position, field) in IdentityField.allCases.enumerated() {
            let value = fields.contains(field) || field == named ? observation.key.value(of: field) : nil
            if value != nil, columns[position].count < row { columns[position] += repeatElement(nil, count: row - columns[position].count) }
            if value != nil || !columns[position].isEmpty { columns[position].append(value) }
        }
        if matchTitles || named == nil, let title = observation.titleKey { titles[Int32(row)] = title }
        if let variant = observation.variant { variants[Int32(row)] = variant }
        let channel = observation.channel
        if let number = channelNumbers[channel] {
            channels.append(number)
        } else {
            let number = UInt16(truncatingIfNeeded: channelNames.count)
            channelNames.append(channel)
            channelNumbers[channel] = number
            channels.append(number)
        }
    }

    func value(_ field: IdentityField, _ row: Int) -> String? {
        let column = columns[field.position]
        return row < column.count ? column[row] : nil
    }

    func title(_ row: Int) -> String? { titles[Int32(row)] }
    func channel(_ row: Int) -> String { channelNames[Int(channels[row])] }
    func variant(_ row: Int) -> [String: String]? { variants.isEmpty ? nil : variants[Int32(row)] }
}

/// One row of a `MatchTable`.
public struct MatchRow: Matchable, Sendable {
    let table: MatchTable
    let index: Int

    public func identity(_ field: IdentityField) -> String? { table.value(field, index) }
    public var titleKey: String? { table.title(index) }
    public var channelName: String { table.channel(index) }

    public func isOtherVariant(than other: MatchRow) -> Bool {
        guard let mine = table.variant(index), let theirs = other.table.variant(other.index) else { return false }
        return Observation.differ(mine, theirs)
    }
}

extension IdentityField {
    /// The position in `allCases`.
    var position: Int {
        switch self {
        case .sku: 0
        case .gtin: 1
        case .mpn: 2
        case .url: 3
        }
    }
}

/// The channel kinds this version reads, in one explicit list: adding a kind is one type plus one line here.
enum ChannelKinds {
    /// One kind: its name, the keys it accepts besides `kind`, `catalog` and `currency`, whether it lists the
    /// whole catalogue unless the config says otherwise, and how its settings are loaded.
    struct Entry: Sendable {
        var name: String
        var keys: [String]
        /// The default of `catalog:` (`full` for web and feeds; an e-mail or a store list never lists everything).
        var fullCatalog: Bool
        var load: @Sendable (_ members: [(key: String, value: ConfigNode)], _ node: ConfigNode,
                             _ resolver: PathResolver) throws(ConfigError) -> any ChannelSource
    }

    static let all: [Entry] = [
        Entry(name: "web", keys: ChannelLoader.webKeys, fullCatalog: true) { members, node, resolver throws(ConfigError) in
            try ChannelLoader.web(members, node: node, resolver: resolver)
        },
        Entry(name: "feed", keys: ChannelLoader.feedKeys, fullCatalog: true) { members, node, resolver throws(ConfigError) in
            try ChannelLoader.feed(members, node: node, resolver: resolver)
        },
        Entry(name: "terms", keys: ["urls"], fullCatalog: false) { members, node, resolver throws(ConfigError) in
            try ChannelLoader.terms(members, node: node, resolver: resolver)
        },
        Entry(name: "store", keys: ChannelLoader.feedKeys, fullCatalog: false) { members, node, resolver throws(ConfigError) in
            try ChannelLoader.store(members, node: node, resolver: resolver)
        },
        Entry(name: "email", keys: MessageLoader.emailKeys, fullCatalog: false) { members, node, resolver throws(ConfigError) in
            try MessageLoader.email(members, node: node, resolver: resolver)
        },
        Entry(name: "sms", keys: MessageLoader.smsKeys, fullCatalog: false) { members, node, resolver throws(ConfigError) in
            try MessageLoader.sms(members, node: node, resolver: resolver)
        },
    ]

    /// Kinds planned for later versions: named in errors so that a config written for them fails clearly.
    static let planned: [String] = []

    static func entry(_ name: String) -> Entry? { all.first { $0.name == name } }
}

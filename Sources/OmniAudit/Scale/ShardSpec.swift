/// One slice of a sharded audit (`--shard 2/7`): which pages this machine reads. A page belongs to shard
/// `1 + hash(identity) mod N`, with a hash fixed for all platforms and runs (FNV-1a, 64 bit), so every machine
/// agrees without talking to the others. Shard 1 also reads the channel-wide inputs (sitemaps, feeds, store
/// lists, policy pages).
public struct ShardSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    /// How many shards in all.
    public let count: Int

    /// The whole audit, unsplit.
    public static let whole = ShardSpec(validIndex: 1, count: 1)

    /// The largest number of shards accepted.
    public static let maxCount = 10_000

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// Parses `I/N` (`3/7`); nil unless 1 ≤ I ≤ N ≤ `maxCount`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, count <= Self.maxCount, index >= 1, index <= count else { return nil }
        self.init(validIndex: index, count: count)
    }

    /// `3/7`.
    public var description: String { "\(index)/\(count)" }

    /// True for the shard that reads the inputs that are not split: sitemaps and every non-web channel.
    public var readsChannelWideInputs: Bool { index == 1 }

    /// True when this shard reads the page with this identity.
    public func owns(_ identity: String) -> Bool {
        count == 1 || Int(Self.hash(identity) % UInt64(count)) == index - 1
    }

    /// FNV-1a over the UTF-8 bytes: stable across machines, processes and Swift versions (unlike `hashValue`).
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

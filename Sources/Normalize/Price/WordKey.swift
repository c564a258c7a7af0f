/// A word of at most 16 UTF-8 bytes packed into two integers (first byte lowest) with its length: the price
/// scanner compares and looks words up without building strings. A longer word keeps only its length and
/// matches no table entry.
struct WordKey: Hashable, Sendable, BitwiseCopyable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// The word's length in bytes (words over 16 bytes keep no bytes).
    var length: Int32 = 0

    static let capacity = 16

    /// The empty key (an empty table slot).
    init() {}

    /// Packs `bytes`; with `lowercased`, ASCII capitals are folded (other scripts are kept as written).
    init(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool = false) {
        length = Int32(truncatingIfNeeded: bytes.count)
        guard bytes.count <= WordKey.capacity else { return }
        for (offset, byte) in bytes.enumerated() {
            let folded = lowercased && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if offset < 8 {
                low |= UInt64(folded) << (8 * UInt64(offset))
            } else {
                high |= UInt64(folded) << (8 * UInt64(offset - 8))
            }
        }
    }

    /// Packs a string's UTF-8 bytes as written.
    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { WordKey($0) }
    }

    /// Whether the bytes fit the key (a longer word matches nothing).
    var isComplete: Bool { length <= WordKey.capacity }

    /// The packed bytes as text (empty for a word over 16 bytes).
    var text: String {
        guard isComplete else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(length))
        for offset in 0..<Int(length) {
            let part = offset < 8 ? low >> (8 * UInt64(offset)) : high >> (8 * UInt64(offset - 8))
            bytes.append(UInt8(truncatingIfNeeded: part))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A cheap, well-mixed hash for `WordTable`'s slots.
    var slotHash: UInt64 {
        var mixed = low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(length)
        mixed ^= mixed >> 29
        mixed &*= 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }
}

/// A fixed set of words, each with a value index, in an open-addressing table probed with `WordKey.slotHash`:
/// a lookup costs a multiply and usually one comparison.
struct WordTable: Sendable {
    private var keys: [WordKey]
    private var values: [Int32]
    private let mask: Int

    /// A table of `words`, each mapped to its position in the sequence; a repeated word keeps its first position.
    init(_ words: some Sequence<String>) {
        let list = Array(words)
        var size = 8
        while size < list.count * 3 { size *= 2 }
        keys = Array(repeating: WordKey(), count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (position, word) in list.enumerated() {
            let key = WordKey(word)
            precondition(key.isComplete && key.length > 0, "table words are 1 to 16 bytes: \(word)")
            var slot = Int(truncatingIfNeeded: key.slotHash) & mask
            while values[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
            if values[slot] < 0 {
                keys[slot] = key
                values[slot] = Int32(position)
            }
        }
    }

    /// The position of `key`'s word, nil when it is not in the table.
    func index(of key: WordKey) -> Int? {
        guard key.isComplete else { return nil }
        var slot = Int(truncatingIfNeeded: key.slotHash) & mask
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return Int(value) }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `key`'s word is in the table.
    func contains(_ key: WordKey) -> Bool { index(of: key) != nil }
}

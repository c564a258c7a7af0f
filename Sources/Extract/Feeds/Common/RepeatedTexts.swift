import Foundation

/// The texts a feed repeats from item to item (a brand, a shipping rule, an availability): a text seen before is
/// found again by its bytes and its string shared, instead of a string made for every item.
struct RepeatedTexts {
    private var texts: [String] = []
    /// How many different texts are kept; past them, texts are made item by item.
    var limit = 16

    /// The text of the value at `index`: the one kept when its bytes are the same.
    mutating func text(_ values: some ItemValues, _ index: Int) -> String {
        if let known = values.withBytes(index, { bytes in texts.first { Self.equal($0, bytes) } }) { return known }
        let text = values.text(index)
        if texts.count < limit { texts.append(text) }
        return text
    }

    /// True when the text's UTF-8 is exactly `bytes`.
    static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        if let same = text.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return same
        }
        return text.utf8.elementsEqual(bytes)
    }
}

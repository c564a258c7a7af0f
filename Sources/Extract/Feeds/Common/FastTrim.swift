extension String {
    /// The text without surrounding whitespace: ASCII whitespace checked on bytes (Foundation's
    /// `trimmingCharacters` bridges through NSString on Linux, which dominated feed reading), other Unicode
    /// whitespace (NBSP, ideographic space) by scalar properties.
    var feedTrimmed: String {
        // The first and last bytes read from the string's storage (`utf8.last` walks generic indices).
        let ends: (first: UInt8, last: UInt8)?? = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty ? nil : (bytes[0], bytes[bytes.count - 1])
        }
        if let ends {
            guard let ends else { return "" }
            if !Self.maybeSpace(ends.first) && !Self.maybeSpace(ends.last) { return self }
        } else {
            guard let first = utf8.first, let last = utf8.last else { return "" }
            if !Self.maybeSpace(first) && !Self.maybeSpace(last) { return self }
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// True when the text is empty or whitespace only.
    var isBlank: Bool {
        // Any ASCII byte that is not whitespace settles it; only texts of whitespace and non-ASCII bytes are trimmed.
        func settles(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) }
        let settled = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: settles) } ?? utf8.contains(where: settles)
        if settled { return false }
        return utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } || feedTrimmed.isEmpty
    }

    private static func maybeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x80 }
}

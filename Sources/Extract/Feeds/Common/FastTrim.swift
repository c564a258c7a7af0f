extension String {
    /// The text without surrounding whitespace: ASCII whitespace checked on bytes (Foundation's
    /// `trimmingCharacters` bridges through NSString on Linux, which dominated feed reading), other Unicode
    /// whitespace (NBSP, ideographic space) by scalar properties.
    var feedTrimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if !Self.maybeSpace(first) && !Self.maybeSpace(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// True when the text is empty or whitespace only.
    var isBlank: Bool {
        utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } || feedTrimmed.isEmpty
    }

    private static func maybeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x80 }
}

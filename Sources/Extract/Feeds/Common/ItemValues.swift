import AuditModel

/// The values of one feed item as `RecordInterpreter` reads them, by index: a record's strings, or the bytes of a
/// CSV/TSV row, whose strings are made only for the values an observation keeps (prices, counts and the texts a
/// feed repeats, such as availability and shipping, are read from the bytes).
protocol ItemValues {
    /// How many values the item has.
    var count: Int { get }
    /// The name of the value at `index` (normalised).
    func name(_ index: Int) -> String
    /// The value's text as written.
    func text(_ index: Int) -> String
    /// Calls `body` with the value's UTF-8 bytes.
    func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    /// Where the value is.
    func place(_ index: Int) -> Evidence.Place
    /// True for a JSON number (its decimal separator is always `.`).
    func isNumber(_ index: Int) -> Bool
}

extension ItemValues {
    /// True when the value is empty or whitespace only (as `String.isBlank`, decided on bytes when they settle it).
    func isBlank(_ index: Int) -> Bool {
        let settled: Bool? = withBytes(index) { bytes in
            var onlySpace = true
            for byte in bytes {
                if byte >= 0x80 { onlySpace = false } else if byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) { return false }
            }
            return onlySpace ? true : nil
        }
        return settled ?? text(index).isBlank
    }

    /// The index of the first non-blank value named `name`.
    func first(named name: String) -> Int? { (0..<count).first { self.name($0) == name && !isBlank($0) } }

    /// The value's text without surrounding whitespace.
    func trimmed(_ index: Int) -> String { text(index).feedTrimmed }

    /// The value's locator, e.g. `line 4, column price`.
    func locator(_ index: Int) -> String { place(index).text }

    /// Calls `body` with the value's bytes without surrounding ASCII whitespace, or with nil when a non-ASCII byte
    /// ends the value (it may be Unicode whitespace: read it as a string).
    func withTrimmedBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        withBytes(index) { bytes in
            func space(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var start = 0, end = bytes.count
            while start < end, space(bytes[start]) { start += 1 }
            while end > start, space(bytes[end - 1]) { end -= 1 }
            if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 { return body(nil) }
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }
}

/// The values of a `FeedRecord`, borrowed for one observation.
struct RecordValues: ItemValues {
    let values: UnsafeBufferPointer<FeedRecord.Value>

    var count: Int { values.count }
    func name(_ index: Int) -> String { values[index].name }
    func text(_ index: Int) -> String { values[index].text }
    func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = values[index].text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = values[index].text
        return text.withUTF8(body)
    }
    func place(_ index: Int) -> Evidence.Place { values[index].evidencePlace }
    func isNumber(_ index: Int) -> Bool { values[index].isNumber }
}

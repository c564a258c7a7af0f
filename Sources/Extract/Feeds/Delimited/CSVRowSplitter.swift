/// Finds where the rows of a CSV/TSV feed end without reading their fields, so that whole rows can be handed to
/// worker threads: the same quote states as `CSVTokenizer` (a newline inside a quoted field never ends a row, a
/// quote inside an unquoted field is a literal), and nothing else. Fed chunk after chunk; a row may span chunks.
struct CSVRowSplitter {
    let separator: UInt8
    private var state = CSVTokenizer.State.fieldStart
    /// The bytes that end an unquoted field, and those that matter inside a quoted one.
    private let unquotedEnd: ByteScan, quotedStop: ByteScan

    init(separator: UInt8) {
        self.separator = separator
        unquotedEnd = ByteScan(separator, 0x0A)
        quotedStop = ByteScan(0x22, 0x0A)
    }

    /// Scans `base[start..<end]`: the offset just past the first newline that ends a row, or nil when no row ends
    /// there (the quote state carries on to the next bytes). `newlines` counts every newline passed, quoted ones too.
    mutating func nextRowEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, newlines: inout Int) -> Int? {
        let separator = self.separator
        var index = start
        while index < end {
            switch state {
            case .fieldStart:
                let byte = base[index]
                index += 1
                if byte == 0x0A {
                    newlines += 1
                    return index
                }
                if byte == 0x22 { state = .quoted } else if byte != separator { state = .unquoted }
            case .unquoted:
                index = unquotedEnd.first(base, from: index, to: end)
                if index == end { return nil }
                let byte = base[index]
                index += 1
                state = .fieldStart
                if byte == 0x0A {
                    newlines += 1
                    return index
                }
            case .quoted:
                index = quotedStop.first(base, from: index, to: end)
                while index < end, base[index] == 0x0A {
                    newlines += 1
                    index = quotedStop.first(base, from: index + 1, to: end)
                }
                if index == end { return nil }
                index += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let byte = base[index]
                index += 1
                if byte == 0x0A {
                    newlines += 1
                    state = .fieldStart
                    return index
                }
                if byte == 0x22 { state = .quoted } else if byte == separator { state = .fieldStart } else if byte != 0x0D { state = .unquoted }
            }
        }
        return nil
    }
}

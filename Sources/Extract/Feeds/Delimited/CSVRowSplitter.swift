/// Finds where the rows of a CSV/TSV feed end without reading their fields, so that whole rows can be handed to
/// worker threads: the same quote states as `CSVTokenizer` (a newline inside a quoted field never ends a row, a
/// quote inside an unquoted field is a literal), and nothing else. Fed chunk after chunk; a row may span chunks.
struct CSVRowSplitter {
    let separator: UInt8
    private var state = CSVTokenizer.State.fieldStart

    init(separator: UInt8) { self.separator = separator }

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
                while index < end {
                    let byte = base[index]
                    if byte == separator || byte == 0x0A { break }
                    index += 1
                }
                if index == end { return nil }
                let byte = base[index]
                index += 1
                state = .fieldStart
                if byte == 0x0A {
                    newlines += 1
                    return index
                }
            case .quoted:
                while index < end {
                    let byte = base[index]
                    if byte == 0x22 { break }
                    if byte == 0x0A { newlines += 1 }
                    index += 1
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

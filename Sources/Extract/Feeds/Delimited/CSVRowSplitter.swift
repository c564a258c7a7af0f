/// Finds where the rows of a CSV/TSV feed end without reading their fields, so that whole rows can be handed to
/// worker threads: the same quote states as `CSVTokenizer` (a newline inside a quoted field never ends a row, a
/// quote inside an unquoted field is a literal), and nothing else. Fed chunk after chunk; a row may span chunks.
///
/// Outside quotes only quotes and newlines are looked at (eight bytes at a time): separators matter only to tell
/// whether a quote opens a field, which the byte before it says.
struct CSVRowSplitter {
    let separator: UInt8
    private var state = CSVTokenizer.State.fieldStart
    /// The bytes that matter outside and inside quotes alike.
    private let stops = ByteScan(0x22, 0x0A)

    init(separator: UInt8) { self.separator = separator }

    /// Scans `base[start..<end]`: the offset just past the first newline that ends a row, or nil when no row ends
    /// there (the quote state carries on to the next bytes). `newlines` counts every newline passed, quoted ones too.
    mutating func nextRowEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, newlines: inout Int) -> Int? {
        var index = start
        while index < end {
            switch state {
            case .fieldStart, .unquoted:
                let stop = stops.first(base, from: index, to: end)
                if stop == end {
                    // A field ending on the last byte leaves the next one at its start.
                    if stop > index { state = base[stop - 1] == separator ? .fieldStart : .unquoted }
                    return nil
                }
                if base[stop] == 0x0A {
                    newlines += 1
                    state = .fieldStart
                    return stop + 1
                }
                // A quote opens a field only where one starts: a quote inside an unquoted field is a literal.
                let opens = stop == index ? state == .fieldStart : base[stop - 1] == separator
                state = opens ? .quoted : .unquoted
                index = stop + 1
            case .quoted:
                var stop = stops.first(base, from: index, to: end)
                while stop < end, base[stop] == 0x0A {
                    newlines += 1
                    stop = stops.first(base, from: stop + 1, to: end)
                }
                if stop == end { return nil }
                index = stop + 1
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

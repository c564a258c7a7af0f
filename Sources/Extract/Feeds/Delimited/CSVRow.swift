import AuditModel

/// One CSV/TSV row read in place: its fields are ranges of the batch's bytes, and a string is made only for a value
/// an observation keeps. Only rows that need nothing unescaped are read this way (`CSVRow.split`): every field
/// unquoted, or quoted with no quote inside, all on one line, valid UTF-8; the others go through `CSVTokenizer`.
struct CSVRow: ItemValues {
    /// Where a field's bytes are in the batch.
    struct Field {
        var start: Int
        var end: Int
    }

    let base: UnsafePointer<UInt8>
    let fields: UnsafeBufferPointer<Field>
    /// The column names, one per field.
    let names: UnsafeBufferPointer<String>
    /// The line the row is on.
    let line: Int

    var count: Int { fields.count }
    func name(_ index: Int) -> String { names[index] }
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + fields[index].start, count: fields[index].end - fields[index].start)
    }
    func text(_ index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }
    func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { body(bytes(index)) }
    func place(_ index: Int) -> Evidence.Place { .column(line: line, name: names[index]) }
    func isNumber(_ index: Int) -> Bool { false }

    /// The row as a record of the header's layout (for sinks that keep records).
    func record(_ layout: FeedRecord.Layout) -> FeedRecord {
        var record = FeedRecord(place: .line(line), values: (0..<count).map {
            FeedRecord.Value(name: names[$0], text: text($0), place: .column(line: line))
        })
        record.layout = layout
        return record
    }

    /// Reads the fields of the row that starts at `start` into `fields` (emptied first) when the row needs nothing
    /// unescaped and ends with a newline within `end`: returns the offset just past that newline (a CR before it is
    /// not part of the last field). Nil leaves the row to `CSVTokenizer`: a quote inside a field or after a closing
    /// one, a doubled quote, a newline inside quotes, a CR elsewhere than before the newline, no newline, or bytes
    /// that are not UTF-8.
    static func split(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, separator: UInt8, stops: ByteScan,
                      into fields: inout [Field]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let quoteOrNewline = ByteScan(0x22, 0x0A)
        var index = start
        var rowEnd = 0
        while true {
            let fieldEnd: Int
            if index < end, base[index] == 0x22 {
                let close = quoteOrNewline.first(base, from: index + 1, to: end)
                guard close < end, base[close] == 0x22, base[close - 1] != 0x0D || close == index + 1 else { return nil }
                fields.append(Field(start: index + 1, end: close))
                fieldEnd = close + 1
            } else {
                fieldEnd = stops.first(base, from: index, to: end)
                fields.append(Field(start: index, end: fieldEnd))
            }
            guard fieldEnd < end else { return nil }
            let byte = base[fieldEnd]
            if byte == separator {
                index = fieldEnd + 1
                continue
            }
            if byte == 0x0A {
                rowEnd = fieldEnd + 1
            } else if byte == 0x0D, fieldEnd + 1 < end, base[fieldEnd + 1] == 0x0A {
                rowEnd = fieldEnd + 2
            } else {
                return nil
            }
            break
        }
        return isUTF8(base, from: start, to: rowEnd) ? rowEnd : nil
    }

    /// True when the bytes are UTF-8 (ASCII checked eight bytes at a time).
    private static func isUTF8(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        var high: UInt64 = 0
        while index + 8 <= end {
            high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < end {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
            || StrictUTF8.isValid(UnsafeRawBufferPointer(start: base + start, count: end - start))
    }
}

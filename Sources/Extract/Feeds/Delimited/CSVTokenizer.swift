/// A byte-level CSV/TSV state machine fed in chunks: it emits whole rows with their first line, and notes
/// a stray quote (a quote inside an unquoted field, or text after a closing quote) instead of guessing.
struct CSVTokenizer {
    /// One row as read.
    struct Row {
        var fields: [String]
        /// The line the row starts on (1-based).
        var line: Int
        /// The first stray quote: field index and byte column.
        var strayQuote: (field: Int, column: Int)?
        /// The first field whose bytes were not UTF-8 and were read as windows-1252: its index.
        var recoded: Int?
    }

    /// Where in a field the last byte left the reader.
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let separator: UInt8
    /// The current line (1-based).
    private(set) var line = 1
    private var column = 0
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var row = Row(fields: [], line: 1)
    private var quoteOpened = (line: 1, column: 1)
    private var pendingCR = false

    /// A tokenizer whose first row starts on `line`.
    init(separator: UInt8, line: Int = 1) {
        self.separator = separator
        self.line = line
        row.line = line
        field.reserveCapacity(256)
    }

    private mutating func endField() {
        var recoded = false
        row.fields.append(LegacyText.decode(field, recoded: &recoded))
        if recoded, row.recoded == nil { row.recoded = row.fields.count - 1 }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow(_ emit: (Row) -> Void) {
        endField()
        let width = row.fields.count
        emit(row)
        row = Row(fields: [], line: line + 1)
        row.fields.reserveCapacity(width)  // rows mostly have the width of the one before
        state = .fieldStart
    }

    /// Consumes bytes, calling `emit` for every complete row.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, row emit: (Row) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var index = 0
        while index < end {
            // Runs of ordinary bytes are copied at once; the byte that ends a run goes through the state machine.
            if state == .unquoted || state == .fieldStart {
                var stop = index
                while stop < end {
                    let byte = base[stop]
                    if byte == separator || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                    stop += 1
                }
                if stop > index {
                    field.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index))
                    column += stop - index
                    pendingCR = false
                    state = .unquoted
                    index = stop
                    if index == end { break }
                }
            } else if state == .quoted {
                var stop = index
                while stop < end {
                    let byte = base[stop]
                    if byte == 0x22 || byte == 0x0A { break }
                    stop += 1
                }
                if stop > index {
                    field.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index))
                    column += stop - index
                    pendingCR = base[stop - 1] == 0x0D
                    index = stop
                    if index == end { break }
                }
            }
            let byte = base[index]
            index += 1
            column += 1
            if byte == 0x0A && state != .quoted {  // end of line (a CR before it is dropped below)
                if pendingCR, !field.isEmpty, field.last == 0x0D { field.removeLast() }
                pendingCR = false
                endRow(emit)
                line += 1
                column = 0
                continue
            }
            pendingCR = byte == 0x0D
            switch state {
            case .fieldStart:
                if byte == 0x22 {
                    state = .quoted
                    quoteOpened = (line, column)
                } else if byte == separator {
                    endField()
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == separator {
                    endField()
                    state = .fieldStart
                } else {
                    if byte == 0x22, row.strayQuote == nil { row.strayQuote = (row.fields.count, column) }
                    field.append(byte)
                }
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { line += 1; column = 0 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                if byte == 0x22 {
                    field.append(0x22)
                    state = .quoted
                } else if byte == separator {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0D {
                    break
                } else {
                    if row.strayQuote == nil { row.strayQuote = (row.fields.count, column) }
                    field.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input: emits the last row if it has content; returns where an unclosed quoted field opened.
    mutating func finish(row emit: (Row) -> Void) -> (line: Int, column: Int)? {
        if state == .quoted { return quoteOpened }
        if state != .fieldStart || !field.isEmpty || !row.fields.isEmpty {
            if field.last == 0x0D { field.removeLast() }
            endField()
            emit(row)
        }
        return nil
    }
}

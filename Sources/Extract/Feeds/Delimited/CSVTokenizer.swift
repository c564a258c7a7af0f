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
    /// Whether fields that need nothing unescaped are read at once (`wholeField`); false reads every byte through
    /// the state machine (the general path, which tests compare with).
    var readsWholeFields = true
    /// The current line (1-based).
    private(set) var line = 1
    private var column = 0
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var row = Row(fields: [], line: 1)
    private var quoteOpened = (line: 1, column: 1)
    private var pendingCR = false

    /// The bytes that end a run of an unquoted field, and those that end a run of a quoted one.
    private let unquotedStop: ByteScan, quotedStop: ByteScan

    /// A tokenizer whose first row starts on `line`.
    init(separator: UInt8, line: Int = 1) {
        self.separator = separator
        unquotedStop = ByteScan(separator, 0x0A, 0x0D, 0x22)
        quotedStop = ByteScan(0x22, 0x0A)
        self.line = line
        row.line = line
        field.reserveCapacity(256)
    }

    /// Ends the field: its text is `bytes`, or the bytes gathered in `field` when nil.
    private mutating func endField(_ bytes: UnsafeBufferPointer<UInt8>? = nil) {
        var recoded = false
        if let bytes {
            row.fields.append(LegacyText.decode(bytes, recoded: &recoded))
        } else {
            row.fields.append(field.withUnsafeBufferPointer { LegacyText.decode($0, recoded: &recoded) })
            field.removeAll(keepingCapacity: true)
        }
        if recoded, row.recoded == nil { row.recoded = row.fields.count - 1 }
    }

    private mutating func endRow(_ emit: (inout Row) -> Void, last bytes: UnsafeBufferPointer<UInt8>? = nil) {
        endField(bytes)
        emit(&row)
        // The next row reuses the fields' storage (rows mostly have the width of the one before).
        row.fields.removeAll(keepingCapacity: true)
        row.line = line + 1
        row.strayQuote = nil
        row.recoded = nil
        state = .fieldStart
    }

    /// At the start of a field: when the field ends within these bytes and needs nothing unescaped (unquoted with no
    /// quote or CR, or quoted with no doubled quote and followed by the separator or a newline), ends it straight
    /// from the bytes, with the byte after it, as the byte-by-byte path would; returns where reading goes on, or nil
    /// to read the field byte by byte.
    private mutating func wholeField(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, _ emit: (inout Row) -> Void) -> Int? {
        guard field.isEmpty else { return nil }
        var index = start
        let text: UnsafeBufferPointer<UInt8>
        if base[start] == 0x22 {
            var newlines = 0
            var lastNewline = 0
            index = quotedStop.first(base, from: index + 1, to: end)
            while index < end, base[index] == 0x0A {
                newlines += 1
                lastNewline = index
                index = quotedStop.first(base, from: index + 1, to: end)
            }
            // The closing quote at `index`, then the separator or newline.
            guard index + 1 < end, base[index + 1] == separator || base[index + 1] == 0x0A else { return nil }
            text = UnsafeBufferPointer(start: base + start + 1, count: index - start - 1)
            if newlines > 0 {
                line += newlines
                column = index - lastNewline
            } else {
                column += index - start + 1
            }
            index += 1
        } else {
            index = unquotedStop.first(base, from: index, to: end)
            guard index < end, base[index] != 0x22, base[index] != 0x0D else { return nil }
            text = UnsafeBufferPointer(start: base + start, count: index - start)
            column += index - start
        }
        // The separator or newline at `index`.
        column += 1
        pendingCR = false
        if base[index] == 0x0A {
            endRow(emit, last: text)
            line += 1
            column = 0
        } else {
            endField(text)
            state = .fieldStart
        }
        return index + 1
    }

    /// Consumes bytes, calling `emit` for every complete row (which it may take the fields of: the next row starts
    /// with none).
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, row emit: (inout Row) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var index = 0
        while index < end {
            if state == .fieldStart, readsWholeFields, let next = wholeField(base, from: index, to: end, emit) {
                index = next
                continue
            }
            // Runs of ordinary bytes are copied at once; the byte that ends a run goes through the state machine.
            if state == .unquoted || state == .fieldStart {
                let stop = unquotedStop.first(base, from: index, to: end)
                if stop > index {
                    field.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index))
                    column += stop - index
                    pendingCR = false
                    state = .unquoted
                    index = stop
                    if index == end { break }
                }
            } else if state == .quoted {
                let stop = quotedStop.first(base, from: index, to: end)
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
    mutating func finish(row emit: (inout Row) -> Void) -> (line: Int, column: Int)? {
        if state == .quoted { return quoteOpened }
        if state != .fieldStart || !field.isEmpty || !row.fields.isEmpty {
            if field.last == 0x0D { field.removeLast() }
            endField()
            emit(&row)
        }
        return nil
    }
}

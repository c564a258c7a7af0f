import AuditModel
import Foundation

/// Streams the rows of a CSV or TSV feed (RFC 4180 quoting: quoted fields may hold separators, doubled quotes
/// and newlines) in fixed-size chunks. The first row names the columns (with or without `g:`); each later row is
/// one record whose values are located as `line 12, column price`. A row with a stray quote or the wrong number
/// of fields is reported with its line and skipped; the other rows are still read.
///
/// The reading thread only finds where rows end (`CSVRowSplitter`); batches of whole rows are split into fields,
/// made into records and transformed (interpreted) on worker threads, and handed back in input order.
public struct DelimitedReader: Sendable {
    /// The field separator: `,` for CSV, a tab for TSV, `;` for some spreadsheets' CSV.
    public var separator: UInt8
    /// The encoding the channel declares (`encoding: windows-1250`), converted to UTF-8 with iconv; nil reads
    /// UTF-8 (UTF-16 with a byte-order mark converted, other bytes read as windows-1252 and reported).
    public var encoding: String?
    /// The bytes of whole rows handed to a worker at once.
    var batchBytes = 256 << 10
    /// The longest row read: a longer one (a quote that never closes, a file with no line breaks) stops reading
    /// there, as a problem, instead of being held in memory whole.
    var maxRowBytes = 16 << 20
    /// Whether rows that need nothing unescaped are read in place (`CSVRow`); false reads every row through the
    /// tokenizer (the general path, which tests compare with).
    var readsRowsInPlace = true

    /// Creates a reader for one separator.
    public init(separator: UInt8, encoding: String? = nil) {
        self.separator = separator
        self.encoding = DelimitedReader.isUTF8(encoding) ? nil : encoding
    }

    /// True for no declared encoding or a name of UTF-8.
    static func isUTF8(_ encoding: String?) -> Bool {
        guard let name = encoding?.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") else { return true }
        return name == "utf8"
    }

    /// Reads every row, handing each record to `each`; returns the problems, each with its line.
    public func read(_ input: FeedInput, source: String, each: (FeedRecord) -> Void) -> [Problem] {
        read(input, source: source, workers: 0, sink: { RecordList() }, deliver: { $0.forEach(each) })
    }

    /// The first row of text that is not UTF-8, its field, and how many rows had such text.
    typealias Recoded = (line: Int, field: Int, rows: Int)

    /// What the rows of one batch became.
    struct Batch<Output: Sendable>: @unchecked Sendable {  // Recoded and the quote position are plain integers
        /// What the batch's sink made of its records.
        var output: Output
        /// Stray quotes and rows of the wrong width, in order.
        var problems: [Problem]
        var recoded: Recoded?
        /// For the last batch: where a quoted field that never closes opened.
        var unclosed: (line: Int, column: Int)?
    }

    /// The header row, as every batch reads it.
    struct Header: Sendable {
        /// The column names, normalised (each batch makes its own layout of them).
        let names: [String]
        /// The line the header is on.
        let line: Int
    }

    /// Reads the rows in batches: each batch's records go, one by one, to a sink made by `sink` on one of `workers`
    /// threads (the calling thread for 0), and `deliver` receives each batch's output on the calling thread, in order.
    /// `checkHeader` says what the header's column names lack, once for the file (problems placed on its line).
    func read<Sink: RecordSink>(_ input: FeedInput, source: String, workers: Int,
                                sink makeSink: @escaping @Sendable () -> Sink,
                                checkHeader: ([String]) -> [String] = { _ in [] },
                                deliver: (Sink.Output) -> Void) -> [Problem] {
        // UTF-16 (with its byte-order mark) and declared encodings are converted to UTF-8 as they stream.
        var utf16 = encoding == nil ? FeedFormat.utf16ByteOrder(input.peek(2)).map { UTF16Stream(bigEndian: $0) } : nil
        let declared = encoding.flatMap(IconvStream.init(from:))
        if let encoding, declared == nil {
            return [Problem(source: source, message: "encoding '\(encoding)' is not known to iconv: the feed was not read")]
        }
        let separator = self.separator
        let inPlace = readsRowsInPlace
        // Lines ended by a lone CR (a "CSV (Macintosh)" export) are read as lines: every CR becomes a line feed.
        let crLines = FeedFormat.usesCRLineBreaks(input.peek(4096))
        func endLines(from start: Int) {
            guard crLines else { return }
            for index in start..<pending.count where pending[index] == 0x0D { pending[index] = 0x0A }
        }
        let work = OrderedWork<Batch<Sink.Output>>(workers: workers)
        var problems: [Problem] = []
        var recoded: Recoded?
        var unclosed: (line: Int, column: Int)?
        func collect(_ batch: Batch<Sink.Output>) {
            deliver(batch.output)
            problems += batch.problems
            if let more = batch.recoded {
                recoded = (recoded?.line ?? more.line, recoded?.field ?? more.field, (recoded?.rows ?? 0) + more.rows)
            }
            if let open = batch.unclosed { unclosed = open }
        }
        var header: Header?
        var splitter = CSVRowSplitter(separator: separator)
        var pending: [UInt8] = []
        pending.reserveCapacity(batchBytes + (256 << 10))
        var scanned = 0  // bytes of `pending` the splitter has passed
        var cut = 0  // the end of the last whole row in `pending`
        var linesToCut = 0  // newlines in pending[..<cut]
        var linesAfterCut = 0  // newlines in pending[cut..<scanned]
        var line = 1  // the line pending[0] is on
        var tooLong: Int?  // the line a row longer than `maxRowBytes` starts on
        let maxRowBytes = self.maxRowBytes

        /// Hands pending[..<end] (whole rows, or the rest of the input when `final`) on and keeps the bytes after it.
        func flush(_ end: Int, lines: Int, final: Bool) {
            let bytes = pending
            let first = line
            if let known = header {
                work.submit({
                    var sink = makeSink()
                    let rows = bytes.withUnsafeBufferPointer { buffer in
                        Self.rows(UnsafeBufferPointer(rebasing: buffer[..<end]), line: first, final: final, separator: separator,
                                  header: known, source: source, inPlace: inPlace, into: &sink)
                    }
                    return Batch(output: sink.output(), problems: rows.problems, recoded: rows.recoded, unclosed: rows.unclosed)
                }, deliver: collect)
            } else {
                // Until the header is known, rows are read here one by one: the first without a stray quote names the columns.
                var sink = makeSink()
                let rows = bytes.withUnsafeBufferPointer { buffer in
                    Self.rows(UnsafeBufferPointer(rebasing: buffer[..<end]), line: first, final: final, separator: separator,
                              header: nil, source: source, into: &sink)
                }
                header = rows.header
                if let header {
                    problems += checkHeader(header.names).map { Problem(source: source, position: "line \(header.line)", message: $0) }
                }
                collect(Batch(output: sink.output(), problems: rows.problems, recoded: rows.recoded, unclosed: rows.unclosed))
            }
            pending = Array(bytes[end...])
            pending.reserveCapacity(batchBytes + (256 << 10))
            line += lines
        }

        /// Scans the new bytes for row ends; hands on a batch when enough whole rows are pending.
        func scan() {
            while true {
                let end = pending.withUnsafeBufferPointer { buffer in
                    splitter.nextRowEnd(buffer.baseAddress!, from: scanned, to: buffer.count, newlines: &linesAfterCut)
                }
                guard let end else { break }
                scanned = end
                cut = end
                linesToCut += linesAfterCut
                linesAfterCut = 0
                if header == nil {
                    flush(cut, lines: linesToCut, final: false)
                    scanned -= cut
                    cut = 0
                    linesToCut = 0
                }
            }
            scanned = pending.count
            if pending.count - cut > maxRowBytes {
                tooLong = line + linesToCut
                pending.removeSubrange(cut...)
                scanned = cut
                linesAfterCut = 0
            }
            if cut >= batchBytes {
                flush(cut, lines: linesToCut, final: false)
                scanned -= cut
                cut = 0
                linesToCut = 0
            }
        }

        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if count <= 0 { break }
            let before = pending.count
            chunk.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
                if let declared {
                    pending += declared.convert(bytes)
                } else if utf16 != nil {
                    pending += utf16!.convert(bytes)
                } else {
                    pending.append(contentsOf: bytes)
                }
            }
            endLines(from: before)
            if pending.count > before { scan() }
            if tooLong != nil { break }
        }
        if tooLong == nil {
            let before = pending.count
            if var rest = utf16 { pending += rest.finish() }
            if let declared { pending += declared.finish() }
            endLines(from: before)
            if !pending.isEmpty { scan() }
        }
        let lastLine = line + linesToCut + linesAfterCut  // the line reading ended on
        // When reading failed (a truncated gzip, a read error, a decompression cap), the bytes after the last whole row
        // are a row cut short: read as an item, "12.90" cut to "12.9" or "1" would be a price the feed never stated.
        var cutShort: Int?
        if input.cutShort(pending[cut...]) {
            cutShort = line + linesToCut
        }
        flush(cutShort == nil ? pending.count : cut, lines: 0, final: true)
        work.finish(deliver: collect)
        if let declared, let first = declared.firstInvalidOffset, let encoding {
            problems.append(Problem(source: source, position: "byte \(first)",
                                    message: "\(declared.invalid) byte\(declared.invalid == 1 ? " is" : "s are") not valid \(encoding) "
                                        + "(the first here): shown as U+FFFD; check the feed's encoding"))
        }
        if let failure = input.failure {
            problems.append(Problem(source: source, position: "line \(lastLine)", message: "\(failure) (reading stopped here)", stopsReading: true))
        }
        if let cutShort {
            problems.append(Problem(source: source, position: "line \(cutShort)",
                                    message: "the row here was cut short where reading stopped: not read as an item"))
        }
        if let tooLong {
            problems.append(Problem(source: source, position: "line \(tooLong)",
                                    message: "a row longer than \(maxRowBytes >> 20) MiB starts here (a quote that never closes?): "
                                        + "reading stopped, the rest of the feed was not read", stopsReading: true))
        }
        if let open = unclosed {
            problems.append(Problem(source: source, position: "line \(open.line), column \(open.column)",
                                    message: "a quoted field opened here never closes: lines \(open.line)–\(lastLine) were not read as items",
                                    stopsReading: true))
        }
        if header == nil {
            problems.append(Problem(source: source, position: "line 1", message: "empty file: no header row"))
        }
        if let recoded {
            let name = header.flatMap { $0.names.indices.contains(recoded.field) ? " (\($0.names[recoded.field]))" : nil } ?? ""
            problems.append(Problem(source: source, position: "line \(recoded.line), column \(recoded.field + 1)\(name)",
                                    message: "text that is not UTF-8 first found here: read as windows-1252 (\(recoded.rows) row\(recoded.rows == 1 ? "" : "s") in all); save the feed as UTF-8 to be sure of every character"))
        }
        return problems
    }

    /// A row of the wrong width, skipped.
    static func widthProblem(_ source: String, line: Int, fields: Int, columns: Int) -> Problem {
        Problem(source: source, position: "line \(line)", message: "row has \(fields) fields where the header has \(columns): row skipped")
    }

    /// The problems and header of some rows.
    struct Rows {
        var problems: [Problem] = []
        var recoded: Recoded?
        var unclosed: (line: Int, column: Int)?
        var header: Header?
    }

    /// Splits whole rows starting on `line` into fields and hands a record of each row of the header's width to `sink`;
    /// with no header yet, the first row without a stray quote becomes it. With `final`, the bytes end the input (the
    /// last row may lack its newline, a quoted field may be left open). One record is reused for every row: each
    /// row's texts are moved into it, so a row costs no array and no copy of its strings.
    static func rows<Sink: RecordSink>(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, final: Bool, separator: UInt8, header: Header?,
                                       source: String, inPlace: Bool = true, into sink: inout Sink) -> Rows {
        var result = Rows(header: header)
        // Private copies of the names: threads sharing one string would contend for its reference count.
        var names = header.map { $0.names.map { String(decoding: Array($0.utf8), as: UTF8.self) } }
        var record = FeedRecord(place: .line(line))
        func reuse(_ columns: [String]) {
            record.layout = FeedRecord.Layout(names: columns)
            record.values = columns.map { FeedRecord.Value(name: $0, text: "", place: .column(line: line)) }
        }
        names.map(reuse)
        func handle(_ row: inout CSVTokenizer.Row) {
            if let field = row.recoded {
                result.recoded = (result.recoded?.line ?? row.line, result.recoded?.field ?? field, (result.recoded?.rows ?? 0) + 1)
            }
            if let stray = row.strayQuote {
                let name = names.flatMap { $0.indices.contains(stray.field) ? " (\($0[stray.field]))" : nil } ?? ""
                result.problems.append(Problem(source: source, position: "line \(row.line), column \(stray.column)",
                                               message: "stray quote in field \(stray.field + 1)\(name): row skipped"))
                return
            }
            guard let columns = names else {
                var found = row.fields.map { FeedRecord.normalizedName($0) }
                if let first = found.first, first.hasPrefix("\u{FEFF}") { found[0] = String(first.dropFirst()) }
                names = found
                reuse(found)
                result.header = Header(names: found, line: row.line)
                return
            }
            if row.fields.count == 1 && row.fields[0].isEmpty { return }  // blank line
            guard row.fields.count == columns.count else {
                result.problems.append(widthProblem(source, line: row.line, fields: row.fields.count, columns: columns.count))
                return
            }
            record.place = .line(row.line)
            record.values.withUnsafeMutableBufferPointer { values in
                for index in values.indices {
                    swap(&values[index].text, &row.fields[index])
                    values[index].place = .column(line: row.line)
                }
            }
            sink.take(record)
        }
        guard inPlace, let columns = names, let layout = record.layout, let base = bytes.baseAddress else {
            var tokenizer = CSVTokenizer(separator: separator, line: line)
            tokenizer.feed(bytes, row: handle)
            if final { result.unclosed = tokenizer.finish(row: handle) }
            return result
        }
        // Rows that need nothing unescaped are read in place; the others, and a last row without its newline, go
        // through the tokenizer one by one.
        let stops = ByteScan(separator, 0x0A, 0x0D, 0x22)
        var fields: [CSVRow.Field] = []
        fields.reserveCapacity(columns.count + 1)
        var index = 0
        var line = line
        columns.withUnsafeBufferPointer { columnNames in
            while index < bytes.count {
                if let next = CSVRow.split(base, from: index, to: bytes.count, separator: separator, stops: stops, into: &fields) {
                    index = next
                    defer { line += 1 }
                    if fields.count == 1 && fields[0].start == fields[0].end { continue }  // blank line
                    guard fields.count == columns.count else {
                        result.problems.append(widthProblem(source, line: line, fields: fields.count, columns: columns.count))
                        continue
                    }
                    fields.withUnsafeBufferPointer { fields in
                        sink.take(row: CSVRow(base: base, fields: fields, names: columnNames, line: line), layout: layout)
                    }
                    continue
                }
                var tokenizer = CSVTokenizer(separator: separator, line: line)
                var rowSplitter = CSVRowSplitter(separator: separator)
                var newlines = 0
                guard let next = rowSplitter.nextRowEnd(base, from: index, to: bytes.count, newlines: &newlines) else {
                    tokenizer.feed(UnsafeBufferPointer(rebasing: bytes[index...]), row: handle)
                    if final { result.unclosed = tokenizer.finish(row: handle) }
                    break
                }
                tokenizer.feed(UnsafeBufferPointer(rebasing: bytes[index..<next]), row: handle)
                index = next
                line += newlines
            }
        }
        return result
    }
}

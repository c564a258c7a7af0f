import AuditModel
import Foundation

/// Streams the rows of a CSV or TSV feed (RFC 4180 quoting: quoted fields may hold separators, doubled quotes
/// and newlines) in fixed-size chunks. The first row names the columns (with or without `g:`); each later row is
/// one record whose values are located as `line 12, column price`. A row with a stray quote or the wrong number
/// of fields is reported with its line and skipped; the other rows are still read.
public struct DelimitedReader: Sendable {
    /// The field separator: `,` for CSV, a tab for TSV, `;` for some spreadsheets' CSV.
    public var separator: UInt8
    /// The encoding the channel declares (`encoding: windows-1250`), converted to UTF-8 with iconv; nil reads
    /// UTF-8 (UTF-16 with a byte-order mark converted, other bytes read as windows-1252 and reported).
    public var encoding: String?

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
        var tokenizer = CSVTokenizer(separator: separator)
        var header: [String]?
        var layout: FeedRecord.Layout?
        var problems: [Problem] = []
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        var recoded: (line: Int, field: Int, rows: Int)?
        func handle(_ row: CSVTokenizer.Row) {
            if let field = row.recoded {
                recoded = (recoded?.line ?? row.line, recoded?.field ?? field, (recoded?.rows ?? 0) + 1)
            }
            if let stray = row.strayQuote {
                problems.append(Problem(source: source, position: "line \(row.line), column \(stray.column)",
                                        message: "stray quote in field \(stray.field + 1)\(header.map { $0.indices.contains(stray.field) ? " (\($0[stray.field]))" : "" } ?? ""): row skipped"))
                return
            }
            guard let names = header else {
                var names = row.fields.map { FeedRecord.normalizedName($0) }
                if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
                header = names
                layout = FeedRecord.Layout(names: names)
                return
            }
            if row.fields.count == 1 && row.fields[0].isEmpty { return }  // blank line
            guard row.fields.count == names.count else {
                problems.append(Problem(source: source, position: "line \(row.line)",
                                        message: "row has \(row.fields.count) fields where the header has \(names.count): row skipped"))
                return
            }
            var record = FeedRecord(place: .text("line \(row.line)"))
            record.layout = layout
            record.values.reserveCapacity(names.count)
            for (index, text) in row.fields.enumerated() {
                record.values.append(.init(name: names[index], text: text, place: .column(line: row.line)))
            }
            each(record)
        }
        // UTF-16 (with its byte-order mark) is converted to UTF-8 as it streams.
        var utf16 = encoding == nil ? FeedFormat.utf16ByteOrder(input.peek(2)).map { UTF16Stream(bigEndian: $0) } : nil
        let declared = encoding.flatMap(IconvStream.init(from:))
        if let encoding, declared == nil {
            return [Problem(source: source, message: "encoding '\(encoding)' is not known to iconv: the feed was not read")]
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if count <= 0 { break }
            chunk.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
                if let declared {
                    declared.convert(bytes).withUnsafeBufferPointer { tokenizer.feed($0, row: handle) }
                } else if utf16 != nil {
                    utf16!.convert(bytes).withUnsafeBufferPointer { tokenizer.feed($0, row: handle) }
                } else {
                    tokenizer.feed(bytes, row: handle)
                }
            }
        }
        if var rest = utf16 { rest.finish().withUnsafeBufferPointer { tokenizer.feed($0, row: handle) } }
        if let declared {
            declared.finish().withUnsafeBufferPointer { tokenizer.feed($0, row: handle) }
            if let first = declared.firstInvalidOffset, let encoding {
                problems.append(Problem(source: source, position: "byte \(first)",
                                        message: "\(declared.invalid) byte\(declared.invalid == 1 ? " is" : "s are") not valid \(encoding) "
                                            + "(the first here): shown as U+FFFD; check the feed's encoding"))
            }
        }
        if let failure = input.failure {
            problems.append(Problem(source: source, position: "line \(tokenizer.line)", message: "\(failure) (reading stopped here)"))
        }
        if let open = tokenizer.finish(row: handle) {
            problems.append(Problem(source: source, position: "line \(open.line), column \(open.column)",
                                    message: "a quoted field opened here never closes: lines \(open.line)–\(tokenizer.line) were not read as items"))
        }
        if header == nil {
            problems.append(Problem(source: source, position: "line 1", message: "empty file: no header row"))
        }
        if let recoded {
            let name = header.flatMap { $0.indices.contains(recoded.field) ? " (\($0[recoded.field]))" : nil } ?? ""
            problems.append(Problem(source: source, position: "line \(recoded.line), column \(recoded.field + 1)\(name)",
                                    message: "text that is not UTF-8 first found here: read as windows-1252 (\(recoded.rows) row\(recoded.rows == 1 ? "" : "s") in all); save the feed as UTF-8 to be sure of every character"))
        }
        return problems
    }
}

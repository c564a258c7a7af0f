import Foundation

/// A feed's format, as `format:` names it; `auto` (the default) detects it from the first bytes.
public enum FeedFormat: String, CaseIterable, Sendable {
    /// Detected from the first bytes.
    case auto
    /// One JSON document (items at the top level or nested).
    case json
    /// JSON Lines: one object per line.
    case jsonl
    /// Google Merchant RSS 2.0 or Atom 1.0 with the `g:` namespace (also Meta catalog XML).
    case merchantXML = "merchant-xml"
    /// Comma- (or semicolon-) separated values with a header row.
    case csv
    /// Tab-separated values with a header row.
    case tsv

    /// The format of a feed from its first bytes (a BOM and leading whitespace skipped): `<` is Merchant XML,
    /// `[` JSON, `{` JSON Lines when a complete object ends a line and another starts the next, else JSON; anything
    /// else is TSV when its first line has tabs, else CSV. Nil for an empty feed.
    public static func detect(_ head: Data) -> FeedFormat? {
        var bytes = [UInt8](utf8(head))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        switch bytes[first] {
        case UInt8(ascii: "<"): return .merchantXML
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "{"): return objectThenObject(bytes[first...]) ? .jsonl : .json
        default:
            let line = bytes[first...].prefix { $0 != 0x0A && $0 != 0x0D }
            return line.contains(0x09) ? .tsv : .csv
        }
    }

    /// The separator of a delimited feed's header line: a tab for TSV; for CSV `;` when the header has more
    /// semicolons than commas outside quotes, else `,`.
    public static func separator(of format: FeedFormat, head: Data) -> UInt8 {
        if format == .tsv { return 0x09 }
        var (commas, semicolons, quoted) = (0, 0, false)
        for byte in utf8(head) {
            if (byte == 0x0A || byte == 0x0D) && !quoted { break }
            if byte == 0x22 { quoted.toggle() }
            if !quoted && byte == UInt8(ascii: ",") { commas += 1 }
            if !quoted && byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// True when the lines of a delimited feed end with a lone CR (a spreadsheet's "CSV (Macintosh)" export): outside
    /// quoted fields its first bytes have carriage returns not followed by a line feed, and no line feed (one inside
    /// a quoted field is a line break within a cell).
    static func usesCRLineBreaks(_ head: Data) -> Bool {
        let bytes = [UInt8](utf8(head))
        var (quoted, loneCR) = (false, false)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A { return false }
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] != 0x0A { loneCR = true }
        }
        return loneCR
    }

    /// The first bytes as UTF-8: UTF-16 with a byte-order mark is converted (a CSV exported as "Unicode text").
    static func utf8(_ head: Data) -> Data {
        guard let bigEndian = utf16ByteOrder(head) else { return head }
        var stream = UTF16Stream(bigEndian: bigEndian)
        return Data([UInt8](head).withUnsafeBufferPointer { stream.convert($0) })
    }

    /// True (big endian) or false (little endian) when the bytes start with a UTF-16 byte-order mark.
    static func utf16ByteOrder(_ head: Data) -> Bool? {
        if head.starts(with: [0xFF, 0xFE]) { return false }
        if head.starts(with: [0xFE, 0xFF]) { return true }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// True when the first top-level value closes before a newline and the next line opens another object.
    private static func objectThenObject(_ bytes: ArraySlice<UInt8>) -> Bool {
        var (depth, inString, escaped, closed) = (0, false, false, false)
        for byte in bytes {
            if closed {
                if isSpace(byte) { continue }
                return byte == UInt8(ascii: "{")
            }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { closed = true }
            case 0x0A where depth > 0: return false
            default: break
            }
        }
        return false
    }
}

import AuditModel
import Foundation
import Normalize

/// One SMS of a campaign export.
public struct SMSMessage: Sendable, Hashable {
    /// `line N` of the export.
    public var locator: String
    /// The send time when the export gives one.
    public var sent: Date?
    /// The timestamp as written.
    public var sentRaw: String?
    /// The sender id.
    public var sender: String?
    /// The text.
    public var text: String
}

/// Reads SMS campaign exports: CSV with a header naming `timestamp`/`date`/`sent`, `sender`/`from` and
/// `text`/`message`/`body` columns (comma or semicolon), or plain text with one message per line. Rows that
/// cannot be read come back as problems with their line.
public enum SMSExport {
    /// Reads an export's text.
    public static func read(_ text: String, timeZone: TimeZone) -> (messages: [SMSMessage], problems: [(String, String)]) {
        // LF, CRLF, or a lone CR (a spreadsheet's "CSV (Macintosh)" export) ends a line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let headerLine = lines.first else { return ([], []) }
        let delimiter: Character = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        let header = CSVLine.fields(String(headerLine), delimiter: delimiter).map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let textColumn = header.firstIndex { ["text", "message", "body", "testo", "messaggio", "content"].contains($0) }
        guard let textColumn else {
            // Plain text: one message per line.
            var messages: [SMSMessage] = []
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                messages.append(SMSMessage(locator: "line \(index + 1)", text: trimmed))
            }
            return (messages, [])
        }
        let timeColumn = header.firstIndex { ["timestamp", "date", "sent", "sent_at", "time", "data", "datetime"].contains($0) }
        let senderColumn = header.firstIndex { ["sender", "from", "mittente", "sender_id"].contains($0) }
        var messages: [SMSMessage] = []
        var problems: [(String, String)] = []
        for (index, line) in lines.enumerated().dropFirst() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let fields = CSVLine.fields(String(line), delimiter: delimiter)
            guard textColumn < fields.count else {
                problems.append(("line \(index + 1)", "\(fields.count) columns, the text is column \(textColumn + 1)"))
                continue
            }
            var message = SMSMessage(locator: "line \(index + 1)", text: fields[textColumn])
            if let timeColumn, timeColumn < fields.count, !fields[timeColumn].isEmpty {
                message.sentRaw = fields[timeColumn]
                let window = DateWindowParser(timeZone: timeZone, reference: Date(timeIntervalSince1970: 0)).parse(fields[timeColumn])
                message.sent = window.start
                if message.sent == nil {
                    problems.append(("line \(index + 1)", "unreadable timestamp \"\(fields[timeColumn].prefix(40))\""))
                }
            }
            if let senderColumn, senderColumn < fields.count { message.sender = fields[senderColumn] }
            messages.append(message)
        }
        return (messages, problems)
    }
}

/// One CSV line split into fields, with double-quoted fields ("" inside quotes is a quote).
enum CSVLine {
    static func fields(_ line: String, delimiter: Character) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == delimiter {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

import Foundation

/// The mbox `From ` separator line: an .eml saved from an mbox often starts with one.
enum MboxFrom {
    /// A batch-SMTP file (`HELO`, `MAIL FROM:`, `RCPT TO:`, `DATA`, message, `.`): the message after `DATA`.
    static func stripSMTPEnvelope(_ bytes: [UInt8]) -> [UInt8] {
        let head = String(decoding: bytes.prefix(5), as: UTF8.self).uppercased()
        guard head.hasPrefix("HELO ") || head.hasPrefix("EHLO ") else { return bytes }
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.uppercased() == "DATA" { return Array(bytes[end...]) }
            start = end
        }
        return bytes
    }

    /// The bytes without a first line that starts with `From ` (it is no header).
    static func stripLeadingFromLine(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 5, bytes[0] == 0x46, bytes[1] == 0x72, bytes[2] == 0x6F, bytes[3] == 0x6D, bytes[4] == 0x20,
            let newline = bytes.firstIndex(of: 0x0A)
        else { return bytes }
        return Array(bytes[(newline + 1)...])
    }
}

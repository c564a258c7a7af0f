import CGMime
import Foundation

/// Reads one RFC 5322 message with GMime: decoded headers, and every readable text part decoded (transfer
/// encoding in any letter case, unknown encoding names read as 8-bit, charsets through `Charsets`), HTML parts
/// turned into lines by `HTMLText`. A message without any header or body is an error, never a crash.
public enum MailReader {
    /// Messages larger than this are cut before parsing (a promo mail is far smaller), which a note says.
    public static let maxBytes = 16 << 20

    /// Reads a message from its bytes, cut at `maxBytes`.
    public static func read(_ bytes: [UInt8], maxBytes: Int = maxBytes) throws(MailReadError) -> MailMessage {
        let runtime = GMimeRuntime.shared
        let cut = bytes.count > maxBytes
        var input = cut ? Array(bytes.prefix(maxBytes)) : bytes
        if input.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw MailReadError("an Outlook .msg file (OLE compound document), not a MIME message")
        }
        input = MboxFrom.stripLeadingFromLine(MboxFrom.stripSMTPEnvelope(input))
        guard input.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw MailReadError("empty message")
        }
        let stream: UnsafeMutablePointer<GMimeStream>? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    g_mime_stream_mem_new_with_buffer($0, buffer.count)
                }
            }
        }
        guard let stream else { throw MailReadError("cannot allocate a stream") }
        defer { omniaudit_gmime_unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else { throw MailReadError("cannot create a parser") }
        defer { omniaudit_gmime_unref(parser) }
        g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE)
        guard let message = g_mime_parser_construct_message(parser, runtime.options) else {
            throw MailReadError("not a MIME message (no header block)")
        }
        defer { omniaudit_gmime_unref(message) }
        var result = headers(of: message)
        if cut {
            let size = maxBytes >= 1 << 20 ? "\(maxBytes >> 20) MiB" : "\(maxBytes) bytes"
            result.notes.append("message larger than \(size): only its first \(size) were read")
        }
        guard let body = g_mime_message_get_mime_part(message) else {
            if result.subject.isEmpty, result.from.isEmpty, result.date == nil {
                throw MailReadError("no headers and no body")
            }
            result.notes.append("message has no body")
            return result
        }
        var walker = PartWalker()
        walker.walk(body, path: "", depth: 0)
        result.parts = walker.parts
        result.jsonLD = walker.jsonLD
        result.notes += walker.notes
        if result.subject.isEmpty, result.from.isEmpty, result.date == nil, result.parts.isEmpty {
            throw MailReadError("no headers and no readable text part")
        }
        return result
    }

    private static func headers(of message: UnsafeMutablePointer<GMimeMessage>) -> MailMessage {
        var result = MailMessage()
        if let subject = g_mime_message_get_subject(message) { result.subject = collapse(String(cString: subject)) }
        if let from = g_mime_message_get_from(message),
            let text = internet_address_list_to_string(from, nil, 0)
        {
            result.from = collapse(String(cString: text))
            g_free(text)
        }
        let object = omniaudit_gmime_message_object(message)
        if let raw = g_mime_object_get_header(object, "Date") { result.dateRaw = collapse(String(cString: raw)) }
        if let date = g_mime_message_get_date(message) {
            let seconds = g_date_time_to_unix(date)
            // GMime reads an unparseable Date header as the epoch: that is no send date.
            if seconds > 0 { result.date = Date(timeIntervalSince1970: TimeInterval(seconds)) }
        }
        return result
    }

    /// Whitespace runs (folding, tabs, NBSP) as one space, trimmed; control characters dropped.
    static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                space = !out.isEmpty
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{200B}" || scalar == "\u{FEFF}"
                || scalar == "\u{200C}" || scalar == "\u{034F}" || scalar == "\u{AD}"
            {
                continue
            }
            if space { out.unicodeScalars.append(" ") }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

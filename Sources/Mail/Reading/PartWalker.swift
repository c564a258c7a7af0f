import CGMime
import Foundation

/// Walks a MIME tree depth-first, numbering parts as IMAP does, and decodes the text parts: in a
/// `multipart/alternative` only the richest readable child (HTML over plain text) is kept, so that one promo is
/// not read twice; attachments are skipped; an attached `message/rfc822` is read as part of the message.
struct PartWalker {
    var parts: [MailTextPart] = []
    var jsonLD: [(part: String, text: String)] = []
    var notes: [String] = []
    private var blockBase = 0

    static let maxDepth = 32

    mutating func walk(_ object: UnsafeMutablePointer<GMimeObject>, path: String, depth: Int) {
        guard depth < Self.maxDepth else {
            notes.append("part \(path.isEmpty ? "1" : path): nested deeper than \(Self.maxDepth) levels, not read")
            return
        }
        if omniaudit_gmime_is_multipart(object) != 0 {
            let multipart = omniaudit_gmime_multipart(object)
            let count = Int(g_mime_multipart_get_count(multipart))
            let children = (0..<count).compactMap { index in
                g_mime_multipart_get_part(multipart, Int32(index)).map { (index, $0) }
            }
            if Self.isType(object, "multipart", "alternative") {
                // The last readable alternative is the richest (RFC 2046); prefer HTML, then plain text.
                let preferred = children.last { Self.isType($0.1, "text", "html") }
                    ?? children.last { Self.isType($0.1, "text", "plain") }
                    ?? children.last { omniaudit_gmime_is_multipart($0.1) != 0 }
                if let (index, child) = preferred {
                    walk(child, path: Self.child(path, index), depth: depth + 1)
                }
                return
            }
            for (index, child) in children { walk(child, path: Self.child(path, index), depth: depth + 1) }
            return
        }
        let here = path.isEmpty ? "1" : path
        if omniaudit_gmime_is_message_part(object) != 0 {
            let attached = omniaudit_gmime_message_part(object)
            if let message = g_mime_message_part_get_message(attached), let body = g_mime_message_get_mime_part(message) {
                walk(body, path: here, depth: depth + 1)
            }
            return
        }
        guard omniaudit_gmime_is_part(object) != 0, let part = omniaudit_gmime_part(object) else { return }
        if let disposition = g_mime_object_get_disposition(object),
            String(cString: disposition).lowercased() == "attachment"
        {
            return
        }
        let isHTML = Self.isType(object, "text", "html")
        guard isHTML || Self.isType(object, "text", "plain") || Self.isType(object, "text", "enriched") else { return }
        guard let bytes = Self.decodedBytes(part) else {
            notes.append("part \(here): body could not be decoded")
            return
        }
        let charset = g_mime_object_get_content_type_parameter(object, "charset").map { String(cString: $0) }
        let (text, _) = Charsets.decode(bytes, label: charset)
        if isHTML {
            let html = HTMLText.read(text, blockBase: blockBase)
            blockBase = html.nextBlock
            parts.append(MailTextPart(path: here, contentType: "text/html", lines: html.lines, preheader: html.preheader))
            jsonLD += html.jsonLD.map { (part: here, text: $0) }
        } else {
            parts.append(MailTextPart(path: here, contentType: "text/plain", lines: PlainText.lines(text)))
        }
    }

    private static func child(_ path: String, _ index: Int) -> String {
        path.isEmpty ? "\(index + 1)" : "\(path).\(index + 1)"
    }

    private static func isType(_ object: UnsafeMutablePointer<GMimeObject>, _ type: String, _ subtype: String) -> Bool {
        guard let contentType = g_mime_object_get_content_type(object) else {
            return type == "text" && subtype == "plain"  // RFC 2045 default
        }
        return g_mime_content_type_is_type(contentType, type, subtype) != 0
    }

    /// The content with its transfer encoding undone (base64 and quoted-printable in any case; unknown names such
    /// as `8bits` or `7-bit` leave the bytes as they are). A truncated base64 body yields what could be decoded.
    static func decodedBytes(_ part: UnsafeMutablePointer<GMimePart>) -> [UInt8]? {
        guard let content = g_mime_part_get_content(part) else { return [] }
        guard let memory = g_mime_stream_mem_new() else { return nil }
        defer { omniaudit_gmime_unref(memory) }
        if g_mime_data_wrapper_write_to_stream(content, memory) < 0 { return nil }
        guard let array = g_mime_stream_mem_get_byte_array(omniaudit_gmime_as_mem(memory)),
            let data = array.pointee.data
        else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(array.pointee.len)))
    }
}

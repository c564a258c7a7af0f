import CLibXML2
import Foundation

/// Decides the character encoding of a page: the HTTP `Content-Type` charset, else a byte-order mark, else
/// the page's own `<meta charset>` / `http-equiv` declaration (left to libxml2), else UTF-8 when the bytes are
/// valid UTF-8 and windows-1252 (the web's de-facto Latin-1) when they are not.
enum Charset {
    /// The encoding name to force, or nil to let libxml2 follow the page's declaration.
    static func encoding(for data: Data, contentType: String?) -> String? {
        if let contentType, let range = contentType.lowercased().range(of: "charset=") {
            let value = contentType[range.upperBound...].split(separator: ";").first.map(String.init)?
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) ?? ""
            if !value.isEmpty { return value }
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if declaresCharset(data.prefix(2048)) { return nil }
        return isValidUTF8(data) ? "UTF-8" : "windows-1252"
    }

    /// True when the bytes are well-formed UTF-8 (what `String(data:encoding: .utf8) != nil` says), checked in place.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes(StrictUTF8.isValid)
    }

    private static func declaresCharset(_ head: Data) -> Bool {
        var bytes = [CChar](repeating: 0, count: head.count + 1)
        head.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() { bytes[index] = byte == 0 ? 0x20 : CChar(bitPattern: byte) }
        }
        return omniaudit_contains_ci(bytes, "charset") != 0
    }
}

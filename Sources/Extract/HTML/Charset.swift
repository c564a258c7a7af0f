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

    /// True when the bytes are well-formed UTF-8 (what `String(data:encoding: .utf8) != nil` says), checked in
    /// place: eight ASCII bytes at a time, no string built.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            let count = raw.count
            guard let base = raw.baseAddress else { return true }
            var index = 0
            while index < count {
                if index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = raw[index]
                if byte < 0x80 { index += 1; continue }
                func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                    index + offset < count && raw[index + offset] >= low && raw[index + offset] <= high
                }
                switch byte {
                case 0xC2...0xDF:
                    guard continuation(1) else { return false }
                    index += 2
                case 0xE0...0xEF:
                    guard continuation(1, byte == 0xE0 ? 0xA0 : 0x80, byte == 0xED ? 0x9F : 0xBF), continuation(2) else { return false }
                    index += 3
                case 0xF0...0xF4:
                    guard continuation(1, byte == 0xF0 ? 0x90 : 0x80, byte == 0xF4 ? 0x8F : 0xBF), continuation(2), continuation(3)
                    else { return false }
                    index += 4
                default:
                    return false
                }
            }
            return true
        }
    }

    private static func declaresCharset(_ head: Data) -> Bool {
        var bytes = [CChar](repeating: 0, count: head.count + 1)
        head.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() { bytes[index] = byte == 0 ? 0x20 : CChar(bitPattern: byte) }
        }
        return omniaudit_contains_ci(bytes, "charset") != 0
    }
}

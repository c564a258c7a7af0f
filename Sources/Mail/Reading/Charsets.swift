import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a text part into a `String` from the charset its label names, the way mail clients do:
/// `iso-8859-1` and `us-ascii` are read as windows-1252 (what senders mean), `x-` prefixes and odd spellings
/// (`x-mac-cyrillic`, `utf8`, `latin1`) are mapped to iconv names, and an unknown or missing label falls back to
/// UTF-8 when the bytes are valid UTF-8, else windows-1252. Never fails; returns the label actually used.
enum Charsets {
    static let aliases: [String: String] = [
        "iso-8859-1": "CP1252", "iso8859-1": "CP1252", "latin1": "CP1252", "latin-1": "CP1252", "l1": "CP1252",
        "us-ascii": "CP1252", "ascii": "CP1252", "ansi_x3.4-1968": "CP1252", "windows-1252": "CP1252",
        "cp1252": "CP1252", "x-cp1252": "CP1252", "utf8": "UTF-8", "utf-8": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "x-unknown": "", "unknown-8bit": "", "x-user-defined": "", "default": "", "x-mac-cyrillic": "MAC-CYRILLIC",
        "x-mac-roman": "MACINTOSH", "mac": "MACINTOSH", "macintosh": "MACINTOSH", "ks_c_5601-1987": "CP949",
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "x-sjis": "SHIFT_JIS", "shift-jis": "SHIFT_JIS",
        "x-euc-jp": "EUC-JP", "iso-8859-8-i": "ISO-8859-8", "tis-620": "TIS-620", "windows-874": "CP874",
    ]

    /// The text of `bytes` in `label`'s charset, and the iconv name used (`utf-8` when the bytes were valid UTF-8
    /// and nothing else was named).
    static func decode(_ bytes: [UInt8], label: String?) -> (text: String, used: String) {
        let name = label.map(iconvName) ?? ""
        if name.isEmpty || name == "UTF-8" {
            if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
            if name == "UTF-8" {
                return (String(decoding: bytes, as: UTF8.self), "UTF-8 (invalid bytes replaced)")
            }
            return (convert(bytes, from: "CP1252") ?? String(decoding: bytes, as: UTF8.self), "CP1252")
        }
        if let text = convert(bytes, from: name) { return (text, name) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
        return (convert(bytes, from: "CP1252") ?? String(decoding: bytes, as: UTF8.self), "CP1252")
    }

    /// The iconv name of a MIME charset label.
    static func iconvName(_ label: String) -> String {
        let folded = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
        if let alias = aliases[folded] { return alias }
        if folded.hasPrefix("x-") { return String(folded.dropFirst(2)).uppercased() }
        if folded.hasPrefix("cp-") { return "CP" + folded.dropFirst(3) }
        return folded.uppercased()
    }

    /// Converts with iconv; nil when iconv does not know the charset or the bytes do not fit it.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        if bytes.isEmpty { return "" }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let outputCount = output.count
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outputCount
                while inLeft > 0 {
                    if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { return nil }
                        // An invalid byte: write U+FFFD and skip it, as mail clients do.
                        outPointer?[0] = CChar(bitPattern: 0xEF)
                        outPointer?[1] = CChar(bitPattern: 0xBF)
                        outPointer?[2] = CChar(bitPattern: 0xBD)
                        outPointer = outPointer.map { $0 + 3 }
                        outLeft -= 3
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
                return outputCount - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output[0..<converted], as: UTF8.self)
    }
}

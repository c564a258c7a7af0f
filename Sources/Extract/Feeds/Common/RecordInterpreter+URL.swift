import AuditModel
import Foundation
import Normalize

/// A feed item's product URL in its normal form, fast for the URLs feeds carry.
extension RecordInterpreter {
    /// A product URL in its normal form; URLs already normal (an http(s) scheme and host in lower case, no query,
    /// fragment or port) skip URLComponents, which is slow on Linux.
    static func url(_ text: String) -> String? {
        if let end = text.utf8.withContiguousStorageIfAvailable(normalURLEnd), let end {
            return end == text.utf8.count ? text : String(Substring(text.utf8.prefix(end)))
        }
        return slowURL(text)
    }

    /// The URL of an item's value in its normal form (made from the value's bytes when they are already normal but
    /// for campaign parameters: the string made is the URL kept).
    static func url(in values: some ItemValues, at index: Int) -> String? {
        let normal: String?? = values.withTrimmedBytes(index) { bytes in
            guard let bytes, let end = normalURLEnd(bytes) else { return nil }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self))
        }
        if let normal { return normal }
        return url(values.trimmed(index))
    }

    /// When the URL is already normal but for campaign parameters (`?utm_source=…` only): the length of its normal
    /// form; nil when it needs the full normaliser. One pass over the bytes.
    fileprivate static func normalURLEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        let schemeEnd: Int
        if count > 8, bytes[0] == 0x68, bytes[1] == 0x74, bytes[2] == 0x74, bytes[3] == 0x70 {  // "http"
            if bytes[4] == 0x73, bytes[5] == 0x3A, bytes[6] == 0x2F, bytes[7] == 0x2F { schemeEnd = 8 }
            else if bytes[4] == 0x3A, bytes[5] == 0x2F, bytes[6] == 0x2F { schemeEnd = 7 }
            else { return nil }
        } else {
            return nil
        }
        var hostEnd = schemeEnd
        while hostEnd < count, bytes[hostEnd] != 0x2F {
            let byte = bytes[hostEnd]
            if (byte >= 0x41 && byte <= 0x5A) || byte == 0x3A || byte == 0x3F || byte == 0x23 || byte == 0x20 { return nil }
            hostEnd += 1
        }
        var question: Int?
        for index in hostEnd..<count {
            let byte = bytes[index]
            if byte == 0x23 || byte == 0x20 { return nil }
            if byte == 0x3F, question == nil { question = index }
        }
        guard hostEnd > schemeEnd, hostEnd - schemeEnd < (question ?? count) - 8 else { return nil }
        guard let question else { return count }
        // Every parameter must be a campaign one.
        var start = question + 1
        while start <= count {
            var stop = start
            while stop < count, bytes[stop] != 0x26 { stop += 1 }
            if stop > start {
                guard stop - start >= 4, bytes[start + 3] == 0x5F,
                      (bytes[start] == 0x75 && bytes[start + 1] == 0x74 && bytes[start + 2] == 0x6D)
                        || (bytes[start] == 0x55 && bytes[start + 1] == 0x54 && bytes[start + 2] == 0x4D) else { return nil }
            }
            start = stop + 1
        }
        return question
    }

    /// The general path of `url`.
    fileprivate static func slowURL(_ text: String) -> String? {
        var text = text
        // Merchant links often carry only campaign parameters (`?utm_source=google&utm_medium=shopping`), which never
        // identify a product: dropped here without parsing the URL (all on bytes: Foundation's string search is slow).
        let bytes = text.utf8
        if let question = bytes.firstIndex(of: UInt8(ascii: "?")), !bytes.contains(UInt8(ascii: "#")),
            bytes[bytes.index(after: question)...].split(separator: UInt8(ascii: "&")).allSatisfy({ parameter in
                parameter.starts(with: "utm_".utf8) || parameter.starts(with: "UTM_".utf8)
            }) {
            text = String(Substring(bytes[..<question]))
        }
        let simple = (text.hasPrefix("https://") || text.hasPrefix("http://"))
            && !text.utf8.contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: " ") }
        if simple {
            let host = text.utf8.dropFirst(text.hasPrefix("https") ? 8 : 7).prefix { $0 != UInt8(ascii: "/") }
            if !host.isEmpty, host.count < text.utf8.count - 8, !host.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ":") }) {
                return text
            }
        }
        return URLNormalizer.normalize(text)
    }
}

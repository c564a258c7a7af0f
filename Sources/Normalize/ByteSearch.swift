import Foundation
/// Substring search over UTF-8 bytes: for keyword tables, where Foundation's `String.contains` is slow on Linux.
public enum ByteSearch {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, the same result, without Foundation when both
    /// ends are ASCII (nothing to trim) or the text is ASCII (only tab, LF, VT, FF, CR and space can be trimmed).
    public static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return text }
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(utf8)
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when `needle` occurs in `haystack`.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// True when `needle`'s UTF-8 bytes occur in `haystack`'s (exact bytes: fold case first when needed); what
    /// Foundation's `contains` answers for the folded texts and ASCII words it is used on, without bridging.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard !word.isEmpty else { return true }
                guard let base = text.baseAddress, let first = word.baseAddress, word.count <= text.count else { return false }
                // Each occurrence of the first byte (memchr), then the rest compared (memcmp).
                var index = 0
                let last = text.count - word.count
                while index <= last {
                    guard let found = memchr(base + index, Int32(first.pointee), last - index + 1) else { return false }
                    index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + index, first, word.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// True when any of the words occurs in the text (exact bytes: fold case first when needed).
    public static func containsAny(_ text: String, _ words: [String]) -> Bool {
        words.contains { contains(text, $0) }
    }
}

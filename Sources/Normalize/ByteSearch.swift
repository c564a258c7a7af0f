/// Substring search over UTF-8 bytes: for keyword tables, where Foundation's `String.contains` is slow on Linux.
public enum ByteSearch {
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

    /// True when any of the words occurs in the text (exact bytes: fold case first when needed).
    public static func containsAny(_ text: String, _ words: [String]) -> Bool {
        let bytes = Array(text.utf8)
        return words.contains { contains(bytes, Array($0.utf8)) }
    }
}

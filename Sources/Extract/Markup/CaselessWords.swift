import CLibXML2

/// Lower-case ASCII words looked for inside a NUL-terminated attribute value, ASCII case ignored (what
/// `omniaudit_contains_ci` answers word by word), in one pass: only positions whose letter begins a word are
/// compared.
struct CaselessWords: Sendable {
    private let words: [[UInt8]]
    /// `starts[b]` for each lower-case byte `b` that begins a word.
    private let starts: [Bool]

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        var starts = [Bool](repeating: false, count: 256)
        for word in self.words { if let first = word.first { starts[Int(first)] = true } }
        self.starts = starts
    }

    /// True when one of the words occurs in the value.
    func occur(in value: UnsafePointer<xmlChar>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            var cursor = value
            while cursor.pointee != 0 {
                let byte = cursor.pointee
                if starts[Int(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)] {
                    for word in words where Self.matches(word, at: cursor) { return true }
                }
                cursor += 1
            }
            return false
        }
    }

    private static func matches(_ word: [UInt8], at start: UnsafePointer<xmlChar>) -> Bool {
        for (offset, expected) in word.enumerated() {
            let byte = start[offset]
            if byte == 0 || (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
        }
        return true
    }
}

/// Finds the first of a few byte values eight bytes at a time (SWAR: a word is tested for each value with the
/// "has a zero byte" trick), for the CSV/TSV scanners, whose fields are runs of ordinary bytes ended by a separator,
/// a newline or a quote.
struct ByteScan {
    private let a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// A scan for two to four byte values (a value given twice costs nothing more).
    init(_ first: UInt8, _ second: UInt8, _ third: UInt8? = nil, _ fourth: UInt8? = nil) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        a = ones &* UInt64(first)
        b = ones &* UInt64(second)
        c = ones &* UInt64(third ?? first)
        d = ones &* UInt64(fourth ?? first)
    }

    /// The bytes of `word` that are zero, as their high bits; exact for the lowest zero byte (borrows can only mark
    /// bytes above it), which is the one `first` reads.
    @inline(__always)
    private static func zeros(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The offset of the first byte in `base[start..<end]` that is one of the values, or `end`.
    @inline(__always)
    func first(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            let found = Self.zeros(word ^ a) | Self.zeros(word ^ b) | Self.zeros(word ^ c) | Self.zeros(word ^ d)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = UInt64(base[index]) &* 0x0101_0101_0101_0101
            if byte == a || byte == b || byte == c || byte == d { return index }
            index += 1
        }
        return end
    }
}

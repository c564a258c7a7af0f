/// Text of CSV/TSV feeds that is not UTF-8: windows-1252 (the usual "ANSI" or Latin-1 export of spreadsheets) for
/// bytes that are not valid UTF-8, and UTF-16 (with its byte-order mark) converted to UTF-8 as it streams.
enum LegacyText {
    /// The windows-1252 characters of bytes 0x80…0x9F (the rest of the range is Latin-1, byte = scalar); bytes
    /// that windows-1252 leaves undefined keep their Latin-1 control character.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The bytes read as windows-1252.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte >= 0x80 && byte <= 0x9F ? high[Int(byte - 0x80)] : UInt32(byte)
            text.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        return text
    }

    /// The text of a field: UTF-8 when the bytes are valid UTF-8; otherwise windows-1252, and `recoded` is true.
    static func decode(_ bytes: [UInt8], recoded: inout Bool) -> String {
        bytes.withUnsafeBufferPointer { decode($0, recoded: &recoded) }
    }

    /// The text of a field: UTF-8 when the bytes are valid UTF-8; otherwise windows-1252, and `recoded` is true.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, recoded: inout Bool) -> String {
        // Checked in place first (the standard library's `String(validating:)` is several times slower); valid
        // bytes then make the string at once.
        if StrictUTF8.isValid(UnsafeRawBufferPointer(bytes)) { return String(decoding: bytes, as: UTF8.self) }
        recoded = true
        return windows1252(Array(bytes))
    }
}

/// Converts UTF-16 (little or big endian) to UTF-8 chunk by chunk; a code unit or surrogate pair cut by a chunk
/// boundary is kept for the next chunk. Unpaired surrogates become U+FFFD.
struct UTF16Stream {
    let bigEndian: Bool
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    /// The UTF-8 bytes of `bytes` (after any carried byte).
    mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var input = carry
        input.append(contentsOf: bytes)
        let even = input.count & ~1
        carry = Array(input[even...])
        var output: [UInt8] = []
        output.reserveCapacity(even * 3 / 2)
        var index = 0
        while index < even {
            let unit = bigEndian ? UInt16(input[index]) << 8 | UInt16(input[index + 1])
                : UInt16(input[index + 1]) << 8 | UInt16(input[index])
            index += 2
            if let high = highSurrogate {
                highSurrogate = nil
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                    append(Unicode.Scalar(value)!, to: &output)
                    continue
                }
                append("\u{FFFD}", to: &output)
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                highSurrogate = unit
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                append("\u{FFFD}", to: &output)
            } else {
                append(Unicode.Scalar(unit)!, to: &output)
            }
        }
        return output
    }

    /// Bytes left over at the end of the input (an odd byte or a lone high surrogate): U+FFFD, or nothing.
    mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if highSurrogate != nil || !carry.isEmpty { append("\u{FFFD}", to: &output) }
        highSurrogate = nil
        carry = []
        return output
    }

    private func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }
}
